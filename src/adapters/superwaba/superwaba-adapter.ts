/**
 * SuperWaba session API (`/api/whatsapp/*`).
 *
 * Auth is the host's job: its proxy (or the `headers` hook) adds `x-org-id` and
 * `Authorization: Bearer <Supabase session JWT>`. Page paging (20, max 100),
 * `status`/`assignee` filters, close and assign, `before` cursors for
 * messages, text sends. Templates need the Developer API's secret
 * `x-api-key`, which a browser must not hold, so template sends are not offered.
 * Agents come from `config.agents` (there is no endpoint listing them);
 * the `assignee: 'me'` filter needs `config.currentUserId`.
 */
import type { DataSourceConfig, InboxDataSource, MessagePageOptions, RequestOptions } from '../../data/data-source.js';
import { InboxError, isAbortError } from '../../data/errors.js';
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
import { createHttpClient, seg, type HttpClient } from '../shared/http-client.js';
import { isObject, mapLenient } from '../shared/lenient.js';
import { sortByActivityDesc } from '../shared/ordering.js';
import {
  clampLimit,
  encodeBeforeCursor,
  encodePageCursor,
  readBeforeCursor,
  readPageCursor,
} from '../shared/paging.js';
import {
  DIALECT,
  SUPERWABA_STATUS_VALUES,
  conversationPatch,
  mapConversation,
  mapMessage,
  mapMessages,
  parseError,
  readListBody,
  readMessagesBody,
  unwrap,
  wireStatus,
  type MapContext,
} from './mappers.js';
import type { SuperwabaSendBody } from './types.js';

export const SUPERWABA_DEFAULT_LIMIT = 20;
export const SUPERWABA_MAX_LIMIT = 100;
export const SUPERWABA_MESSAGE_LIMIT = 50;
const CACHE_SIZE = 1000;

function invalid(message: string, raw?: unknown): InboxError {
  return new InboxError({ kind: 'invalid_response', message, dialect: DIALECT, raw });
}

/** `page:N` → N; a missing cursor is page 1. */
export function decodePage(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 1;
  const page = readPageCursor(cursor);
  if (page === undefined) {
    throw new InboxError({ kind: 'validation', message: `Not a superwaba page cursor: ${cursor}`, dialect: DIALECT });
  }
  return page;
}

/** `before:<message id>` → the id; a missing cursor is the newest page. */
export function decodeBefore(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const before = readBeforeCursor(cursor);
  if (before === undefined) {
    throw new InboxError({
      kind: 'validation',
      message: `Not a superwaba message cursor: ${cursor}`,
      dialect: DIALECT,
    });
  }
  return before;
}

export class SuperwabaAdapter implements InboxDataSource {
  readonly dialect = DIALECT;
  readonly capabilities: Capabilities = baseCapabilities({
    filters: { status: true, statusValues: [...SUPERWABA_STATUS_VALUES], assignee: 'by-id' },
    conversationPagination: 'page',
    getConversation: true,
    messagePagination: 'cursor',
    messageOrderFromBackend: 'oldest-first',
    perConversationUnread: true,
    close: true,
    assign: true,
    send: { text: true },
    serviceWindow: 'enforced-sync',
    windowSignal: 'last_inbound',
  });
  private readonly http: HttpClient;
  private readonly config: DataSourceConfig;
  private readonly agents: ReadonlyMap<string, Agent>;
  /** The last full record seen per conversation, so close/assign answers (partial) can be completed. */
  private readonly known = new Map<string, Conversation>();

  constructor(config: DataSourceConfig) {
    this.config = config;
    this.http = createHttpClient(config, DIALECT, parseError);
    this.agents = new Map((config.agents ?? []).map((a) => [a.id, a]));
  }

  private ctx(): MapContext {
    return { now: Date.now(), agents: this.agents };
  }

  private remember(c: Conversation): Conversation {
    this.known.delete(c.id);
    this.known.set(c.id, c);
    if (this.known.size > CACHE_SIZE) this.known.delete(this.known.keys().next().value as string);
    return c;
  }

