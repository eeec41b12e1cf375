/**
 * `vobiz`: the Vobiz WhatsApp API (`/v1/messaging`), served from the neutral
 * records (backends/README.md §5) in response generation B (the excerpt,
 * default) or C (the newest docs), chosen per request with the reference-only
 * header `X-Vobiz-Generation: C`.
 *
 * Wire format:
 * - Auth: `X-Auth-ID` + `X-Auth-Token` (any non-empty values; gen C also
 *   `Authorization: Bearer …`); without them 401 `{error:"unauthorized", message}`.
 *   Every error is `{error, message}`.
 * - `GET /v1/messaging/conversations`: WhatsApp conversations, most recent
 *   message first; `page` (1-based, default 1), `limit` (default 20, max 100).
 *   B: `{data: [{id, channel_id, contact, last_message, unread_count, status}],
 *   meta: {total, page}}`; C: `{items: [{id, account_id, channel_id,
 *   contact_id, category, is_billable, started_at, expires_at, status}]}`
 *   (`expires_at` = last inbound + 24 h, null without one).
 * - `GET /v1/messaging/conversations/{id}/messages?limit=&cursor=`: `limit`
 *   default 50, max 100; `cursor` a message id, the page holds the messages
 *   strictly older than it. The page comes in the excerpt's mixed order (newest
 *   first, then each adjacent pair swapped); the cursor for the next page is the
 *   id of the page's oldest message, or null at the start of the thread.
 *   B: `{data, cursor}` with `body`/`timestamp`; C: `{items, next_cursor}` with
 *   `content`/`created_at`. 404 for an unknown conversation, 400 for a bad cursor.
 * - `GET /v1/messaging/channels/whatsapp`: `{data: [{id, display_name,
 *   phone_number, waba_id, status, created_at}]}`.
 * - `POST /v1/messaging/messages {channel_id, to, type, text|template|image|
 *   video|document (B) or media (C), waba_id (C)}`: free-form types only inside
 *   the 24-hour window of the conversation with `to` on that channel (400
 *   `outside_window`); a template opens the conversation when there is none.
 *   201 with the created message (B: `{data: message}`, C: the bare message).
 */
import type { ReferenceDb } from '../db.js';
import { renderTemplate } from '../db.js';
import type { RefChannel, RefConversation, RefMessage } from '../model.js';
import { json, type DialectContext, type DialectHandler } from '../router.js';
import {
  bearerToken,
  isRecord,
  isUnder,
  newestFirst,
  pageOf,
  positiveInt,
  readJsonBody,
  segmentsBelow,
} from './shared.js';

const PREFIX = '/v1/messaging';
const ACCOUNT_ID = 'MA_REFERENCE';
const DEFAULT_LIMIT = 20;
const DEFAULT_MESSAGE_LIMIT = 50;
const MAX_LIMIT = 100;
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const DAY_MS = 24 * 60 * 60 * 1000;
const E164 = /^\+[1-9]\d{6,14}$/;
const MEDIA_TYPES = ['image', 'video', 'document'] as const;
/** Gen C adds audio and stickers, sent as one `media` object. */
const GEN_C_MEDIA_TYPES = [...MEDIA_TYPES, 'audio', 'sticker'] as const;
type MediaType = (typeof GEN_C_MEDIA_TYPES)[number];
const MIME: Record<string, string> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  document: 'application/pdf',
  audio: 'audio/ogg',
  sticker: 'image/webp',
};

type Gen = 'B' | 'C';
type Json = Record<string, unknown>;

function error(status: number, code: string, message: string): Response {
  return json({ error: code, message }, status);
}

function generation(request: Request): Gen {
  return (request.headers.get('x-vobiz-generation') ?? '').trim().toUpperCase() === 'C' ? 'C' : 'B';
}

function authorized(request: Request, gen: Gen): boolean {
  const id = (request.headers.get('x-auth-id') ?? '').trim();
  const token = (request.headers.get('x-auth-token') ?? '').trim();
  if (id && token) return true;
  return gen === 'C' && bearerToken(request) !== undefined;
}

// ---- rendering ------------------------------------------------------------------

function wireMessageStatus(m: RefMessage): string | null {
  if (m.status === null) return null;
  return m.status === 'queued' ? 'pending' : m.status;
}

function expiresAt(db: ReferenceDb, c: RefConversation): string | null {
  const inbound = db.lastInboundAt(c.id);
  return inbound ? new Date(Date.parse(inbound) + DAY_MS).toISOString() : null;
}

