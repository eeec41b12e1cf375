/**
 * `MemoryAdapter`: an `InboxDataSource` over in-memory "server" state, for
 * stories, tests and demos. It implements the whole contract with honest
 * capabilities, and lets tests script the server: `fail()`, `hold()`,
 * `receive()`, `calls`, `latency`.
 */
import type { DataSourceConfig, InboxDataSource, MessagePageOptions, RequestOptions } from '../../data/data-source.js';
import { InboxError } from '../../data/errors.js';
import type { InboxErrorKind } from '../../data/errors.js';
import { CONVERSATION_STATUSES } from '../../data/models.js';
import type {
  Agent,
  Capabilities,
  Conversation,
  ConversationQuery,
  DialectId,
  InboxSummary,
  Message,
  MessageKind,
  Page,
  SendRequest,
  SendResult,
  Template,
} from '../../data/models.js';
import { serviceWindow } from '../../data/service-window.js';
import { sortByActivityDesc } from '../shared/ordering.js';
import {
  clampLimit,
  encodeBeforeCursor,
  encodeOffsetCursor,
  readBeforeCursor,
  readOffsetCursor,
} from '../shared/paging.js';
import { AGENTS, TEMPLATES, fillTemplate, seedConversations } from './fixtures.js';
import type { MemorySeed } from './fixtures.js';

export type { MemorySeed } from './fixtures.js';

export type MemoryOperation =
  | 'listConversations'
  | 'getConversation'
  | 'listMessages'
  | 'getSummary'
  | 'send'
  | 'markRead'
  | 'markUnread'
  | 'archive'
  | 'unarchive'
  | 'close'
  | 'assign'
  | 'unassign'
  | 'listAssignees'
  | 'listTemplates';

export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export interface MemoryAdapterOptions {
  /** Conversations with their messages (oldest first). Default `seedConversations()`. */
  seed?: MemorySeed[];
  /** Deep-merged over the full capabilities; a capability set to false makes its method reject with `unsupported`. */
  capabilities?: DeepPartial<Capabilities>;
  /** Milliseconds added to every call (default 0: no timer at all). */
  latency?: number;
  /** Conversations per page (default 25). */
  pageSize?: number;
  /** Messages per page (default 50). */
  messagePageSize?: number;
  agents?: Agent[];
  templates?: Template[];
  /** Who `assignee: 'me'` means (default the first agent). */
  currentUserId?: string;
  dialect?: DialectId;
}

export interface MemoryCall {
  op: MemoryOperation;
  /** The call's arguments without `signal` (for listMessages: `[id, { cursor, limit }]`). */
  args: unknown[];
}

/** A held call: it waits until `release()` or `fail()`. */
export interface MemoryGate {
  /** Resolves when the held call has arrived. */
  readonly reached: Promise<void>;
  release(): void;
  fail(errorOrKind: InboxError | InboxErrorKind): void;
}

export const MEMORY_MESSAGE_PAGE_SIZE = 50;
export const MEMORY_CONVERSATION_PAGE_SIZE = 25;

/** Everything the memory "server" can do. */
export function fullMemoryCapabilities(): Capabilities {
  return {
    listConversations: true,
    filters: {
      status: true,
      statusValues: [...CONVERSATION_STATUSES],
      handledBy: true,
      assignee: 'by-id',
      unreadOnly: true,
      channelIds: true,
      updatedSince: true,
      search: true,
      sort: true,
    },
    conversationPagination: 'offset',
    getConversation: true,
    messagePagination: 'cursor',
    messageOrderFromBackend: 'oldest-first',
    perConversationUnread: true,
    summary: true,
    markRead: true,
    markUnread: true,
    archive: true,
    listArchived: true,
    close: true,
    assign: true,
    unassign: true,
    listAssignees: true,
    listTemplates: true,
    send: {
      text: true,
      textMaxLength: 4096,
      template: 'by-name-with-variables',
      templateAddressing: 'conversation',
      media: ['image', 'video', 'audio', 'document', 'sticker'],
      interactive: true,
      async: false,
    },
    idempotency: true,
    serviceWindow: 'enforced-sync',
    windowSignal: 'last_inbound',
    multiChannel: true,
  };
}

