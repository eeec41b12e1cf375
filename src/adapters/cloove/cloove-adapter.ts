/**
 * `cloove`: the Cloove AI Messaging API (`/v1/messaging`).
 *
 * - List: `status`/`mode`/`assigned`/`search` filters, `page`/`limit` with
 *   `meta.hasMore` (no meta → one page), most recently active first.
 * - Get one: the conversation with its recent messages (newest first on the
 *   wire); `listMessages` is that slice, oldest first, with no older pages.
 * - Send text to a conversation, templates to a phone number from the
 *   configured `businessWhatsappNumberId`; both carry `Idempotency-Key`.
 *
 * Auth (`Authorization: Bearer …`) is added by the host's proxy or `headers` hook.
 */
import type { DataSourceConfig, InboxDataSource, MessagePageOptions, RequestOptions } from '../../data/data-source.js';
import { InboxError } from '../../data/errors.js';
import type {
  Capabilities,
  Conversation,
  ConversationQuery,
  Message,
  Page,
  SendRequest,
  SendResult,
  SendTemplate,
} from '../../data/models.js';
import { baseCapabilities } from '../shared/capabilities.js';
import { createHttpClient, seg, type HttpClient, type HttpResponse } from '../shared/http-client.js';
import { arr, isObject, mapLenient } from '../shared/lenient.js';
import { sortNewestFirst } from '../shared/ordering.js';
import { clampLimit, decodePageCursor, encodePageCursor } from '../shared/paging.js';
import { pendingMessage } from '../shared/send.js';
import {
  DIALECT,
  FILTERABLE_STATUSES,
  hasMorePages,
  listQuery,
  mapConversation,
  mapMessage,
  parseError,
  templateBody,
} from './mappers.js';
import type { ClooveEnvelope, ClooveOptions } from './types.js';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export const CLOOVE_CAPABILITIES: Capabilities = baseCapabilities({
  filters: {
    status: true,
    statusValues: FILTERABLE_STATUSES,
    handledBy: true,
    assignee: 'me-unassigned',
    search: true,
  },
  conversationPagination: 'page',
  getConversation: true,
  messageOrderFromBackend: 'newest-first',
  perConversationUnread: true,
  send: {
    text: true,
    textMaxLength: 4096,
    template: 'by-name-with-variables',
    templateAddressing: 'phone',
  },
  idempotency: true,
  serviceWindow: 'enforced-sync',
  windowSignal: 'last_inbound',
});

export class ClooveAdapter implements InboxDataSource {
  readonly dialect = DIALECT;
  readonly capabilities: Capabilities = CLOOVE_CAPABILITIES;
  private readonly http: HttpClient;
  private readonly options: ClooveOptions;
  private readonly currentUserId?: string;
  /** Conversations seen in lists and get-one, for the template send's phone and name. */
  private readonly known = new Map<string, Conversation>();

  constructor(config: DataSourceConfig) {
    this.http = createHttpClient(config, DIALECT, parseError);
    this.options = {
      businessWhatsappNumberId:
        typeof config.businessWhatsappNumberId === 'string' ? config.businessWhatsappNumberId : undefined,
    };
    this.currentUserId = config.currentUserId;
  }

