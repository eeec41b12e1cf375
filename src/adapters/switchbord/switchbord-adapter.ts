/**
 * Switchbord (self-hosted WhatsApp control plane), `/internal/*` operator API.
 *
 * No auth is defined: the host's proxy or session fronts it (pass `headers` /
 * `credentials`). Offset paging (limit 50, max 200), every message embedded in
 * list items, a global summary, no per-conversation unread, no actions.
 *
 * Dialect option: `experimentalMediaSend` (default false) advertises and sends
 * `sendMode: "media" | "interactive"`, whose payload fields are undocumented.
 */
import type { DataSourceConfig, InboxDataSource, MessagePageOptions, RequestOptions } from '../../data/data-source.js';
import { InboxError } from '../../data/errors.js';
import type {
  Capabilities,
  Conversation,
  ConversationQuery,
  InboxSummary,
  Message,
  Page,
  SendRequest,
  SendResult,
} from '../../data/models.js';
import { baseCapabilities } from '../shared/capabilities.js';
import { createHttpClient, seg, type HttpClient } from '../shared/http-client.js';
import { arr, isObject, mapLenient } from '../shared/lenient.js';
import { sortByActivityDesc } from '../shared/ordering.js';
import { clampLimit, encodeOffsetCursor, readOffsetCursor } from '../shared/paging.js';
import { DIALECT, mapConversation, mapMessage, mapMessages, mapSummary, messagesOf, parseError } from './mappers.js';
import type { SwitchbordSendBody, SwitchbordSendResponse } from './types.js';

export const SWITCHBORD_DEFAULT_LIMIT = 50;
export const SWITCHBORD_MAX_LIMIT = 200;

export interface SwitchbordOptions extends DataSourceConfig {
  /** Send `sendMode: "media" | "interactive"` (payload undocumented). Default false. */
  experimentalMediaSend?: boolean;
}

function invalid(message: string, raw?: unknown): InboxError {
  return new InboxError({ kind: 'invalid_response', message, dialect: DIALECT, raw });
}

/** `offset:N` → N; a missing cursor is 0. */
export function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const offset = readOffsetCursor(cursor);
  if (offset === undefined) {
    throw new InboxError({ kind: 'validation', message: `Not a switchbord cursor: ${cursor}`, dialect: DIALECT });
  }
  return offset;
}

export class SwitchbordAdapter implements InboxDataSource {
  readonly dialect = DIALECT;
  readonly capabilities: Capabilities;
  private readonly http: HttpClient;
  private readonly config: SwitchbordOptions;

  constructor(config: SwitchbordOptions) {
    this.config = config;
    this.http = createHttpClient(config, DIALECT, parseError);
    const media = config.experimentalMediaSend === true;
    this.capabilities = baseCapabilities({
      conversationPagination: 'offset',
      getConversation: true,
      messageOrderFromBackend: 'oldest-first',
      summary: true,
      send: {
        text: true,
        template: 'by-name',
        templateAddressing: 'conversation',
        media: media ? ['image', 'video', 'audio', 'document'] : [],
        interactive: media,
      },
      serviceWindow: 'enforced-sync',
      windowSignal: 'last_inbound',
    });
  }

  async listConversations(query: ConversationQuery = {}, options: RequestOptions = {}): Promise<Page<Conversation>> {
    const offset = decodeOffset(query.cursor);
    const limit = clampLimit(query.limit, SWITCHBORD_DEFAULT_LIMIT, SWITCHBORD_MAX_LIMIT);
    const { data } = await this.http.request({
      path: '/internal/conversations',
      query: { limit, offset },
      signal: options.signal,
    });
    const rawItems = Array.isArray(data) ? data : isObject(data) ? arr(data.conversations) : undefined;
    if (!rawItems) throw invalid('The switchbord conversation list has no conversations array', data);
    const now = Date.now();
    const items = sortByActivityDesc(mapLenient(rawItems, (c) => mapConversation(c, now), 'conversation', DIALECT));
    const summary = mapSummary(isObject(data) ? data.summary : undefined);
    // ASSUMPTION: offset + page.length < summary.total; fall back to a full page
    const hasMore = summary?.total !== undefined ? offset + rawItems.length < summary.total : rawItems.length === limit;
    const page: Page<Conversation> = {
      items,
      next: hasMore && rawItems.length > 0 ? encodeOffsetCursor(offset + rawItems.length) : null,
      hasMore: hasMore && rawItems.length > 0,
      order: 'newest-first',
    };
    if (summary) {
      page.summary = summary;
      if (summary.total !== undefined) page.total = summary.total;
    }
    return page;
  }

