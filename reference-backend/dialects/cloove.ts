/**
 * `cloove`: the Cloove AI Messaging API (`/v1/messaging`), served from the
 * neutral records (backends/README.md §3).
 *
 * Wire format:
 * - Auth: `Authorization: Bearer <key>` (any non-empty key); without it 401
 *   `invalid_api_key`. The key belongs to the first seeded agent (`assigned=me`).
 * - Envelope `{message, data, meta?}`; errors `{error, message}`: 400
 *   invalid_json, 401, 404 not_found, 405, 409 idempotency_key_reused /
 *   request_in_progress, 422 validation_error / template_not_found /
 *   outside_service_window.
 * - `GET /v1/messaging/conversations`: WhatsApp conversations, most recently
 *   active first (max(lastInboundAt, lastOutboundAt)); filters `status`
 *   (repeated or comma-joined), `mode` (ai|human), `assigned` (me|unassigned),
 *   `search` (name or phone); `page` (default 1), `limit` (default 20, max 100);
 *   `meta: {total, page, perPage, totalPages, hasMore}`.
 *   Status on the wire: open | pending_customer | closed (ai_handling and
 *   escalated are `open`, with `mode` telling ai from human).
 * - `GET /v1/messaging/conversations/:id`: the conversation with its 50 most
 *   recent messages, newest first.
 * - `POST /v1/messaging/conversations/:id/messages {text}`: 1–4096 characters,
 *   only inside the 24-hour window (422 outside_service_window); 201.
 * - `POST /v1/messaging/messages/template {business_whatsapp_number_id (a
 *   WhatsApp channel id), phone, template_key, customer_name?, variables?}`:
 *   every placeholder of the template must have a variable; finds or creates
 *   the conversation with that phone on that number; 201.
 * - Both POSTs honour `Idempotency-Key` (scoped per API key): same key and
 *   body → the stored 2xx answer again with `Idempotency-Replayed: true`;
 *   different body → 409 idempotency_key_reused; while the first is still
 *   being processed → 409 request_in_progress. Failed sends release the key.
 *   Test knob: `X-Ref-Processing-Ms: <ms>` (≤ 5000) keeps a send in flight
 *   that long, so a concurrent duplicate meets request_in_progress.
 */
import type { ReferenceDb } from '../db.js';
import { renderTemplate } from '../db.js';
import type { RefConversation, RefMessage } from '../model.js';
import { json, type DialectContext, type DialectHandler } from '../router.js';
import {
  bearerToken,
  isRecord,
  isUnder,
  listParam,
  newestFirst,
  pageOf,
  positiveInt,
  readJsonBody,
  segmentsBelow,
} from './shared.js';

const PREFIX = '/v1/messaging';
const BUSINESS_ID = 'b1a2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const RECENT_MESSAGES = 50;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const MAX_TEXT = 4096;
const E164 = /^\+[1-9]\d{6,14}$/;

type Json = Record<string, unknown>;

function error(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return json({ error: code, message }, status, headers);
}

function authorized(request: Request): boolean {
  return bearerToken(request) !== undefined;
}

// ---- rendering ------------------------------------------------------------------

function wireStatus(c: RefConversation): string {
  if (c.status === 'pending') return 'pending_customer';
  if (c.status === 'closed') return 'closed';
  return 'open';
}

function lastActivity(db: ReferenceDb, c: RefConversation): string {
  const inbound = db.lastInboundAt(c.id);
  const outbound = db.lastOutboundAt(c.id);
  const latest = [inbound, outbound].filter((d): d is string => Boolean(d)).sort();
  return latest[latest.length - 1] ?? c.createdAt;
}

function renderConversation(db: ReferenceDb, c: RefConversation): Json {
  const contact = db.getContact(c.contactId);
  return {
    id: c.id,
    businessId: BUSINESS_ID,
    customerPhone: contact?.phone ?? null,
    customerName: contact?.name ?? null,
    status: wireStatus(c),
    mode: c.aiHandling ? 'ai' : 'human',
    unreadCount: c.unreadCount,
    lastInboundAt: db.lastInboundAt(c.id) ?? null,
    lastOutboundAt: db.lastOutboundAt(c.id) ?? null,
  };
}

function renderMessage(m: RefMessage): Json {
  const out: Json = {
    id: m.id,
    conversationId: m.conversationId,
    direction: m.direction,
    messageType: m.kind,
    text: m.text ?? '',
    // the docs show inbound messages as "delivered"
    deliveryStatus: m.status === null ? 'delivered' : m.status === 'queued' ? 'pending' : m.status,
    createdAt: m.createdAt,
  };
  if (m.media) out.mediaUrl = m.media.url;
  if (m.template) {
    out.templateKey = m.template.name;
    const v = m.template.variables;
    out.variables = Array.isArray(v) ? Object.fromEntries(v.map((value, i) => [String(i + 1), value])) : { ...v };
  }
  return out;
}