function lastActivity(db: ReferenceDb, c: RefConversation): string {
  return db.lastMessage(c.id)?.createdAt ?? c.createdAt;
}

function renderConversation(db: ReferenceDb, c: RefConversation, gen: Gen): Json {
  const status = c.status === 'closed' ? 'closed' : 'open';
  if (gen === 'C') {
    return {
      id: c.id,
      account_id: ACCOUNT_ID,
      channel_id: c.channelId,
      contact_id: c.contactId,
      category: c.category,
      is_billable: c.category !== 'service',
      started_at: c.createdAt,
      expires_at: expiresAt(db, c),
      status,
    };
  }
  const contact = db.getContact(c.contactId);
  const last = db.lastMessage(c.id);
  return {
    id: c.id,
    channel_id: c.channelId,
    contact: { id: c.contactId, name: contact?.name ?? null, phone: contact?.phone ?? null },
    last_message: last
      ? { body: last.text ?? '', direction: last.direction, type: last.kind, timestamp: last.createdAt }
      : null,
    unread_count: c.unreadCount,
    status,
  };
}

function renderMessage(db: ReferenceDb, m: RefMessage, gen: Gen): Json {
  if (gen === 'C') {
    const conversation = db.getConversation(m.conversationId);
    let content: unknown = m.text;
    if (m.media) {
      content = {
        link: m.media.url,
        mime_type: m.media.mimeType,
        caption: m.media.caption ?? m.text ?? undefined,
        filename: m.media.filename,
      };
    }
    const out: Json = {
      id: m.id,
      account_id: ACCOUNT_ID,
      channel_id: conversation?.channelId ?? null,
      contact_id: conversation?.contactId ?? null,
      conversation_id: m.conversationId,
      direction: m.direction,
      type: m.kind,
      status: wireMessageStatus(m),
      content,
      meta_message_id: m.waMessageId,
      created_at: m.createdAt,
    };
    if (m.template) out.template = renderTemplateRef(m);
    if (m.location) out.location = { ...m.location };
    return out;
  }
  const out: Json = { id: m.id, type: m.kind, direction: m.direction };
  if (m.text !== null) out.body = m.text;
  const status = wireMessageStatus(m);
  if (status !== null) out.status = status;
  out.timestamp = m.createdAt;
  if (m.media) {
    const media: Json = { url: m.media.url };
    if (m.media.caption ?? m.text) media.caption = m.media.caption ?? m.text;
    if (m.media.filename) media.filename = m.media.filename;
    out[m.kind] = media;
  }
  if (m.template) out.template = renderTemplateRef(m);
  if (m.location) out.location = { ...m.location };
  return out;
}

function renderTemplateRef(m: RefMessage): Json {
  const t = m.template!;
  return {
    name: t.name,
    language: t.language,
    parameters: Array.isArray(t.variables) ? [...t.variables] : Object.values(t.variables),
  };
}

function whatsappChannel(db: ReferenceDb, id: string): RefChannel | undefined {
  const channel = db.getChannel(id);
  return channel?.kind === 'WHATSAPP' ? channel : undefined;
}

function whatsappConversation(db: ReferenceDb, id: string): RefConversation | undefined {
  const c = db.getConversation(id);
  return c && whatsappChannel(db, c.channelId) ? c : undefined;
}

// ---- reads ----------------------------------------------------------------------

function listConversations(ctx: DialectContext, gen: Gen): Response {
  const { db, query } = ctx;
  const page = positiveInt(query.get('page'), 1);
  if (page === undefined) return error(400, 'invalid_parameter', 'page must be a positive integer');
  const limit = positiveInt(query.get('limit'), DEFAULT_LIMIT);
  if (limit === undefined || limit > MAX_LIMIT)
    return error(400, 'invalid_parameter', `limit must be between 1 and ${MAX_LIMIT}`);
  const rows = newestFirst(
    db.listConversations().filter((c) => whatsappChannel(db, c.channelId)),
    (c) => lastActivity(db, c),
  );
  const slice = pageOf(rows, page, limit).map((c) => renderConversation(db, c, gen));
  return gen === 'C' ? json({ items: slice }) : json({ data: slice, meta: { total: rows.length, page } });
}