  async getConversation(id: string, options: RequestOptions = {}): Promise<Conversation> {
    const { data } = await this.http.request({ path: `/internal/conversations/${seg(id)}`, signal: options.signal });
    const record = isObject(data) && isObject(data.conversation) ? data.conversation : data;
    const conversation = mapConversation(record);
    if (!conversation) throw invalid('The switchbord conversation could not be read', data);
    return conversation;
  }

  /** Every message, oldest first (the endpoint has no paging). */
  async listMessages(conversationId: string, options: MessagePageOptions = {}): Promise<Page<Message>> {
    const { data } = await this.http.request({
      path: `/internal/conversations/${seg(conversationId)}/messages`,
      signal: options.signal,
    });
    if (!Array.isArray(data) && !(isObject(data) && Array.isArray(data.messages))) {
      throw invalid('The switchbord message list has no messages array', data);
    }
    const items = mapMessages(messagesOf(data), conversationId);
    return { items, next: null, hasMore: false, total: items.length, order: 'oldest-first' };
  }

  async getSummary(options: RequestOptions = {}): Promise<InboxSummary> {
    const { data } = await this.http.request({ path: '/internal/inbox/summary', signal: options.signal });
    const summary = mapSummary(data);
    if (!summary) throw invalid('The switchbord summary could not be read', data);
    return summary;
  }

  async send(request: SendRequest, options: RequestOptions = {}): Promise<SendResult> {
    const body = this.sendBody(request);
    const { status, data } = await this.http.request<SwitchbordSendResponse>({
      method: 'POST',
      path: `/internal/conversations/${seg(request.conversationId)}/messages`,
      body,
      signal: options.signal,
    });
    const fromServer = isObject(data) ? mapMessage(data.message, request.conversationId) : undefined;
    const message: Message = fromServer ?? {
      id: `pending-${request.clientRef}`,
      conversationId: request.conversationId,
      direction: 'outbound',
      kind: request.kind,
      rawType: body.sendMode,
      text: body.body,
      status: 'pending',
      createdAt: new Date().toISOString(),
      raw: data,
    };
    message.clientRef = request.clientRef;
    if (request.kind === 'template' && !message.template) message.template = { name: request.templateName };
    return { message, accepted: status === 202 || !fromServer ? 'queued' : 'created' };
  }

  private sendBody(request: SendRequest): SwitchbordSendBody {
    switch (request.kind) {
      case 'text':
        return { body: request.text, sendMode: 'freeform' };
      case 'template':
        // ASSUMPTION: never "" (min length 1): the preview text, else the template name
        return {
          body: request.previewText?.trim() ? request.previewText : request.templateName,
          sendMode: 'template',
          templateName: request.templateName,
        };
      case 'interactive':
        this.requireMedia('interactive');
        return { body: 'interactive', sendMode: 'interactive', interactive: request.payload };
      default:
        this.requireMedia(request.kind);
        return {
          body: request.media.caption || request.media.filename || request.kind,
          sendMode: 'media',
          media: { ...request.media },
        };
    }
  }

  private requireMedia(kind: string): void {
    if (this.config.experimentalMediaSend === true) return;
    throw new InboxError({
      kind: 'unsupported',
      message: `switchbord: ${kind} sends need the experimentalMediaSend option (payload undocumented)`,
      dialect: DIALECT,
    });
  }
}

export function createAdapter(config: DataSourceConfig): SwitchbordAdapter {
  return new SwitchbordAdapter(config);
}
