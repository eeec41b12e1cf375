/**
 * Pure mapping functions for Vobiz: both documented response generations
 * (B: `data`/`cursor`/`body`/`timestamp`, embedded contact and preview;
 * C: `items`/`next_cursor`/`content`/`created_at`, `expires_at`) → the
 * normalized model; send requests → the wire body; error bodies →
 * `ParsedErrorBody`. No I/O here.
 */
import { mentionsServiceWindow } from '../../data/errors.js';
import type {
  Conversation,
  ConversationStatus,
  MediaRef,
  Message,
  SendRequest,
  ServiceWindow,
} from '../../data/models.js';
import type { ParsedErrorBody } from '../shared/http-client.js';
import {
  arr,
  deliveryStatus,
  direction as readDirection,
  httpUrl,
  isObject,
  isoDate,
  messageKind,
  num,
  str,
  text,
  type Json,
} from '../shared/lenient.js';
import { predictWindow } from '../shared/conversation.js';
import type { VobizChannel, VobizGeneration, VobizSendBody } from './types.js';

export const DIALECT = 'vobiz';

/** The items of a list response, whichever generation: `data` (B) or `items` (C). */
export function listItems(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (!isObject(body)) return [];
  return Array.isArray(body.data) ? body.data : arr(body.items);
}

/** The older-messages cursor, whichever generation: `cursor` (B) or `next_cursor` (C); null when done. */
export function nextCursor(body: unknown): string | null {
  if (!isObject(body)) return null;
  return str(body.next_cursor) ?? str(body.cursor) ?? null;
}

/** `meta.total` (B), or a top-level `total` some C responses carry. */
export function listTotal(body: unknown): number | undefined {
  if (!isObject(body)) return undefined;
  return (isObject(body.meta) ? num(body.meta.total) : undefined) ?? num(body.total);
}

export function conversationStatus(value: unknown): ConversationStatus {
  const s = str(value)?.toLowerCase();
  if (s === 'open' || s === 'active') return 'open';
  if (s === 'closed' || s === 'expired') return 'closed';
  return 'unknown';
}

/** Text of a gen B `body` or gen C `content` (a string, or an object with body/text/caption). */
export function contentText(raw: Json): string | undefined {
  const body = text(raw.body);
  if (body !== undefined) return body;
  const content = raw.content;
  if (typeof content === 'string') return content;
  if (isObject(content)) return text(content.body) ?? text(content.text) ?? text(content.caption);
  return undefined;
}

function mediaOf(raw: Json, type: string | undefined): MediaRef | undefined {
  const candidates = [raw.media, type ? raw[type] : undefined, raw.content];
  for (const c of candidates) {
    if (!isObject(c)) continue;
    const url = httpUrl(c.url) ?? httpUrl(c.link);
    const mediaId = str(c.id);
    if (!url && !mediaId) continue;
    return {
      url,
      mediaId,
      caption: text(c.caption),
      filename: str(c.filename),
      mimeType: str(c.mime_type) ?? str(c.mimeType),
    };
  }
  return undefined;
}

/** One message, gen B or C; undefined when it has no id, direction or date. */
export function mapMessage(raw: unknown, conversationId?: string): Message | undefined {
  if (!isObject(raw)) return undefined;
  const id = str(raw.id);
  const dir = readDirection(raw.direction);
  const createdAt = isoDate(raw.timestamp) ?? isoDate(raw.created_at);
  if (!id || !dir || !createdAt) return undefined;
  const rawType = str(raw.type);
  const kind = messageKind(rawType);
  const rawStatus = str(raw.status);
  const message: Message = {
    id,
    conversationId: str(raw.conversation_id) ?? conversationId,
    direction: dir,
    kind,
    rawType,
    text: contentText(raw),
    status: deliveryStatus(rawStatus, dir),
    rawStatus,
    createdAt,
    externalId: str(raw.meta_message_id),
    raw,
  };
  if (kind !== 'text' && kind !== 'template') {
    const media = mediaOf(raw, rawType);
    if (media) {
      message.media = media;
      if (message.text === undefined && media.caption !== undefined) message.text = media.caption;
    }
  }
  if (isObject(raw.location)) {
    const latitude = num(raw.location.latitude);
    const longitude = num(raw.location.longitude);
    if (latitude !== undefined && longitude !== undefined) {
      message.location = { latitude, longitude, name: str(raw.location.name), address: str(raw.location.address) };
    }
  }
  if (isObject(raw.template)) {
    const name = str(raw.template.name);
    if (name) {
      message.template = {
        name,
        language: str(raw.template.language),
        variables: arr(raw.template.parameters).map(parameterText),
      };
    }
  }
  return message;
}