function deepMerge<T>(base: T, patch: unknown): T {
  if (patch === undefined) return base;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch as T;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return patch as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    out[key] = deepMerge(out[key], value);
  }
  return out as T;
}

function cloneAgent(a: Agent): Agent {
  return { ...a };
}

function cloneMessage(m: Message): Message {
  return {
    ...m,
    media: m.media ? { ...m.media } : undefined,
    location: m.location ? { ...m.location } : undefined,
    template: m.template
      ? {
          ...m.template,
          variables: Array.isArray(m.template.variables)
            ? [...m.template.variables]
            : m.template.variables
              ? { ...m.template.variables }
              : undefined,
        }
      : undefined,
  };
}

function cloneConversation(c: Conversation): Conversation {
  return {
    ...c,
    channel: { ...c.channel },
    contact: { ...c.contact, labels: c.contact.labels ? [...c.contact.labels] : undefined },
    assignee: c.assignee ? cloneAgent(c.assignee) : c.assignee,
    lastMessage: c.lastMessage ? { ...c.lastMessage } : undefined,
    window: c.window ? { ...c.window } : undefined,
    embeddedMessages: c.embeddedMessages?.map(cloneMessage),
  };
}

function cloneTemplate(t: Template): Template {
  return { ...t, variables: t.variables?.map((v) => ({ ...v })) };
}

function abortError(signal: AbortSignal): DOMException {
  const reason = signal.reason as { name?: unknown } | undefined;
  return reason instanceof DOMException && reason.name === 'AbortError'
    ? reason
    : new DOMException('The operation was aborted.', 'AbortError');
}

/** Races `promise` against the signal; the abort wins with an AbortError. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

interface HeldCall {
  arrive(): void;
  promise: Promise<void>;
}

interface ServerConversation {
  conversation: Conversation;
  messages: Message[];
  /** Status to restore on unarchive. */
  statusBeforeArchive?: Conversation['status'];
}

const MEDIA_KINDS: ReadonlySet<MessageKind> = new Set(['image', 'video', 'audio', 'document', 'sticker']);

export class MemoryAdapter implements InboxDataSource {
  readonly dialect: DialectId;
  readonly capabilities: Capabilities;
  /** Every call in order, including failed and aborted ones. */
  readonly calls: MemoryCall[] = [];
  latency: number;
  pageSize: number;
  messagePageSize: number;
  currentUserId: string;

  private readonly server = new Map<string, ServerConversation>();
  private readonly agents: Agent[];
  private readonly templates: Template[];
  private readonly failures = new Map<MemoryOperation, { error: InboxError | InboxErrorKind; times: number }>();
  private readonly holds = new Map<MemoryOperation, HeldCall[]>();
  /** Sent messages by clientRef (idempotency). */
  private readonly sent = new Map<string, { conversationId: string; messageId: string }>();
  private seq = 0;

  constructor(options: MemoryAdapterOptions = {}) {
    this.dialect = options.dialect ?? 'memory';
    this.capabilities = deepMerge(fullMemoryCapabilities(), options.capabilities);
    this.latency = options.latency ?? 0;
    this.pageSize = options.pageSize ?? MEMORY_CONVERSATION_PAGE_SIZE;
    this.messagePageSize = options.messagePageSize ?? MEMORY_MESSAGE_PAGE_SIZE;
    this.agents = (options.agents ?? AGENTS).map(cloneAgent);
    this.templates = (options.templates ?? TEMPLATES).map(cloneTemplate);
    this.currentUserId = options.currentUserId ?? this.agents[0]?.id ?? 'me';
    for (const s of options.seed ?? seedConversations()) {
      this.server.set(s.conversation.id, {
        conversation: cloneConversation(s.conversation),
        messages: s.messages.map(cloneMessage),
      });
    }
  }

  // ---- scripting (tests) ---------------------------------------------------

  /** Calls of `op` reject with this error (or a new one of this kind), `times` times. */
  fail(op: MemoryOperation, errorOrKind: InboxError | InboxErrorKind, times = Infinity): void {
    this.failures.set(op, { error: errorOrKind, times });
  }

  clearFailures(): void {
    this.failures.clear();
  }

