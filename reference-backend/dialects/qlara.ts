/**
 * `qlara`: Agile Telecom Qlara partner-gateway Inbox API, served from the
 * neutral records (backends/README.md §2).
 *
 * Wire format (field names are the README's ASSUMPTIONs):
 * - Auth: `X-Api-Key` (any case) or `Authorization: Basic base64(user:pass)`;
 *   without either, 401 `{status,error,message}` like every other error.
 * - `GET /conversations`: a bare array, archived conversations left out;
 *   `dateFrom` (updated after), `channelIds` (repeated key or comma-joined,
 *   both accepted), `unreadOnly`, `orderBy` (`-`/`+` prefix; `+` arrives as a
 *   space and means ascending too). No pagination.
 * - `GET /conversations/{chatId}/messages`: oldest first. No parameters: the
 *   newest 50; `idTo`: the newest 50 with id ≤ idTo; `idFrom`: every message
 *   with id ≥ idFrom (both inclusive). The qlara message id is the record's `seq`.
 * - `POST /conversations/reply {chatId, text}`: 202 with no body. The message is
 *   stored `QUEUED`; on the next read it becomes `SENT`, or `FAILED` ("Outside the
 *   24-hour customer service window") when the WhatsApp window was closed.
 * - `PATCH …/{chatId}/read|archive|unarchive`, `POST|DELETE …/{chatId}/assignee`:
 *   204. `GET …/conversations/assignable-users`: `[{userId, displayName, avatarUrl}]`.
 */
import { json, type DialectContext, type DialectHandler } from '../router.js';
import { isRecord, isUnder, listParam, readJsonBody, segmentsBelow } from './shared.js';
import type { ReferenceDb } from '../db.js';
import type { RefConversation, RefMessage } from '../model.js';

const BASE = '/partner-gateway/v1/inbox/conversations';
const PAGE_SIZE = 50;
const WINDOW_REASON = 'Outside the 24-hour customer service window';
const ORDER_FIELDS = ['lastMessageDate', 'createdAt', 'unreadCount'] as const;
type OrderField = (typeof ORDER_FIELDS)[number];

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

const RATE_HEADERS = { 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '999' };

function error(status: number, message: string): Response {
  return json({ status, error: REASONS[status] ?? 'Error', message }, status, RATE_HEADERS);
}

function ok(body: unknown): Response {
  return json(body, 200, RATE_HEADERS);
}

function empty(status: 202 | 204): Response {
  return new Response(null, { status, headers: RATE_HEADERS });
}

function authorized(request: Request): boolean {
  if ((request.headers.get('x-api-key') ?? '').trim() !== '') return true;
  const auth = request.headers.get('authorization') ?? '';
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(auth);
  if (!m) return false;
  try {
    return atob(m[1]).includes(':');
  } catch {
    return false;
  }
}

/** Body of a POST, or a 400 answer for a malformed one. */
function body(ctx: DialectContext): Promise<{ value: unknown } | { response: Response }> {
  return readJsonBody(ctx, () => error(400, 'Malformed JSON request body'));
}

// ---- rendering ------------------------------------------------------------------

function lastMessageDate(ctx: DialectContext, c: RefConversation): string {
  return ctx.db.lastMessage(c.id)?.createdAt ?? c.updatedAt;
}

function renderConversation(ctx: DialectContext, c: RefConversation): Record<string, unknown> {
  const { db } = ctx;
  const contact = db.getContact(c.contactId);
  const channel = db.getChannel(c.channelId);
  const agent = c.assigneeId ? db.getAgent(c.assigneeId) : undefined;
  const last = db.lastMessage(c.id);
  return {
    chatId: c.id,
    channelId: c.channelId,
    channel: channel?.kind ?? 'WHATSAPP',
    channelName: channel?.name ?? null,
    contact: { name: contact?.name ?? null, phone: contact?.phone ?? null },
    lastMessage: last
      ? { text: last.text ?? last.media?.caption ?? null, date: last.createdAt, direction: last.direction }
      : null,
    lastMessageDate: lastMessageDate(ctx, c),
    unreadCount: c.unreadCount,
    assignee: agent ? { userId: agent.id, name: agent.name, avatarUrl: agent.avatarUrl } : null,
    createdAt: c.createdAt,
  };
}

