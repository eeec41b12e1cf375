/**
 * Switchbord `/internal/*` wire types (docs.switchbord.ai/api-reference/conversations).
 * Field lists are incomplete in the docs; names marked ASSUMPTION follow
 * backends/README.md §1. Everything is optional because the mappers read leniently.
 */

export type SwitchbordSendMode = 'freeform' | 'template' | 'interactive' | 'media';

/** ASSUMPTION: `{ id, conversationId, direction, body, status, sendMode?, templateName?, createdAt }`. */
export interface SwitchbordMessage {
  id?: string;
  conversationId?: string;
  direction?: 'inbound' | 'outbound' | (string & {});
  body?: string;
  /** `queued | sent | delivered | read | failed` (ASSUMPTION). */
  status?: string;
  sendMode?: SwitchbordSendMode | (string & {});
  templateName?: string;
  createdAt?: string;
  /** Not documented; read when present (media sends behind the feature flag). */
  media?: { url?: string; mediaId?: string; mimeType?: string; caption?: string; filename?: string };
}

export interface SwitchbordConversation {
  id?: string;
  contactId?: string;
  /** ASSUMPTION (not in the docs): the reference backend embeds the contact's name and phone. */
  contact?: { name?: string | null; phone?: string | null };
  channelId?: string;
  /** `open` seen; `closed` ASSUMPTION. */
  status?: string;
  lastMessageAt?: string;
  createdAt?: string;
  /** Every message of the conversation, oldest first. */
  messages?: SwitchbordMessage[];
}

export interface SwitchbordSummary {
  total?: number;
  open?: number;
  unread?: number;
}

/** `GET /internal/conversations` */
export interface SwitchbordListResponse {
  summary?: SwitchbordSummary;
  conversations?: SwitchbordConversation[];
}

/** `GET /internal/conversations/{id}` */
export interface SwitchbordGetResponse {
  conversation?: SwitchbordConversation;
}

/** `GET /internal/inbox/summary`: wrapped or bare (ASSUMPTION: accept both). */
export type SwitchbordSummaryResponse = { summary?: SwitchbordSummary } | SwitchbordSummary;

/** `GET /internal/conversations/{id}/messages`: `{ messages }` or a bare array (ASSUMPTION). */
export type SwitchbordMessagesResponse = { messages?: SwitchbordMessage[] } | SwitchbordMessage[];

/** `POST /internal/conversations/{id}/messages` body. */
export interface SwitchbordSendBody {
  /** At least one character; for templates the preview text or the template name. */
  body: string;
  sendMode: SwitchbordSendMode;
  templateName?: string;
  /** Undocumented payloads, sent only with the `experimentalMediaSend` option. */
  media?: { url?: string; mediaId?: string; mimeType?: string; caption?: string; filename?: string };
  interactive?: unknown;
}

/** 201 `{ appended, message }` (names ASSUMPTION). */
export interface SwitchbordSendResponse {
  appended?: boolean;
  message?: SwitchbordMessage;
}

/** `{ "error": "snake_code", "issues"?: {…} }` */
export interface SwitchbordErrorBody {
  error?: string;
  message?: string;
  issues?: Record<string, unknown> | unknown[];
}