function parameterText(p: unknown): string {
  if (isObject(p)) return text(p.text) ?? str(p.value) ?? '';
  return typeof p === 'string' || typeof p === 'number' ? String(p) : '';
}

/** The service window: `expires_at` from the backend (gen C), else predicted from the last inbound message. */
export function serviceWindowOf(
  expiresAt: string | undefined,
  lastInboundAt: string | undefined,
  now = Date.now(),
): ServiceWindow {
  if (expiresAt) return { source: 'backend', expiresAt, isOpen: now < Date.parse(expiresAt) };
  return predictWindow(lastInboundAt, now);
}

/** One conversation, gen B (embedded contact, last_message) or gen C (raw, `expires_at`). */
export function mapConversation(raw: unknown, now = Date.now()): Conversation | undefined {
  if (!isObject(raw)) return undefined;
  const id = str(raw.id);
  if (!id) return undefined;
  const contact = isObject(raw.contact) ? raw.contact : undefined;
  const last = isObject(raw.last_message) ? raw.last_message : undefined;
  const lastAt = last ? (isoDate(last.timestamp) ?? isoDate(last.created_at)) : undefined;
  const lastDirection = last ? readDirection(last.direction) : undefined;
  const startedAt = isoDate(raw.started_at);
  const lastInboundAt = lastDirection === 'inbound' ? lastAt : undefined;
  const channelId = str(raw.channel_id);
  const conversation: Conversation = {
    id,
    dialect: DIALECT,
    status: conversationStatus(raw.status),
    rawStatus: str(raw.status),
    channel: channelId ? { kind: 'whatsapp', id: channelId } : { kind: 'whatsapp' },
    contact: {
      id: str(contact?.id) ?? str(raw.contact_id),
      displayName: str(contact?.name),
      phone: str(contact?.phone),
    },
    unreadCount: num(raw.unread_count),
    lastActivityAt: lastAt ?? startedAt,
    lastInboundAt,
    createdAt: startedAt,
    window: serviceWindowOf(isoDate(raw.expires_at), lastInboundAt, now),
    raw,
  };
  if (last && lastAt && lastDirection) {
    conversation.lastMessage = {
      text: contentText(last),
      direction: lastDirection,
      createdAt: lastAt,
      kind: messageKind(last.type),
    };
  }
  return conversation;
}

/** The server's opaque message cursor, wrapped so our cursors are recognisable. */
export function encodeMessageCursor(serverCursor: string): string {
  return `cursor:${serverCursor}`;
}
export function decodeMessageCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  return cursor.startsWith('cursor:') ? cursor.slice('cursor:'.length) : cursor;
}

/**
 * Whether another conversation page follows: `page * pageSize < total` when
 * the total is known, else whether this page was full; never after an empty page.
 */
export function hasMorePages(page: number, pageSize: number, received: number, total: number | undefined): boolean {
  if (received === 0) return false;
  if (total !== undefined) return page * pageSize < total;
  return received >= pageSize;
}

/** Positional template parameters: arrays as given, maps by key (numeric keys in numeric order). */
export function templateParameters(variables: Record<string, string> | string[] | undefined): string[] {
  if (!variables) return [];
  if (Array.isArray(variables)) return variables.map(String);
  const entries = Object.entries(variables);
  if (entries.every(([k]) => /^\d+$/.test(k))) entries.sort(([a], [b]) => Number(a) - Number(b));
  return entries.map(([, v]) => String(v));
}

export interface SendTarget {
  channelId: string;
  to: string;
  generation: VobizGeneration;
  /** Required (and only sent) for gen C. */
  wabaId?: string;
  /** Used when a template request names no language. */
  language: string;
}