  async listConversations(query: ConversationQuery = {}, options: RequestOptions = {}): Promise<Page<Conversation>> {
    const page = decodePageCursor(query.cursor);
    const limit = clampLimit(query.limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const res = await this.http.request<ClooveEnvelope<unknown[]>>({
      path: '/v1/messaging/conversations',
      query: listQuery(query, page, limit, this.currentUserId),
      signal: options.signal,
    });
    const body = this.envelope(res);
    const now = Date.now();
    const items = sortNewestFirst(
      mapLenient(arr(body.data), (raw) => mapConversation(raw, now), 'conversation', DIALECT),
    );
    for (const c of items) this.known.set(c.id, c);
    const hasMore = hasMorePages(body.meta, page);
    const total = isObject(body.meta) && typeof body.meta.total === 'number' ? body.meta.total : undefined;
    return { items, hasMore, next: hasMore ? encodePageCursor(page + 1) : null, total, order: 'newest-first' };
  }

  async getConversation(id: string, options: RequestOptions = {}): Promise<Conversation> {
    const res = await this.http.request<ClooveEnvelope<unknown>>({
      path: `/v1/messaging/conversations/${seg(id)}`,
      signal: options.signal,
    });
    const conversation = mapConversation(this.envelope(res).data);
    if (!conversation) throw this.invalid(`GET conversation ${id} returned no conversation`, res.data);
    this.known.set(conversation.id, conversation);
    return conversation;
  }

  /** The recent slice get-one returns; Cloove documents no older pages. */
  async listMessages(conversationId: string, options: MessagePageOptions = {}): Promise<Page<Message>> {
    if (options.cursor) return { items: [], hasMore: false, next: null, order: 'oldest-first' };
    const conversation = await this.getConversation(conversationId, { signal: options.signal });
    const items = conversation.embeddedMessages ?? [];
    return { items, hasMore: false, next: null, order: 'oldest-first' };
  }

  async send(request: SendRequest, options: RequestOptions = {}): Promise<SendResult> {
    if (request.kind === 'text') {
      const res = await this.http.request<ClooveEnvelope<unknown>>({
        method: 'POST',
        path: `/v1/messaging/conversations/${seg(request.conversationId)}/messages`,
        body: { text: request.text },
        idempotencyKey: request.clientRef,
        signal: options.signal,
      });
      return this.sendResult(request, res);
    }
    if (request.kind === 'template') return this.sendTemplate(request, options);
    throw new InboxError({
      kind: 'unsupported',
      message: `Cloove cannot send ${request.kind} messages`,
      dialect: DIALECT,
    });
  }

  private async sendTemplate(request: SendTemplate, options: RequestOptions): Promise<SendResult> {
    const numberId = this.options.businessWhatsappNumberId;
    if (!numberId) {
      throw new InboxError({
        kind: 'validation',
        code: 'missing_business_whatsapp_number_id',
        message: 'Cloove template sends need the `businessWhatsappNumberId` option (the WhatsApp number to send from)',
        dialect: DIALECT,
      });
    }
    let conversation = this.known.get(request.conversationId);
    if (!request.to && !conversation?.contact.phone && request.conversationId) {
      conversation = await this.getConversation(request.conversationId, options);
    }
    const phone = request.to ?? conversation?.contact.phone;
    if (!phone) {
      throw new InboxError({
        kind: 'validation',
        code: 'missing_phone',
        message: 'Cloove sends templates to a phone number, and this conversation has none',
        dialect: DIALECT,
      });
    }
    const res = await this.http.request<ClooveEnvelope<unknown>>({
      method: 'POST',
      path: '/v1/messaging/messages/template',
      body: templateBody(numberId, phone, request.templateName, request.variables, conversation?.contact.displayName),
      idempotencyKey: request.clientRef,
      signal: options.signal,
    });
    return this.sendResult(request, res);
  }

  private sendResult(request: SendRequest, res: HttpResponse<ClooveEnvelope<unknown>>): SendResult {
    const data = isObject(res.data) ? res.data.data : undefined;
    const mapped = mapMessage(data, request.conversationId);
    const message: Message = mapped
      ? { ...mapped, clientRef: request.clientRef }
      : pendingMessage(request, isObject(data) && typeof data.id === 'string' ? data.id : undefined);
    const replayed = res.headers.get('Idempotency-Replayed')?.toLowerCase() === 'true';
    return { message, accepted: mapped ? 'created' : 'queued', replayed };
  }

  private envelope<T>(res: HttpResponse<ClooveEnvelope<T>>): ClooveEnvelope<T> {
    if (!isObject(res.data)) throw this.invalid('the response is not a JSON object', res.data);
    return res.data;
  }

  private invalid(detail: string, raw: unknown): InboxError {
    return new InboxError({
      kind: 'invalid_response',
      message: `Unexpected Cloove response: ${detail}`,
      dialect: DIALECT,
      raw,
    });
  }
}

export function createAdapter(config: DataSourceConfig): ClooveAdapter {
  return new ClooveAdapter(config);
}
