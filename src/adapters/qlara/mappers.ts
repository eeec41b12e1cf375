/**
 * Pure mappers from Qlara Inbox JSON to the normalized model, plus the
 * dialect's error-body reader and its message-id cursors.
 */
import type { Agent, ChannelKind, Conversation, Message, MessageKind, PageCursor } from '../../data/models.js';
import { InboxError, mentionsServiceWindow } from '../../data/errors.js';
import type { ParsedErrorBody } from '../shared/http-client.js';
import {
  arr,
  deliveryStatus,
  direction,
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

export const QLARA = 'qlara';

const CHANNEL_KINDS: Record<string, ChannelKind> = {
  whatsapp: 'whatsapp',
  wa: 'whatsapp',
  sms: 'sms',
  rcs: 'rcs',
  messenger: 'messenger',
  facebook: 'messenger',
  instagram: 'instagram',
};

/** `WHATSAPP` / `SMS` / `RCS` (any case) → channel kind; anything else → `other`. */
export function channelKind(value: unknown): ChannelKind {
  const s = str(value)?.toLowerCase();
  return (s && CHANNEL_KINDS[s]) || 'other';
}

/** The records of a list answer: a bare array or `{ content | items | data: [...] }`, with its total when given. */
export function listItems(body: unknown, what: string): { items: unknown[]; total?: number } {
  if (Array.isArray(body)) return { items: body };
  if (isObject(body)) {
    for (const key of ['content', 'items', 'data'] as const) {
      if (Array.isArray(body[key])) {
        const page = isObject(body.page) ? body.page : body;
        return { items: body[key] as unknown[], total: num(page.totalElements) ?? num(page.total) };
      }
    }
  }
  throw new InboxError({
    kind: 'invalid_response',
    message: `The qlara backend sent ${what} in an unknown shape`,
    dialect: QLARA,
    raw: body,
  });
}

/** One record from an answer that may wrap it in `{ data | content: {...} }`. */
export function unwrapRecord(body: unknown): unknown {
  if (isObject(body) && body.chatId === undefined && isObject(body.data)) return body.data;
  if (isObject(body) && body.chatId === undefined && isObject(body.content)) return body.content;
  return body;
}

export function mapAgent(value: unknown): Agent | undefined {
  if (!isObject(value)) return undefined;
  const id = str(value.userId) ?? str(value.id);
  if (!id) return undefined;
  const displayName = str(value.displayName) ?? str(value.name) ?? str(value.fullName) ?? str(value.email) ?? id;
  const agent: Agent = { id, displayName, avatarUrl: httpUrl(value.avatarUrl ?? value.avatar) ?? null, raw: value };
  const email = str(value.email);
  if (email) agent.email = email;
  return agent;
}

function contactOf(item: Json): Conversation['contact'] {
  const c = isObject(item.contact) ? item.contact : {};
  const contact: Conversation['contact'] = { raw: item.contact };
  const id = str(c.id) ?? str(c.contactId);
  const name = str(c.name) ?? str(c.displayName) ?? str(item.contactName);
  const phone = str(c.phone) ?? str(c.msisdn) ?? str(c.phoneNumber) ?? str(item.phone) ?? str(item.msisdn);
  if (id) contact.id = id;
  if (name) contact.displayName = name;
  if (phone) contact.phone = phone;
  return contact;
}

function channelOf(item: Json): Conversation['channel'] {
  const ch = item.channel;
  const obj = isObject(ch) ? ch : undefined;
  const kindValue = obj ? (obj.type ?? obj.kind ?? obj.key) : (ch ?? item.channelType);
  const channel: Conversation['channel'] = { kind: channelKind(kindValue) };
  const id = str(item.channelId) ?? (obj ? str(obj.id) : undefined);
  const label = str(item.channelName) ?? (obj ? str(obj.name) : undefined);
  if (id) channel.id = id;
  if (label) channel.label = label;
  return channel;
}

function lastMessageOf(item: Json): Conversation['lastMessage'] | undefined {
  const lm = item.lastMessage;
  if (!isObject(lm)) return undefined;
  const createdAt = isoDate(lm.date ?? lm.timestamp ?? lm.createdAt) ?? isoDate(item.lastMessageDate);
  if (!createdAt) return undefined;
  const content = lm.content;
  return {
    text: text(lm.text) ?? text(content) ?? (isObject(content) ? text(content.text) : undefined),
    // without a direction the preview is not used to predict the service window
    direction: direction(lm.direction) ?? 'outbound',
    createdAt,
    kind: lm.type === undefined ? 'text' : messageKind(lm.type),
  };
}

/**
 * A conversation. Qlara has no status field: a conversation is `open`, or
 * `archived` when the client archived it (`archived`) or the record says so.
 * Returns undefined for a record without a `chatId`.
 */
export function mapConversation(value: unknown, options: { archived?: boolean } = {}): Conversation | undefined {
  if (!isObject(value)) return undefined;
  const id = str(value.chatId) ?? str(value.id) ?? str(value.conversationId);
  if (!id) return undefined;
  const lastMessage = lastMessageOf(value);
  const archived = options.archived ?? value.archived === true;
  const conversation: Conversation = {
    id,
    dialect: QLARA,
    status: archived ? 'archived' : 'open',
    channel: channelOf(value),
    contact: contactOf(value),
    assignee: null,
    raw: value,
  };
  const assignee = value.assignee ?? (value.assigneeId != null ? { userId: value.assigneeId } : null);
  conversation.assignee = mapAgent(assignee) ?? null;
  const unread = num(value.unreadCount ?? value.unread);
  if (unread !== undefined) conversation.unreadCount = Math.max(0, Math.trunc(unread));
  if (lastMessage) conversation.lastMessage = lastMessage;
  const activity = isoDate(value.lastMessageDate) ?? lastMessage?.createdAt ?? isoDate(value.updatedAt);
  if (activity) conversation.lastActivityAt = activity;
  const inbound =
    isoDate(value.lastInboundDate ?? value.lastInboundAt) ??
    (lastMessage?.direction === 'inbound' ? lastMessage.createdAt : undefined);
  if (inbound) {
    conversation.lastInboundAt = inbound;
    conversation.window = predictWindow(inbound);
  }
  const created = isoDate(value.createdAt);
  if (created) conversation.createdAt = created;
  return conversation;
}

/** The error a failed delivery carries: `outside_window` when the reason mentions the 24-hour window. */
export function deliveryFailure(reason: string | undefined, raw?: unknown): InboxError {
  const outside = mentionsServiceWindow(reason);
  return new InboxError({
    kind: outside ? 'outside_window' : 'upstream',
    code: outside ? 'outside_window' : 'delivery_failed',
    message: reason || 'The message could not be delivered',
    retryable: false,
    dialect: QLARA,
    raw,
  });
}

function contentText(value: Json): string | undefined {
  const c = value.content;
  if (typeof c === 'string') return c;
  if (isObject(c)) return text(c.text) ?? text(c.body) ?? text(c.caption);
  return text(value.text) ?? text(value.body);
}

/**
 * A thread message. Returns undefined for a record without an id or a
 * readable timestamp. Delivery statuses are uppercase on the wire and read
 * case-insensitively.
 */
export function mapMessage(value: unknown, conversationId?: string): Message | undefined {
  if (!isObject(value)) return undefined;
  const id = str(value.id) ?? str(value.messageId);
  const createdAt = isoDate(value.timestamp ?? value.date ?? value.createdAt);
  if (!id || !createdAt) return undefined;
  const rawStatus = str(value.deliveryStatus) ?? str(value.status);
  const dir = direction(value.direction) ?? (rawStatus ? 'outbound' : 'inbound');
  const rawType = str(value.type) ?? str(value.messageType);
  const kind: MessageKind = rawType ? messageKind(rawType) : 'text';
  const message: Message = {
    id,
    direction: dir,
    kind,
    status: deliveryStatus(rawStatus, dir),
    createdAt,
    raw: value,
  };
  if (conversationId) message.conversationId = conversationId;
  if (rawType) message.rawType = rawType;
  if (rawStatus) message.rawStatus = rawStatus;
  const body = contentText(value);
  if (body !== undefined) message.text = body;
  const mediaUrl = httpUrl(value.mediaUrl ?? (isObject(value.media) ? value.media.url : undefined));
  if (mediaUrl) {
    message.media = { url: mediaUrl };
    const mime = str(value.mimeType);
    if (mime) message.media.mimeType = mime;
    if (body) message.media.caption = body;
  }
  if (message.status === 'failed') {
    const reason =
      str(value.failureReason) ??
      str(value.errorMessage) ??
      str(value.reason) ??
      (isObject(value.error) ? str(value.error.message) : str(value.error));
    message.error = deliveryFailure(reason, value);
  }
  return message;
}

/** Compares message ids: numerically when both are integers, else as strings. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Oldest first: by createdAt, then by id as `compareIds` orders them. Not the
 * shared `byCreatedAsc`: qlara ids are numbers, so `9` must sort before `10`.
 */
export function byCreatedThenId(a: Message, b: Message): number {
  const d = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return d !== 0 ? d : compareIds(a.id, b.id);
}

/**
 * A message-range cursor. `idTo:<n>` asks for ids ≤ n (n = lowest id − 1 for
 * numeric ids); `idTo!:<id>` asks for ids ≤ id and drops that boundary
 * message (non-numeric ids); `idFrom:<id>` asks for ids ≥ id and drops the
 * boundary, which the client already has.
 */
export interface MessageRange {
  param: 'idTo' | 'idFrom';
  value: string;
  /** Drop the message whose id equals `value` (the inclusive boundary already seen). */
  dropBoundary: boolean;
}

export function olderCursor(lowestId: string): PageCursor {
  if (/^\d+$/.test(lowestId)) {
    const prev = BigInt(lowestId) - 1n;
    return prev < 0n ? `idTo:0` : `idTo:${prev.toString()}`;
  }
  return `idTo!:${lowestId}`;
}

export function newerCursor(highestId: string): PageCursor {
  return `idFrom:${highestId}`;
}

export function parseCursor(cursor: PageCursor): MessageRange {
  const m = /^(idTo|idFrom)(!?):(.+)$/.exec(cursor);
  if (!m) {
    throw new InboxError({ kind: 'validation', message: `Not a qlara message cursor: ${cursor}`, dialect: QLARA });
  }
  const param = m[1] as MessageRange['param'];
  return { param, value: m[3], dropBoundary: param === 'idFrom' || m[2] === '!' };
}

/** Seconds in a "retry after N seconds" text. */
function retryAfterFromText(message: string | undefined): number | undefined {
  const m = message ? /retry after (\d+(?:\.\d+)?)\s*s/i.exec(message) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Reads a Qlara error body `{ status, error, message, retryAfter? }`. Falls
 * back to the HTTP status when the body is something else.
 */
export function parseError(status: number, body: unknown): ParsedErrorBody {
  if (!isObject(body)) {
    const t = typeof body === 'string' ? body.trim().slice(0, 200) : undefined;
    return t ? { message: t } : {};
  }
  const nested = isObject(body.error) ? body.error : undefined;
  const message = str(body.message) ?? str(nested?.message) ?? str(body.detail) ?? str(body.error);
  const code = str(body.code) ?? str(nested?.code) ?? str(body.error);
  const parsed: ParsedErrorBody = {};
  if (message) parsed.message = message;
  if (code) parsed.code = code;
  const seconds = num(body.retryAfter) ?? (status === 429 ? retryAfterFromText(message) : undefined);
  if (seconds !== undefined) parsed.retryAfterMs = Math.max(0, seconds * 1000);
  if (isObject(body.errors) || Array.isArray(body.errors)) {
    parsed.fieldIssues = isObject(body.errors) ? body.errors : { errors: arr(body.errors) };
  }
  if (status >= 400 && status < 500 && status !== 429 && mentionsServiceWindow(code, message)) {
    parsed.kind = 'outside_window';
  }
  return parsed;
}