/** Newest first, then each adjacent pair swapped: the excerpt's example order. */
function mixed<T>(newestFirst: T[]): T[] {
  const out = [...newestFirst];
  for (let i = 0; i + 1 < out.length; i += 2) [out[i], out[i + 1]] = [out[i + 1], out[i]];
  return out;
}

function listMessages(ctx: DialectContext, id: string, gen: Gen): Response {
  const { db, query } = ctx;
  if (!whatsappConversation(db, id)) return error(404, 'not_found', 'Conversation not found');
  const limit = positiveInt(query.get('limit'), DEFAULT_MESSAGE_LIMIT);
  if (limit === undefined || limit > MAX_LIMIT)
    return error(400, 'invalid_parameter', `limit must be between 1 and ${MAX_LIMIT}`);
  const all = db.messages(id);
  let end = all.length;
  const cursor = query.get('cursor');
  if (cursor) {
    end = all.findIndex((m) => m.id === cursor);
    if (end < 0) return error(400, 'invalid_cursor', 'cursor is not a message of this conversation');
  }
  const start = Math.max(0, end - limit);
  const page = all.slice(start, end);
  const next = start > 0 && page.length ? page[0].id : null;
  const items = mixed(page.reverse()).map((m) => renderMessage(db, m, gen));
  return gen === 'C' ? json({ items, next_cursor: next }) : json({ data: items, cursor: next });
}

function listChannels(ctx: DialectContext): Response {
  const since = new Date(ctx.db.now - 400 * DAY_MS).toISOString();
  return json({
    data: ctx.db.channels
      .filter((c) => c.kind === 'WHATSAPP')
      .map((c) => ({
        id: c.id,
        display_name: c.name,
        phone_number: c.phone,
        waba_id: c.wabaId,
        status: 'active',
        created_at: since,
      })),
  });
}

// ---- send -----------------------------------------------------------------------

type Parsed =
  | { ok: true; message: Omit<Partial<RefMessage>, 'kind'> & Pick<RefMessage, 'kind'> }
  | { ok: false; response: Response };

