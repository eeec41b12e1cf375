/**
 * The reference backend's own neutral data model. The seeded store (db.ts)
 * holds these records; each dialect handler (dialects/<dialect>.ts) renders
 * them in that dialect's documented wire format and validates its requests.
 */

export type RefConversationStatus = 'open' | 'pending' | 'ai_handling' | 'escalated' | 'closed';
export type RefMessageKind =
  'text' | 'template' | 'image' | 'video' | 'audio' | 'document' | 'location' | 'sticker' | 'interactive' | 'contacts';
export type RefDeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface RefAgent {
  id: string; // UUID
  name: string;
  email: string;
  avatarUrl: string | null;
}

export interface RefContact {
  id: string; // UUID
  name: string | null; // null: only the phone is known
  phone: string; // E.164 with '+'
  email: string | null;
  avatarUrl: string | null;
  labels: string[];
}

export interface RefChannel {
  id: string; // UUID
  name: string;
  phone: string;
  wabaId: string;
  kind: 'WHATSAPP' | 'SMS' | 'RCS';
}

export interface RefMessage {
  /** Unique across the store; numeric-looking ids are monotonic per store (qlara needs ordering). */
  seq: number; // monotonic integer, the message's global order
  id: string; // UUID
  conversationId: string;
  direction: 'inbound' | 'outbound';
  kind: RefMessageKind;
  text: string | null; // text body, caption for media, rendered text for templates
  media: { url: string; mimeType: string; filename?: string; caption?: string } | null;
  location: { latitude: number; longitude: number; name?: string; address?: string } | null;
  template: { name: string; language: string; variables: Record<string, string> | string[] } | null;
  status: RefDeliveryStatus | null; // null for inbound
  failureReason: string | null;
  createdAt: string; // ISO
  senderId: string | null; // contact id for inbound, agent id or null for outbound
  waMessageId: string; // 'wamid.…'
}

export interface RefConversation {
  id: string; // UUID
  contactId: string;
  channelId: string;
  status: RefConversationStatus;
  archived: boolean;
  aiHandling: boolean;
  assigneeId: string | null;
  unreadCount: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  category: 'service' | 'marketing' | 'utility' | 'authentication';
}

export interface RefTemplate {
  name: string; // template_key / name
  language: string;
  category: 'marketing' | 'utility' | 'authentication';
  body: string; // with {{1}} or {{name}} placeholders
  variables: string[]; // placeholder keys in order
}
