/**
 * inbox-elements: registers every element and exports the element classes,
 * `createDataSource`, the store and all public types. Adapters are reached
 * only through `createDataSource` (a dynamic import per dialect).
 */
export { InboxProvider } from './components/inbox-provider/inbox-provider.js';
export { InboxList } from './components/inbox-list/inbox-list.js';
export { ConversationThread } from './components/conversation-thread/conversation-thread.js';
export { MessageComposer } from './components/message-composer/message-composer.js';
export { AssigneePicker } from './components/assignee-picker/assignee-picker.js';
export { InboxConversationActions } from './components/inbox-conversation-actions/inbox-conversation-actions.js';

export { createDataSource, SUPPORTED_BACKENDS } from './adapters/create-data-source.js';
export { InboxStore, createClientRef } from './data/store.js';
export type {
  ConversationAction,
  IngestEvent,
  InboxOperation,
  InboxStoreOptions,
  ListState,
  LoadStatus,
  StoreChangeDetail,
  StoreErrorDetail,
  ThreadState,
} from './data/store.js';
export { InboxError, INBOX_ERROR_KINDS, isAbortError, isInboxError } from './data/errors.js';
export type { InboxErrorInit, InboxErrorKind } from './data/errors.js';
export type { DataSourceConfig, InboxDataSource, MessagePageOptions, RequestOptions } from './data/data-source.js';
export * from './data/models.js';
export { inboxContext } from './data/context.js';
export type { InboxContextValue, InboxTheme } from './data/context.js';
export { serviceWindow } from './data/service-window.js';
export { InboxContextController } from './controllers/inbox-context-controller.js';
export type * from './events/events.js';
