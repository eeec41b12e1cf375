/**
 * Compile-only: `tsc -p test/types` (also part of `npm run typecheck`). It
 * fails when a tag leaves `HTMLElementTagNameMap`, when an `inbox-*` event
 * leaves `GlobalEventHandlersEventMap`, or when an event's detail drifts from
 * the shapes written out below (the public contract in SPEC.md). Nothing here
 * runs; `@ts-expect-error` lines fail the build if their error goes away.
 */
import type {
  AssigneePicker,
  Conversation,
  ConversationAction,
  ConversationThread,
  InboxConversationActions,
  InboxError,
  InboxEventDetailMap,
  InboxEventName,
  InboxList,
  InboxOperation,
  InboxProvider,
  Message,
  MessageComposer,
  SendRequest,
} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// ---- every tag, with its class ---------------------------------------------

export type Tags = [
  Expect<Equal<HTMLElementTagNameMap['inbox-provider'], InboxProvider>>,
  Expect<Equal<HTMLElementTagNameMap['inbox-list'], InboxList>>,
  Expect<Equal<HTMLElementTagNameMap['conversation-thread'], ConversationThread>>,
  Expect<Equal<HTMLElementTagNameMap['message-composer'], MessageComposer>>,
  Expect<Equal<HTMLElementTagNameMap['assignee-picker'], AssigneePicker>>,
  Expect<Equal<HTMLElementTagNameMap['inbox-conversation-actions'], InboxConversationActions>>,
];

const list = document.createElement('inbox-list');
list.i18n = { listLabel: 'Gespräche' };
// @ts-expect-error i18n keys are the element's own
list.i18n = { noSuchString: 'x' };
document.querySelector('inbox-provider')!.pollInterval = 0;
// @ts-expect-error the provider's theme is 'light' | 'dark' | 'auto'
document.querySelector('inbox-provider')!.theme = 'sepia';

// ---- every event, with its detail ------------------------------------------

/** The contract: event name → detail, written out rather than imported. */
interface ExpectedDetails {
  'inbox-conversation-select': { conversationId: string };
  'inbox-message-send': { conversationId: string; text?: string; request: SendRequest };
  'inbox-message-sent': { message: Message };
  'inbox-conversation-assign': { conversationId: string; assigneeId: string | null };
  'inbox-conversation-assigned': { conversation: Conversation };
  'inbox-conversation-update': { conversationId: string; action: ConversationAction; resolution?: string };
  'inbox-conversation-updated': { conversationId: string; action: ConversationAction; conversation?: Conversation };
  'inbox-error': { operation: InboxOperation; error: InboxError; conversationId?: string };
  'inbox-auth-required': { error: InboxError };
}

export type SameEventNames = Expect<Equal<InboxEventName, keyof ExpectedDetails>>;
/** `true` when every event's detail is as expected (a drift turns it into `boolean`). */
type DetailsMatch = { [K in InboxEventName]: Equal<InboxEventDetailMap[K], ExpectedDetails[K]> }[InboxEventName];
type ListenersMatch = {
  [K in InboxEventName]: Equal<GlobalEventHandlersEventMap[K], CustomEvent<ExpectedDetails[K]>>;
}[InboxEventName];
export type Details = Expect<Equal<DetailsMatch, true>>;
export type Listeners = Expect<Equal<ListenersMatch, true>>;
export type ConversationActions = Expect<
  Equal<ConversationAction, 'close' | 'archive' | 'unarchive' | 'mark-read' | 'mark-unread'>
>;

// ---- what a host writes ----------------------------------------------------

const provider = document.querySelector('inbox-provider')!;

provider.addEventListener('inbox-conversation-select', (e) => {
  const id: string = e.detail.conversationId;
  e.preventDefault();
  // @ts-expect-error the detail is `{ conversationId }`
  void e.detail.id;
  void id;
});

provider.addEventListener('inbox-message-send', (e) => {
  const text: string | undefined = e.detail.text;
  const request: SendRequest = e.detail.request;
  // @ts-expect-error `text` may be missing (template and media sends)
  const required: string = e.detail.text;
  void [text, request, required];
});

provider.addEventListener('inbox-message-sent', (e) => {
  const message: Message = e.detail.message;
  // @ts-expect-error the detail is `{ message }`, not the message itself
  void e.detail.id;
  void message;
});

provider.addEventListener('inbox-conversation-assign', (e) => {
  const assignee: string | null = e.detail.assigneeId;
  // @ts-expect-error null means "unassign": it is not always a string
  const always: string = e.detail.assigneeId;
  void [assignee, always];
});

provider.addEventListener('inbox-conversation-assigned', (e) => {
  const conversation: Conversation = e.detail.conversation;
  void conversation;
});

provider.addEventListener('inbox-conversation-update', (e) => {
  if (e.detail.action === 'close') e.preventDefault();
  // @ts-expect-error not an action
  if (e.detail.action === 'delete') e.preventDefault();
});

provider.addEventListener('inbox-conversation-updated', (e) => {
  const action: ConversationAction = e.detail.action;
  // @ts-expect-error the conversation may be missing
  const conversation: Conversation = e.detail.conversation;
  void [action, conversation];
});

provider.addEventListener('inbox-error', (e) => {
  const operation: InboxOperation = e.detail.operation;
  const kind: InboxError['kind'] = e.detail.error.kind;
  // @ts-expect-error the error is an InboxError, not a string
  const message: string = e.detail.error;
  void [operation, kind, message];
});

provider.addEventListener('inbox-auth-required', (e) => {
  const error: InboxError = e.detail.error;
  void error;
});

// the events reach any element and the window, typed the same way
window.addEventListener('inbox-error', (e) => void e.detail.error.kind);
document
  .querySelector('inbox-list')!
  .addEventListener('inbox-conversation-select', (e) => void e.detail.conversationId);