  /** The next call of `op` waits until the gate is released or failed. */
  hold(op: MemoryOperation): MemoryGate {
    let arrive!: () => void;
    let release!: () => void;
    let reject!: (e: unknown) => void;
    const reached = new Promise<void>((r) => (arrive = r));
    const promise = new Promise<void>((res, rej) => {
      release = res;
      reject = rej;
    });
    promise.catch(() => undefined); // a gate failed before its call arrived is not unhandled
    const queue = this.holds.get(op) ?? [];
    queue.push({ arrive, promise });
    this.holds.set(op, queue);
    return {
      reached,
      release: () => release(),
      fail: (errorOrKind) => reject(this.toError(op, errorOrKind)),
    };
  }

  /** A new inbound message on the server; returns a copy of it. */
  receive(conversationId: string, textOrPartial: string | Partial<Message>): Message {
    const record = this.record(conversationId);
    const partial = typeof textOrPartial === 'string' ? { text: textOrPartial } : textOrPartial;
    const message: Message = {
      kind: 'text',
      rawType: partial.kind ?? 'text',
      status: 'received',
      ...partial,
      id: partial.id ?? this.nextId('in'),
      conversationId,
      direction: partial.direction ?? 'inbound',
      createdAt: partial.createdAt ?? this.nowIso(record),
    };
    this.append(record, message);
    if (message.direction === 'inbound') {
      record.conversation.unreadCount = (record.conversation.unreadCount ?? 0) + 1;
      record.conversation.lastInboundAt = message.createdAt;
    }
    return cloneMessage(message);
  }

  /** The server's copy of a conversation (undefined when unknown). */
  serverConversation(id: string): Conversation | undefined {
    const r = this.server.get(id);
    return r ? this.out(r.conversation) : undefined;
  }

  /** The server's messages of a conversation, oldest first. */
  serverMessages(id: string): Message[] {
    return this.server.get(id)?.messages.map(cloneMessage) ?? [];
  }

  /** Changes a message's delivery status on the server (for status polling tests). */
  setMessageStatus(conversationId: string, messageId: string, status: Message['status'], error?: InboxError): Message {
    const record = this.record(conversationId);
    const m = record.messages.find((x) => x.id === messageId);
    if (!m) throw this.notFound(`Message ${messageId} not found.`);
    m.status = status;
    m.rawStatus = status;
    m.error = error;
    return cloneMessage(m);
  }

  // ---- InboxDataSource -----------------------------------------------------

  async listConversations(query: ConversationQuery = {}, options: RequestOptions = {}): Promise<Page<Conversation>> {
    await this.begin('listConversations', [{ ...query }], options.signal);
    const all = sortByActivityDesc(
      [...this.server.values()].map((r) => r.conversation).filter((c) => this.matches(c, query)),
    );
    const offset = this.readOffset(query.cursor);
    const limit = clampLimit(query.limit, this.pageSize);
    const items = all.slice(offset, offset + limit).map((c) => this.out(c));
    const end = offset + items.length;
    const hasMore = end < all.length;
    return {
      items,
      next: hasMore ? encodeOffsetCursor(end) : null,
      hasMore,
      total: all.length,
      order: 'newest-first',
    };
  }

  async getConversation(id: string, options: RequestOptions = {}): Promise<Conversation> {
    await this.begin('getConversation', [id], options.signal, this.capabilities.getConversation);
    return this.out(this.record(id).conversation);
  }

  async listMessages(conversationId: string, options: MessagePageOptions = {}): Promise<Page<Message>> {
    await this.begin(
      'listMessages',
      [conversationId, { cursor: options.cursor, limit: options.limit }],
      options.signal,
    );
    const record = this.record(conversationId);
    const messages = record.messages;
    let end = messages.length;
    if (options.cursor != null) {
      const before = readBeforeCursor(options.cursor);
      const index = before === undefined ? -1 : messages.findIndex((m) => m.id === before);
      if (index < 0) throw this.error('validation', `Invalid message cursor "${options.cursor}".`);
      end = index;
    }
    const limit =
      this.capabilities.messagePagination === 'none'
        ? messages.length
        : clampLimit(options.limit, this.messagePageSize);
    const start = Math.max(0, end - limit);
    const items = messages.slice(start, end).map(cloneMessage);
    const hasMore = start > 0;
    return {
      items,
      next: hasMore ? encodeBeforeCursor(messages[start].id) : null,
      newer: null,
      hasMore,
      total: messages.length,
      order: 'oldest-first',
    };
  }

