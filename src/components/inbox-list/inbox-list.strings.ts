/** Every user-visible string of `<inbox-list>`; a host replaces any of them through `i18n`. */
export const INBOX_LIST_STRINGS = {
  /** The listbox's accessible name. */
  listLabel: 'Conversations',
  /** Shown when no data source is connected. */
  initial: 'No inbox connected',
  loading: 'Loading conversations…',
  empty: 'No conversations',
  emptyFiltered: 'No conversations match these filters',
  clearFilters: 'Clear filters',
  retry: 'Retry',
  loadingMore: 'Loading more conversations…',
  moreError: 'More conversations could not be loaded.',
  endOfList: 'No more conversations',

  // errors, by InboxError kind (the backend's own text is never shown)
  errorDefault: 'Conversations could not be loaded.',
  errorNetwork: 'You appear to be offline. Conversations could not be loaded.',
  errorTimeout: 'The inbox took too long to answer.',
  errorUnauthorized: 'Your session has expired. Sign in again to see conversations.',
  errorForbidden: 'You do not have access to these conversations.',
  errorRateLimited: 'Too many requests. Try again in a moment.',
  errorNotFound: 'The inbox could not be found.',
  errorUnsupported: 'This inbox does not support listing conversations.',

  // filters
  filtersLabel: 'Filter conversations',
  searchLabel: 'Search conversations',
  searchPlaceholder: 'Search',
  clientSearchNotice: 'Searching loaded conversations only',
  statusLabel: 'Status',
  statusAll: 'All statuses',
  statusArchived: 'Archived',
  unreadOnly: 'Unread only',
  assigneeLabel: 'Assignee',
  assigneeAll: 'Everyone',
  assigneeMe: 'Assigned to me',
  assigneeUnassigned: 'Unassigned',

  // summary counts
  summaryLabel: 'Summary',
  summaryTotal: '{count} total',
  summaryOpen: '{count} open',
  summaryUnread: '{count} unread',
  /** Prefix when the counts were made from the loaded rows only. */
  summaryDerived: 'Loaded:',
  summaryDerivedTitle: 'Counted from the conversations loaded so far',

  // rows
  noName: 'Unknown contact',
  /** Outbound last message: `{text}` is the message text. */
  youPrefix: 'You: {text}',
  /** Read after the unread count by screen readers (the number itself is visible). */
  unreadBadgeSuffix: 'unread',
  assignedTo: 'Assigned to {name}',
  windowOpen: '{time} left',
  windowClosed: 'Window closed',
  windowOpenLabel: 'Reply window open, {time} left',
  windowClosedLabel: 'Reply window closed',

  // statuses
  statusOpen: 'Open',
  statusPending: 'Pending',
  statusBot: 'Bot',
  statusEscalated: 'Escalated',
  statusClosed: 'Closed',
  statusUnknown: 'Unknown',

  // previews of messages without text, by kind
  kindImage: 'Photo',
  kindVideo: 'Video',
  kindAudio: 'Audio',
  kindDocument: 'Document',
  kindSticker: 'Sticker',
  kindLocation: 'Location',
  kindContacts: 'Contact card',
  kindTemplate: 'Template',
  kindInteractive: 'Interactive message',
  kindUnknown: 'Message',
  noMessages: 'No messages yet',
  customerWroteLast: 'The customer wrote last',
  youWroteLast: 'You replied last',

  // channels (multi-channel backends)
  channelWhatsapp: 'WhatsApp',
  channelSms: 'SMS',
  channelRcs: 'RCS',
  channelMessenger: 'Messenger',
  channelInstagram: 'Instagram',
  channelOther: 'Other channel',
};

export type InboxListStrings = typeof INBOX_LIST_STRINGS;
