/**
 * Vendor JSON of the Vobiz WhatsApp API, in both documented response
 * generations (backends/README.md §5): B (the excerpt: `data`, `cursor`,
 * `body`, `timestamp`, embedded `contact`/`last_message`) and C (raw objects:
 * `items`, `next_cursor`, `content`, `created_at`, `expires_at`). Every field
 * is optional: the mappers read both leniently.
 */
import type { Conversation } from '../../data/models.js';

export type VobizGeneration = 'B' | 'C';

export interface VobizContact {
  id?: string;
  name?: string;
  phone?: string;
}

export interface VobizLastMessage {
  body?: string;
  content?: unknown;
  direction?: 'inbound' | 'outbound';
  type?: string;
  timestamp?: string;
  created_at?: string;
}

/** Gen B list item (embedded contact and preview) or gen C raw conversation. */
export interface VobizConversation {
  id?: string;
  channel_id?: string;
  contact?: VobizContact;
  last_message?: VobizLastMessage;
  unread_count?: number;
  status?: 'open' | 'closed' | (string & {});
  // gen C
  account_id?: string;
  contact_id?: string;
  category?: 'service' | 'marketing' | 'utility' | 'authentication' | (string & {});
  is_billable?: boolean;
  started_at?: string;
  expires_at?: string;
}

export interface VobizListResponse {
  data?: VobizConversation[];
  items?: VobizConversation[];
  meta?: { total?: number; page?: number; limit?: number };
  total?: number;
}

/** Media as gen B sends it (`image: {url, caption}`) or gen C (`media: {link | id}`). */
export interface VobizMedia {
  url?: string;
  link?: string;
  id?: string;
  caption?: string;
  filename?: string;
  mime_type?: string;
}

export interface VobizMessage {
  id?: string;
  type?: string;
  direction?: 'inbound' | 'outbound';
  /** Gen B text. */
  body?: string;
  /** Gen C text (a string, or an object with `body`/`text`/media fields). */
  content?: unknown;
  status?: 'pending' | 'sent' | 'delivered' | 'read' | 'failed' | (string & {});
  timestamp?: string;
  created_at?: string;
  conversation_id?: string;
  channel_id?: string;
  contact_id?: string;
  account_id?: string;
  meta_message_id?: string;
  media?: VobizMedia;
  image?: VobizMedia;
  video?: VobizMedia;
  document?: VobizMedia;
  audio?: VobizMedia;
  sticker?: VobizMedia;
  template?: { name?: string; language?: string; parameters?: unknown[] };
}

export interface VobizMessagesResponse {
  data?: VobizMessage[];
  items?: VobizMessage[];
  cursor?: string | null;
  next_cursor?: string | null;
}

export interface VobizChannel {
  id?: string;
  display_name?: string;
  phone_number?: string;
  waba_id?: string;
  status?: string;
  created_at?: string;
}

export interface VobizTextPayload {
  body: string;
  preview_url: boolean;
}

export interface VobizTemplatePayload {
  name: string;
  language: string;
  parameters: string[];
}

/** `POST /v1/messaging/messages`: to a phone number on a channel. */
export interface VobizSendBody {
  channel_id: string;
  to: string;
  type: 'text' | 'template' | 'image' | 'video' | 'document' | 'audio' | 'sticker';
  text?: VobizTextPayload;
  template?: VobizTemplatePayload;
  image?: { url: string; caption?: string };
  video?: { url: string; caption?: string };
  document?: { url: string; caption?: string; filename?: string };
  /** Gen C: one media object. */
  media?: { link?: string; id?: string; caption?: string; filename?: string };
  /** Gen C only, required. */
  waba_id?: string;
}

export interface VobizErrorBody {
  error?: string | { code?: string; message?: string };
  message?: string;
  code?: string;
}

/** Dialect options a host passes to `createDataSource({ backend: 'vobiz', … })`. */
export interface VobizOptions {
  /** Which documented generation the backend speaks; decides the send body. Default 'B'. Responses of both are read. */
  generation?: VobizGeneration;
  /** Sending channel when a conversation carries no `channel_id`. */
  channelId?: string;
  /** Gen C `waba_id`; looked up from `GET /v1/messaging/channels/whatsapp` when absent. */
  wabaId?: string;
  /** Template language when the request names none (default `en`). */
  defaultLanguage?: string;
  /**
   * The phone to send to when the listed conversation carries none (gen C rows
   * only have `contact_id`): the host looks it up in its own contact store.
   */
  resolvePhone?: (
    conversationId: string,
    conversation?: Conversation,
  ) => string | undefined | Promise<string | undefined>;
}