function renderMessage(m: RefMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: m.seq,
    direction: m.direction,
    timestamp: m.createdAt,
    type: m.kind.toUpperCase(),
    content: m.text ?? m.media?.caption ?? null,
  };
  if (m.direction === 'outbound') out.deliveryStatus = (m.status ?? 'queued').toUpperCase();
  if (m.status === 'failed') out.failureReason = m.failureReason ?? 'Delivery failed';
  if (m.media) {
    out.mediaUrl = m.media.url;
    out.mimeType = m.media.mimeType;
  }
  return out;
}

// ---- asynchronous delivery ---------------------------------------------------------

/**
 * Replies made through this dialect, per store: `${id}|${createdAt}` (ids
 * repeat after a reset, since the seed is deterministic; times do not).
 */
const QUEUED_REPLIES = new WeakMap<ReferenceDb, Set<string>>();

function replyKey(m: RefMessage): string {
  return `${m.id}|${m.createdAt}`;
}

/**
 * Replies are stored `queued`; a reply outside the window carries its failure
 * reason from the start. The next read of the thread settles them: `failed`
 * with that reason, or `sent`. Other queued messages (seeded ones) are left alone.
 */
function settleQueued(ctx: DialectContext, conversationId: string): void {
  const replies = QUEUED_REPLIES.get(ctx.db);
  if (!replies?.size) return;
  for (const m of ctx.db.messages(conversationId)) {
    const key = replyKey(m);
    if (!replies.has(key)) continue;
    replies.delete(key);
    if (m.status !== 'queued') continue;
    if (m.failureReason) ctx.db.setMessageStatus(m.id, 'failed', m.failureReason);
    else ctx.db.setMessageStatus(m.id, 'sent');
  }
}

// ---- endpoints ------------------------------------------------------------------------

function listConversations(ctx: DialectContext): Response {
  const { query, db } = ctx;
  let since: number | undefined;
  const dateFrom = query.get('dateFrom');
  if (dateFrom !== null && dateFrom !== '') {
    since = Date.parse(dateFrom);
    if (Number.isNaN(since)) return error(400, `Invalid dateFrom "${dateFrom}": expected an ISO 8601 date`);
  }
  const channelIds = listParam(query, 'channelIds');
  const unreadOnlyRaw = query.get('unreadOnly');
  if (unreadOnlyRaw !== null && unreadOnlyRaw !== '' && !/^(true|false)$/i.test(unreadOnlyRaw)) {
    return error(400, `Invalid unreadOnly "${unreadOnlyRaw}": expected true or false`);
  }
  const unreadOnly = unreadOnlyRaw?.toLowerCase() === 'true';
  const orderBy = (query.get('orderBy') ?? '-lastMessageDate').trim();
  const descending = orderBy.startsWith('-');
  const field = orderBy.replace(/^[-+]/, '') as OrderField;
  if (!ORDER_FIELDS.includes(field)) {
    return error(400, `Invalid orderBy "${orderBy}": use ${ORDER_FIELDS.map((f) => `-${f}`).join(', ')} or a + prefix`);
  }

  const rows = db
    .listConversations()
    .filter((c) => !c.archived)
    .filter((c) => !channelIds.length || channelIds.includes(c.channelId))
    .filter((c) => !unreadOnly || c.unreadCount > 0)
    .filter((c) => since === undefined || Date.parse(lastMessageDate(ctx, c)) > since)
    .map((c) => renderConversation(ctx, c));
  const key = (r: Record<string, unknown>): number =>
    field === 'unreadCount' ? Number(r.unreadCount) : Date.parse(String(r[field]));
  rows.sort(
    (a, b) => (descending ? key(b) - key(a) : key(a) - key(b)) || String(a.chatId).localeCompare(String(b.chatId)),
  );
  return ok(rows);
}

function idParam(ctx: DialectContext, name: 'idFrom' | 'idTo'): number | undefined | Response {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) return error(400, `Invalid ${name} "${raw}": expected a message id`);
  return Number(raw.trim());
}

function listMessages(ctx: DialectContext, c: RefConversation): Response {
  const idFrom = idParam(ctx, 'idFrom');
  if (idFrom instanceof Response) return idFrom;
  const idTo = idParam(ctx, 'idTo');
  if (idTo instanceof Response) return idTo;
  settleQueued(ctx, c.id);
  let messages = ctx.db.messages(c.id);
  if (idFrom !== undefined) messages = messages.filter((m) => m.seq >= idFrom);
  if (idTo !== undefined) messages = messages.filter((m) => m.seq <= idTo);
  // no parameters or idTo: the newest page; idFrom alone: everything from there on
  if (idFrom === undefined || idTo !== undefined) messages = messages.slice(-PAGE_SIZE);
  return ok(messages.map(renderMessage));
}