  async getSummary(options: RequestOptions = {}): Promise<InboxSummary> {
    await this.begin('getSummary', [], options.signal, this.capabilities.summary);
    let total = 0;
    let open = 0;
    let unread = 0;
    for (const record of this.server.values()) {
      const c = record.conversation;
      if (c.status === 'archived') continue;
      total++;
      if (c.status === 'open') open++;
      if ((c.unreadCount ?? 0) > 0) unread++;
    }
    return { total, open, unread, source: 'backend' };
  }

  async send(request: SendRequest, options: RequestOptions = {}): Promise<SendResult> {
    await this.begin('send', [structuredCloneSafe(request)], options.signal);
    const record = this.record(request.conversationId);
    const known = request.clientRef ? this.sent.get(request.clientRef) : undefined;
    if (known && this.capabilities.idempotency) {
      const original = this.server.get(known.conversationId)?.messages.find((m) => m.id === known.messageId);
      if (original) return { message: cloneMessage(original), accepted: 'created', replayed: true };
    }
    const caps = this.capabilities.send;
    const base = {
      id: this.nextId('out'),
      conversationId: request.conversationId,
      direction: 'outbound' as const,
      status: 'sent' as const,
      rawStatus: 'sent',
      createdAt: this.nowIso(record),
      clientRef: request.clientRef,
      senderId: this.currentUserId,
    };
    let message: Message;
    switch (request.kind) {
      case 'text': {
        if (!caps.text) throw this.unsupported('send text');
        const text = request.text ?? '';
        if (!text.trim()) throw this.error('validation', 'The message is empty.', { text: 'required' });
        if (caps.textMaxLength && text.length > caps.textMaxLength) {
          throw this.error('validation', `The message is longer than ${caps.textMaxLength} characters.`, {
            text: 'too_long',
          });
        }
        this.assertWindowOpen(record);
        message = { ...base, kind: 'text', rawType: 'text', text };
        break;
      }
      case 'template': {
        if (caps.template === 'none') throw this.unsupported('send template');
        const template = this.templates.find(
          (t) =>
            t.name === request.templateName && (!request.language || !t.language || t.language === request.language),
        );
        if (this.templates.length && !template) {
          throw this.error('validation', `Unknown template "${request.templateName}".`, { templateName: 'unknown' });
        }
        const text = template?.body ? fillTemplate(template.body, request.variables) : request.previewText;
        message = {
          ...base,
          kind: 'template',
          rawType: 'template',
          text,
          template: {
            name: request.templateName,
            language: request.language ?? template?.language,
            variables: Array.isArray(request.variables)
              ? [...request.variables]
              : request.variables
                ? { ...request.variables }
                : undefined,
          },
        };
        break;
      }
      case 'interactive': {
        if (!caps.interactive) throw this.unsupported('send interactive');
        this.assertWindowOpen(record);
        message = { ...base, kind: 'interactive', rawType: 'interactive', raw: request.payload };
        break;
      }
      default: {
        if (!MEDIA_KINDS.has(request.kind) || !caps.media.includes(request.kind))
          throw this.unsupported(`send ${request.kind}`);
        if (!request.media?.url && !request.media?.mediaId) {
          throw this.error('validation', 'The media has no url or mediaId.', { media: 'required' });
        }
        this.assertWindowOpen(record);
        message = {
          ...base,
          kind: request.kind,
          rawType: request.kind,
          media: { ...request.media },
          text: request.media.caption,
        };
      }
    }
    this.append(record, message);
    if (request.clientRef)
      this.sent.set(request.clientRef, { conversationId: request.conversationId, messageId: message.id });
    return { message: cloneMessage(message), accepted: 'created' };
  }

  async markRead(id: string, options: RequestOptions = {}): Promise<void> {
    await this.begin('markRead', [id], options.signal, this.capabilities.markRead);
    this.record(id).conversation.unreadCount = 0;
  }

  async markUnread(id: string, options: RequestOptions = {}): Promise<void> {
    await this.begin('markUnread', [id], options.signal, this.capabilities.markUnread);
    const c = this.record(id).conversation;
    c.unreadCount = Math.max(1, c.unreadCount ?? 0);
  }

