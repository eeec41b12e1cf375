/**
 * The `qlara` dialect: Agile Telecom Qlara's partner-gateway Inbox API
 * (backends/README.md §2). Paths are relative to the base URL (the host's
 * proxy), which adds `X-Api-Key` or Basic auth through the `headers` hook.
 *
 * - The list comes back whole (no pagination), always asked for with
 *   `orderBy=-lastMessageDate`; archived conversations leave it and cannot be
 *   listed, so `archived` is client-side knowledge.
 * - Messages page by inclusive id ranges: the first page without parameters,
 *   older pages with `idTo`, newer ones (polling) with `idFrom`.
 * - A reply is accepted with 202 and no body: the result is a `pending`
 *   message. A reply outside the 24-hour window is accepted too and later
 *   reads as `FAILED`, which maps to an `outside_window` error on the message.
 * - No templates in the Inbox API.
 */
import type { DataSourceConfig, InboxDataSource, MessagePageOptions, RequestOptions } from '../../data/data-source.js';
import { InboxError } from '../../data/errors.js';
import type {
  Agent,
  Capabilities,
  Conversation,
  ConversationQuery,
  Message,
  Page,
  SendRequest,
  SendResult,
} from '../../data/models.js';
import { baseCapabilities } from '../shared/capabilities.js';
import { createHttpClient, seg, type HttpClient, type QueryValue } from '../shared/http-client.js';
import { mapLenient, str } from '../shared/lenient.js';
import { sortByActivityDesc } from '../shared/ordering.js';
import {
  QLARA,
  byCreatedThenId,
  compareIds,
  listItems,
  mapAgent,
  mapConversation,
  mapMessage,
  newerCursor,
  olderCursor,
  parseCursor,
  parseError,
  unwrapRecord,
  type MessageRange,
} from './mappers.js';
import type { QlaraOptions } from './types.js';

const CONVERSATIONS = '/partner-gateway/v1/inbox/conversations';
/** Literal paths that share the `{chatId}` segment: never built from an id. */
const REPLY_PATH = '/partner-gateway/v1/inbox/conversations/reply';
const ASSIGNABLE_USERS_PATH = '/partner-gateway/v1/inbox/conversations/assignable-users';
const RESERVED_IDS = new Set(['reply', 'assignable-users', '.', '..']);
const ORDER_BY = '-lastMessageDate';
const DEFAULT_PAGE_SIZE = 50;

/** What the Qlara Inbox API documents, and nothing more. */
export function qlaraCapabilities(): Capabilities {
  return baseCapabilities({
    filters: {
      unreadOnly: true,
      channelIds: true,
      updatedSince: true,
      // the backend sorts by the caller's `orderBy`; the adapter always asks for -lastMessageDate
      sort: true,
    },
    conversationPagination: 'none',
    getConversation: true,
    messagePagination: 'id-range',
    messageOrderFromBackend: 'oldest-first',
    perConversationUnread: true,
    markRead: true,
    archive: true,
    assign: true,
    unassign: true,
    listAssignees: true,
    send: { text: true, async: true },
    serviceWindow: 'async-failure',
    windowSignal: 'none',
    multiChannel: true,
  });
}

function option(config: DataSourceConfig, name: keyof QlaraOptions): unknown {
  return config[name];
}

