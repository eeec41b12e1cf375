/**
 * Vendor JSON of the Cloove AI Messaging API (`/v1/messaging`), as documented
 * (docs.clooveai.com/messaging-api, /conventions) plus the ASSUMPTION lines of
 * backends/README.md §3. Every field is optional here: the mappers read them
 * leniently.
 */

/** Success envelope: `{ message, data, meta? }`. */
export interface ClooveEnvelope<T> {
  message?: string;
  data?: T;
  meta?: ClooveMeta;
}

/** Pagination convention of every Cloove list (ASSUMPTION for the messaging list). */
export interface ClooveMeta {
  total?: number;
  page?: number;
  perPage?: number;
  totalPages?: number;
  hasMore?: boolean;
}

/** Error body: `{ error: "<machine_code>", message }`. */
export interface ClooveErrorBody {
  error?: string;
  message?: string;
  /** Not documented; read when a 422 carries per-field details. */
  errors?: Record<string, unknown>;
  details?: Record<string, unknown>;
}

export type ClooveDirection = 'inbound' | 'outbound';
/** Only `text` is documented; the rest are ASSUMPTION. */
export type ClooveMessageType = 'text' | 'template' | 'image' | 'document' | 'video' | 'audio' | (string & {});
/** `sent`, `delivered` are documented; `pending`, `read`, `failed` are ASSUMPTION. */
export type ClooveDeliveryStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed' | (string & {});

export interface ClooveMessage {
  id?: string;
  conversationId?: string;
  direction?: ClooveDirection;
  messageType?: ClooveMessageType;
  text?: string;
  deliveryStatus?: ClooveDeliveryStatus;
  createdAt?: string;
  /** Not documented: read leniently for media and template messages. */
  mediaUrl?: string;
  templateKey?: string;
  template_key?: string;
  variables?: Record<string, string>;
}

/** `open`, `pending_customer` are documented ("e.g."). */
export type ClooveConversationStatus = 'open' | 'pending_customer' | 'closed' | (string & {});

export interface ClooveConversation {
  id?: string;
  businessId?: string;
  customerPhone?: string;
  customerName?: string;
  status?: ClooveConversationStatus;
  mode?: 'ai' | 'human';
  unreadCount?: number;
  lastInboundAt?: string;
  lastOutboundAt?: string;
  /** Get-one only: the most recent messages, newest first. */
  messages?: ClooveMessage[];
}

/** `POST /v1/messaging/conversations/:id/messages`. */
export interface ClooveSendTextBody {
  text: string;
}

/** `POST /v1/messaging/messages/template` (snake_case, keyed by phone). */
export interface ClooveSendTemplateBody {
  business_whatsapp_number_id: string;
  phone: string;
  template_key: string;
  customer_name?: string;
  variables?: Record<string, string>;
}

/** Dialect options a host passes to `createDataSource({ backend: 'cloove', … })`. */
export interface ClooveOptions {
  /** The WhatsApp number (uuid) templates are sent from; required for template sends. */
  businessWhatsappNumberId?: string;
}
