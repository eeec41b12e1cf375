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
 * `createComponent`, with its event props cut off at unmount. `@lit/react`
 * leaves its listeners on the element when the component unmounts, so an
 * element that fires later (a send that settles after the tree is gone) would
 * still call the handler of a component that no longer exists. Here the
 * element gets one stable listener per event prop that calls the latest
 * committed handler, and only while the component is mounted.
 */
function inboxComponent<I extends HTMLElement, E extends Record<string, EventName | string>>(
  options: Parameters<typeof createComponent<I, E>>[0] & { events: E; displayName: string },
): ReturnType<typeof createComponent<I, E>> {
  const Inner = createComponent<I, E>(options);
  const names = Object.keys(options.events);
  type Props = Record<string, unknown>;
  const Guarded = React.forwardRef<I, Props>((props, ref) => {
    const mounted = React.useRef(false);
    const latest = React.useRef<Props>(props);
    React.useLayoutEffect(() => {
      latest.current = props;
    });
    React.useLayoutEffect(() => {
      mounted.current = true;
      return () => {
        mounted.current = false;
      };
    }, []);
    const listeners = React.useMemo(() => {
      const out: Record<string, (e: Event) => void> = {};
      for (const name of names) {
        out[name] = (e: Event) => {
          const handler = latest.current[name];
          if (mounted.current && typeof handler === 'function') (handler as (e: Event) => void)(e);
        };
      }
      return out;
    }, []);
    const inner: Props = { ...props, ref };
    // a stable listener while the prop is set; none (so @lit/react removes it) when it is not
    for (const name of names) if (props[name] !== undefined) inner[name] = listeners[name];
    return React.createElement(Inner as unknown as React.ComponentType<Props>, inner);
  });
  Guarded.displayName = options.displayName;
  return Guarded;
}

/**
 * `<inbox-provider>`. Every event bubbles and is composed, so the provider
 * takes a prop for each of them: one `onError` or `onMessageSent` here hears
 * every element inside it.
 */
export const InboxProvider = inboxComponent({
  react: React,
  tagName: 'inbox-provider',
  elementClass: InboxProviderElement,
  events: INBOX_EVENT_PROPS,
  displayName: 'InboxProvider',
});

/** `<inbox-list>`: `onConversationSelect` (cancelable) and `onError`. */
export const InboxList = inboxComponent({
  react: React,
  tagName: 'inbox-list',
  elementClass: InboxListElement,
  events: { onConversationSelect, onError },
  displayName: 'InboxList',
});

/** `<conversation-thread>`: retries (`onMessageSend`/`onMessageSent`), mark read (`onConversationUpdate(d)`), `onError`. */
export const ConversationThread = inboxComponent({
  react: React,
  tagName: 'conversation-thread',
  elementClass: ConversationThreadElement,
  events: { onMessageSend, onMessageSent, onConversationUpdate, onConversationUpdated, onError },
  displayName: 'ConversationThread',
});

/** `<message-composer>`: `onMessageSend` (cancelable, may rewrite the text), `onMessageSent`, `onError`. */
export const MessageComposer = inboxComponent({
  react: React,
  tagName: 'message-composer',
  elementClass: MessageComposerElement,
  events: { onMessageSend, onMessageSent, onError },
  displayName: 'MessageComposer',
});

/** `<assignee-picker>`: `onConversationAssign` (cancelable), `onConversationAssigned`, `onError`. */
export const AssigneePicker = inboxComponent({
  react: React,
  tagName: 'assignee-picker',
  elementClass: AssigneePickerElement,
  events: { onConversationAssign, onConversationAssigned, onError },
  displayName: 'AssigneePicker',
});

/** `<inbox-conversation-actions>`: `onConversationUpdate` (cancelable), `onConversationUpdated`, `onError`. */
export const InboxConversationActions = inboxComponent({
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
