/**
 * The capability baseline every HTTP dialect starts from: a backend that lists
 * conversations and offers nothing else until the dialect says so. A dialect
 * states only what its backend documents (`baseCapabilities({ summary: true, … })`),
 * so the long run of `false` defaults lives here once, and a capability added to
 * `Capabilities` later gets one safe ("off") default in one place.
 */
import type { Capabilities } from '../../data/models.js';

/** What a dialect changes from the baseline; `filters` and `send` are merged key by key. */
export interface CapabilityOverrides extends Partial<Omit<Capabilities, 'listConversations' | 'filters' | 'send'>> {
  filters?: Partial<Capabilities['filters']>;
  send?: Partial<Capabilities['send']>;
}

/**
 * A fresh `Capabilities` object: everything off (no filters, no pagination, no
 * actions, no sends, backend order `unreliable`, service window `unknown`),
 * with `overrides` laid over it. `filters` and `send` keep the baseline's keys
 * the override does not mention.
 */
export function baseCapabilities(overrides: CapabilityOverrides = {}): Capabilities {
  const { filters, send, ...rest } = overrides;
  return {
    listConversations: true,
    conversationPagination: 'none',
    getConversation: false,
    messagePagination: 'none',
    messageOrderFromBackend: 'unreliable',
    perConversationUnread: false,
    summary: false,
    markRead: false,
    markUnread: false,
    archive: false,
    listArchived: false,
    close: false,
    assign: false,
    unassign: false,
    listAssignees: false,
    listTemplates: false,
    idempotency: false,
    serviceWindow: 'unknown',
    windowSignal: 'none',
    multiChannel: false,
    ...rest,
    filters: {
      status: false,
      handledBy: false,
      assignee: 'none',
      unreadOnly: false,
      channelIds: false,
      updatedSince: false,
      search: false,
      sort: false,
      ...filters,
    },
    send: { text: false, template: 'none', media: [], interactive: false, async: false, ...send },
  };
}