  async archive(id: string, options: RequestOptions = {}): Promise<void> {
    await this.begin('archive', [id], options.signal, this.capabilities.archive);
    const r = this.record(id);
    if (r.conversation.status === 'archived') return;
    r.statusBeforeArchive = r.conversation.status;
    r.conversation.status = 'archived';
    r.conversation.rawStatus = 'archived';
  }

  async unarchive(id: string, options: RequestOptions = {}): Promise<void> {
    await this.begin('unarchive', [id], options.signal, this.capabilities.archive);
    const r = this.record(id);
    if (r.conversation.status !== 'archived') return;
    const status = r.statusBeforeArchive ?? 'open';
    r.conversation.status = status;
    r.conversation.rawStatus = status;
    r.statusBeforeArchive = undefined;
  }

  async close(id: string, close: { resolution?: string } = {}, options: RequestOptions = {}): Promise<Conversation> {
    await this.begin('close', [id, { ...close }], options.signal, this.capabilities.close);
    const c = this.record(id).conversation;
    c.status = 'closed';
    c.rawStatus = 'closed';
    c.closedAt = new Date().toISOString();
    return this.out(c);
  }

  async assign(id: string, agentId: string, options: RequestOptions = {}): Promise<Conversation> {
    await this.begin('assign', [id, agentId], options.signal, this.capabilities.assign);
    const c = this.record(id).conversation;
    const agent = this.agents.find((a) => a.id === agentId);
    if (!agent) throw this.error('validation', `Unknown agent "${agentId}".`, { agentId: 'unknown' });
    c.assignee = cloneAgent(agent);
    return this.out(c);
  }

  async unassign(id: string, options: RequestOptions = {}): Promise<void> {
    await this.begin('unassign', [id], options.signal, this.capabilities.unassign);
    this.record(id).conversation.assignee = null;
  }

  async listAssignees(options: RequestOptions = {}): Promise<Agent[]> {
    await this.begin('listAssignees', [], options.signal, this.capabilities.listAssignees);
    return this.agents.map(cloneAgent);
  }

  async listTemplates(options: RequestOptions = {}): Promise<Template[]> {
    await this.begin('listTemplates', [], options.signal, this.capabilities.listTemplates);
    return this.templates.map(cloneTemplate);
  }

  // ---- internals -------------------------------------------------------------