  async listConversations(query: ConversationQuery = {}, options: RequestOptions = {}): Promise<Page<Conversation>> {
    const page = decodePage(query.cursor);
    const limit = clampLimit(query.limit, SUPERWABA_DEFAULT_LIMIT, SUPERWABA_MAX_LIMIT);
    const wanted = query.status?.length ? new Set(query.status) : undefined;
    const wires = [...new Set((query.status ?? []).map(wireStatus).filter((s): s is string => s !== undefined))];
    if (wanted && wires.length === 0) {
      // none of the requested statuses exists in SuperWaba
      return { items: [], next: null, hasMore: false, total: 0, order: 'newest-first' };
    }
    let assignee: string | undefined;
    if (query.assignee === 'me') {
      if (!this.config.currentUserId) {
        throw new InboxError({
          kind: 'unsupported',
          message: "superwaba: the assignee 'me' filter needs the currentUserId option",
          dialect: DIALECT,
        });
      }
      assignee = this.config.currentUserId;
    } else if (typeof query.assignee === 'object') {
      assignee = query.assignee.id;
    }
    const { data } = await this.http.request({
      path: '/api/whatsapp/conversations',
      query: { page, limit, status: wires.length === 1 ? wires[0] : undefined, assignee },
      signal: options.signal,
    });
    const body = readListBody(data);
    if (!body) throw invalid('The superwaba conversation list has no conversations array', data);
    const ctx = this.ctx();
    let items = mapLenient(body.items, (c) => mapConversation(c, ctx), 'conversation', DIALECT);
    items.forEach((c) => this.remember(c));
    // what the wire cannot filter (several statuses, unassigned) is filtered here
    const clientFiltered = (wanted && wires.length > 1) || query.assignee === 'unassigned';
    if (wanted && wires.length > 1) items = items.filter((c) => wanted.has(c.status));
    if (query.assignee === 'unassigned') items = items.filter((c) => c.assignee === null);
    sortByActivityDesc(items);
    const hasMore =
      body.hasNext ?? (body.total !== undefined ? page * limit < body.total : body.items.length === limit);
    const result: Page<Conversation> = {
      items,
      next: hasMore && body.items.length > 0 ? encodePageCursor(page + 1) : null,
      hasMore: hasMore && body.items.length > 0,
      order: 'newest-first',
    };
    if (body.total !== undefined && !clientFiltered) result.total = body.total;
    return result;
  }

  async getConversation(id: string, options: RequestOptions = {}): Promise<Conversation> {
    const { data } = await this.http.request({
      path: `/api/whatsapp/conversations/${seg(id)}`,
      signal: options.signal,
    });
    const conversation = mapConversation(unwrap(data), this.ctx());
    if (!conversation) throw invalid('The superwaba conversation could not be read', data);
    return this.remember(conversation);
  }

  /** Messages oldest first; `next` is `before:<oldest id>` while the backend says `hasNext`. */
  async listMessages(conversationId: string, options: MessagePageOptions = {}): Promise<Page<Message>> {
    const before = decodeBefore(options.cursor);
    const limit = clampLimit(options.limit, SUPERWABA_MESSAGE_LIMIT);
    const { data } = await this.http.request({
      path: '/api/whatsapp/messages',
      query: { conversationId, limit, before },
      signal: options.signal,
    });
    const body = readMessagesBody(data);
    if (!body) throw invalid('The superwaba message list has no data array', data);
    // an inclusive `before` would repeat the boundary message
    const items = mapMessages(body.items, conversationId).filter((m) => m.id !== before);
    const hasMore = (body.hasNext ?? body.items.length >= limit) && items.length > 0;
    const page: Page<Message> = {
      items,
      next: hasMore ? encodeBeforeCursor(items[0].id) : null,
      hasMore,
      order: 'oldest-first',
    };
    if (body.total !== undefined) page.total = body.total;
    return page;
  }

