/**
 * `superwaba`: the SuperWaba session API (`/api/whatsapp/*`), served from the
 * neutral records (backends/README.md §4).
 *
 * - Auth: `x-org-id` and `Authorization: Bearer <token>` (any non-empty
 *   values); without them 401 `{ success: false, error: "Unauthorized" }`.
 * - Success bodies are `{ success: true, data }`, except the messages list,
 *   which (as in the docs) is `{ data: [...], total, page, hasNext }` without
 *   `success`. Errors are `{ success: false, error }`.
 * - Conversation ids must be UUIDs (an optional `word_` prefix is allowed):
 *   400 "Invalid conversation ID"; unknown ones 404 "Conversation not found".
 * - `GET /conversations?page&limit&status&assignee`: page default 1, limit
 *   default 20 capped at 100; status ∈ open|closed|ai_handling|escalated (the
 *   neutral `pending` shows as `open`); sorted by `updatedAt` desc (ASSUMPTION).
 *   Only WhatsApp-channel conversations.
 * - `POST /conversations/:id/close {resolution?}` → `{ id, status, closedAt, closedBy }`.
 * - `POST /conversations/:id/assign {userId}` → `{ id, assigneeId, assignee, status, updatedAt }`;
 *   403 "User is not a member of this organization" for an unknown user.
 * - `GET /messages?conversationId&limit&before`: limit default 50 (max 100),
 *   `before` a message id (exclusive); the newest page before it, oldest first.
 * - `POST /messages {conversationId, type: "text", content: {text}}` (ASSUMPTION):
 *   201 with the message; outside the 24-hour window 400
 *   "Outside the 24-hour customer service window".
 */
import type { RefConversation, RefConversationStatus, RefMessage } from '../model.js';
import { json, type DialectContext, type DialectHandler } from '../router.js';
import { bearerToken, isRecord, isUnder, newestFirst, pageOf, readJsonBody, segmentsBelow } from './shared.js';

const BASE = '/api/whatsapp';
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const DEFAULT_MESSAGE_LIMIT = 50;
const MAX_MESSAGE_LIMIT = 100;
const MAX_TEXT = 4096;
const STATUSES = ['open', 'closed', 'ai_handling', 'escalated'] as const;
export const SUPERWABA_WINDOW_ERROR = 'Outside the 24-hour customer service window';
const ID = /^([a-z]+_)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(status: number, error: string): Response {
  return json({ success: false, error }, status);
}

function ok(data: unknown, status = 200): Response {
  return json({ success: true, data }, status);
}

function authorized(request: Request): boolean {
  const org = (request.headers.get('x-org-id') ?? '').trim();
  return org !== '' && bearerToken(request) !== undefined;
}

