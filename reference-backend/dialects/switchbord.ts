/**
 * `switchbord`: the self-hosted Switchbord operator API (`/internal/*`),
 * served from the neutral records (backends/README.md §1).
 *
 * - No auth (the operator's own session fronts it in production).
 * - Only WhatsApp-channel conversations; `status` is `closed` or `open`.
 * - `GET /internal/conversations?limit&offset`: limit default 50, capped at
 *   200; offset default 0, must be ≥ 0 (else 400 `invalid_query` with
 *   `issues`). Sorted by `lastMessageAt` desc (ASSUMPTION). Every item embeds
 *   all its messages and (ASSUMPTION) `contact: { name, phone }`. The body
 *   carries the same `summary` as `GET /internal/inbox/summary`.
 * - `GET /internal/inbox/summary`: the bare `{ total, open, unread }`.
 * - `GET /internal/conversations/{id}`: `{ conversation }`; 404
 *   `{ error: "conversation_not_found" }`.
 * - `GET /internal/conversations/{id}/messages`: `{ messages }`, oldest first.
 * - `POST /internal/conversations/{id}/messages` `{ body, sendMode, templateName? }`:
 *   201 `{ appended: true, message }` (status `queued`, `sent` on the next
 *   read); 400 `{ error: "invalid_outbound_message", issues }` for a bad body, an
 *   unknown template, or (ASSUMPTION) a non-template send outside the 24-hour window.
 */
import type { RefConversation, RefMessage } from '../model.js';
import { json, type DialectContext, type DialectHandler } from '../router.js';
import { isRecord, isUnder, newestFirst, readJsonBody, segmentsBelow } from './shared.js';

const BASE = '/internal';
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
const SEND_MODES = ['freeform', 'template', 'interactive', 'media'] as const;
type SendMode = (typeof SEND_MODES)[number];
export const SWITCHBORD_WINDOW_ISSUE =
  'Outside the 24-hour customer service window: only approved templates can be sent (send-eligibility check failed)';

function notFound(): Response {
  return json({ error: 'conversation_not_found' }, 404);
}

function invalid(issues: Record<string, string[]>): Response {
  return json({ error: 'invalid_outbound_message', issues }, 400);
}

function isWhatsApp(ctx: DialectContext, c: RefConversation): boolean {
  return (ctx.db.getChannel(c.channelId)?.kind ?? 'WHATSAPP') === 'WHATSAPP';
}

function conversations(ctx: DialectContext): RefConversation[] {
  return ctx.db.listConversations().filter((c) => isWhatsApp(ctx, c));
}

function find(ctx: DialectContext, id: string): RefConversation | undefined {
  const c = ctx.db.getConversation(id);
  return c && isWhatsApp(ctx, c) ? c : undefined;
}

// ---- rendering ----------------------------------------------------------------------

function sendModeOf(m: RefMessage): SendMode {
  switch (m.kind) {
    case 'template':
      return 'template';
    case 'interactive':
      return 'interactive';
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return 'media';
    default:
      return 'freeform';
  }
}

function bodyOf(m: RefMessage): string {
  if (m.text) return m.text;
  if (m.media?.caption) return m.media.caption;
  if (m.location) return m.location.name ?? `${m.location.latitude},${m.location.longitude}`;
  if (m.template) return m.template.name;
  return '';
}

function renderMessage(m: RefMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: m.id,
    conversationId: m.conversationId,
    direction: m.direction,
    body: bodyOf(m),
    status: m.direction === 'outbound' ? (m.status ?? 'queued') : null,
    sendMode: sendModeOf(m),
    createdAt: m.createdAt,
  };
  if (m.template) out.templateName = m.template.name;
  if (m.media) out.media = { ...m.media };
  return out;
}

function lastMessageAt(ctx: DialectContext, c: RefConversation): string {
  return ctx.db.lastMessage(c.id)?.createdAt ?? c.updatedAt;
}

function renderConversation(ctx: DialectContext, c: RefConversation): Record<string, unknown> {
  const contact = ctx.db.getContact(c.contactId);
  return {
    id: c.id,
    contactId: c.contactId,
    // ASSUMPTION: not in the docs; the reference backend embeds the name and phone
    contact: { name: contact?.name ?? null, phone: contact?.phone ?? null },
    channelId: c.channelId,
    status: c.status === 'closed' ? 'closed' : 'open',
    lastMessageAt: lastMessageAt(ctx, c),
    createdAt: c.createdAt,
    messages: ctx.db.messages(c.id).map(renderMessage),
  };
}

function summary(ctx: DialectContext): { total: number; open: number; unread: number } {
  const all = conversations(ctx);
  return {
    total: all.length,
    open: all.filter((c) => c.status !== 'closed').length,
    unread: all.filter((c) => c.unreadCount > 0).length,
  };
}

/** The delivery worker: queued sends become `sent` by the next read. */
function settleQueued(ctx: DialectContext, conversationId: string): void {
  for (const m of ctx.db.messages(conversationId)) {
    if (m.direction === 'outbound' && m.status === 'queued') ctx.db.setMessageStatus(m.id, 'sent');
  }
}

// ---- endpoints ------------------------------------------------------------------------

