/**
 * Every user-visible string of `<inbox-conversation-actions>`. A host replaces
 * any of them with the element's `i18n` property.
 */
import type { InboxErrorKind } from '../../data/errors.js';
import { CONVERSATION_ERRORS } from '../../internal/conversation-errors.js';
import type { ConversationAction } from '../../data/store.js';

export const INBOX_CONVERSATION_ACTIONS_STRINGS = {
  /** The accessible name of the group of buttons. */
  label: 'Conversation actions',
  close: 'Close',
  archive: 'Archive',
  unarchive: 'Unarchive',
  markRead: 'Mark as read',
  markUnread: 'Mark as unread',
  /** The resolution chooser next to Close. */
  resolutionLabel: 'Resolution',
  /** Labels of the resolution values; unknown values show as they are. */
  resolutions: {
    resolved: 'Resolved',
    no_response: 'No response',
    spam: 'Spam',
  } as Record<string, string>,

  /** What failed, by action. */
  failed: {
    close: 'The conversation could not be closed.',
    archive: 'The conversation could not be archived.',
    unarchive: 'The conversation could not be unarchived.',
    'mark-read': 'The conversation could not be marked as read.',
    'mark-unread': 'The conversation could not be marked as unread.',
  } as Record<ConversationAction, string>,
  /** Why, by error kind (added after the sentence above). */
  errors: {
    forbidden: 'You are not allowed to change this conversation.',
    not_found: 'It no longer exists.',
    unauthorized: 'Your session has expired. Sign in again, then retry.',
    network: 'There is no connection.',
    timeout: 'The server took too long to answer.',
    rate_limited: 'Too many requests. Wait a moment, then retry.',
    upstream: 'The inbox is not answering right now. Try again in a moment.',
    server: 'The server had a problem. Try again in a moment.',
    conflict: 'It was changed at the same time by someone else.',
    validation: 'The inbox did not accept the change.',
    unsupported: 'This inbox does not support it.',
  } as Partial<Record<InboxErrorKind, string>>,

  /** The conversation could not be loaded (no action is offered), by error kind; `conversationFailed` is the fallback. */
  conversationFailed: 'The conversation could not be loaded.',
  conversationErrors: { ...CONVERSATION_ERRORS },

  /** Announced after an action succeeded. */
  done: {
    close: 'Conversation closed',
    archive: 'Conversation archived',
    unarchive: 'Conversation unarchived',
    'mark-read': 'Marked as read',
    'mark-unread': 'Marked as unread',
  } as Record<ConversationAction, string>,

  retry: 'Retry',
  dismiss: 'Dismiss',
};

export type InboxConversationActionsStrings = typeof INBOX_CONVERSATION_ACTIONS_STRINGS;
