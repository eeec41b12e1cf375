/**
 * Pure functions from SuperWaba JSON to the normalized model, plus the
 * dialect's error-body reader.
 */
import { mentionsServiceWindow } from '../../data/errors.js';
import type { Agent, ChannelKind, Contact, Conversation, ConversationStatus, Message } from '../../data/models.js';
import type { HttpRequest, ParsedErrorBody } from '../shared/http-client.js';
import {
  arr,
  bool,
  deliveryStatus,
  direction,
  httpUrl,
  isObject,
  isoDate,
  mapLenient,
  messageKind,
  num,
  str,
  text,
  type Json,
} from '../shared/lenient.js';
import { predictWindow } from '../shared/conversation.js';
import { byCreatedAsc } from '../shared/ordering.js';

export const DIALECT = 'superwaba';

export interface MapContext {
  now?: number;
  /** Known agents (config.agents), to name an assignee the list only gives by id. */
  agents?: ReadonlyMap<string, Agent>;
}

const TO_MODEL: Record<string, ConversationStatus> = {
  open: 'open',
  closed: 'closed',
  ai_handling: 'bot',
  escalated: 'escalated',
};

/** The model status for a wire status (unknown values → `unknown`). */
export function conversationStatus(value: unknown): ConversationStatus {
  const s = str(value)?.toLowerCase();
  return (s && TO_MODEL[s]) || 'unknown';
}

/** The wire `status` filter value for a model status, when SuperWaba has one. */
export function wireStatus(status: ConversationStatus): string | undefined {
  for (const [wire, model] of Object.entries(TO_MODEL)) if (model === status) return wire;
  return undefined;
}

export const SUPERWABA_STATUS_VALUES: ConversationStatus[] = ['open', 'closed', 'bot', 'escalated'];

function channelKind(value: unknown): ChannelKind {
  const s = str(value)?.toLowerCase();
  if (!s || s === 'whatsapp') return 'whatsapp';
  if (s === 'instagram' || s === 'messenger' || s === 'sms' || s === 'rcs') return s;
  return 'other';
}

/** `{ id, name, email }` → Agent; a bare id → `Agent{ id, displayName: id }` (named from `agents` when known). */
export function mapAgent(value: unknown, agents?: ReadonlyMap<string, Agent>): Agent | undefined {
  if (isObject(value)) {
    const id = str(value.id);
    if (!id) return undefined;
    const known = agents?.get(id);
    const agent: Agent = { id, displayName: str(value.name) ?? known?.displayName ?? id, raw: value };
    const email = str(value.email) ?? known?.email;
    if (email) agent.email = email;
    if (known?.avatarUrl !== undefined) agent.avatarUrl = known.avatarUrl;
    return agent;
  }
  const id = str(value);
  if (!id) return undefined;
  const known = agents?.get(id);
  return known ? { ...known } : { id, displayName: id };
}

function mapContact(value: Json): Contact {
  const c = isObject(value.contact) ? value.contact : undefined;
  const contact: Contact = {};
  const id = str(c?.id) ?? str(value.contactId);
  if (id) contact.id = id;
  const name = str(c?.name);
  if (name) contact.displayName = name;
  const phone = str(c?.phone);
  if (phone) contact.phone = phone;
  const email = str(c?.email);
  if (email) contact.email = email;
  if (c && 'avatar' in c) contact.avatarUrl = httpUrl(c.avatar) ?? null;
  const labels = Array.isArray(c?.labels) ? c.labels : Array.isArray(value.labels) ? value.labels : undefined;
  if (labels) contact.labels = labels.filter((l): l is string => typeof l === 'string');
  if (c) contact.raw = c;
  return contact;
}

/**
 * The fields a (possibly partial) conversation record carries: list item, get,
 * close or assign response. Keys the record does not mention are left out, so
 * the result can be laid over what is already known.
 */
