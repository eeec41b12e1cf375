/**
 * Every user-visible string of `<assignee-picker>`. A host replaces any of
 * them with the element's `i18n` property; `{name}`, `{query}` and `{count}`
 * placeholders are filled in.
 */
import type { InboxErrorKind } from '../../data/errors.js';
import { CONVERSATION_ERRORS } from '../../internal/conversation-errors.js';

export const ASSIGNEE_PICKER_STRINGS = {
  /** Read before the assignee's name on the trigger, and the listbox's name. */
  label: 'Assignee',
  unassigned: 'Unassigned',
  /** The trigger's text when the conversation is not known (yet). */
  assign: 'Assign',
  /** Shown while the conversation loads. */
  loadingConversation: 'Loading…',
  /** The conversation could not be loaded, by error kind; `conversationFailed` is the fallback. */
  conversationFailed: 'The conversation could not be loaded.',
  conversationErrors: { ...CONVERSATION_ERRORS },
  /** Shown when no conversation is selected. */
  noConversation: 'No conversation selected',
  /** Why the picker is disabled. */
  unsupported: 'Assignment isn’t available in this inbox.',

  /** The search input. */
  searchLabel: 'Search agents',
  searchPlaceholder: 'Search by name or email',
  listLabel: 'Agents',
  assignToMe: 'Assign to me',
  unassign: 'Unassign',
  /** After the current user's own name in the list. */
  you: '(you)',
  /** Read after the current assignee's option. */
  current: 'current',

  loadingAgents: 'Loading agents…',
  noAgents: 'No agents to assign.',
  /** `{query}` is what was typed. */
  noMatches: 'No agents match “{query}”.',
  /** Announced when the filter changes; `{count}` is a formatted number. */
  matches: { one: '{count} agent', other: '{count} agents' } as Partial<Record<Intl.LDMLPluralRule, string>> & {
    other: string;
  },

  /** Loading the agents failed, by error kind; `agentsFailed` is the fallback. */
  agentsFailed: 'The agents could not be loaded.',
  agentsErrors: {
    upstream: 'The list of agents is unavailable right now. Try again in a moment.',
    network: 'The agents could not be loaded: no connection.',
    timeout: 'The agents could not be loaded: the server took too long.',
    rate_limited: 'Too many requests. Wait a moment, then retry.',
    unauthorized: 'Your session has expired. Sign in again, then retry.',
    forbidden: 'You are not allowed to see the agents of this inbox.',
  } as Partial<Record<InboxErrorKind, string>>,

  /** Assigning failed, by error kind; `{name}` is the agent. `assignFailed` is the fallback. */
  assignFailed: 'The conversation could not be assigned to {name}.',
  assignErrors: {
    forbidden: '{name} is not a member of this inbox, so the conversation can’t be assigned to them.',
    not_found: 'The conversation or {name} could not be found. It may have been deleted.',
    validation: 'The inbox did not accept {name} as the assignee.',
    conflict: 'Someone else changed the assignee at the same time. Retry to assign {name}.',
    upstream: 'The inbox could not assign {name} right now. Try again in a moment.',
    network: 'The conversation could not be assigned to {name}: no connection.',
    timeout: 'The conversation could not be assigned to {name}: the server took too long.',
    rate_limited: 'Too many requests. Wait a moment, then retry.',
    unauthorized: 'Your session has expired. Sign in again, then retry.',
    unsupported: 'This inbox cannot assign conversations.',
  } as Partial<Record<InboxErrorKind, string>>,
  /** Unassigning failed, by error kind; `unassignFailed` is the fallback. */
  unassignFailed: 'The conversation could not be unassigned.',
  unassignErrors: {
    forbidden: 'You are not allowed to unassign this conversation.',
    not_found: 'This conversation could not be found. It may have been deleted.',
    upstream: 'The inbox could not unassign the conversation right now. Try again in a moment.',
    network: 'The conversation could not be unassigned: no connection.',
    timeout: 'The conversation could not be unassigned: the server took too long.',
    rate_limited: 'Too many requests. Wait a moment, then retry.',
    unauthorized: 'Your session has expired. Sign in again, then retry.',
    unsupported: 'This inbox cannot unassign conversations.',
  } as Partial<Record<InboxErrorKind, string>>,

  /** Announced after a change. */
  assignedTo: 'Assigned to {name}',
  nowUnassigned: 'Conversation unassigned',

  retry: 'Retry',
  dismiss: 'Dismiss',
};

export type AssigneePickerStrings = typeof ASSIGNEE_PICKER_STRINGS;
