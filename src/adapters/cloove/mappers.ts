/**
 * Pure mapping functions: Cloove JSON → the normalized model, the
 * normalized query → Cloove wire parameters, and Cloove error bodies →
 * `ParsedErrorBody`. No I/O here, so everything is unit-tested on fixtures.
 */
import { mentionsServiceWindow } from '../../data/errors.js';
import type { Conversation, ConversationQuery, ConversationStatus, Message } from '../../data/models.js';
import type { ParsedErrorBody, QueryValue } from '../shared/http-client.js';
import {
  deliveryStatus,
  direction as readDirection,
  httpUrl,
  isObject,
  isoDate,
  latest,
  mapLenient,
  messageKind,
  num,
  str,
  text,
  type Json,
} from '../shared/lenient.js';
import { messagePreview, newestInboundAt, predictWindow } from '../shared/conversation.js';
import { sortOldestFirst } from '../shared/ordering.js';
import type { ClooveMeta, ClooveSendTemplateBody } from './types.js';

export const DIALECT = 'cloove';

const STATUS_FROM_WIRE: Record<string, ConversationStatus> = {
  open: 'open',
  pending_customer: 'pending',
  pending: 'pending',
  escalated: 'escalated',
  closed: 'closed',
  resolved: 'closed',
};

const STATUS_TO_WIRE: Partial<Record<ConversationStatus, string>> = {
  open: 'open',
  pending: 'pending_customer',
  closed: 'closed',
};

/** Normalized statuses the `status` filter can express. */
export const FILTERABLE_STATUSES: ConversationStatus[] = ['open', 'pending', 'closed'];

export function conversationStatus(value: unknown): ConversationStatus {
  const s = str(value)?.toLowerCase();
  return (s && STATUS_FROM_WIRE[s]) || 'unknown';
}

/** One Cloove message; undefined when it has no id, direction or date. */
export function mapMessage(raw: unknown, conversationId?: string): Message | undefined {
  if (!isObject(raw)) return undefined;
  const id = str(raw.id);
  const dir = readDirection(raw.direction);
  const createdAt = isoDate(raw.createdAt);
  if (!id || !dir || !createdAt) return undefined;
  const rawType = str(raw.messageType);
  const kind = messageKind(rawType);
  const rawStatus = str(raw.deliveryStatus);
  const message: Message = {
    id,
    conversationId: str(raw.conversationId) ?? conversationId,
    direction: dir,
    kind,
    rawType,
    text: text(raw.text),
    status: deliveryStatus(rawStatus, dir),
    rawStatus,
    createdAt,
    raw,
  };
  const templateName = str(raw.templateKey) ?? str(raw.template_key);
  if (kind === 'template' && templateName) {
    message.template = { name: templateName, variables: stringMap(raw.variables) };
  }
  const url = httpUrl(raw.mediaUrl);
  if (url) message.media = { url, caption: text(raw.text) };
  return message;
}

/**
 * One Cloove conversation (list item or get-one). Get-one's `messages`
 * (newest first on the wire) become `embeddedMessages`, oldest first.
 */
export function mapConversation(raw: unknown, now = Date.now()): Conversation | undefined {
  if (!isObject(raw)) return undefined;
  const id = str(raw.id);
  if (!id) return undefined;
  const lastInboundAt = isoDate(raw.lastInboundAt);
  const lastOutboundAt = isoDate(raw.lastOutboundAt);
  const mode = str(raw.mode)?.toLowerCase();
  const conversation: Conversation = {
    id,
    dialect: DIALECT,
    status: conversationStatus(raw.status),
    rawStatus: str(raw.status),
    handledBy: mode === 'ai' || mode === 'human' ? mode : undefined,
    channel: { kind: 'whatsapp' },
    contact: { displayName: str(raw.customerName), phone: str(raw.customerPhone) },
    unreadCount: num(raw.unreadCount),
    lastActivityAt: latest(lastInboundAt, lastOutboundAt),
    lastInboundAt,
    window: predictWindow(lastInboundAt, now),
    raw,
  };
  if (Array.isArray(raw.messages)) {
    const messages = sortOldestFirst(mapLenient(raw.messages, (m) => mapMessage(m, id), 'message', DIALECT));
    conversation.embeddedMessages = messages;
    const last = messages[messages.length - 1];
    if (last) {
      conversation.lastMessage = messagePreview(last);
      conversation.lastActivityAt = latest(conversation.lastActivityAt, last.createdAt);
      const inbound = newestInboundAt(messages);
      if (inbound && !lastInboundAt) {
        conversation.lastInboundAt = inbound;
        conversation.window = predictWindow(inbound, now);
      }
    }
  }
  return conversation;
}

/** Whether another page follows, by `meta.hasMore`, else `page < totalPages`; no meta → one page. */
export function hasMorePages(meta: unknown, page: number): boolean {
  if (!isObject(meta)) return false;
  const m = meta as ClooveMeta & Json;
  if (typeof m.hasMore === 'boolean') return m.hasMore;
  const totalPages = num(m.totalPages);
  return totalPages !== undefined && page < totalPages;
}

/** The list's wire parameters for the filters Cloove documents. */
export function listQuery(
  query: ConversationQuery,
  page: number,
  limit: number,
  currentUserId?: string,
): Record<string, QueryValue> {
  const q: Record<string, QueryValue> = { page, limit };
  const statuses = (query.status ?? []).map((s) => STATUS_TO_WIRE[s]).filter((s): s is string => Boolean(s));
  if (statuses.length) q.status = statuses;
  if (query.handledBy) q.mode = query.handledBy;
  const a = query.assignee;
  if (a === 'me' || a === 'unassigned') q.assigned = a;
  else if (a && typeof a === 'object' && currentUserId && a.id === currentUserId) q.assigned = 'me';
  const search = query.search?.trim();
  if (search) q.search = search;
  return q;
}

/** Cloove wants a named map; positional variables become `{ "1": …, "2": … }`. */
export function templateVariables(
  variables: Record<string, string> | string[] | undefined,
): Record<string, string> | undefined {
  if (!variables) return undefined;
  if (Array.isArray(variables)) return Object.fromEntries(variables.map((v, i) => [String(i + 1), String(v)]));
  return Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)]));
}

export function templateBody(
  businessWhatsappNumberId: string,
  phone: string,
  templateKey: string,
  variables: Record<string, string> | string[] | undefined,
  customerName?: string,
): ClooveSendTemplateBody {
  const body: ClooveSendTemplateBody = {
    business_whatsapp_number_id: businessWhatsappNumberId,
    phone,
    template_key: templateKey,
  };
  if (customerName) body.customer_name = customerName;
  const vars = templateVariables(variables);
  if (vars) body.variables = vars;
  return body;
}

/** Cloove error body `{ error, message }` → code, text and, for window violations, `outside_window`. */
export function parseError(status: number, body: unknown): ParsedErrorBody {
  const b = isObject(body) ? body : {};
  const code = str(b.error);
  const message = str(b.message) ?? (typeof body === 'string' && body.trim() ? body.trim().slice(0, 200) : undefined);
  const parsed: ParsedErrorBody = { code, message };
  const issues = isObject(b.errors) ? b.errors : isObject(b.details) ? b.details : undefined;
  if (issues) parsed.fieldIssues = issues;
  if ((status === 400 || status === 409 || status === 422) && mentionsServiceWindow(code, message)) {
    parsed.kind = 'outside_window';
  }
  return parsed;
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  return out;
}