function fieldName(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

export class QlaraAdapter implements InboxDataSource {
  readonly dialect = QLARA;
  readonly capabilities: Capabilities = qlaraCapabilities();
  private readonly http: HttpClient;
  private readonly replyChatIdField: string;
  private readonly replyTextField: string;
  private readonly channelIdsStyle: 'repeat' | 'comma';
  private readonly messagePageSize: number;
  /** Conversations archived through this adapter (Qlara has no status field). */
  private readonly archived = new Set<string>();

  constructor(config: DataSourceConfig) {
    this.http = createHttpClient(config, QLARA, parseError);
    this.replyChatIdField = fieldName(option(config, 'replyChatIdField'), 'chatId');
    this.replyTextField = fieldName(option(config, 'replyTextField'), 'text');
    this.channelIdsStyle = option(config, 'channelIdsStyle') === 'comma' ? 'comma' : 'repeat';
    const size = Number(option(config, 'messagePageSize'));
    this.messagePageSize = Number.isInteger(size) && size > 0 ? size : DEFAULT_PAGE_SIZE;
  }

  /** `/conversations/{chatId}<suffix>`; refuses ids that would address another route. */
  private chatPath(id: string, suffix = ''): string {
    if (!id || RESERVED_IDS.has(id)) {
      throw new InboxError({ kind: 'not_found', message: `No qlara conversation "${id}"`, dialect: QLARA });
    }
    return `${CONVERSATIONS}/${seg(id)}${suffix}`;
  }

  async listConversations(query: ConversationQuery = {}, options: RequestOptions = {}): Promise<Page<Conversation>> {
    const params: Record<string, QueryValue> = { orderBy: ORDER_BY };
    if (query.updatedSince) params.dateFrom = query.updatedSince;
    if (query.channelIds?.length) {
      params.channelIds = this.channelIdsStyle === 'comma' ? query.channelIds.join(',') : query.channelIds;
    }
    if (query.unreadOnly) params.unreadOnly = true;
    const res = await this.http.request({ path: CONVERSATIONS, query: params, signal: options.signal });
    const { items, total } = listItems(res.data, 'the conversation list');
    const conversations = mapLenient(items, (item) => mapConversation(item), 'conversation', QLARA);
    for (const c of conversations) if (c.status !== 'archived') this.archived.delete(c.id);
    sortByActivityDesc(conversations);
    return {
      items: conversations,
      next: null,
      hasMore: false,
      total: total ?? conversations.length,
      order: 'newest-first',
    };
  }

  async getConversation(id: string, options: RequestOptions = {}): Promise<Conversation> {
    const res = await this.http.request({ path: this.chatPath(id), signal: options.signal });
    const conversation = mapConversation(unwrapRecord(res.data), { archived: this.archived.has(id) || undefined });
    if (!conversation) {
      throw new InboxError({
        kind: 'invalid_response',
        message: 'The qlara backend sent a conversation without a chatId',
        dialect: QLARA,
        raw: res.data,
      });
    }
    return conversation;
  }

  /**
   * Oldest first. Without a cursor: the backend's default page (the newest
   * messages). `next` (older) is `idTo:<lowest id − 1>`; `newer` is
   * `idFrom:<highest id>`; the inclusive boundary is dropped.
   */
  async listMessages(conversationId: string, options: MessagePageOptions = {}): Promise<Page<Message>> {
    const range = options.cursor ? parseCursor(options.cursor) : undefined;
    const res = await this.http.request({
      path: this.chatPath(conversationId, '/messages'),
      query: range ? { [range.param]: range.value } : undefined,
      signal: options.signal,
    });
    const { items } = listItems(res.data, 'the messages');
    const received = mapLenient(items, (item) => mapMessage(item, conversationId), 'message', QLARA);
    const messages = range ? received.filter((m) => inRange(m.id, range)) : received;
    messages.sort(byCreatedThenId);
    const ids = messages.map((m) => m.id).sort(compareIds);
    const lowest = ids[0];
    const highest = ids[ids.length - 1];
    const full = items.length >= this.messagePageSize;
    if (range?.param === 'idFrom') {
      return {
        items: messages,
        next: null,
        newer: newerCursor(highest && compareIds(highest, range.value) > 0 ? highest : range.value),
        hasMore: false,
        order: 'oldest-first',
      };
    }
    const hasMore = full && lowest !== undefined;
    const page: Page<Message> = {
      items: messages,
      next: hasMore ? olderCursor(lowest) : null,
      hasMore,
      order: 'oldest-first',
    };
    if (!range) page.newer = highest !== undefined ? newerCursor(highest) : null;
    return page;
  }

  /**
   * `POST /conversations/reply`; answers 202 with no message, so the result is
   * a `pending` message (`accepted: 'queued'`). Delivery, or an async failure
   * such as the 24-hour window, shows on a later read of the thread.
   */
  async send(request: SendRequest, options: RequestOptions = {}): Promise<SendResult> {
    if (request.kind !== 'text') {
      throw new InboxError({
        kind: 'unsupported',
        message: `The qlara Inbox API sends free-form text replies only (not ${request.kind})`,
        dialect: QLARA,
      });
    }
    const body = { [this.replyChatIdField]: request.conversationId, [this.replyTextField]: request.text };
    const res = await this.http.request({
      method: 'POST',
      path: REPLY_PATH,
      body,
      signal: options.signal,
      expect: 'json-or-empty',
    });
    const fromServer = res.data === undefined ? undefined : mapMessage(unwrapRecord(res.data), request.conversationId);
    if (fromServer) {
      return {
        message: { ...fromServer, text: fromServer.text ?? request.text, clientRef: request.clientRef },
        accepted: res.status === 202 ? 'queued' : 'created',
      };
    }
    const data = unwrapRecord(res.data) as Record<string, unknown> | undefined;
    const serverId = data && typeof data === 'object' ? (str(data.id) ?? str(data.messageId)) : undefined;
    return {
      message: {
        id: serverId ?? `pending:${request.clientRef}`,
        conversationId: request.conversationId,
        direction: 'outbound',
        kind: 'text',
        text: request.text,
        status: 'pending',
        createdAt: new Date().toISOString(),
        clientRef: request.clientRef,
        raw: res.data,
      },
      accepted: 'queued',
    };
  }

  async markRead(id: string, options: RequestOptions = {}): Promise<void> {
    await this.http.request({
      method: 'PATCH',
      path: this.chatPath(id, '/read'),
      signal: options.signal,
      expect: 'none',
    });
  }

  async archive(id: string, options: RequestOptions = {}): Promise<void> {
    await this.http.request({
      method: 'PATCH',
      path: this.chatPath(id, '/archive'),
      signal: options.signal,
      expect: 'none',
    });
    this.archived.add(id);
  }

  async unarchive(id: string, options: RequestOptions = {}): Promise<void> {
    await this.http.request({
      method: 'PATCH',
      path: this.chatPath(id, '/unarchive'),
      signal: options.signal,
      expect: 'none',
    });
    this.archived.delete(id);
  }

  /** `POST …/{chatId}/assignee {userId}`; replaces any current assignee. */
  async assign(id: string, agentId: string, options: RequestOptions = {}): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: this.chatPath(id, '/assignee'),
      body: { userId: agentId },
      signal: options.signal,
      expect: 'none',
    });
  }

  /** `DELETE …/{chatId}/assignee`; idempotent. */
  async unassign(id: string, options: RequestOptions = {}): Promise<void> {
    await this.http.request({
      method: 'DELETE',
      path: this.chatPath(id, '/assignee'),
      signal: options.signal,
      expect: 'none',
    });
  }

  /** `GET …/conversations/assignable-users` (a 502 from the profile service is retried). */
  async listAssignees(options: RequestOptions = {}): Promise<Agent[]> {
    const res = await this.http.request({ path: ASSIGNABLE_USERS_PATH, signal: options.signal });
    const { items } = listItems(res.data, 'the assignable users');
    return mapLenient(items, mapAgent, 'assignable user', QLARA);
  }
}

/** Whether a message id lies in the asked range, minus the boundary already seen. */
function inRange(id: string, range: MessageRange): boolean {
  const c = compareIds(id, range.value);
  if (c === 0) return !range.dropBoundary;
  return range.param === 'idTo' ? c < 0 : c > 0;
}

export function createAdapter(config: DataSourceConfig): QlaraAdapter {
  return new QlaraAdapter(config);
}
