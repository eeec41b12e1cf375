/**
 * `vobiz`: the Vobiz WhatsApp API (`/v1/messaging`; gen C hosts it under
 * `/api/v1/messaging`, so point `baseUrl` at `…/api` there).
 *
 * - List: `page` (1-based) / `limit`, no filters; stops when
 *   `page * pageSize >= meta.total` or a page is empty.
 * - Messages: `limit` / opaque `cursor` for older pages; the order on the wire
 *   is unreliable, so pages are sorted and de-duplicated here.
 * - Send: to a phone number on a channel (`channel_id` + `to`), text, template
 *   (name + language + positional parameters) and image/video/document. The
 *   phone and channel come from conversations this adapter has listed.
 * - Responses of generation B and C are both read; the `generation` option
 *   only decides the send body (gen C adds `waba_id` and one `media` object).
 *
 * Auth (`X-Auth-ID` + `X-Auth-Token`) is added by the host's proxy or `headers` hook.
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
} from '../../data/models.js';
import { baseCapabilities } from '../shared/capabilities.js';
import { createHttpClient, seg, type HttpClient } from '../shared/http-client.js';
import { mapLenient, str } from '../shared/lenient.js';
import { sortNewestFirst, sortOldestFirst } from '../shared/ordering.js';
import { clampLimit, decodePageCursor, encodePageCursor } from '../shared/paging.js';
import { pendingMessage } from '../shared/send.js';
import {
  DIALECT,
  SendBodyError,
  decodeMessageCursor,
  encodeMessageCursor,
  hasMorePages,
  listItems,
  listTotal,
  mapChannels,
  mapConversation,
  mapMessage,
  nextCursor,
  parseError,
  sendBody,
  sentMessage,
} from './mappers.js';
import type { VobizChannel, VobizGeneration, VobizOptions } from './types.js';

const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_MESSAGE_LIMIT = 50;
const MAX_LIMIT = 100;

export function vobizCapabilities(generation: VobizGeneration): Capabilities {
  return baseCapabilities({
    conversationPagination: 'page',
    messagePagination: 'cursor',
    messageOrderFromBackend: 'unreliable',
    perConversationUnread: generation === 'B',
    send: {
      text: true,
      textMaxLength: 4096,
      template: 'by-name-language-params',
      templateAddressing: 'phone',
      // gen C adds audio and stickers (one `media` object)
      media: generation === 'C' ? ['image', 'video', 'document', 'audio', 'sticker'] : ['image', 'video', 'document'],
    },
    serviceWindow: 'enforced-sync',
    windowSignal: generation === 'C' ? 'expires_at' : 'last_inbound',
    multiChannel: true,
  });
}

export class VobizAdapter implements InboxDataSource {
  readonly dialect = DIALECT;
  readonly capabilities: Capabilities;
  private readonly http: HttpClient;
  private readonly options: Required<Pick<VobizOptions, 'generation' | 'defaultLanguage'>> & VobizOptions;
  /** Conversations seen in lists: sends need their phone and channel. */
  private readonly known = new Map<string, Conversation>();
  private channels?: Promise<VobizChannel[]>;

  constructor(config: DataSourceConfig) {
    const option = (name: string) => {
      const value = config[name];
      return typeof value === 'string' ? value : undefined;
    };
    const generation: VobizGeneration = option('generation')?.toUpperCase() === 'C' ? 'C' : 'B';
    this.options = {
      generation,
      channelId: option('channelId'),
      wabaId: option('wabaId'),
      defaultLanguage: option('defaultLanguage') ?? 'en',
      resolvePhone:
        typeof config.resolvePhone === 'function' ? (config.resolvePhone as VobizOptions['resolvePhone']) : undefined,
    };
    this.capabilities = vobizCapabilities(generation);
    this.http = createHttpClient(config, DIALECT, parseError);
  }

  async listConversations(query: ConversationQuery = {}, options: RequestOptions = {}): Promise<Page<Conversation>> {
    const page = decodePageCursor(query.cursor);
    const limit = clampLimit(query.limit, DEFAULT_PAGE_SIZE, MAX_LIMIT);
    const res = await this.http.request<unknown>({
      path: '/v1/messaging/conversations',
      query: { page, limit },
      signal: options.signal,
    });
    const raw = listItems(res.data);
    const now = Date.now();
    const items = sortNewestFirst(mapLenient(raw, (r) => mapConversation(r, now), 'conversation', DIALECT));
    for (const c of items) this.known.set(c.id, c);
    const total = listTotal(res.data);
    const hasMore = hasMorePages(page, limit, raw.length, total);
    return { items, hasMore, next: hasMore ? encodePageCursor(page + 1) : null, total, order: 'newest-first' };
  }

  async listMessages(conversationId: string, options: MessagePageOptions = {}): Promise<Page<Message>> {
    const cursor = decodeMessageCursor(options.cursor);
    const res = await this.http.request<unknown>({
      path: `/v1/messaging/conversations/${seg(conversationId)}/messages`,
      query: { limit: clampLimit(options.limit, DEFAULT_MESSAGE_LIMIT, MAX_LIMIT), cursor },
      signal: options.signal,
    });
    const raw = listItems(res.data);
    const mapped = mapLenient(raw, (r) => mapMessage(r, conversationId), 'message', DIALECT);
    // an inclusive cursor repeats the boundary message the previous page ended on
    const items = sortOldestFirst(cursor ? mapped.filter((m) => m.id !== cursor) : mapped);
    let next = nextCursor(res.data);
    if (next === cursor) next = null; // no progress: stop rather than loop
    const hasMore = next !== null && raw.length > 0;
    return { items, hasMore, next: hasMore && next ? encodeMessageCursor(next) : null, order: 'oldest-first' };
  }

  async send(request: SendRequest, options: RequestOptions = {}): Promise<SendResult> {
    const conversation = this.known.get(request.conversationId);
    const to =
      (request.kind === 'template' ? request.to : undefined) ??
      conversation?.contact.phone ??
      (await this.options.resolvePhone?.(request.conversationId, conversation));
    if (!to) {
      throw this.validation(
        'missing_phone',
        'Vobiz sends to a phone number, and the phone of this conversation is unknown (list the conversations first, or set the `resolvePhone` option)',
      );
    }
    const channelId = conversation?.channel.id ?? this.options.channelId;
    if (!channelId) {
      throw this.validation(
        'missing_channel_id',
        'Vobiz sends from a channel: the conversation has no channel_id and no `channelId` option is set',
      );
    }
    const wabaId = this.options.generation === 'C' ? await this.wabaId(channelId, options) : undefined;
    let body;
    try {
      body = sendBody(request, {
        channelId,
        to,
        generation: this.options.generation,
        wabaId,
        language: this.options.defaultLanguage,
      });
    } catch (error) {
      if (error instanceof SendBodyError) {
        throw new InboxError({ kind: error.kind, message: error.message, dialect: DIALECT });
      }
      throw error;
    }
    const res = await this.http.request<unknown>({
      method: 'POST',
      path: '/v1/messaging/messages',
      body,
      expect: 'json-or-empty',
      signal: options.signal,
    });
    const { message, id } = sentMessage(res.data, request.conversationId);
    if (message) {
      return {
        message: { ...message, clientRef: request.clientRef },
        accepted: res.status === 202 ? 'queued' : 'created',
      };
    }
    return { message: pendingMessage(request, id), accepted: 'queued' };
  }

  /** Gen C `waba_id`: the option, else the channel's, from `GET /v1/messaging/channels/whatsapp` (fetched once). */
  private async wabaId(channelId: string, options: RequestOptions): Promise<string> {
    if (this.options.wabaId) return this.options.wabaId;
    if (!this.channels) {
      this.channels = this.http
        .request<unknown>({ path: '/v1/messaging/channels/whatsapp', signal: options.signal })
        .then((res) => mapChannels(res.data));
      this.channels.catch(() => {
        this.channels = undefined; // try again on the next send
      });
    }
    const channels = await this.channels;
    const waba = str(channels.find((c) => c.id === channelId)?.waba_id);
    if (!waba)
      throw this.validation('missing_waba_id', `No waba_id for channel ${channelId}: set the \`wabaId\` option`);
    return waba;
  }

  private validation(code: string, message: string): InboxError {
    return new InboxError({ kind: 'validation', code, message, dialect: DIALECT });
  }
}

export function createAdapter(config: DataSourceConfig): VobizAdapter {
  return new VobizAdapter(config);
}