/** The `sub` of a JWT-looking bearer token, else null (the caller, for closedBy). */
function caller(request: Request): string | null {
  const payload = bearerToken(request)?.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return isRecord(claims) && typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

function body(ctx: DialectContext): Promise<{ value: unknown } | { response: Response }> {
  return readJsonBody(ctx, () => fail(400, 'Invalid JSON body'));
}

function isWhatsApp(ctx: DialectContext, c: RefConversation): boolean {
  return (ctx.db.getChannel(c.channelId)?.kind ?? 'WHATSAPP') === 'WHATSAPP';
}

/** The conversation for a path/query id, or the documented 400/404 answer. */
function lookup(ctx: DialectContext, id: string): RefConversation | Response {
  if (!ID.test(id)) return fail(400, 'Invalid conversation ID');
  const c = ctx.db.getConversation(id.replace(/^[a-z]+_/i, ''));
  if (!c || !isWhatsApp(ctx, c)) return fail(404, 'Conversation not found');
  return c;
}

// ---- rendering ----------------------------------------------------------------------

function wireStatus(status: RefConversationStatus): (typeof STATUSES)[number] {
  return status === 'pending' ? 'open' : status;
}

function renderConversation(ctx: DialectContext, c: RefConversation, detail: boolean): Record<string, unknown> {
  const { db } = ctx;
  const contact = db.getContact(c.contactId);
  const last = db.lastMessage(c.id);
  const out: Record<string, unknown> = {
    id: c.id,
    contactId: c.contactId,
    contact: {
      id: c.contactId,
      name: contact?.name ?? null,
      phone: contact?.phone ?? null,
      ...(detail ? { email: contact?.email ?? null, labels: contact?.labels ?? [] } : {}),
      avatar: contact?.avatarUrl ?? null,
    },
    status: wireStatus(c.status),
    assigneeId: c.assigneeId,
    channel: 'whatsapp',
    lastMessage: last
      ? { text: last.text ?? last.media?.caption ?? null, timestamp: last.createdAt, direction: last.direction }
      : null,
    unreadCount: c.unreadCount,
    aiHandling: c.aiHandling,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
  if (detail) {
    const agent = c.assigneeId ? db.getAgent(c.assigneeId) : undefined;
    out.assignee = agent ? { id: agent.id, name: agent.name, email: agent.email } : null;
    out.metadata = { source: 'organic', firstMessageAt: db.messages(c.id)[0]?.createdAt ?? c.createdAt };
  }
  return out;
}

function content(m: RefMessage): Record<string, unknown> {
  switch (m.kind) {
    case 'image':
    case 'video':
      return {
        url: m.media?.url ?? null,
        mimeType: m.media?.mimeType ?? null,
        caption: m.media?.caption ?? m.text ?? null,
      };
    case 'document':
      return { url: m.media?.url ?? null, mimeType: m.media?.mimeType ?? null, filename: m.media?.filename ?? null };
    case 'audio':
    case 'sticker':
      return { url: m.media?.url ?? null, mimeType: m.media?.mimeType ?? null };
    case 'location':
      return {
        latitude: m.location?.latitude ?? null,
        longitude: m.location?.longitude ?? null,
        name: m.location?.name ?? null,
        address: m.location?.address ?? null,
      };
    case 'template':
      return { text: m.text ?? '', name: m.template?.name ?? null, language: m.template?.language ?? null };
    default:
      return { text: m.text ?? '' };
  }
}

function renderMessage(m: RefMessage): Record<string, unknown> {
  return {
    id: m.id,
    waMessageId: m.waMessageId,
    conversationId: m.conversationId,
    direction: m.direction,
    type: m.kind,
    content: content(m),
    status: m.direction === 'outbound' ? (m.status === 'queued' ? 'sent' : m.status) : null,
    timestamp: m.createdAt,
    senderId: m.direction === 'inbound' ? m.senderId : null,
  };
}

// ---- endpoints ----------------------------------------------------------------------

function intParam(ctx: DialectContext, name: string, fallback: number, min: number): number | Response {
  const raw = ctx.query.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) return fail(400, `Invalid ${name} parameter`);
  return Number(raw.trim());
}

function listConversations(ctx: DialectContext): Response {
  const page = intParam(ctx, 'page', 1, 1);
  if (page instanceof Response) return page;
  const limitRaw = intParam(ctx, 'limit', DEFAULT_LIMIT, 1);
  if (limitRaw instanceof Response) return limitRaw;
  const limit = Math.min(limitRaw, MAX_LIMIT);
  const status = ctx.query.get('status');
  if (status !== null && status !== '' && !(STATUSES as readonly string[]).includes(status)) {
    return fail(400, `Invalid status filter. Use one of: ${STATUSES.join(', ')}`);
  }
  const assignee = ctx.query.get('assignee');
  const rows = newestFirst(
    ctx.db
      .listConversations()
      .filter((c) => isWhatsApp(ctx, c))
      .filter((c) => !status || wireStatus(c.status) === status)
      .filter((c) => !assignee || c.assigneeId === assignee),
    (c) => c.updatedAt,
  );
  return ok({
    conversations: pageOf(rows, page, limit).map((c) => renderConversation(ctx, c, false)),
    total: rows.length,
    page,
    limit,
    hasNext: page * limit < rows.length,
  });
}

async function close(ctx: DialectContext, c: RefConversation): Promise<Response> {
  const parsed = await body(ctx);
  if ('response' in parsed) return parsed.response;
  const input = parsed.value;
  if (input !== undefined && !isRecord(input)) return fail(400, 'Invalid request body');
  if (isRecord(input) && input.resolution !== undefined && typeof input.resolution !== 'string') {
    return fail(400, 'resolution must be a string');
  }
  const closedAt = new Date(ctx.db.currentTime()).toISOString();
  const closedBy = caller(ctx.request);
  const updated = ctx.db.updateConversation(c.id, {
    status: 'closed',
    aiHandling: false,
    closedAt,
    closedBy,
    updatedAt: closedAt,
  });
  return ok({ id: updated.id, status: 'closed', closedAt, closedBy });
}

async function assign(ctx: DialectContext, c: RefConversation): Promise<Response> {
  const parsed = await body(ctx);
  if ('response' in parsed) return parsed.response;
  const input = parsed.value;
  const userId = isRecord(input) ? input.userId : undefined;
  if (typeof userId !== 'string' || userId.trim() === '') return fail(400, 'userId is required');
  const agent = ctx.db.getAgent(userId);
  if (!agent) return fail(403, 'User is not a member of this organization');
  const updatedAt = new Date(ctx.db.currentTime()).toISOString();
  const updated = ctx.db.updateConversation(c.id, { assigneeId: agent.id, updatedAt });
  return ok({
    id: updated.id,
    assigneeId: agent.id,
    assignee: { id: agent.id, name: agent.name, email: agent.email },
    status: wireStatus(updated.status),
    updatedAt,
  });
}

function listMessages(ctx: DialectContext): Response {
  const conversationId = ctx.query.get('conversationId');
  if (!conversationId) return fail(400, 'conversationId is required');
  const c = lookup(ctx, conversationId);
  if (c instanceof Response) return c;
  const limitRaw = intParam(ctx, 'limit', DEFAULT_MESSAGE_LIMIT, 1);
  if (limitRaw instanceof Response) return limitRaw;
  const limit = Math.min(limitRaw, MAX_MESSAGE_LIMIT);
  let thread = ctx.db.messages(c.id);
  const total = thread.length;
  const before = ctx.query.get('before');
  if (before) {
    const at = thread.findIndex((m) => m.id === before);
    if (at < 0) return fail(400, 'Invalid before cursor');
    thread = thread.slice(0, at);
  }
  const page = thread.slice(Math.max(0, thread.length - limit));
  // the docs show this body without the success wrapper
  return json({ data: page.map(renderMessage), total, page: 1, hasNext: thread.length > page.length });
}

async function send(ctx: DialectContext): Promise<Response> {
  const parsed = await body(ctx);
  if ('response' in parsed) return parsed.response;
  const input = parsed.value;
  if (!isRecord(input)) return fail(400, 'Invalid request body');
  if (typeof input.conversationId !== 'string' || input.conversationId === '')
    return fail(400, 'conversationId is required');
  const c = lookup(ctx, input.conversationId);
  if (c instanceof Response) return c;
  if (input.type !== 'text') return fail(400, 'Unsupported message type: only "text" can be sent here');
  const text = isRecord(input.content) ? input.content.text : undefined;
  if (typeof text !== 'string' || text.trim() === '') return fail(400, 'content.text is required');
  if (text.length > MAX_TEXT) return fail(400, `content.text must be at most ${MAX_TEXT} characters`);
  if (!ctx.db.windowOpen(c.id)) return fail(400, SUPERWABA_WINDOW_ERROR);
  const message = ctx.db.appendMessage(c.id, {
    direction: 'outbound',
    kind: 'text',
    text,
    status: 'sent',
    senderId: caller(ctx.request),
  });
  return ok(renderMessage(message), 201);
}

export const superwaba: DialectHandler = (ctx) => {
  const { path, request } = ctx;
  if (!isUnder(path, BASE)) return undefined;
  if (!authorized(request)) return fail(401, 'Unauthorized');
  const method = request.method.toUpperCase();
  let segments: string[];
  try {
    segments = segmentsBelow(path, BASE);
  } catch {
    return fail(400, 'Malformed path');
  }
  const notAllowed = () => fail(405, 'Method not allowed');

  if (segments.length === 1 && segments[0] === 'messages') {
    if (method === 'GET') return listMessages(ctx);
    if (method === 'POST') return send(ctx);
    return notAllowed();
  }
  if (segments[0] !== 'conversations') return undefined;
  if (segments.length === 1) return method === 'GET' ? listConversations(ctx) : notAllowed();
  const [, id, action, ...more] = segments;
  if (more.length || (action !== undefined && action !== 'close' && action !== 'assign')) return undefined;
  if (action === undefined ? method !== 'GET' : method !== 'POST') return notAllowed();
  const c = lookup(ctx, id);
  if (c instanceof Response) return c;
  if (action === 'close') return close(ctx, c);
  if (action === 'assign') return assign(ctx, c);
  return ok(renderConversation(ctx, c, true));
};

/** Alias for the registry in dialects/index.ts. */
export { superwaba as superwabaHandler };
