/**
 * Benchmark data: the same deterministic fixtures the stories use, served by
 * one `MemoryAdapter` that every implementation reads from (ours through the
 * store, the baselines by calling the adapter themselves), so all of them pay
 * the same data-source cost and render the same rows.
 */
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import { seedConversations, type MemorySeed } from '../src/adapters/memory/fixtures.js';
import type { Message } from '../src/data/models.js';

/** Older messages the thread's server holds beyond the first page (the "prepend 50" step). */
export const OLDER = 50;

/** What the `list-latency` scenario's source waits before it answers, like a backend on a fast network. */
export const LIST_LATENCY_MS = 30;

/** `n` conversations, all on one page; each request answers after `latency` ms (0: at once). */
export function listSource(n: number, latency = 0): MemoryAdapter {
  // two messages each keep the fixture cheap; the list only shows the last one
  const seed = seedConversations({ count: n, seed: 7, messagesPerConversation: 2 });
  return new MemoryAdapter({ seed, pageSize: n, latency });
}

export interface ThreadFixture {
  source: MemoryAdapter;
  conversationId: string;
  contactName: string;
}

/**
 * One conversation with `n + OLDER` text messages; the first page holds the
 * newest `n`, the next page the `OLDER` before them. No unread messages, so
 * every implementation opens at the bottom.
 */
export function threadSource(n: number): ThreadFixture {
  // conversation #2 of the fixtures is a plain text conversation (#1 is the showcase)
  const [, plain] = seedConversations({ count: 2, seed: 7, messagesPerConversation: n + OLDER });
  const seed: MemorySeed = { conversation: { ...plain.conversation, unreadCount: 0 }, messages: plain.messages };
  const source = new MemoryAdapter({ seed: [seed], pageSize: 1, messagePageSize: n });
  const contact = seed.conversation.contact;
  return { source, conversationId: seed.conversation.id, contactName: contact.displayName ?? contact.phone ?? '' };
}

let appended = 0;

/** A new inbound text message, newer than everything in the fixture. */
export function newMessage(conversationId: string): Message {
  appended++;
  return {
    id: `bench-new-${appended}`,
    conversationId,
    direction: 'inbound',
    kind: 'text',
    rawType: 'text',
    text: 'Just checking in: did my parcel leave the warehouse yet?',
    status: 'received',
    createdAt: new Date(Date.now() + appended * 1000).toISOString(),
    senderId: null,
  };
}
