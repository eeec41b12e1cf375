/**
 * Why a conversation could not be loaded, by error kind: the English defaults
 * of the `conversationErrors` table that `<assignee-picker>`,
 * `<inbox-conversation-actions>` and `<message-composer>` each have (a host
 * replaces them per element through its `i18n`).
 */
import type { InboxErrorKind } from '../data/errors.js';

export const CONVERSATION_ERRORS: Partial<Record<InboxErrorKind, string>> = {
  not_found: 'This conversation could not be found. It may have been deleted.',
  forbidden: 'You are not allowed to see this conversation.',
  network: 'The conversation could not be loaded: no connection.',
  timeout: 'The conversation could not be loaded: the server took too long.',
  rate_limited: 'Too many requests. Wait a moment, then retry.',
  unauthorized: 'Your session has expired. Sign in again, then retry.',
  upstream: 'The inbox is not answering right now. Try again in a moment.',
};
