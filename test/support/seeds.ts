/**
 * The conversation the element tests start from: open, on WhatsApp, nobody
 * assigned, nothing unread, last active at `at`, with no messages. A test
 * names only what it needs to differ.
 */
import type { MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { Conversation } from '../../src/data/models.js';

export function conversationSeed(
  id: string,
  patch: Partial<Conversation> = {},
  at = '2026-03-02T09:59:00Z',
): MemorySeed {
  return {
    conversation: {
      id,
      dialect: 'memory',
      status: 'open',
      channel: { kind: 'whatsapp' },
      contact: { displayName: `Contact ${id}` },
      assignee: null,
      unreadCount: 0,
      lastActivityAt: at,
      createdAt: at,
      ...patch,
    },
    messages: [],
  };
}