/** Thrown by `sendBody` for requests Vobiz cannot express; the adapter turns it into an InboxError. */
export class SendBodyError extends Error {
  constructor(
    message: string,
    readonly kind: 'validation' | 'unsupported',
  ) {
    super(message);
  }
}

/** The `POST /v1/messaging/messages` body for a request. */
export function sendBody(req: SendRequest, target: SendTarget): VobizSendBody {
  const base: Pick<VobizSendBody, 'channel_id' | 'to' | 'waba_id'> = { channel_id: target.channelId, to: target.to };
  if (target.generation === 'C') base.waba_id = target.wabaId;
  switch (req.kind) {
    case 'text':
      return { ...base, type: 'text', text: { body: req.text, preview_url: false } };
    case 'template':
      return {
        ...base,
        type: 'template',
        template: {
          name: req.templateName,
          language: req.language ?? target.language,
          parameters: templateParameters(req.variables),
        },
      };
    case 'image':
    case 'video':
    case 'document':
    case 'audio':
    case 'sticker': {
      const url = httpUrl(req.media.url);
      // WhatsApp captions only images, videos and documents
      const caption = req.kind === 'audio' || req.kind === 'sticker' ? undefined : req.media.caption;
      if (target.generation === 'C') {
        if (!url && !req.media.mediaId)
          throw new SendBodyError('Vobiz media needs an http(s) URL or a media id', 'validation');
        const media: NonNullable<VobizSendBody['media']> = url ? { link: url } : { id: req.media.mediaId };
        if (caption) media.caption = caption;
        if (req.kind === 'document' && req.media.filename) media.filename = req.media.filename;
        return { ...base, type: req.kind, media };
      }
      if (req.kind === 'audio' || req.kind === 'sticker') {
        throw new SendBodyError(`Vobiz gen B cannot send ${req.kind} messages (gen C can)`, 'unsupported');
      }
      if (!url) throw new SendBodyError('Vobiz media needs an http(s) URL', 'validation');
      if (req.kind === 'document') {
        const doc: NonNullable<VobizSendBody['document']> = { url };
        if (caption) doc.caption = caption;
        if (req.media.filename) doc.filename = req.media.filename;
        return { ...base, type: 'document', document: doc };
      }
      const payload = caption ? { url, caption } : { url };
      return req.kind === 'image'
        ? { ...base, type: 'image', image: payload }
        : { ...base, type: 'video', video: payload };
    }
    default:
      throw new SendBodyError(`Vobiz cannot send ${req.kind} messages`, 'unsupported');
  }
}

/** The created message in a send response: `{data: message}`, the bare message, or only `{id}`. */
export function sentMessage(body: unknown, conversationId: string): { message?: Message; id?: string } {
  const candidate = isObject(body) && isObject(body.data) ? body.data : body;
  const message = mapMessage(candidate, conversationId);
  if (message) return { message };
  const id = isObject(candidate) ? (str(candidate.id) ?? str(candidate.message_id)) : undefined;
  return { id };
}

/** The channels list (`{ data: [...] }` or `{ items: [...] }`). */
export function mapChannels(body: unknown): VobizChannel[] {
  return listItems(body).filter((item): item is VobizChannel & Json => isObject(item));
}

/** Vobiz errors are undocumented: read `{error, message}` (error may be an object) and map by status. */
export function parseError(status: number, body: unknown): ParsedErrorBody {
  const b = isObject(body) ? body : {};
  const err = b.error;
  const code = typeof err === 'string' ? err : isObject(err) ? str(err.code) : str(b.code);
  const message =
    str(b.message) ??
    (isObject(err) ? str(err.message) : undefined) ??
    (typeof body === 'string' && body.trim() ? body.trim().slice(0, 200) : undefined);
  const parsed: ParsedErrorBody = { code: code ?? str(b.code), message };
  if (status >= 400 && status < 500 && status !== 401 && status !== 429 && mentionsServiceWindow(code, message)) {
    parsed.kind = 'outside_window';
  }
  return parsed;
}