  /** Records the call, checks the capability and the signal, waits for holds and latency, applies failures. */
  private async begin(
    op: MemoryOperation,
    args: unknown[],
    signal: AbortSignal | undefined,
    capable = true,
  ): Promise<void> {
    this.calls.push({ op, args });
    if (signal?.aborted) throw abortError(signal);
    if (!capable) throw this.unsupported(op);
    const held = this.holds.get(op)?.shift();
    if (held) {
      held.arrive();
      await abortable(held.promise, signal);
    }
    if (this.latency > 0) {
      await abortable(new Promise<void>((resolve) => setTimeout(resolve, this.latency)), signal);
    } else {
      await Promise.resolve(); // like a real request, a call aborted right after it started is aborted
    }
    if (signal?.aborted) throw abortError(signal);
    const failure = this.failures.get(op);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      if (failure.times <= 0) this.failures.delete(op);
      throw this.toError(op, failure.error);
    }
  }

  private matches(c: Conversation, q: ConversationQuery): boolean {
    if (q.archived) {
      if (c.status !== 'archived') return false;
    } else if (c.status === 'archived' && !q.status?.includes('archived')) {
      return false;
    }
    if (q.status?.length && !q.archived && !q.status.includes(c.status)) return false;
    if (q.handledBy && c.handledBy !== q.handledBy) return false;
    if (q.assignee === 'me' && c.assignee?.id !== this.currentUserId) return false;
    if (q.assignee === 'unassigned' && c.assignee) return false;
    if (typeof q.assignee === 'object' && c.assignee?.id !== q.assignee.id) return false;
    if (q.unreadOnly && !((c.unreadCount ?? 0) > 0)) return false;
    if (q.channelIds?.length && !q.channelIds.includes(c.channel.id ?? '')) return false;
    if (q.updatedSince && Date.parse(c.lastActivityAt ?? '') < Date.parse(q.updatedSince)) return false;
    const term = q.search?.trim().toLocaleLowerCase();
    if (term) {
      const digits = term.replace(/[^\d]/g, '');
      const hay = [c.contact.displayName, c.contact.phone, c.lastMessage?.text]
        .filter(Boolean)
        .join('\n')
        .toLocaleLowerCase();
      const phoneDigits = (c.contact.phone ?? '').replace(/[^\d]/g, '');
      const phoneMatch =
        digits.length >= 3 && digits.length === term.replace(/[\s+()-]/g, '').length && phoneDigits.includes(digits);
      if (!hay.includes(term) && !phoneMatch) return false;
    }
    return true;
  }

  private readOffset(cursor: string | undefined): number {
    if (cursor == null || cursor === '') return 0;
    const offset = readOffsetCursor(cursor);
    if (offset === undefined) throw this.error('validation', `Invalid cursor "${cursor}".`);
    return offset;
  }

  private assertWindowOpen(record: ServerConversation): void {
    if (this.capabilities.serviceWindow !== 'enforced-sync') return;
    const window = serviceWindow(record.conversation, record.messages);
    if (window.isOpen === false) {
      throw this.error(
        'outside_window',
        'The 24-hour service window is closed: send an approved template instead.',
        undefined,
        'outside_service_window',
      );
    }
  }

  private append(record: ServerConversation, message: Message): void {
    record.messages.push(message);
    const c = record.conversation;
    c.lastMessage = {
      text: message.text ?? message.media?.caption,
      direction: message.direction,
      createdAt: message.createdAt,
      kind: message.kind,
    };
    if (!c.lastActivityAt || Date.parse(message.createdAt) >= Date.parse(c.lastActivityAt)) {
      c.lastActivityAt = message.createdAt;
    }
  }

  /** Now, but never before the conversation's newest message (keeps order stable). */
  private nowIso(record: ServerConversation): string {
    const last = record.messages[record.messages.length - 1];
    const lastMs = last ? Date.parse(last.createdAt) : Number.NEGATIVE_INFINITY;
    return new Date(Math.max(Date.now(), Number.isNaN(lastMs) ? 0 : lastMs + 1)).toISOString();
  }

  private nextId(prefix: string): string {
    this.seq += 1;
    return `mem-${prefix}-${this.seq}`;
  }

  private record(id: string): ServerConversation {
    const r = this.server.get(id);
    if (!r) throw this.notFound(`Conversation ${id} not found.`);
    return r;
  }

  private out(c: Conversation): Conversation {
    const copy = cloneConversation(c);
    copy.dialect = this.dialect;
    return copy;
  }

  private toError(op: MemoryOperation, errorOrKind: InboxError | InboxErrorKind): InboxError {
    return typeof errorOrKind === 'string'
      ? this.error(errorOrKind, `Memory ${op} failed (${errorOrKind}).`)
      : errorOrKind;
  }

  private notFound(message: string): InboxError {
    return this.error('not_found', message);
  }

  private unsupported(what: string): InboxError {
    return this.error('unsupported', `The memory backend is configured without "${what}".`);
  }

  private error(
    kind: InboxErrorKind,
    message: string,
    fieldIssues?: Record<string, unknown>,
    code?: string,
  ): InboxError {
    return new InboxError({ kind, message, dialect: this.dialect, httpStatus: HTTP_STATUS[kind], fieldIssues, code });
  }
}

const HTTP_STATUS: Partial<Record<InboxErrorKind, number>> = {
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  validation: 422,
  conflict: 409,
  rate_limited: 429,
  outside_window: 422,
  upstream: 502,
  server: 500,
};

function structuredCloneSafe<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** `createDataSource({ backend: 'memory', ... })`: a seeded MemoryAdapter. Dialect options: seed, capabilities, latency, pageSize. */
export function createAdapter(config: DataSourceConfig): MemoryAdapter {
  return new MemoryAdapter({
    seed: Array.isArray(config.seed) ? (config.seed as MemorySeed[]) : undefined,
    capabilities: (config.capabilities as DeepPartial<Capabilities> | undefined) ?? undefined,
    latency: typeof config.latency === 'number' ? config.latency : undefined,
    pageSize: typeof config.pageSize === 'number' ? config.pageSize : undefined,
    agents: config.agents,
    templates: config.templates,
    currentUserId: config.currentUserId,
    dialect: config.backend === 'memory' ? 'memory' : config.backend,
  });
}
