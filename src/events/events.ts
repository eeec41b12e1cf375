/**
 * The public events. All are `CustomEvent`s that bubble and are composed. A
 * write fires a cancelable present-tense event before the call and a
 * past-tense one after success; every failure fires `inbox-error`.
 */
import type { InboxError } from '../data/errors.js';
import type { Conversation, Message, SendRequest } from '../data/models.js';
import type { ConversationAction, InboxOperation } from '../data/store.js';

export interface InboxConversationSelectDetail {
  conversationId: string;
}
/** Before a send; cancel it to stop the send, or change `request.text` to rewrite it. */
export interface InboxMessageSendDetail {
  conversationId: string;
  /** Present for text sends; a listener may rewrite it. */
  text?: string;
  request: SendRequest;
}
export interface InboxMessageSentDetail {
  message: Message;
}
export interface InboxConversationAssignDetail {
  conversationId: string;
  /** null to unassign. */
  assigneeId: string | null;
}
export interface InboxConversationAssignedDetail {
  conversation: Conversation;
}
export interface InboxConversationUpdateDetail {
  conversationId: string;
  action: ConversationAction;
  resolution?: string;
}
export interface InboxConversationUpdatedDetail {
  conversationId: string;
  action: ConversationAction;
  conversation?: Conversation;
}
export interface InboxErrorDetail {
  operation: InboxOperation;
  error: InboxError;
  conversationId?: string;
}
export interface InboxAuthRequiredDetail {
  error: InboxError;
}

/** Event name → detail type, for `emit()` and listener typing. */
export interface InboxEventDetailMap {
  'inbox-conversation-select': InboxConversationSelectDetail;
  'inbox-message-send': InboxMessageSendDetail;
  'inbox-message-sent': InboxMessageSentDetail;
  'inbox-conversation-assign': InboxConversationAssignDetail;
  'inbox-conversation-assigned': InboxConversationAssignedDetail;
  'inbox-conversation-update': InboxConversationUpdateDetail;
  'inbox-conversation-updated': InboxConversationUpdatedDetail;
  'inbox-error': InboxErrorDetail;
  'inbox-auth-required': InboxAuthRequiredDetail;
}

export type InboxEventName = keyof InboxEventDetailMap;

declare global {
  interface GlobalEventHandlersEventMap {
    'inbox-conversation-select': CustomEvent<InboxConversationSelectDetail>;
    'inbox-message-send': CustomEvent<InboxMessageSendDetail>;
    'inbox-message-sent': CustomEvent<InboxMessageSentDetail>;
    'inbox-conversation-assign': CustomEvent<InboxConversationAssignDetail>;
    'inbox-conversation-assigned': CustomEvent<InboxConversationAssignedDetail>;
    'inbox-conversation-update': CustomEvent<InboxConversationUpdateDetail>;
    'inbox-conversation-updated': CustomEvent<InboxConversationUpdatedDetail>;
    'inbox-error': CustomEvent<InboxErrorDetail>;
    'inbox-auth-required': CustomEvent<InboxAuthRequiredDetail>;
  }
}