export function conversationPatch(value: Json, ctx: MapContext = {}): Partial<Conversation> {
  const patch: Partial<Conversation> = {};
  const rawStatus = str(value.status);
  if (rawStatus) {
    patch.status = conversationStatus(rawStatus);
    patch.rawStatus = rawStatus;
  }
  const ai = bool(value.aiHandling);
  if (ai !== undefined) patch.handledBy = ai ? 'ai' : 'human';
  else if (rawStatus === 'ai_handling') patch.handledBy = 'ai';
  if ('assignee' in value && isObject(value.assignee)) patch.assignee = mapAgent(value.assignee, ctx.agents) ?? null;
  else if ('assigneeId' in value) patch.assignee = mapAgent(value.assigneeId, ctx.agents) ?? null;
  else if ('assignee' in value && value.assignee === null) patch.assignee = null;
  const unread = num(value.unreadCount);
  if (unread !== undefined) patch.unreadCount = unread;
  const closedAt = isoDate(value.closedAt);
  if (closedAt) patch.closedAt = closedAt;
  const createdAt = isoDate(value.createdAt);
  if (createdAt) patch.createdAt = createdAt;
  return patch;
}

/** One conversation; undefined without an id. */
export function mapConversation(value: unknown, ctx: MapContext = {}): Conversation | undefined {
  if (!isObject(value)) return undefined;
  const id = str(value.id);
  if (!id) return undefined;
  const patch = conversationPatch(value, ctx);
  const conversation: Conversation = {
    id,
    dialect: DIALECT,
    status: 'unknown',
    channel: { kind: channelKind(value.channel) },
    contact: mapContact(value),
    // the dialect has assignment: a record that says nothing means unassigned
    assignee: null,
    ...patch,
    raw: value,
  };
  const channel = str(value.channel);
  if (channel) conversation.channel.label = channel;
  const last = isObject(value.lastMessage) ? value.lastMessage : undefined;
  const lastAt = isoDate(last?.timestamp);
  const lastDir = direction(last?.direction);
  if (last && lastAt) {
    conversation.lastMessage = {
      text: text(last.text),
      direction: lastDir ?? 'inbound',
      createdAt: lastAt,
      kind: 'text',
    };
  }
  const activity = lastAt ?? isoDate(value.updatedAt);
  if (activity) conversation.lastActivityAt = activity;
  if (lastDir === 'inbound' && lastAt) {
    conversation.lastInboundAt = lastAt;
    conversation.window = predictWindow(lastAt, ctx.now ?? Date.now());
  }
  return conversation;
}

function mediaOf(content: Json): NonNullable<Message['media']> | undefined {
  const media: NonNullable<Message['media']> = {};
  const url = httpUrl(content.url);
  if (url) media.url = url;
  const mediaId = str(content.mediaId) ?? str(content.id);
  if (mediaId) media.mediaId = mediaId;
  const mimeType = str(content.mimeType);
  if (mimeType) media.mimeType = mimeType;
  const caption = text(content.caption);
  if (caption) media.caption = caption;
  const filename = str(content.filename);
  if (filename) media.filename = filename;
  const size = num(content.size ?? content.sizeBytes);
  if (size !== undefined) media.sizeBytes = size;
  return Object.keys(media).length ? media : undefined;
}

/** One message; undefined when it has no id, direction or readable timestamp. */
export function mapMessage(value: unknown, conversationId?: string): Message | undefined {
  if (!isObject(value)) return undefined;
  const id = str(value.id);
  const dir = direction(value.direction);
  const createdAt = isoDate(value.timestamp ?? value.createdAt);
  if (!id || !dir || !createdAt) return undefined;
  const rawType = str(value.type);
  const kind = messageKind(rawType);
  const rawStatus = str(value.status);
  const message: Message = {
    id,
    conversationId: str(value.conversationId) ?? conversationId,
    direction: dir,
    kind,
    status: deliveryStatus(rawStatus, dir),
    createdAt,
    raw: value,
  };
  if (rawType) message.rawType = rawType;
  if (rawStatus) message.rawStatus = rawStatus;
  const externalId = str(value.waMessageId);
  if (externalId) message.externalId = externalId;
  if ('senderId' in value) message.senderId = str(value.senderId) ?? null;

  const content = value.content;
  if (typeof content === 'string') {
    message.text = content;
  } else if (isObject(content)) {
    const body = text(content.text) ?? text(content.body);
    if (body !== undefined) message.text = body;
    if (kind === 'location') {
      const latitude = num(content.latitude);
      const longitude = num(content.longitude);
      if (latitude !== undefined && longitude !== undefined) {
        message.location = { latitude, longitude };
        const name = str(content.name);
        if (name) message.location.name = name;
        const address = str(content.address);
        if (address) message.location.address = address;
      }
    } else if (kind === 'template') {
      const name = str(content.name) ?? str(content.templateName);
      if (name) message.template = { name };
      const language = isObject(content.language) ? str(content.language.code) : str(content.language);
      if (message.template && language) message.template.language = language;
    } else if (kind !== 'text') {
      const media = mediaOf(content);
      if (media) message.media = media;
    }
  }
  return message;
}

