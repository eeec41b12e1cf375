/**
 * Conversation fields the dialects derive the same way from what the wire
 * gives: the 24-hour service window predicted from the last inbound message,
 * the list preview of the newest message, and the newest inbound message of an
 * embedded thread. Which wire field holds the last inbound date stays in each
 * dialect's mapper.
 */
import { DAY_MS } from '../../data/models.js';
import type { Conversation, Message, ServiceWindow } from '../../data/models.js';

/**
 * The window as predicted from the customer's last inbound message (open for
 * 24 hours after it, as of `now`); `unknown` without one.
 */
export function predictWindow(lastInboundAt: string | undefined, now = Date.now()): ServiceWindow {
  if (!lastInboundAt) return { source: 'unknown' };
  const expires = Date.parse(lastInboundAt) + DAY_MS;
  return { source: 'predicted', expiresAt: new Date(expires).toISOString(), isOpen: now < expires };
}

/** The conversation-list preview of a message. */
export function messagePreview(message: Message): NonNullable<Conversation['lastMessage']> {
  return { text: message.text, direction: message.direction, createdAt: message.createdAt, kind: message.kind };
}

/** When the newest inbound message of an oldest-first thread was sent; undefined without one. */
export function newestInboundAt(messages: readonly Message[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].direction === 'inbound') return messages[i].createdAt;
  return undefined;
}
