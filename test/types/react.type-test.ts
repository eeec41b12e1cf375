/**
 * Compile-only: the React wrappers (`inbox-elements/react`) take the element
 * properties and the `inbox-*` events as typed props.
 */
import { createElement } from 'react';
import type { InboxConversationSelectDetail } from '../../src/index.js';
import {
  AssigneePicker,
  ConversationThread,
  INBOX_EVENT_PROPS,
  InboxConversationActions,
  InboxList,
  type InboxListProps,
  InboxProvider,
  MessageComposer,
} from '../../src/react/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type SelectProp = Expect<
  Equal<NonNullable<InboxListProps['onConversationSelect']>, (e: CustomEvent<InboxConversationSelectDetail>) => void>
>;
export type EventProps = Expect<
  Equal<
    keyof typeof INBOX_EVENT_PROPS,
    | 'onConversationSelect'
    | 'onMessageSend'
    | 'onMessageSent'
    | 'onConversationAssign'
    | 'onConversationAssigned'
    | 'onConversationUpdate'
    | 'onConversationUpdated'
    | 'onError'
    | 'onAuthRequired'
  >
>;

createElement(InboxProvider, {
  backend: 'qlara',
  baseUrl: '/proxy/qlara',
  pollInterval: 0,
  options: { headers: { 'X-Session': 'abc' } },
  onAuthRequired: (e) => void e.detail.error.kind,
  onMessageSent: (e) => void e.detail.message.id,
});
// @ts-expect-error pollInterval is a number
createElement(InboxProvider, { pollInterval: '10' });

createElement(InboxList, {
  onConversationSelect: (e) => {
    const id: string = e.detail.conversationId;
    e.preventDefault();
    void id;
  },
  onError: (e) => void e.detail.operation,
  // @ts-expect-error the list fires no message events
  onMessageSent: () => {},
});

createElement(ConversationThread, {
  conversationId: 'c1',
  noHeader: true,
  onConversationUpdated: (e) => void e.detail.action,
  // @ts-expect-error the detail is `{ conversationId, action, resolution? }`
  onConversationUpdate: (e: CustomEvent<{ id: string }>) => void e.detail.id,
});

createElement(MessageComposer, {
  maxLength: 1000,
  onMessageSend: (e) => {
    if (e.detail.text) e.detail.text = e.detail.text.trim();
  },
});

createElement(AssigneePicker, {
  onConversationAssign: (e) => {
    const assignee: string | null = e.detail.assigneeId;
    void assignee;
  },
  onConversationAssigned: (e) => void e.detail.conversation.id,
});

createElement(InboxConversationActions, {
  slot: 'actions',
  resolutions: ['resolved', 'spam'],
  onConversationUpdate: (e) => {
    if (e.detail.action === 'close' && !e.detail.resolution) e.preventDefault();
  },
});
