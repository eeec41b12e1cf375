/**
 * The normalized domain model every adapter maps its vendor JSON onto.
 *
 * Rules: ids are opaque strings, timestamps are ISO 8601 strings, statuses are
 * normalized enums with an `unknown` fallback (the vendor value is kept in
 * `rawStatus`), and every object keeps the vendor JSON in `raw`.
 */
import type { InboxError } from './errors.js';

export const DIALECTS = ['switchbord', 'qlara', 'cloove', 'superwaba', 'vobiz'] as const;
export type KnownDialect = (typeof DIALECTS)[number];
/** A backend dialect id; `memory` and host-defined ids are allowed too. */
export type DialectId = KnownDialect | 'memory' | (string & {});
export type ISODateString = string;

export type ChannelKind = 'whatsapp' | 'sms' | 'rcs' | 'messenger' | 'instagram' | 'other';

export interface Contact {
  id?: string;
  displayName?: string;
  /** E.164 when known. */
  phone?: string;
  email?: string;
  avatarUrl?: string | null;
  labels?: string[];
  raw?: unknown;
}

/** An agent: a user a conversation can be assigned to. */
export interface Agent {
  id: string;
  displayName: string;
  email?: string;
  avatarUrl?: string | null;
  raw?: unknown;
}

export const CONVERSATION_STATUSES = ['open', 'pending', 'bot', 'escalated', 'closed', 'archived', 'unknown'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export interface ServiceWindow {
  /** true/false when known or predictable, undefined when the backend gives no signal. */
  isOpen?: boolean;
  expiresAt?: ISODateString;
  source: 'backend' | 'predicted' | 'unknown';
}

export interface Conversation {
  id: string;
  dialect: DialectId;
  status: ConversationStatus;
  rawStatus?: string;
  handledBy?: 'ai' | 'human';
  channel: { kind: ChannelKind; id?: string; label?: string };
  contact: Contact;
  /** null = explicitly unassigned; undefined = the dialect has no concept of assignment. */
  assignee?: Agent | null;
  /** undefined when the backend does not provide it. */
  unreadCount?: number;
  lastMessage?: Pick<Message, 'text' | 'direction' | 'createdAt' | 'kind'>;
  lastActivityAt?: ISODateString;
  lastInboundAt?: ISODateString;
  createdAt?: ISODateString;
  closedAt?: ISODateString;
  window?: ServiceWindow;
  /** Messages the backend inlines with the conversation (switchbord, cloove). */
  embeddedMessages?: Message[];
  raw?: unknown;
}

export type MessageDirection = 'inbound' | 'outbound';
export const MESSAGE_KINDS = [
  'text',
  'template',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'unknown',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const DELIVERY_STATUSES = ['pending', 'sent', 'delivered', 'read', 'failed', 'received', 'unknown'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface MediaRef {
  url?: string;
  mediaId?: string;
  mimeType?: string;
  caption?: string;
  filename?: string;
  sizeBytes?: number;
}

export interface Message {
  id: string;
  conversationId?: string;
  direction: MessageDirection;
  kind: MessageKind;
  /** The vendor's type value (messageType / type / sendMode). */
  rawType?: string;
  text?: string;
  media?: MediaRef;
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  template?: { name: string; language?: string; variables?: Record<string, string> | string[] };
  status: DeliveryStatus;
  rawStatus?: string;
  createdAt: ISODateString;
  externalId?: string;
  senderId?: string | null;
  /** Why a message failed, for failed sends and failed deliveries. */
  error?: InboxError;
  /** Client-generated reference for optimistic rendering and idempotent retry. */
  clientRef?: string;
  raw?: unknown;
}

/** Opaque to the UI; each adapter encodes its own paging model inside. */
export type PageCursor = string;

export interface Page<T> {
  items: T[];
  /** Cursor for the next page in the natural direction (older messages / further conversations). */
  next?: PageCursor | null;
  /** For threads that can also grow forward (qlara idFrom). */
  newer?: PageCursor | null;
  hasMore: boolean;
  total?: number;
  /** The order the adapter guarantees after normalization. */
  order: 'newest-first' | 'oldest-first';
  /** Summary counts the backend returned with the page (switchbord). */
  summary?: InboxSummary;
}

export interface ConversationQuery {
  status?: ConversationStatus[];
  handledBy?: 'ai' | 'human';
  assignee?: 'me' | 'unassigned' | { id: string };
  unreadOnly?: boolean;
  channelIds?: string[];
  updatedSince?: ISODateString;
  search?: string;
  /** Archived conversations instead of the default list (where `listArchived`). */
  archived?: boolean;
  limit?: number;
  cursor?: PageCursor;
}

export interface InboxSummary {
  total?: number;
  open?: number;
  /** Conversations with unread messages. */
  unread?: number;
  /** `derived` = counted from loaded rows; may be partial. */
  source: 'backend' | 'derived';
}

export interface TemplateVariable {
  /** Placeholder key: `1`, `2`… for positional templates, a name for named ones. */
  key: string;
  label?: string;
  example?: string;
  /** Defaults to true. */
  required?: boolean;
  /** Optional validation pattern (a RegExp source). */
  pattern?: string;
}

/** An approved message template the composer can offer outside the service window. */
export interface Template {
  name: string;
  language?: string;
  category?: string;
  /** Body text with `{{1}}` or `{{name}}` placeholders, used for the preview. */
  body?: string;
  variables?: TemplateVariable[];
  raw?: unknown;
}

export interface Capabilities {
  listConversations: true;
  filters: {
    status: boolean;
    /** The status values the backend can filter on. */
    statusValues?: ConversationStatus[];
    handledBy: boolean;
    assignee: 'none' | 'me-unassigned' | 'by-id';
    unreadOnly: boolean;
    channelIds: boolean;
    updatedSince: boolean;
    search: boolean;
    sort: boolean;
  };
  conversationPagination: 'none' | 'offset' | 'page' | 'cursor';
  getConversation: boolean;
  messagePagination: 'none' | 'id-range' | 'cursor';
  messageOrderFromBackend: 'newest-first' | 'oldest-first' | 'unreliable';
  perConversationUnread: boolean;
  summary: boolean;
  markRead: boolean;
  markUnread: boolean;
  /** Implies unarchive. */
  archive: boolean;
  listArchived: boolean;
  close: boolean;
  assign: boolean;
  unassign: boolean;
  listAssignees: boolean;
  listTemplates: boolean;
  send: {
    text: boolean;
    textMaxLength?: number;
    template: 'none' | 'by-name' | 'by-name-with-variables' | 'by-name-language-params';
    templateAddressing?: 'conversation' | 'phone';
    media: MessageKind[];
    interactive: boolean;
    /** The backend accepts the send and delivers later (qlara 202). */
    async: boolean;
  };
  idempotency: boolean;
  serviceWindow: 'enforced-sync' | 'async-failure' | 'unknown';
  windowSignal: 'expires_at' | 'last_inbound' | 'none';
  multiChannel: boolean;
}

interface SendBase {
  conversationId: string;
  /** Used as Idempotency-Key where supported, and as Message.clientRef for the optimistic UI. */
  clientRef: string;
}
export interface SendText extends SendBase {
  kind: 'text';
  text: string;
}
export interface SendTemplate extends SendBase {
  kind: 'template';
  templateName: string;
  language?: string;
  variables?: Record<string, string> | string[];
  previewText?: string;
  /** E.164; resolved by the adapter from the contact when needed. */
  to?: string;
}
export interface SendMedia extends SendBase {
  kind: 'image' | 'video' | 'audio' | 'document' | 'sticker';
  media: MediaRef;
}
export interface SendInteractive extends SendBase {
  kind: 'interactive';
  payload: unknown;
}
export type SendRequest = SendText | SendTemplate | SendMedia | SendInteractive;

export interface SendResult {
  /** The server-created message, or the accepted one with status `pending`. */
  message: Message;
  accepted: 'created' | 'queued';
  replayed?: boolean;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
