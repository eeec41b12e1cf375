/** Values shared by `<inbox-list>`, its tests and its stories. */

/** The states `<inbox-list>` reflects in its `state` attribute. */
export const INBOX_LIST_STATES = ['initial', 'loading', 'ready', 'empty', 'error'] as const;
export type InboxListState = (typeof INBOX_LIST_STATES)[number];

/** The choices of the assignee filter. */
export const INBOX_LIST_ASSIGNEE_FILTERS = ['all', 'me', 'unassigned'] as const;
export type InboxListAssigneeFilter = (typeof INBOX_LIST_ASSIGNEE_FILTERS)[number];
