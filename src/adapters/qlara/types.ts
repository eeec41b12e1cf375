/**
 * Vendor JSON of the Agile Telecom Qlara "partner gateway" Inbox API
 * (`/partner-gateway/v1/inbox/conversations…`).
 *
 * The vendor's reference pages carry no request or response schemas, so every
 * field below other than those quoted in backends/README.md §2 is an
 * ASSUMPTION; the mappers read all of them leniently (wrong types are ignored,
 * alternative names are accepted).
 */

/** `GET /conversations` item and `GET /conversations/{chatId}` body. */
export interface QlaraConversation {
  chatId: string | number;
  channelId?: string;
  /** Channel key: `WHATSAPP`, `SMS`, `RCS` (or an object `{ id, type, name }`). */
  channel?: string | { id?: string; type?: string; kind?: string; name?: string };
  channelName?: string;
  contact?: { id?: string; name?: string | null; phone?: string; msisdn?: string } | null;
  lastMessage?: QlaraLastMessage | null;
  lastMessageDate?: string;
  unreadCount?: number;
  assignee?: QlaraAssignee | null;
  createdAt?: string;
  /** Read when present (not documented). */
  archived?: boolean;
}

export interface QlaraLastMessage {
  text?: string;
  content?: string;
  date?: string;
  timestamp?: string;
  direction?: string;
}

export interface QlaraAssignee {
  userId: string;
  name?: string;
  displayName?: string;
  avatarUrl?: string | null;
}

/** `GET /conversations/{chatId}/messages` item. */
export interface QlaraMessage {
  /** Numeric and monotonic (ASSUMPTION); sortable strings are accepted too. */
  id: number | string;
  /** `inbound` or `outbound` (any case). */
  direction: string;
  timestamp: string;
  /** Text body (or caption); an object `{ text }` is accepted too. */
  content?: string | { text?: string } | null;
  /** Uppercase like the platform's status endpoint: `QUEUED`, `SENT`, `DELIVERED`, `READ`, `FAILED`. */
  deliveryStatus?: string | null;
  /** Why delivery failed (e.g. "Outside the 24-hour customer service window"). */
  failureReason?: string | null;
  /** `TEXT`, `IMAGE`, `DOCUMENT`… (ASSUMPTION). */
  type?: string;
  mediaUrl?: string | null;
  mimeType?: string | null;
}

/** `GET /conversations/assignable-users` item. */
export interface QlaraAssignableUser {
  userId: string;
  displayName: string;
  avatarUrl?: string | null;
  email?: string;
}

/** The list endpoints answer a bare array or a Spring-style page wrapper. */
export type QlaraList<T> =
  | T[]
  | {
      content?: T[];
      items?: T[];
      data?: T[];
      totalElements?: number;
      total?: number;
      totalPages?: number;
      size?: number;
      number?: number;
    };

/** `POST /conversations/reply` body; the field names are configurable. */
export type QlaraReplyBody = Record<string, string>;

/** Error body (documented for 429; assumed for the rest). */
export interface QlaraErrorBody {
  status?: number;
  error?: string;
  message?: string;
  /** Seconds (429). */
  retryAfter?: number;
}

/** Dialect options read from `DataSourceConfig`. */
export interface QlaraOptions {
  /** Reply body field holding the conversation id. Default `chatId` (alternatives: `conversationId`). */
  replyChatIdField?: string;
  /** Reply body field holding the text. Default `text` (alternatives: `message`, `body`). */
  replyTextField?: string;
  /** How `channelIds` goes on the wire: `repeat` (`channelIds=a&channelIds=b`, default) or `comma` (`channelIds=a,b`). */
  channelIdsStyle?: 'repeat' | 'comma';
  /** Messages the backend returns per page (ASSUMPTION, default 50): a full page means there may be older ones. */
  messagePageSize?: number;
}