function whatsappConversation(db: ReferenceDb, id: string): RefConversation | undefined {
  const c = db.getConversation(id);
  return c && db.getChannel(c.channelId)?.kind === 'WHATSAPP' ? c : undefined;
}

// ---- reads ----------------------------------------------------------------------

function listConversations(ctx: DialectContext): Response {
  const { db, query } = ctx;
  const page = positiveInt(query.get('page'), 1);
  if (page === undefined) return error(422, 'validation_error', 'page must be a positive integer');
  const limit = positiveInt(query.get('limit'), DEFAULT_LIMIT);
  if (limit === undefined || limit > MAX_LIMIT)
    return error(422, 'validation_error', `limit must be an integer between 1 and ${MAX_LIMIT}`);
  const statuses = listParam(query, 'status');
  const mode = query.get('mode');
  if (mode && mode !== 'ai' && mode !== 'human') return error(422, 'validation_error', 'mode must be "ai" or "human"');
  const assigned = query.get('assigned');
  if (assigned && assigned !== 'me' && assigned !== 'unassigned') {
    return error(422, 'validation_error', 'assigned must be "me" or "unassigned"');
  }
  const search = (query.get('search') ?? '').trim().toLowerCase();
  const me = db.agents[0]?.id;

  const matching = db
    .listConversations()
    .filter((c) => db.getChannel(c.channelId)?.kind === 'WHATSAPP')
    .filter((c) => !statuses.length || statuses.includes(wireStatus(c)))
    .filter((c) => !mode || (mode === 'ai') === c.aiHandling)
    .filter((c) => !assigned || (assigned === 'me' ? c.assigneeId === me : c.assigneeId === null))
    .filter((c) => {
      if (!search) return true;
      const contact = db.getContact(c.contactId);
      const digits = search.replace(/\D/g, '');
      return (
        (contact?.name ?? '').toLowerCase().includes(search) ||
        (digits !== '' && (contact?.phone ?? '').replace(/\D/g, '').includes(digits))
      );
    });
  const rows = newestFirst(matching, (c) => lastActivity(db, c));

  const total = rows.length;
  const totalPages = Math.ceil(total / limit);
  return json({
    message: 'Conversations retrieved',
    data: pageOf(rows, page, limit).map((c) => renderConversation(db, c)),
    meta: { total, page, perPage: limit, totalPages, hasMore: page < totalPages },
  });
}

function getConversation(ctx: DialectContext, id: string): Response {
  const c = whatsappConversation(ctx.db, id);
  if (!c) return error(404, 'not_found', 'Conversation not found');
  const recent = ctx.db.messages(id).slice(-RECENT_MESSAGES).reverse();
  return json({
    message: 'Conversation retrieved',
    data: { ...renderConversation(ctx.db, c), messages: recent.map(renderMessage) },
  });
}

// ---- sends ----------------------------------------------------------------------

function sendText(ctx: DialectContext, id: string, body: unknown): Response {
  const { db } = ctx;
  const c = whatsappConversation(db, id);
  if (!c) return error(404, 'not_found', 'Conversation not found');
  const text = isRecord(body) ? body.text : undefined;
  if (typeof text !== 'string' || [...text].length < 1 || [...text].length > MAX_TEXT) {
    return error(422, 'validation_error', `text is required and must be 1-${MAX_TEXT} characters`);
  }
  if (!db.windowOpen(id)) {
    return error(
      422,
      'outside_service_window',
      'The 24-hour customer service window is closed; send an approved template instead',
    );
  }
  const message = db.appendMessage(id, {
    direction: 'outbound',
    kind: 'text',
    text,
    status: 'sent',
    senderId: db.agents[0]?.id ?? null,
  });
  return json({ message: 'Message sent', data: renderMessage(message) }, 201);
}