function https(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function parseMedia(body: Json, type: MediaType, gen: Gen): Parsed {
  const field = gen === 'C' ? 'media' : type;
  const media = body[field];
  if (!isRecord(media))
    return { ok: false, response: error(400, 'validation_error', `${field} is required for type ${type}`) };
  const url = gen === 'C' ? media.link : media.url;
  if (!https(url)) {
    const name = gen === 'C' ? 'media.link' : `${type}.url`;
    return { ok: false, response: error(400, 'validation_error', `${name} must be an https URL`) };
  }
  const caption = media.caption;
  if (caption !== undefined && (typeof caption !== 'string' || [...caption].length > MAX_CAPTION)) {
    return {
      ok: false,
      response: error(400, 'validation_error', `caption must be a string of at most ${MAX_CAPTION} characters`),
    };
  }
  const filename = typeof media.filename === 'string' ? media.filename : undefined;
  return {
    ok: true,
    message: {
      kind: type,
      text: caption ?? null,
      media: {
        url,
        mimeType: MIME[type],
        ...(caption !== undefined ? { caption } : {}),
        ...(filename ? { filename } : {}),
      },
    },
  };
}

function parseTemplate(db: ReferenceDb, body: Json): Parsed {
  const t = body.template;
  if (!isRecord(t))
    return { ok: false, response: error(400, 'validation_error', 'template is required for type template') };
  if (typeof t.name !== 'string' || typeof t.language !== 'string') {
    return { ok: false, response: error(400, 'validation_error', 'template.name and template.language are required') };
  }
  const template = db.templates.find((x) => x.name === t.name && x.language === t.language);
  if (!template)
    return { ok: false, response: error(400, 'template_not_found', `No approved template ${t.name} (${t.language})`) };
  const raw = t.parameters ?? [];
  if (!Array.isArray(raw))
    return { ok: false, response: error(400, 'validation_error', 'template.parameters must be an array') };
  const params = raw.map((p) =>
    typeof p === 'string' ? p : isRecord(p) && typeof p.text === 'string' ? p.text : undefined,
  );
  if (params.some((p) => p === undefined) || params.length !== template.variables.length) {
    return {
      ok: false,
      response: error(
        400,
        'validation_error',
        `template ${template.name} takes ${template.variables.length} text parameter(s)`,
      ),
    };
  }
  const values = params as string[];
  // named placeholders are filled in order
  const variables: string[] | Record<string, string> = template.variables.every((k) => /^\d+$/.test(k))
    ? values
    : Object.fromEntries(template.variables.map((k, i) => [k, values[i]]));
  return {
    ok: true,
    message: {
      kind: 'template',
      text: renderTemplate(template.body, variables),
      template: { name: template.name, language: template.language, variables },
    },
  };
}

function send(ctx: DialectContext, body: unknown, gen: Gen): Response {
  const { db } = ctx;
  if (!isRecord(body)) return error(400, 'validation_error', 'A JSON object body is required');
  if (typeof body.channel_id !== 'string' || body.channel_id === '')
    return error(400, 'validation_error', 'channel_id is required');
  const channel = whatsappChannel(db, body.channel_id);
  if (!channel) return error(404, 'channel_not_found', `No WhatsApp channel ${body.channel_id}`);
  if (gen === 'C') {
    if (typeof body.waba_id !== 'string' || body.waba_id === '')
      return error(400, 'validation_error', 'waba_id is required');
    if (body.waba_id !== channel.wabaId) return error(400, 'validation_error', 'waba_id does not own this channel');
  }
  if (typeof body.to !== 'string' || !E164.test(body.to))
    return error(400, 'validation_error', 'to must be an E.164 phone number');
  const type = body.type;
  const mediaTypes: readonly MediaType[] = gen === 'C' ? GEN_C_MEDIA_TYPES : MEDIA_TYPES;
  let parsed: Parsed;
  if (type === 'text') {
    const text = isRecord(body.text) ? body.text.body : undefined;
    if (typeof text !== 'string' || [...text].length < 1 || [...text].length > MAX_TEXT) {
      return error(400, 'validation_error', `text.body is required and must be 1-${MAX_TEXT} characters`);
    }
    const preview = isRecord(body.text) ? body.text.preview_url : undefined;
    if (preview !== undefined && typeof preview !== 'boolean')
      return error(400, 'validation_error', 'text.preview_url must be a boolean');
    parsed = { ok: true, message: { kind: 'text', text } };
  } else if (type === 'template') {
    parsed = parseTemplate(db, body);
  } else if (mediaTypes.includes(type as MediaType)) {
    parsed = parseMedia(body, type as MediaType, gen);
  } else {
    return error(400, 'validation_error', `type must be one of text, template, ${mediaTypes.join(', ')}`);
  }
  if (!parsed.ok) return parsed.response;

  let conversation = db.findConversationByPhone(body.to, channel.id);
  if (parsed.message.kind !== 'template' && (!conversation || !db.windowOpen(conversation.id))) {
    return error(400, 'outside_window', '24-hour window closed; use a template');
  }
  conversation ??= db.createConversation({ phone: body.to, channelId: channel.id });
  const message = db.appendMessage(conversation.id, {
    direction: 'outbound',
    status: 'sent',
    senderId: null,
    ...parsed.message,
  });
  const rendered = renderMessage(db, message, gen);
  return json(gen === 'C' ? rendered : { data: rendered }, 201);
}

// ---- routing --------------------------------------------------------------------

function methodNotAllowed(method: string): Response {
  return error(405, 'method_not_allowed', `Method ${method} is not supported on this resource`);
}

export const vobiz: DialectHandler = async (ctx) => {
  const { path, request } = ctx;
  if (!isUnder(path, PREFIX)) return undefined;
  const gen = generation(request);
  if (!authorized(request, gen)) return error(401, 'unauthorized', 'Missing or invalid X-Auth-ID / X-Auth-Token');
  const method = request.method.toUpperCase();
  const segments = segmentsBelow(path, PREFIX);

  if (segments[0] === 'conversations') {
    if (segments.length === 1) return method === 'GET' ? listConversations(ctx, gen) : methodNotAllowed(method);
    if (segments.length === 3 && segments[2] === 'messages') {
      return method === 'GET' ? listMessages(ctx, segments[1], gen) : methodNotAllowed(method);
    }
    return undefined;
  }
  if (segments.length === 2 && segments[0] === 'channels' && segments[1] === 'whatsapp') {
    return method === 'GET' ? listChannels(ctx) : methodNotAllowed(method);
  }
  if (segments.length === 1 && segments[0] === 'messages') {
    if (method !== 'POST') return methodNotAllowed(method);
    const body = await readJsonBody(ctx, () => error(400, 'invalid_json', 'The request body is not valid JSON'));
    if ('response' in body) return body.response;
    return send(ctx, body.value, gen);
  }
  return undefined;
};
