/**
 * Every user-visible string of `<conversation-thread>`; a host replaces any of
 * them through `i18n`. `{name}`-style placeholders are filled in; entries
 * ending in `One`/`Other` are chosen by Intl plural rules for the element's `lang`.
 * Dates and times are formatted by Intl and need no strings.
 */
export const CONVERSATION_THREAD_STRINGS = {
  /** Shown when no conversation is selected (or no inbox is connected). */
  initial: 'Select a conversation to read it',
  loading: 'Loading messages…',
  empty: 'No messages in this conversation yet',
  retry: 'Retry',

  // errors loading the thread, by InboxError kind (the backend's own text is never shown)
  errorDefault: 'Messages could not be loaded.',
  errorNetwork: 'You appear to be offline. Messages could not be loaded.',
  errorTimeout: 'The inbox took too long to answer.',
  errorUnauthorized: 'Your session has expired. Sign in again to read this conversation.',
  errorForbidden: 'You do not have access to this conversation.',
  errorNotFound: 'This conversation could not be found.',
  errorRateLimited: 'Too many requests. Try again in a moment.',
  errorUnsupported: 'This inbox cannot show messages.',

  // the log
  /** The log's accessible name. */
  logLabel: 'Messages with {name}',
  logLabelNoName: 'Messages',
  loadingOlder: 'Loading earlier messages…',
  olderError: 'Earlier messages could not be loaded.',
  loadOlder: 'Load earlier messages',
  startOfConversation: 'Start of the conversation',
  unreadDividerOne: '{count} unread message',
  unreadDividerOther: '{count} unread messages',
  jumpLatest: 'Jump to latest',
  newMessagesOne: '{count} new message',
  newMessagesOther: '{count} new messages',
  /** Announced politely when one inbound message arrives while the thread is open. */
  announceMessage: 'New message from {name}: {text}',
  announceMessagesOne: '{count} new message from {name}',
  announceMessagesOther: '{count} new messages from {name}',

  // one message
  /** The accessible name of an inbound message: `{time}` is the full date and time. */
  inboundLabel: '{name}, {time}',
  /** The accessible name of an outbound message. */
  outboundLabel: 'You, {time}, {status}',
  outboundLabelNoStatus: 'You, {time}',
  customer: 'Customer',

  // delivery states of outbound messages
  statusPending: 'Sending',
  statusSent: 'Sent',
  statusDelivered: 'Delivered',
  statusRead: 'Read',
  statusFailed: 'Not delivered',

  // why a message failed, by InboxError kind
  failedOutsideWindow: 'Not delivered: the 24-hour reply window has closed. Send a template instead.',
  failedRejected: 'Not delivered: the message was rejected.',
  failedInProgress: 'Not confirmed yet: the backend is still working on an earlier attempt. Retry in a moment.',
  failedNetwork: 'Not sent: check your connection.',
  failedTimeout: 'Not sent: the inbox took too long to answer.',
  failedRateLimited: 'Not sent: too many messages. Try again in a moment.',
  failedUnauthorized: 'Not sent: your session has expired.',
  failedUndeliverable: 'Not delivered: WhatsApp could not deliver this message.',
  failedDefault: 'Not delivered.',
  retrySend: 'Retry',
  retrySendLabel: 'Retry sending this message',
  discard: 'Discard',
  discardLabel: 'Discard this message',

  // content
  image: 'Photo',
  video: 'Video',
  audio: 'Audio',
  document: 'Document',
  sticker: 'Sticker',
  location: 'Location',
  openMap: 'Open in map',
  contacts: 'Contact card',
  interactive: 'Interactive message',
  /** A message type the inbox cannot show; `{type}` is the type. */
  unsupported: 'Unsupported message: {type}',
  /** The label above a template message; `{name}` is the template name. */
  template: 'Template: {name}',
  download: 'Download {name}',
  mediaUnavailable: 'Not available',
  /** The button under a long message shown shortened. */
  showFullText: 'Show full message',
  /** The same button once the full message shows. */
  showLessText: 'Show less',

  // header
  noName: 'Unknown contact',
  windowOpen: 'Reply window closes in {time}',
  windowClosed: 'Reply window closed',
  windowUnknown: '',
  statusOpen: 'Open',
  statusPendingConversation: 'Pending',
  statusBot: 'Bot',
  statusEscalated: 'Escalated',
  statusClosed: 'Closed',
  statusArchived: 'Archived',
  statusUnknown: '',
};

export type ConversationThreadStrings = typeof CONVERSATION_THREAD_STRINGS;
