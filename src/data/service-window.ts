/**
 * The WhatsApp customer-service window: free-form messages are allowed for 24
 * hours after the customer's last inbound message. Known from the backend
 * (vobiz `expires_at`) or predicted from the last inbound message.
 */
import { DAY_MS } from './models.js';
import type { Conversation, Message, ServiceWindow } from './models.js';

/** The newest inbound timestamp among a conversation and its loaded messages. */
export function lastInboundAt(
  conversation: Conversation | undefined,
  messages: readonly Message[] = [],
): string | undefined {
  let best = conversation?.lastInboundAt;
  let bestMs = best ? Date.parse(best) : Number.NEGATIVE_INFINITY;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.direction !== 'inbound') continue;
    const t = Date.parse(m.createdAt);
    if (t > bestMs) {
      best = m.createdAt;
      bestMs = t;
    }
    break; // messages are oldest first: the last inbound one is the newest
  }
  if (conversation?.lastMessage?.direction === 'inbound' && conversation.lastMessage.createdAt) {
    const t = Date.parse(conversation.lastMessage.createdAt);
    if (t > bestMs) best = conversation.lastMessage.createdAt;
  }
  return best;
}

/** The window as of `now`: from the backend when it says, else predicted, else unknown. */
export function serviceWindow(
  conversation: Conversation | undefined,
  messages: readonly Message[] = [],
  now = Date.now(),
): ServiceWindow {
  const fromBackend = conversation?.window;
  if (fromBackend?.source === 'backend' && fromBackend.expiresAt) {
    return { source: 'backend', expiresAt: fromBackend.expiresAt, isOpen: now < Date.parse(fromBackend.expiresAt) };
  }
  const inbound = lastInboundAt(conversation, messages);
  if (inbound) {
    const expires = Date.parse(inbound) + DAY_MS;
    if (!Number.isNaN(expires)) {
      return { source: 'predicted', expiresAt: new Date(expires).toISOString(), isOpen: now < expires };
    }
  }
  return { source: 'unknown' };
}