/** Messages oldest first; malformed records are dropped with one warning. */
export function mapMessages(values: unknown[], conversationId?: string): Message[] {
  return mapLenient(values, (m) => mapMessage(m, conversationId), 'message', DIALECT).sort(byCreatedAsc);
}

/** `{ success, data: T }` → T; a body without the envelope is returned as is. */
export function unwrap(body: unknown): unknown {
  if (isObject(body) && 'success' in body && 'data' in body) return body.data;
  return body;
}

/**
 * The messages response, with or without the success/data nesting:
 * `{ data: [...], hasNext }`, `{ success, data: { data|messages: [...], hasNext } }`,
 * `{ success, data: [...], hasNext }` or a bare array.
 */
export function readMessagesBody(body: unknown): { items: unknown[]; hasNext?: boolean; total?: number } | undefined {
  if (Array.isArray(body)) return { items: body };
  if (!isObject(body)) return undefined;
  const inner = body.data;
  let items: unknown[] | undefined;
  let meta: Json = body;
  if (Array.isArray(inner)) items = inner;
  else if (isObject(inner)) {
    meta = inner;
    if (Array.isArray(inner.data)) items = inner.data;
    else if (Array.isArray(inner.messages)) items = inner.messages;
  } else if (Array.isArray(body.messages)) items = body.messages;
  if (!items) return undefined;
  return {
    items,
    hasNext: bool(meta.hasNext) ?? bool(body.hasNext),
    total: num(meta.total) ?? num(body.total),
  };
}

/** The list data: `{ conversations, total, page, limit, hasNext }`, with or without the envelope. */
export function readListBody(
  body: unknown,
): { items: unknown[]; total?: number; page?: number; hasNext?: boolean } | undefined {
  const data = unwrap(body);
  if (Array.isArray(data)) return { items: data };
  if (!isObject(data) || !Array.isArray(data.conversations)) return undefined;
  return { items: arr(data.conversations), total: num(data.total), page: num(data.page), hasNext: bool(data.hasNext) };
}

/**
 * Reads `{ success: false, error | message, code?, fix? }`. A 4xx whose text
 * mentions the 24-hour window is `outside_window`; `API_LIMIT_REACHED` is rate limiting.
 */
export function parseError(status: number, body: unknown, _request?: HttpRequest): ParsedErrorBody {
  let textOf: string | undefined;
  let code: string | undefined;
  let fix: string | undefined;
  if (isObject(body)) {
    textOf = str(body.error) ?? str(body.message);
    code = str(body.code);
    fix = str(body.fix);
  } else if (typeof body === 'string' && body.trim()) {
    textOf = body.trim().slice(0, 200);
  }
  const parsed: ParsedErrorBody = {};
  if (code) parsed.code = code;
  if (textOf) parsed.message = fix ? `${textOf} (${fix})` : textOf;
  if (status >= 400 && status < 500 && status !== 429 && mentionsServiceWindow(textOf, code))
    parsed.kind = 'outside_window';
  else if (code === 'API_LIMIT_REACHED' || status === 429) parsed.kind = 'rate_limited';
  return parsed;
}
