/**
 * `inbox-elements/react`: React components for every element, made with
 * `@lit/react`. Properties (`source`, `options`, `i18n`, `baseUrl`…) are set
 * as properties, not attributes, and the `inbox-*` events are typed props:
 *
 *   import { InboxProvider, InboxList } from 'inbox-elements/react';
 *   <InboxProvider backend="qlara" baseUrl="/proxy/qlara" onAuthRequired={() => refreshSession()}>
 *     <InboxList onConversationSelect={(e) => console.log(e.detail.conversationId)} />
 *   </InboxProvider>
 *
 * Importing this module registers the elements it wraps. It runs in the
 * browser only (the elements need the DOM); in a server-rendering framework,
 * load it from a client component.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { AssigneePicker as AssigneePickerElement } from '../components/assignee-picker/assignee-picker.js';
import { ConversationThread as ConversationThreadElement } from '../components/conversation-thread/conversation-thread.js';
import { InboxConversationActions as InboxConversationActionsElement } from '../components/inbox-conversation-actions/inbox-conversation-actions.js';
import { InboxList as InboxListElement } from '../components/inbox-list/inbox-list.js';
import { InboxProvider as InboxProviderElement } from '../components/inbox-provider/inbox-provider.js';
import { MessageComposer as MessageComposerElement } from '../components/message-composer/message-composer.js';
import type { InboxEventDetailMap, InboxEventName } from '../events/events.js';

/** The `CustomEvent` a listener of `name` receives. */
export type InboxEvent<K extends InboxEventName> = CustomEvent<InboxEventDetailMap[K]>;

const event = <K extends InboxEventName>(name: K) => name as EventName<InboxEvent<K>>;

/** React prop name → event name, for every public event. */
export const INBOX_EVENT_PROPS = {
  onConversationSelect: event('inbox-conversation-select'),
  onMessageSend: event('inbox-message-send'),
  onMessageSent: event('inbox-message-sent'),
  onConversationAssign: event('inbox-conversation-assign'),
  onConversationAssigned: event('inbox-conversation-assigned'),
  onConversationUpdate: event('inbox-conversation-update'),
  onConversationUpdated: event('inbox-conversation-updated'),
  onError: event('inbox-error'),
  onAuthRequired: event('inbox-auth-required'),
} as const;

const {
  onConversationSelect,
  onMessageSend,
  onMessageSent,
  onConversationAssign,
  onConversationAssigned,
  onConversationUpdate,
  onConversationUpdated,
  onError,
} = INBOX_EVENT_PROPS;

/**
 * `<inbox-provider>`. Every event bubbles and is composed, so the provider
 * takes a prop for each of them: one `onError` or `onMessageSent` here hears
 * every element inside it.
 */
export const InboxProvider = createComponent({
  react: React,
  tagName: 'inbox-provider',
  elementClass: InboxProviderElement,
  events: INBOX_EVENT_PROPS,
  displayName: 'InboxProvider',
});

/** `<inbox-list>`: `onConversationSelect` (cancelable) and `onError`. */
export const InboxList = createComponent({
  react: React,
  tagName: 'inbox-list',
  elementClass: InboxListElement,
  events: { onConversationSelect, onError },
  displayName: 'InboxList',
});

/** `<conversation-thread>`: retries (`onMessageSend`/`onMessageSent`), mark read (`onConversationUpdate(d)`), `onError`. */
export const ConversationThread = createComponent({
  react: React,
  tagName: 'conversation-thread',
  elementClass: ConversationThreadElement,
  events: { onMessageSend, onMessageSent, onConversationUpdate, onConversationUpdated, onError },
  displayName: 'ConversationThread',
});

/** `<message-composer>`: `onMessageSend` (cancelable, may rewrite the text), `onMessageSent`, `onError`. */
export const MessageComposer = createComponent({
  react: React,
  tagName: 'message-composer',
  elementClass: MessageComposerElement,
  events: { onMessageSend, onMessageSent, onError },
  displayName: 'MessageComposer',
});

/** `<assignee-picker>`: `onConversationAssign` (cancelable), `onConversationAssigned`, `onError`. */
export const AssigneePicker = createComponent({
  react: React,
  tagName: 'assignee-picker',
  elementClass: AssigneePickerElement,
  events: { onConversationAssign, onConversationAssigned, onError },
  displayName: 'AssigneePicker',
});

/** `<inbox-conversation-actions>`: `onConversationUpdate` (cancelable), `onConversationUpdated`, `onError`. */
export const InboxConversationActions = createComponent({
  react: React,
  tagName: 'inbox-conversation-actions',
  elementClass: InboxConversationActionsElement,
  events: { onConversationUpdate, onConversationUpdated, onError },
  displayName: 'InboxConversationActions',
});

/** The props of each component, e.g. `InboxListProps['onConversationSelect']`. */
export type InboxProviderProps = React.ComponentProps<typeof InboxProvider>;
export type InboxListProps = React.ComponentProps<typeof InboxList>;
export type ConversationThreadProps = React.ComponentProps<typeof ConversationThread>;
export type MessageComposerProps = React.ComponentProps<typeof MessageComposer>;
export type AssigneePickerProps = React.ComponentProps<typeof AssigneePicker>;
export type InboxConversationActionsProps = React.ComponentProps<typeof InboxConversationActions>;

export type * from '../events/events.js';