function intParam(ctx: DialectContext, name: string, fallback: number): number | string {
  const raw = ctx.query.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) return `Expected an integer, got "${raw}"`;
  return Number(raw.trim());
}

function listConversations(ctx: DialectContext): Response {
  const issues: Record<string, string[]> = {};
  const limit = intParam(ctx, 'limit', DEFAULT_LIMIT);
  const offset = intParam(ctx, 'offset', 0);
  if (typeof limit === 'string') issues.limit = [limit];
  else if (limit < 1) issues.limit = ['Must be at least 1'];
  if (typeof offset === 'string') issues.offset = [offset];
  else if (offset < 0) issues.offset = ['Must be non-negative'];
  if (Object.keys(issues).length || typeof limit === 'string' || typeof offset === 'string') {
    return json({ error: 'invalid_query', issues }, 400);
  }
  const all = conversations(ctx);
  for (const c of all) settleQueued(ctx, c.id);
  const rows = newestFirst(all, (c) => lastMessageAt(ctx, c))
    .slice(offset, offset + Math.min(limit, MAX_LIMIT))
    .map((c) => renderConversation(ctx, c));
  return json({ summary: summary(ctx), conversations: rows });
}

async function send(ctx: DialectContext, c: RefConversation): Promise<Response> {
  const parsed = await readJsonBody(ctx, () => invalid({ body: ['Malformed JSON request body'] }));
  if ('response' in parsed) return parsed.response;
  const input = parsed.value;
  if (!isRecord(input)) return invalid({ body: ['Required'] });
  const issues: Record<string, string[]> = {};
  const sendMode = (input.sendMode ?? 'freeform') as SendMode;
  if (typeof sendMode !== 'string' || !SEND_MODES.includes(sendMode)) {
    issues.sendMode = [`Must be one of ${SEND_MODES.join(', ')}`];
  }
  const body = input.body;
  if (typeof body !== 'string') issues.body = ['Required'];
  else if (body.length < 1) issues.body = ['Must be at least 1 character'];
  const templateName = input.templateName;
  const template =
    sendMode === 'template' && typeof templateName === 'string'
      ? ctx.db.templates.find((t) => t.name === templateName)
      : undefined;
  if (sendMode === 'template') {
    if (typeof templateName !== 'string' || templateName === '') {
      issues.templateName = ['Required when sendMode is "template"'];
    } else if (!template) {
      issues.templateName = [`Unknown or unapproved template "${templateName}"`];
    }
  }
  if (Object.keys(issues).length) return invalid(issues);
  if (sendMode !== 'template' && !ctx.db.windowOpen(c.id)) {
    return invalid({ sendMode: [SWITCHBORD_WINDOW_ISSUE] });
  }
  const media = isRecord(input.media) ? input.media : undefined;
  const message = ctx.db.appendMessage(c.id, {
    direction: 'outbound',
    kind:
      sendMode === 'template'
        ? 'template'
        : sendMode === 'interactive'
          ? 'interactive'
          : sendMode === 'media'
            ? 'document'
            : 'text',
    text: body as string,
    template: template ? { name: template.name, language: template.language, variables: [] } : null,
    media:
      sendMode === 'media' && typeof media?.url === 'string'
        ? {
            url: media.url,
            mimeType: typeof media.mimeType === 'string' ? media.mimeType : 'application/octet-stream',
            ...(typeof media.filename === 'string' ? { filename: media.filename } : {}),
            ...(typeof media.caption === 'string' ? { caption: media.caption } : {}),
          }
        : null,
    status: 'queued',
    senderId: null,
  });
  return json({ appended: true, message: renderMessage(message) }, 201);
}

export const switchbord: DialectHandler = (ctx) => {
  const { path, request } = ctx;
  if (!isUnder(path, BASE)) return undefined;
  const method = request.method.toUpperCase();
  let segments: string[];
  try {
    segments = segmentsBelow(path, BASE);
  } catch {
    return json({ error: 'invalid_path' }, 400);
  }
  const notAllowed = () => json({ error: 'method_not_allowed' }, 405);

  if (segments.length === 2 && segments[0] === 'inbox' && segments[1] === 'summary') {
    return method === 'GET' ? json(summary(ctx)) : notAllowed();
  }
  if (segments[0] !== 'conversations') return undefined;
  if (segments.length === 1) return method === 'GET' ? listConversations(ctx) : notAllowed();
  const [, id, action, ...more] = segments;
  if (more.length || (action !== undefined && action !== 'messages')) return undefined;
  if (action === undefined && method !== 'GET') return notAllowed();
  if (action === 'messages' && method !== 'GET' && method !== 'POST') return notAllowed();
  const conversation = find(ctx, id);
  if (!conversation) return notFound();
  if (action === undefined) {
    settleQueued(ctx, conversation.id);
    return json({ conversation: renderConversation(ctx, conversation) });
  }
  if (method === 'GET') {
    settleQueued(ctx, conversation.id);
    return json({ messages: ctx.db.messages(conversation.id).map(renderMessage) });
  }
  return send(ctx, conversation);
};

/** Alias for the registry in dialects/index.ts. */
export { switchbord as switchbordHandler };
