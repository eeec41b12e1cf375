/**
 * Pure functions from Switchbord JSON to the normalized model, plus the
 * dialect's error-body reader.
 */
import { mentionsServiceWindow } from '../../data/errors.js';
import type { Conversation, ConversationStatus, InboxSummary, Message } from '../../data/models.js';
import type { HttpRequest, ParsedErrorBody } from '../shared/http-client.js';
import {
  arr,
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
import { messagePreview, newestInboundAt, predictWindow } from '../shared/conversation.js';
import { byCreatedAsc } from '../shared/ordering.js';

export const DIALECT = 'switchbord';

const STATUS: Record<string, ConversationStatus> = { open: 'open', closed: 'closed' };

export function conversationStatus(value: unknown): ConversationStatus {
  const s = str(value)?.toLowerCase();
  return (s && STATUS[s]) || 'unknown';
}

function mediaRef(value: unknown): Message['media'] {
  if (!isObject(value)) return undefined;
  const media: NonNullable<Message['media']> = {};
  const url = httpUrl(value.url);
  if (url) media.url = url;
  const mediaId = str(value.mediaId);
  if (mediaId) media.mediaId = mediaId;
  const mimeType = str(value.mimeType);
  if (mimeType) media.mimeType = mimeType;
  const caption = text(value.caption);
  if (caption) media.caption = caption;
  const filename = str(value.filename);
  if (filename) media.filename = filename;
  return Object.keys(media).length ? media : undefined;
}

/** One message; undefined when it has no id, direction or readable date. */
export function mapMessage(value: unknown, conversationId?: string): Message | undefined {
  if (!isObject(value)) return undefined;
  const id = str(value.id);
  const dir = direction(value.direction);
  const createdAt = isoDate(value.createdAt);
  if (!id || !dir || !createdAt) return undefined;
  const rawType = str(value.sendMode);
  const kind = messageKind(rawType ?? 'freeform');
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
  const body = text(value.body);
  if (body !== undefined) message.text = body;
  const templateName = str(value.templateName);
  if (kind === 'template' && templateName) message.template = { name: templateName };
  const media = mediaRef(value.media);
  if (media) message.media = media;
  return message;
}

/** Messages oldest first; malformed records are dropped with one warning. */
export function mapMessages(values: unknown[], conversationId?: string): Message[] {
  return mapLenient(values, (m) => mapMessage(m, conversationId), 'message', DIALECT).sort(byCreatedAsc);
}

/** One conversation (list item or `conversation` of the get); undefined without an id. */
export function mapConversation(value: unknown, now = Date.now()): Conversation | undefined {
  if (!isObject(value)) return undefined;
  const id = str(value.id);
  if (!id) return undefined;
  const rawStatus = str(value.status);
  const contactId = str(value.contactId);
  const embedded = isObject(value.contact) ? value.contact : undefined;
  const name = str(embedded?.name);
  const phone = str(embedded?.phone);
  const conversation: Conversation = {
    id,
    dialect: DIALECT,
    status: conversationStatus(rawStatus),
    channel: { kind: 'whatsapp' },
    contact: {},
    raw: value,
  };
  if (rawStatus) conversation.rawStatus = rawStatus;
  const channelId = str(value.channelId);
  if (channelId) conversation.channel.id = channelId;
  if (contactId) conversation.contact.id = contactId;
  // ASSUMPTION: name/phone ride along when the backend embeds them; else show the contact id
  if (name) conversation.contact.displayName = name;
  else if (!phone && contactId) conversation.contact.displayName = contactId;
  if (phone) conversation.contact.phone = phone;
  if (embedded) conversation.contact.raw = embedded;

  if (Array.isArray(value.messages)) {
    const messages = mapMessages(value.messages, id);
    conversation.embeddedMessages = messages;
    const last = messages[messages.length - 1];
    if (last) conversation.lastMessage = messagePreview(last);
    const inbound = newestInboundAt(messages);
    if (inbound) {
      conversation.lastInboundAt = inbound;
      conversation.window = predictWindow(inbound, now);
    }
  }
  const lastActivityAt = isoDate(value.lastMessageAt) ?? conversation.lastMessage?.createdAt;
  if (lastActivityAt) conversation.lastActivityAt = lastActivityAt;
  const createdAt = isoDate(value.createdAt);
  if (createdAt) conversation.createdAt = createdAt;
  return conversation;
}

/** Summary from `{ summary: {…} }` or the bare `{ total, open, unread }`; undefined when neither. */
export function mapSummary(value: unknown): InboxSummary | undefined {
  if (!isObject(value)) return undefined;
  const s: Json = isObject(value.summary) ? value.summary : value;
  const total = num(s.total);
  const open = num(s.open);
  const unread = num(s.unread);
  if (total === undefined && open === undefined && unread === undefined) return undefined;
  const summary: InboxSummary = { source: 'backend' };
  if (total !== undefined) summary.total = total;
  if (open !== undefined) summary.open = open;
  if (unread !== undefined) summary.unread = unread;
  return summary;
}

/** The message array of endpoint 4: `{ messages }` or a bare array. */
export function messagesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return isObject(value) ? arr(value.messages) : [];
}

const MESSAGES: Record<string, string> = {
  conversation_not_found: 'Conversation not found',
  invalid_outbound_message: 'The message was rejected',
};

/** Reads `{ error: "snake_code", issues? }`; a 400 whose issues mention the 24-hour window is `outside_window`. */
export function parseError(status: number, body: unknown, _request?: HttpRequest): ParsedErrorBody {
  if (!isObject(body)) return typeof body === 'string' && body ? { message: body.slice(0, 200) } : {};
  const code = str(body.error);
  const issues = body.issues;
  const parsed: ParsedErrorBody = {};
  if (code) parsed.code = code;
  const message = str(body.message) ?? (code ? (MESSAGES[code] ?? code.replace(/_/g, ' ')) : undefined);
  if (message) parsed.message = message;
  if (isObject(issues)) parsed.fieldIssues = issues;
  else if (Array.isArray(issues)) parsed.fieldIssues = { issues };
  if (status === 400 || status === 422) {
    parsed.kind = mentionsServiceWindow(code, issues, body.message) ? 'outside_window' : 'validation';
    if (parsed.kind === 'outside_window')
      parsed.message = 'Outside the 24-hour service window: send an approved template';
  }
  return parsed;
}