function sendTemplate(ctx: DialectContext, body: unknown): Response {
  const { db } = ctx;
  if (!isRecord(body)) return error(422, 'validation_error', 'A JSON object body is required');
  const numberId = body.business_whatsapp_number_id;
  if (typeof numberId !== 'string' || numberId === '') {
    return error(422, 'validation_error', 'business_whatsapp_number_id is required');
  }
  const channel = db.getChannel(numberId);
  if (!channel || channel.kind !== 'WHATSAPP') {
    return error(422, 'validation_error', 'business_whatsapp_number_id is not a WhatsApp number of this business');
  }
  const phone = body.phone;
  if (typeof phone !== 'string' || !E164.test(phone))
    return error(422, 'validation_error', 'phone must be an E.164 number');
  const key = body.template_key;
  if (typeof key !== 'string' || key === '') return error(422, 'validation_error', 'template_key is required');
  const template = db.templates.find((t) => t.name === key);
  if (!template) return error(422, 'template_not_found', `No approved template "${key}"`);
  const name = body.customer_name;
  if (name !== undefined && typeof name !== 'string')
    return error(422, 'validation_error', 'customer_name must be a string');
  const variables = body.variables ?? {};
  if (!isRecord(variables) || Object.values(variables).some((v) => typeof v !== 'string')) {
    return error(422, 'validation_error', 'variables must be an object of strings');
  }
  const missing = template.variables.filter((k) => !(k in variables));
  if (missing.length) return error(422, 'validation_error', `variables is missing ${missing.join(', ')}`);
  const vars = variables as Record<string, string>;
  const conversation =
    db.findConversationByPhone(phone, channel.id) ??
    db.createConversation({ phone, channelId: channel.id, name: name ?? null });
  const message = db.appendMessage(conversation.id, {
    direction: 'outbound',
    kind: 'template',
    text: renderTemplate(template.body, vars),
    template: { name: template.name, language: template.language, variables: { ...vars } },
    status: 'sent',
    senderId: db.agents[0]?.id ?? null,
  });
  return json({ message: 'Template message sent', data: renderMessage(message) }, 201);
}

// ---- idempotency ----------------------------------------------------------------

interface IdempotencyRecord {
  fingerprint: string;
  done?: { status: number; body: string; headers: Record<string, string> };
}

/**
 * Keyed by the db's channel list, which `db.reset()` replaces: a reset
 * forgets every stored key along with the data.
 */
const IDEMPOTENCY = new WeakMap<object, Map<string, IdempotencyRecord>>();

function idempotencyStore(db: ReferenceDb): Map<string, IdempotencyRecord> {
  let store = IDEMPOTENCY.get(db.channels);
  if (!store) IDEMPOTENCY.set(db.channels, (store = new Map()));
  return store;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function idempotent(ctx: DialectContext, body: unknown, run: () => Response): Promise<Response> {
  const key = ctx.request.headers.get('idempotency-key');
  if (!key) return run();
  const store = idempotencyStore(ctx.db);
  const scope = `${ctx.request.headers.get('authorization') ?? ''}\n${key}`;
  const fingerprint = `${ctx.request.method} ${ctx.path} ${canonical(body)}`;
  const existing = store.get(scope);
  if (existing) {
    if (existing.fingerprint !== fingerprint) {
      return error(409, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request');
    }
    if (!existing.done) {
      return error(
        409,
        'request_in_progress',
        'A request with this Idempotency-Key is still being processed; retry shortly',
      );
    }
    return new Response(existing.done.body, {
      status: existing.done.status,
      headers: { ...existing.done.headers, 'Idempotency-Replayed': 'true' },
    });
  }
  const record: IdempotencyRecord = { fingerprint };
  store.set(scope, record);
  try {
    const hold = Number(ctx.request.headers.get('x-ref-processing-ms') ?? 0);
    if (hold > 0) await wait(Math.min(hold, 5000));
    const response = run();
    if (response.status >= 200 && response.status < 300) {
      record.done = {
        status: response.status,
        body: await response.clone().text(),
        headers: { 'content-type': response.headers.get('content-type') ?? 'application/json' },
      };
    } else {
      store.delete(scope);
    }
    return response;
  } catch (e) {
    store.delete(scope);
    throw e;
  }
}

// ---- routing --------------------------------------------------------------------

function readBody(ctx: DialectContext): Promise<{ value: unknown } | { response: Response }> {
  return readJsonBody(ctx, () => error(400, 'invalid_json', 'The request body is not valid JSON'));
}

function methodNotAllowed(method: string): Response {
  return error(405, 'method_not_allowed', `Method ${method} is not supported on this resource`);
}

export const cloove: DialectHandler = async (ctx) => {
  const { path, request } = ctx;
  if (!isUnder(path, PREFIX)) return undefined;
  if (!authorized(request)) return error(401, 'invalid_api_key', 'Missing or invalid API key');
  const method = request.method.toUpperCase();
  const segments = segmentsBelow(path, PREFIX);

  if (segments[0] === 'conversations') {
    if (segments.length === 1) return method === 'GET' ? listConversations(ctx) : methodNotAllowed(method);
    const id = segments[1];
    if (segments.length === 2) return method === 'GET' ? getConversation(ctx, id) : methodNotAllowed(method);
    if (segments.length === 3 && segments[2] === 'messages') {
      if (method !== 'POST') return methodNotAllowed(method);
      const body = await readBody(ctx);
      if ('response' in body) return body.response;
      return idempotent(ctx, body.value, () => sendText(ctx, id, body.value));
    }
    return undefined;
  }
  if (segments.length === 2 && segments[0] === 'messages' && segments[1] === 'template') {
    if (method !== 'POST') return methodNotAllowed(method);
    const body = await readBody(ctx);
    if ('response' in body) return body.response;
    return idempotent(ctx, body.value, () => sendTemplate(ctx, body.value));
  }
  return undefined;
};
