/**
 * The contract between the elements and any backend. Adapters implement it for
 * the five dialects; a host can implement it for a backend of its own.
 *
 * Every method takes `{ signal }`, returns models from `models.ts` (never raw
 * JSON) and rejects with an `InboxError` (an aborted call rejects with an
 * `AbortError`, which is not an error to report).
 */
import type {
  Agent,
  Capabilities,
  Conversation,
  ConversationQuery,
  DialectId,
  InboxSummary,
  Message,
  Page,
  PageCursor,
  SendRequest,
  SendResult,
  Template,
} from './models.js';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface MessagePageOptions extends RequestOptions {
  /** Where to continue: a `next` (older) or `newer` cursor from an earlier page. */
  cursor?: PageCursor;
  limit?: number;
}

export interface InboxDataSource {
  readonly dialect: DialectId;
  readonly capabilities: Capabilities;
  listConversations(query?: ConversationQuery, options?: RequestOptions): Promise<Page<Conversation>>;
  getConversation?(id: string, options?: RequestOptions): Promise<Conversation>;
  /** Messages oldest first; `next` pages to older messages. */
  listMessages(conversationId: string, options?: MessagePageOptions): Promise<Page<Message>>;
  getSummary?(options?: RequestOptions): Promise<InboxSummary>;
  send(request: SendRequest, options?: RequestOptions): Promise<SendResult>;
  markRead?(id: string, options?: RequestOptions): Promise<void>;
  markUnread?(id: string, options?: RequestOptions): Promise<void>;
  archive?(id: string, options?: RequestOptions): Promise<void>;
  unarchive?(id: string, options?: RequestOptions): Promise<void>;
  close?(id: string, close?: { resolution?: string }, options?: RequestOptions): Promise<Conversation | void>;
  assign?(id: string, agentId: string, options?: RequestOptions): Promise<Conversation | void>;
  unassign?(id: string, options?: RequestOptions): Promise<void>;
  listAssignees?(options?: RequestOptions): Promise<Agent[]>;
  listTemplates?(options?: RequestOptions): Promise<Template[]>;
}

/** Settings every `createDataSource` call takes; dialect options ride along. */
export interface DataSourceConfig {
  backend: DialectId;
  /** The dialect's documented paths are appended to it (usually the host's proxy). */
  baseUrl: string;
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  fetch?: typeof fetch;
  /** Passed to fetch; `include` sends the host's cookies to a cross-origin proxy. */
  credentials?: RequestCredentials;
  /** Per-request timeout in milliseconds (default 15 000). */
  timeoutMs?: number;
  /** How often reads are retried on 429/502/503/network errors (default 2). */
  retries?: number;
  currentUserId?: string;
  /** Where the backend cannot list assignable users. */
  agents?: Agent[];
  /** Approved templates the composer offers. */
  templates?: Template[];
  [dialectOption: string]: unknown;
}