  async send(request: SendRequest, options: RequestOptions = {}): Promise<SendResult> {
    if (request.kind !== 'text') {
      throw new InboxError({
        kind: 'unsupported',
        message:
          request.kind === 'template'
            ? 'superwaba: template sends need the Developer API secret key, which a browser must not hold'
            : `superwaba: ${request.kind} sends are not supported`,
        dialect: DIALECT,
      });
    }
    // ASSUMPTION: POST /api/whatsapp/messages { conversationId, type: 'text', content: { text } }
    const body: SuperwabaSendBody = {
      conversationId: request.conversationId,
      type: 'text',
      content: { text: request.text },
    };
    const { status, data } = await this.http.request({
      method: 'POST',
      path: '/api/whatsapp/messages',
      body,
      signal: options.signal,
      expect: 'json-or-empty',
    });
    const inner = unwrap(data);
    const fromServer = mapMessage(
      isObject(inner) && isObject(inner.message) ? inner.message : inner,
      request.conversationId,
    );
    const message: Message = fromServer ?? {
      id: `pending-${request.clientRef}`,
      conversationId: request.conversationId,
      direction: 'outbound',
      kind: 'text',
      rawType: 'text',
      text: request.text,
      status: 'pending',
      createdAt: new Date().toISOString(),
      raw: data,
    };
    message.clientRef = request.clientRef;
    return { message, accepted: status === 202 || !fromServer ? 'queued' : 'created' };
  }

  /** `POST …/close {resolution?}`; the answer's status/closedAt laid over the known record. */
  async close(id: string, close: { resolution?: string } = {}, options: RequestOptions = {}): Promise<Conversation> {
    const { data } = await this.http.request({
      method: 'POST',
      path: `/api/whatsapp/conversations/${seg(id)}/close`,
      body: close.resolution ? { resolution: close.resolution } : {},
      signal: options.signal,
      expect: 'json-or-empty',
    });
    const patch: Partial<Conversation> = { status: 'closed', rawStatus: 'closed' };
    const inner = unwrap(data);
    if (isObject(inner)) Object.assign(patch, conversationPatch(inner, this.ctx()));
    if (patch.status === 'closed' && patch.handledBy === undefined) patch.handledBy = 'human'; // closing stops AI handling
    return this.merge(id, patch, data, options);
  }

  /** `POST …/assign {userId}`; 403 when the user is not in the organization. */
  async assign(id: string, agentId: string, options: RequestOptions = {}): Promise<Conversation> {
    const { data } = await this.http.request({
      method: 'POST',
      path: `/api/whatsapp/conversations/${seg(id)}/assign`,
      body: { userId: agentId },
      signal: options.signal,
      expect: 'json-or-empty',
    });
    const inner = unwrap(data);
    const patch = isObject(inner) ? conversationPatch(inner, this.ctx()) : {};
    if (!patch.assignee) patch.assignee = this.agents.get(agentId) ?? { id: agentId, displayName: agentId };
    return this.merge(id, patch, data, options);
  }

  /** Lays an action's answer over the last full record (fetched when this adapter has not seen it). */
  private async merge(
    id: string,
    patch: Partial<Conversation>,
    raw: unknown,
    options: RequestOptions,
  ): Promise<Conversation> {
    let base = this.known.get(id);
    if (!base) {
      base = await this.getConversation(id, options).catch((error: unknown) => {
        if (isAbortError(error)) throw error;
        return undefined; // the action succeeded; a failed refresh only costs detail
      });
    }
    const merged: Conversation = {
      ...(base ?? { id, dialect: DIALECT, status: 'unknown', channel: { kind: 'whatsapp' }, contact: {} }),
      ...patch,
      id,
      raw,
    };
    return this.remember(merged);
  }
}

export function createAdapter(config: DataSourceConfig): SuperwabaAdapter {
  return new SuperwabaAdapter(config);
}