async function reply(ctx: DialectContext): Promise<Response> {
  const parsed = await body(ctx);
  if ('response' in parsed) return parsed.response;
  const input = parsed.value;
  if (!isRecord(input)) return error(400, 'Request body is required: {"chatId": "…", "text": "…"}');
  const chatId = input.chatId;
  const text = input.text;
  if (typeof chatId !== 'string' || chatId.trim() === '') return error(400, 'chatId is required');
  if (typeof text !== 'string' || text.trim() === '') return error(400, 'text is required');
  const conversation = ctx.db.getConversation(chatId);
  if (!conversation) return error(404, `Conversation ${chatId} not found`);
  const whatsapp = (ctx.db.getChannel(conversation.channelId)?.kind ?? 'WHATSAPP') === 'WHATSAPP';
  const outside = whatsapp && !ctx.db.windowOpen(conversation.id);
  const message = ctx.db.appendMessage(conversation.id, {
    direction: 'outbound',
    kind: 'text',
    text,
    status: 'queued',
    failureReason: outside ? WINDOW_REASON : null,
    senderId: null,
  });
  let replies = QUEUED_REPLIES.get(ctx.db);
  if (!replies) QUEUED_REPLIES.set(ctx.db, (replies = new Set()));
  replies.add(replyKey(message));
  return empty(202);
}

async function assign(ctx: DialectContext, c: RefConversation): Promise<Response> {
  const parsed = await body(ctx);
  if ('response' in parsed) return parsed.response;
  const input = parsed.value;
  if (!isRecord(input)) return error(400, 'Request body is required: {"userId": "…"}');
  const userId = input.userId;
  if (userId === null || userId === undefined) return error(400, 'userId must not be null');
  if (typeof userId !== 'string' || userId.trim() === '') return error(400, 'userId must be a non-empty string');
  if (!ctx.db.getAgent(userId)) return error(404, `User ${userId} not found`);
  ctx.db.updateConversation(c.id, { assigneeId: userId });
  return empty(204);
}

function methodNotAllowed(method: string): Response {
  return error(405, `Method ${method} is not supported on this resource`);
}

export const qlara: DialectHandler = async (ctx) => {
  const { path, request, db } = ctx;
  if (!isUnder(path, BASE)) return undefined;
  if (!authorized(request)) return error(401, 'API key is missing or invalid');
  const method = request.method.toUpperCase();
  let segments: string[];
  try {
    segments = segmentsBelow(path, BASE);
  } catch {
    return error(400, 'Malformed path');
  }

  if (segments.length === 0) return method === 'GET' ? listConversations(ctx) : methodNotAllowed(method);
  // literal routes before {chatId}
  if (segments.length === 1 && segments[0] === 'reply')
    return method === 'POST' ? reply(ctx) : methodNotAllowed(method);
  if (segments.length === 1 && segments[0] === 'assignable-users') {
    if (method !== 'GET') return methodNotAllowed(method);
    return ok(db.agents.map((a) => ({ userId: a.id, displayName: a.name, avatarUrl: a.avatarUrl })));
  }

  const [chatId, action, ...more] = segments;
  if (more.length) return undefined;
  const routes: Record<string, string[]> = {
    '': ['GET'],
    messages: ['GET'],
    read: ['PATCH'],
    archive: ['PATCH'],
    unarchive: ['PATCH'],
    assignee: ['POST', 'DELETE'],
  };
  const allowed = routes[action ?? ''];
  if (!allowed) return undefined;
  if (!allowed.includes(method)) return methodNotAllowed(method);
  const conversation = db.getConversation(chatId);
  if (!conversation) return error(404, `Conversation ${chatId} not found`);

  switch (action ?? '') {
    case '':
      return ok(renderConversation(ctx, conversation));
    case 'messages':
      return listMessages(ctx, conversation);
    case 'read':
      db.updateConversation(conversation.id, { unreadCount: 0 });
      return empty(204);
    case 'archive':
      db.updateConversation(conversation.id, { archived: true });
      return empty(204);
    case 'unarchive':
      db.updateConversation(conversation.id, { archived: false });
      return empty(204);
    default:
      if (method === 'DELETE') {
        db.updateConversation(conversation.id, { assigneeId: null });
        return empty(204);
      }
      return assign(ctx, conversation);
  }
};

/** Alias for the registry in dialects/index.ts. */
export { qlara as qlaraHandler };
