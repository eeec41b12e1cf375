/**
 * SuperWaba session API wire types (docs.superwaba.com/api/conversations,
 * /api/messages). Everything is optional because the mappers read leniently.
 */

/** `{ success: true, data }`; errors are `{ success: false, error | message, code?, fix? }`. */
export interface SuperwabaEnvelope<T> {
  success?: boolean;
  data?: T;
}

export type SuperwabaStatus = 'open' | 'closed' | 'ai_handling' | 'escalated';

export interface SuperwabaContact {
  id?: string;
  name?: string | null;
  phone?: string | null;
  avatar?: string | null;
  /** Detail only. */
  email?: string | null;
  /** Detail only. */
  labels?: string[];
}

export interface SuperwabaUser {
  id?: string;
  name?: string | null;
  email?: string | null;
}

export interface SuperwabaLastMessage {
  text?: string;
  timestamp?: string;
  direction?: 'inbound' | 'outbound' | (string & {});
}

export interface SuperwabaConversation {
  id?: string;
  contactId?: string;
  contact?: SuperwabaContact;
  status?: SuperwabaStatus | (string & {});
  assigneeId?: string | null;
  /** Detail and assign response only. */
  assignee?: SuperwabaUser | null;
  channel?: string;
  lastMessage?: SuperwabaLastMessage | null;
  unreadCount?: number;
  aiHandling?: boolean;
  /** Detail only. */
  metadata?: { source?: string; firstMessageAt?: string };
  /** Some pages show labels beside the contact. */
  labels?: string[];
  createdAt?: string;
  updatedAt?: string;
  /** Close response. */
  closedAt?: string | null;
  closedBy?: string | null;
}

/** `GET /api/whatsapp/conversations` data. */
export interface SuperwabaListData {
  conversations?: SuperwabaConversation[];
  total?: number;
  page?: number;
  limit?: number;
  hasNext?: boolean;
}

export type SuperwabaMessageType = 'text' | 'image' | 'document' | 'audio' | 'video' | 'location';

export interface SuperwabaMessage {
  id?: string;
  waMessageId?: string | null;
  conversationId?: string;
  direction?: 'inbound' | 'outbound' | (string & {});
  type?: SuperwabaMessageType | (string & {});
  /** By type: `{text}`, `{url,mimeType,caption}`, `{url,mimeType,filename}`, `{url,mimeType}`, `{latitude,longitude,name,address}`. */
  content?: Record<string, unknown> | string | null;
  status?: string;
  timestamp?: string;
  senderId?: string | null;
}

/** `GET /api/whatsapp/messages`: `{ data: [...], total, page, hasNext }`, with or without the success wrapper. */
export interface SuperwabaMessagesBody {
  success?: boolean;
  data?:
    | SuperwabaMessage[]
    | { data?: SuperwabaMessage[]; messages?: SuperwabaMessage[]; hasNext?: boolean; total?: number };
  total?: number;
  page?: number;
  hasNext?: boolean;
}

/** ASSUMPTION: `POST /api/whatsapp/messages`. */
export interface SuperwabaSendBody {
  conversationId: string;
  type: 'text';
  content: { text: string };
}

export interface SuperwabaErrorBody {
  success?: false;
  error?: string;
  message?: string;
  code?: string;
  fix?: string;
}
