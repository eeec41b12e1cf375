/**
 * `InboxStore`: the state every element of one inbox shares, in front of one
 * `InboxDataSource`.
 *
 * - the conversation list (one query at a time, paged) and conversations cached by id;
 * - threads cached by conversation id, loaded while an element watches them;
 * - in-flight reads deduplicated; a response that arrives after the query
 *   changed, or after its thread stopped being watched, is dropped;
 * - optimistic sends keyed by client reference; a retry reuses the reference;
 * - optimistic conversation actions with rollback;
 * - polling (paused while the page is hidden, backing off on errors) and
 *   `ingest()` for hosts that push events.
 *
 * It knows nothing of Lit or the DOM beyond `document.visibilityState`.
 */
import type { InboxDataSource } from './data-source.js';
import { InboxError, isAbortError, toInboxError } from './errors.js';
import { canonicalIso, MessageIndex, parseTime } from './message-index.js';
import type {
  Agent,
  Capabilities,
  Conversation,
  ConversationQuery,
  DeliveryStatus,
  InboxSummary,
  Message,
  PageCursor,
  SendRequest,
  Template,
} from './models.js';
import { whenIdle, type IdleTimeLeft } from './scheduling.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export type InboxOperation =
  | 'connect'
  | 'list'
  | 'list-more'
  | 'summary'
  | 'conversation'
  | 'thread'
  | 'thread-older'
  | 'poll'
  | 'send'
  | 'mark-read'
  | 'mark-unread'
  | 'archive'
  | 'unarchive'
  | 'close'
  | 'assign'
  | 'unassign'
  | 'agents'
  | 'templates';

/** The actions `update()` performs; the detail of `inbox-conversation-update`. */
export type ConversationAction = 'close' | 'archive' | 'unarchive' | 'mark-read' | 'mark-unread';

export interface ListState {
  status: LoadStatus;
  /** Most recent activity first; search applied on the client when the backend cannot. */
  conversations: Conversation[];
  error?: InboxError;
  hasMore: boolean;
  loadingMore: boolean;
  moreError?: InboxError;
  summary?: InboxSummary;
  /** True while the backend's summary counts for this list are on their way (they settle after the rows). */
  summaryLoading: boolean;
  query: ConversationQuery;
  /** True when `query.search` was applied to the loaded rows only. */
  clientSearch: boolean;
}

export interface ThreadState {
  status: LoadStatus;
  /** Oldest first, optimistic messages included. */
  messages: Message[];
  error?: InboxError;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError?: InboxError;
}

/** Events a host pushes in with `ingest()`. */
export type IngestEvent =
  | { type: 'message'; conversationId: string; message: Message; conversation?: Partial<Conversation> }
  | {
      type: 'status';
      conversationId: string;
      messageId?: string;
      clientRef?: string;
      status: DeliveryStatus;
      error?: InboxError;
    }
  | { type: 'conversation'; conversation: Conversation };

export interface InboxStoreOptions {
  /** Milliseconds between polls; 0 turns polling off. Default 15 000. */
  pollInterval?: number;
  currentUserId?: string;
  /** Used where the backend cannot list assignable users. */
  agents?: Agent[];
  /** Used where the backend cannot list templates. */
  templates?: Template[];
  /** Page size for conversation lists. */
  pageSize?: number;
  /** Longest wait between polls after repeated errors. Default 5 minutes. */
  maxBackoff?: number;
}

export interface StoreChangeDetail {
  scope: 'list' | 'thread' | 'conversation' | 'selection' | 'agents' | 'templates';
  conversationId?: string;
}

export interface StoreErrorDetail {
  operation: InboxOperation;
  error: InboxError;
  conversationId?: string;
}

interface ThreadRecord {
  state: ThreadState;
  /** Server messages by id, kept in display order. */
  byId: MessageIndex;
  olderCursor?: PageCursor | null;
  newerCursor?: PageCursor | null;
  watchers: number;
  generation: number;
  controller?: AbortController;
  /** Marker the list pagination uses so polling only fetches fresh pages. */
  loadedOnce: boolean;
}

interface PendingSend {
  request: SendRequest;
  promise?: Promise<Message>;
  message: Message;
}

const LOCAL_PREFIX = 'local:';
/** Clock difference allowed between client and backend when matching a lost send by its text. */
const LOST_SEND_SKEW_MS = 5 * 60_000;

/** A failed send whose request may have reached the backend anyway: only the answer was lost. */
function answerLost(m: Message): boolean {
  return m.status === 'failed' && (m.error?.kind === 'timeout' || m.error?.kind === 'network');
}

/** A send request for `InboxStore.send`: any `SendRequest` kind, `clientRef` optional (one is created). */
export type StoreSendRequest = SendRequest extends infer R
  ? R extends SendRequest
    ? Omit<R, 'clientRef'> & { clientRef?: string }
    : never
  : never;

/** A new client reference for a send (a UUID where the platform has one). */
export function createClientRef(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `ref-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The time a conversation's place in the list goes by: its last activity, else its last message, else its creation. */
function activityMs(c: Conversation): number {
  return parseTime(c.lastActivityAt ?? c.lastMessage?.createdAt ?? c.createdAt);
}

const byId = (a: Conversation, b: Conversation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A newer record of a conversation over an older one: a partial record (an action's answer) never blanks what a fuller one said. */
function mergeConversation(prev: Conversation, next: Conversation): Conversation {
  return { ...prev, ...stripUndefined(next), embeddedMessages: next.embeddedMessages };
}

/**
 * Checks, one row at a time, that rows come most recent activity first, ties
 * by id (pages usually come in that order); each time is read once, not once
 * per neighbour. `push()` returns false from the first row out of order on.
 */
class ActivityOrderCheck {
  ordered = true;
  private prev?: Conversation;
  private prevIso?: string;
  private prevCanonical = false;

  push(c: Conversation): boolean {
    if (!this.ordered) return false;
    const iso = c.lastActivityAt ?? c.lastMessage?.createdAt ?? c.createdAt;
    const canonical = iso !== undefined && canonicalIso(iso);
    const prev = this.prev;
    if (prev !== undefined) {
      let d: number;
      if (canonical && this.prevCanonical) d = this.prevIso! < iso ? 1 : this.prevIso! > iso ? -1 : 0;
      else d = activityMs(c) - activityMs(prev);
      if (d > 0 || (d === 0 && byId(prev, c) > 0)) return (this.ordered = false);
    }
    this.prev = c;
    this.prevIso = iso;
    this.prevCanonical = canonical;
    return true;
  }
}

/** Sorts rows known to be out of order: each time parsed once. */
function sortRowsByActivity(rows: Conversation[]): Conversation[] {
  return rows
    .map((c) => ({ c, t: activityMs(c) }))
    .sort((a, b) => b.t - a.t || byId(a.c, b.c))
    .map((x) => x.c);
}

function matchesSearch(c: Conversation, term: string): boolean {
  const t = term.trim().toLocaleLowerCase();
  if (!t) return true;
  return [c.contact.displayName, c.contact.phone, c.lastMessage?.text]
    .filter((s): s is string => typeof s === 'string')
    .some((s) => s.toLocaleLowerCase().includes(t));
}

function emptyThread(): ThreadRecord {
  return {
    state: { status: 'idle', messages: [], hasOlder: false, loadingOlder: false },
    byId: new MessageIndex(),
    watchers: 0,
    generation: 0,
    loadedOnce: false,
  };
}

export class InboxStore extends EventTarget {
  readonly source: InboxDataSource;
  private options: Required<Pick<InboxStoreOptions, 'pollInterval' | 'maxBackoff'>> & InboxStoreOptions;
  private conversations = new Map<string, Conversation>();
  private listIds: string[] = [];
  private list: ListState = {
    status: 'idle',
    conversations: [],
    hasMore: false,
    loadingMore: false,
    summaryLoading: false,
    query: {},
    clientSearch: false,
  };
  private listCursor: PageCursor | null | undefined;
  private listGeneration = 0;
  private listController?: AbortController;
  private threads = new Map<string, ThreadRecord>();
  private pending = new Map<string, PendingSend>();
  private inflight = new Map<string, Promise<unknown>>();
  private agents?: { value?: Agent[]; promise?: Promise<Agent[]>; error?: InboxError };
  private templates?: { value?: Template[]; promise?: Promise<Template[]>; error?: InboxError };
  private selectedId: string | null = null;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private pollFailures = 0;
  private pollRunning = false;
  private destroyed = false;
  private readonly onVisibility = () => this.schedulePoll(true);

  constructor(source: InboxDataSource, options: InboxStoreOptions = {}) {
    super();
    this.source = source;
    this.options = { pollInterval: 15_000, maxBackoff: 300_000, ...options };
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.onVisibility);
  }

  get capabilities(): Capabilities {
    return this.source.capabilities;
  }

  get dialect(): string {
    return this.source.dialect;
  }

  get currentUserId(): string | undefined {
    return this.options.currentUserId;
  }

  get pollInterval(): number {
    return this.options.pollInterval;
  }

  /** Changes settings in place (the provider's attributes map here). */
  configure(options: InboxStoreOptions): void {
    const before = this.options.pollInterval;
    this.options = { ...this.options, ...options };
    if ('agents' in options) this.agents = undefined;
    if ('templates' in options) this.templates = undefined;
    if (this.options.pollInterval !== before) this.schedulePoll(true);
  }

  /** Stops polling and every request in flight. */
  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.pollTimer);
    this.listController?.abort();
    for (const t of this.threads.values()) t.controller?.abort();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisibility);
  }

  // ---- events ---------------------------------------------------------------

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (detail: StoreChangeDetail) => void): () => void {
    const handler = (e: Event) => listener((e as CustomEvent<StoreChangeDetail>).detail);
    this.addEventListener('change', handler);
    return () => this.removeEventListener('change', handler);
  }

  private changed(detail: StoreChangeDetail): void {
    this.dispatchEvent(new CustomEvent<StoreChangeDetail>('change', { detail }));
  }

  private failed(detail: StoreErrorDetail): void {
    this.dispatchEvent(new CustomEvent<StoreErrorDetail>('error', { detail }));
  }

  /** Runs `fn` once for concurrent callers with the same key. */
  private dedupe<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const existing = this.inflight.get(key) as Promise<T> | undefined;
    if (existing) return existing;
    const p = fn().finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  // ---- selection ------------------------------------------------------------

  get selected(): string | null {
    return this.selectedId;
  }

  select(id: string | null): void {
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.changed({ scope: 'selection', conversationId: id ?? undefined });
  }

  // ---- conversations ----------------------------------------------------------

  getConversation(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  getListState(): ListState {
    return this.list;
  }

  /** Replaces the list query and loads its first page. */
  setQuery(query: ConversationQuery): Promise<void> {
    this.list = { ...this.list, query: { ...query } };
    return this.loadList();
  }

  /** Loads (or reloads) the first page of the current query. */
  loadList(): Promise<void> {
    this.listController?.abort();
    const generation = ++this.listGeneration;
    const controller = new AbortController();
    this.listController = controller;
    const { query } = this.list;
    const serverQuery = this.serverQuery(query);
    this.list = {
      ...this.list,
      status: 'loading',
      error: undefined,
      moreError: undefined,
      loadingMore: false,
      summaryLoading: Boolean(this.capabilities.summary && this.source.getSummary),
      clientSearch: Boolean(query.search?.trim()) && !this.capabilities.filters.search,
    };
    this.changed({ scope: 'list' });
    const summary = this.loadSummary(controller.signal);
    return this.source.listConversations(serverQuery, { signal: controller.signal }).then(
      async (page) => {
        if (generation !== this.listGeneration) return; // the query changed meanwhile
        const records = this.putPage(page.items);
        this.listIds = records.map((c) => c.id);
        this.listCursor = page.next;
        this.list = {
          ...this.list,
          status: 'ready',
          hasMore: page.hasMore && page.next != null,
          summary: page.summary ?? this.list.summary,
        };
        this.rebuildList(records);
        // a list alone is kept fresh too (watchThread arms the timer for threads)
        if (this.pollTimer === undefined && !this.pollRunning) this.schedulePoll(false);
        const s = await summary;
        if (generation === this.listGeneration && this.list.summaryLoading) {
          this.list = s ? { ...this.list, summary: s, summaryLoading: false } : { ...this.list, summaryLoading: false };
          this.changed({ scope: 'list' });
        }
      },
      (error: unknown) => {
        if (generation !== this.listGeneration || isAbortError(error)) return;
        const e = toInboxError(error, this.dialect);
        this.list = { ...this.list, status: 'error', error: e, summaryLoading: false };
        this.changed({ scope: 'list' });
        this.failed({ operation: 'list', error: e });
      },
    );
  }

  /** Loads the next page of the list, if there is one. */
  loadMore(): Promise<void> {
    if (!this.list.hasMore || this.list.status !== 'ready') return Promise.resolve();
    // keyed by generation: a loadMore of an older query must not swallow one of the current query
    return this.dedupe(`list-more:${this.listGeneration}`, async () => {
      const generation = this.listGeneration;
      const signal = this.listController?.signal;
      this.list = { ...this.list, loadingMore: true, moreError: undefined };
      this.changed({ scope: 'list' });
      try {
        const page = await this.source.listConversations(
          { ...this.serverQuery(this.list.query), cursor: this.listCursor ?? undefined },
          { signal },
        );
        if (generation !== this.listGeneration) return;
        const known = new Set(this.listIds);
        for (const c of page.items) {
          this.putConversation(c);
          if (!known.has(c.id)) {
            this.listIds.push(c.id);
            known.add(c.id);
          }
        }
        this.listCursor = page.next;
        this.list = {
          ...this.list,
          loadingMore: false,
          hasMore: page.hasMore && page.next != null && page.items.length > 0,
        };
        this.rebuildList();
      } catch (error) {
        if (generation !== this.listGeneration || isAbortError(error)) return;
        const e = toInboxError(error, this.dialect);
        this.list = { ...this.list, loadingMore: false, moreError: e };
        this.changed({ scope: 'list' });
        this.failed({ operation: 'list-more', error: e });
      }
    });
  }

  private loadSummary(signal: AbortSignal): Promise<InboxSummary | undefined> {
    if (!this.capabilities.summary || !this.source.getSummary) return Promise.resolve(undefined);
    return this.source.getSummary({ signal }).catch((error: unknown) => {
      if (!isAbortError(error)) this.failed({ operation: 'summary', error: toInboxError(error, this.dialect) });
      return undefined;
    });
  }

  /** The query the backend is asked: filters it cannot apply are left out. */
  private serverQuery(query: ConversationQuery): ConversationQuery {
    const f = this.capabilities.filters;
    const q: ConversationQuery = { limit: this.options.pageSize };
    if (query.status?.length && f.status) q.status = query.status;
    if (query.handledBy && f.handledBy) q.handledBy = query.handledBy;
    if (query.assignee && f.assignee !== 'none') q.assignee = query.assignee;
    if (query.unreadOnly && f.unreadOnly) q.unreadOnly = true;
    if (query.channelIds?.length && f.channelIds) q.channelIds = query.channelIds;
    if (query.updatedSince && f.updatedSince) q.updatedSince = query.updatedSince;
    if (query.search?.trim() && f.search) q.search = query.search.trim();
    if (query.archived && this.capabilities.listArchived) q.archived = true;
    return q;
  }

  /**
   * Whether a conversation belongs in the current list, judged on the client:
   * a test for the current query and selection, worked out once for a pass over the list.
   */
  private viewFilter(): (c: Conversation) => boolean {
    const q = this.list.query;
    const f = this.capabilities.filters;
    const search = q.search?.trim() && !f.search ? q.search : undefined;
    const archived = Boolean(q.archived);
    const unreadOnly = Boolean(q.unreadOnly && f.unreadOnly);
    const statuses = q.status?.length && f.status ? q.status : undefined;
    const assignee = q.assignee && f.assignee !== 'none' ? q.assignee : undefined;
    const selected = this.selectedId;
    return (c) => {
      if (search !== undefined && !matchesSearch(c, search)) return false;
      if ((c.status === 'archived') !== archived) return false;
      // keep the open conversation in place after it is read or (re)assigned
      if (unreadOnly && (c.unreadCount ?? 0) === 0) return selected === c.id;
      if (statuses !== undefined && !statuses.includes(c.status)) return false;
      if (assignee !== undefined && !this.matchesAssignee(c, assignee)) return selected === c.id;
      return true;
    };
  }

  /** Whether a conversation fits an assignee filter; unknown assignees are left to the backend's judgement. */
  private matchesAssignee(c: Conversation, filter: NonNullable<ConversationQuery['assignee']>): boolean {
    if (c.assignee === undefined) return true;
    if (filter === 'unassigned') return c.assignee === null;
    if (filter === 'me') return !this.options.currentUserId || c.assignee?.id === this.options.currentUserId;
    return c.assignee?.id === filter.id;
  }

  /** Refetches the backend's summary counts after a change made here (they are the backend's to count). */
  private refreshSummary(): void {
    if (!this.capabilities.summary || !this.source.getSummary || this.list.status !== 'ready') return;
    const generation = this.listGeneration;
    void this.loadSummary(this.listController?.signal ?? new AbortController().signal).then((summary) => {
      if (!summary || generation !== this.listGeneration) return;
      this.list = { ...this.list, summary };
      this.changed({ scope: 'list' });
    });
  }

  /** Rebuilds the rows from `listIds` (or from `records`, the stored records of `listIds` in order, when the caller has them). */
  private rebuildList(records?: readonly Conversation[]): void {
    const keep = this.viewFilter();
    const order = new ActivityOrderCheck();
    let rows: Conversation[] = [];
    const ids = this.listIds;
    for (let i = 0; i < ids.length; i++) {
      const c = records ? records[i] : this.conversations.get(ids[i]);
      if (c !== undefined && keep(c)) {
        order.push(c);
        rows.push(c);
      }
    }
    if (!order.ordered) rows = sortRowsByActivity(rows);
    this.list = { ...this.list, conversations: rows };
    if (this.list.status === 'ready' && !this.capabilities.summary) {
      let open = 0;
      let unread = 0;
      for (const c of rows) {
        if (c.status === 'open') open++;
        if ((c.unreadCount ?? 0) > 0) unread++;
      }
      this.list = { ...this.list, summary: { total: rows.length, open, unread, source: 'derived' } };
    }
    this.changed({ scope: 'list' });
  }

  /** Stores a record (merged over an earlier one) and returns what is stored. */
  private putConversation(c: Conversation): Conversation {
    const prev = this.conversations.get(c.id);
    const stored = prev ? mergeConversation(prev, c) : c;
    this.conversations.set(c.id, stored);
    return stored;
  }

  /**
   * Puts a first page and returns the stored records, each id once, in the
   * page's order (copies of an id the page names twice are merged, as
   * {@link putConversation} would). Into an empty store (the first load) a
   * page without repeats is set without looking up an earlier record, which
   * for a page of thousands is a good part of its cost.
   */
  private putPage(items: readonly Conversation[]): Conversation[] {
    const map = this.conversations;
    if (map.size === 0) {
      for (const c of items) map.set(c.id, c);
      if (map.size === items.length) return [...items];
      map.clear(); // an id came twice: the careful way below
    }
    const records: Conversation[] = [];
    const at = new Map<string, number>();
    for (const c of items) {
      const stored = this.putConversation(c);
      const i = at.get(c.id);
      if (i === undefined) {
        at.set(c.id, records.length);
        records.push(stored);
      } else records[i] = stored;
    }
    return records;
  }

  private patchConversation(id: string, patch: Partial<Conversation>): Conversation | undefined {
    const prev = this.conversations.get(id);
    if (!prev) return undefined;
    const next = { ...prev, ...patch };
    this.conversations.set(id, next);
    if (this.list.status === 'ready' && !this.listIds.includes(id) && this.viewFilter()(next)) this.listIds.unshift(id);
    this.rebuildList();
    this.changed({ scope: 'conversation', conversationId: id });
    return prev;
  }

  /** Fetches one conversation (deduplicated) and caches it. */
  fetchConversation(id: string, signal?: AbortSignal): Promise<Conversation | undefined> {
    if (!this.source.getConversation) return Promise.resolve(this.conversations.get(id));
    return this.dedupe(`conversation:${id}`, async () => {
      try {
        const c = await this.source.getConversation!(id, { signal });
        this.putConversation(c);
        this.changed({ scope: 'conversation', conversationId: id });
        return this.conversations.get(id);
      } catch (error) {
        if (isAbortError(error)) return undefined;
        const e = toInboxError(error, this.dialect);
        this.failed({ operation: 'conversation', error: e, conversationId: id });
        throw e;
      }
    });
  }

  // ---- threads ----------------------------------------------------------------

  getThreadState(id: string): ThreadState {
    return this.threads.get(id)?.state ?? emptyThread().state;
  }

  private thread(id: string): ThreadRecord {
    let t = this.threads.get(id);
    if (!t) {
      t = emptyThread();
      this.threads.set(id, t);
    }
    return t;
  }

  /**
   * Starts watching a thread: loads it when needed and keeps it polled.
   * Returns the function that stops watching; when nobody watches any more, a
   * load in flight is aborted and its response dropped.
   */
  watchThread(id: string): () => void {
    const t = this.thread(id);
    t.watchers++;
    if (t.state.status === 'idle' || t.state.status === 'error') void this.loadThread(id);
    this.schedulePoll(false);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      t.watchers--;
      if (t.watchers <= 0 && t.controller) {
        t.generation++;
        t.controller.abort();
        t.controller = undefined;
        if (t.state.status === 'loading') this.setThread(id, t, { status: t.loadedOnce ? 'ready' : 'idle' });
      }
    };
  }

  private setThread(id: string, t: ThreadRecord, patch: Partial<ThreadState>): void {
    t.state = { ...t.state, ...patch };
    this.changed({ scope: 'thread', conversationId: id });
  }

  private rebuildMessages(id: string, t: ThreadRecord): void {
    const locals = [...this.pending.values()]
      .filter((p) => p.request.conversationId === id)
      .map((p) => p.message)
      .filter((m) => !t.byId.has(m.id));
    const messages = t.byId.ordered(locals);
    this.setThread(id, t, { messages });
  }

  /** Adds server messages, replacing optimistic ones they confirm. */
  private mergeMessages(id: string, t: ThreadRecord, incoming: Message[]): void {
    if (t.byId.size === 0 && !this.hasPendingSend(id)) {
      // the first page, with nothing to confirm: every message goes in as it is (a repeated one keeps
      // the client reference of the copy before it, as below)
      t.byId.putAll(incoming, (prev, m) => (prev.clientRef && !m.clientRef ? { ...m, clientRef: prev.clientRef } : m));
      this.indexWhenIdle(id, t);
      return;
    }
    for (const m of incoming) {
      const prev = t.byId.get(m.id);
      // a message already known cannot confirm a send made after it
      const pending = prev ? undefined : this.findPendingFor(id, m);
      const clientRef = m.clientRef ?? prev?.clientRef ?? pending?.request.clientRef;
      t.byId.set(m.id, clientRef && clientRef !== m.clientRef ? { ...m, clientRef } : m);
      if (pending && (pending.message.status !== 'failed' || answerLost(pending.message))) {
        this.pending.delete(pending.request.clientRef);
      }
    }
  }

  /**
   * Indexes a thread's first page while the browser is idle, so the first
   * message that arrives after a long thread opens does not wait for it (a
   * lookup before then indexes the rest at once, as before). A page that
   * named a message twice, far apart, is shown again with it once.
   */
  private indexWhenIdle(id: string, t: ThreadRecord): void {
    const index = t.byId;
    const step = (timeLeft: IdleTimeLeft) => {
      if (this.destroyed) return;
      if (!index.prepare(timeLeft)) {
        whenIdle(step);
      } else if (index.repeatedInPage && t.byId === index) {
        index.repeatedInPage = false;
        this.rebuildMessages(id, t);
      }
    };
    whenIdle(step);
  }

  private hasPendingSend(conversationId: string): boolean {
    for (const p of this.pending.values()) if (p.request.conversationId === conversationId) return true;
    return false;
  }

  /**
   * The optimistic send a server message confirms: same client reference, or same text while
   * unconfirmed (or failed with its answer lost, and the server's copy is not older than the send).
   */
  private findPendingFor(conversationId: string, m: Message): PendingSend | undefined {
    if (m.direction !== 'outbound') return undefined;
    if (m.clientRef && this.pending.has(m.clientRef)) return this.pending.get(m.clientRef);
    for (const p of this.pending.values()) {
      if (p.request.conversationId !== conversationId) continue;
      if (p.message.id === m.id) return p;
      const local = p.message.id.startsWith(LOCAL_PREFIX);
      if (!local || p.message.text === undefined || p.message.text !== m.text) continue;
      if (p.message.status !== 'failed') return p;
      if (answerLost(p.message) && Date.parse(m.createdAt) >= Date.parse(p.message.createdAt) - LOST_SEND_SKEW_MS) {
        return p;
      }
    }
    return undefined;
  }

  /**
   * Before sending again a message whose answer was lost (timeout, dropped connection) to a
   * backend without idempotency keys: the copy the backend stored anyway, if the newest page
   * has one (outbound, same text, not seen before, not older than the send).
   */
  private async findLostSend(entry: PendingSend): Promise<Message | undefined> {
    const req = entry.request;
    if (req.kind !== 'text') return undefined;
    const items = await this.source.listMessages(req.conversationId).then(
      (page) => page.items,
      () => [] as Message[], // cannot tell: send again
    );
    const known = this.thread(req.conversationId).byId;
    const since = Date.parse(entry.message.createdAt) - LOST_SEND_SKEW_MS;
    return items.find(
      (m) => m.direction === 'outbound' && m.text === req.text && !known.has(m.id) && Date.parse(m.createdAt) >= since,
    );
  }

  /** Loads the newest page of a thread. */
  loadThread(id: string): Promise<void> {
    const t = this.thread(id);
    t.controller?.abort();
    const generation = ++t.generation;
    const controller = new AbortController();
    t.controller = controller;
    this.setThread(id, t, { status: t.loadedOnce ? 'ready' : 'loading', error: undefined });
    if (!t.loadedOnce) this.setThread(id, t, { status: 'loading' });
    return this.source.listMessages(id, { signal: controller.signal }).then(
      (page) => {
        if (generation !== t.generation) return;
        t.controller = undefined;
        t.loadedOnce = true;
        t.olderCursor = page.next;
        t.newerCursor = page.newer;
        this.mergeMessages(id, t, page.items);
        t.state = { ...t.state, status: 'ready', hasOlder: page.hasMore && page.next != null, error: undefined };
        this.rebuildMessages(id, t);
      },
      (error: unknown) => {
        if (generation !== t.generation || isAbortError(error)) return;
        t.controller = undefined;
        const e = toInboxError(error, this.dialect);
        this.setThread(id, t, { status: 'error', error: e });
        this.failed({ operation: 'thread', error: e, conversationId: id });
      },
    );
  }

  /** Loads the page of messages before the oldest one shown. */
  loadOlder(id: string): Promise<void> {
    const t = this.threads.get(id);
    if (!t || !t.state.hasOlder || t.olderCursor == null) return Promise.resolve();
    return this.dedupe(`older:${id}`, async () => {
      const generation = t.generation;
      this.setThread(id, t, { loadingOlder: true, olderError: undefined });
      try {
        const page = await this.source.listMessages(id, { cursor: t.olderCursor ?? undefined });
        if (generation !== t.generation) return;
        t.olderCursor = page.next;
        this.mergeMessages(id, t, page.items);
        t.state = {
          ...t.state,
          loadingOlder: false,
          hasOlder: page.hasMore && page.next != null && page.items.length > 0,
        };
        this.rebuildMessages(id, t);
      } catch (error) {
        if (isAbortError(error)) return;
        const e = toInboxError(error, this.dialect);
        this.setThread(id, t, { loadingOlder: false, olderError: e });
        this.failed({ operation: 'thread-older', error: e, conversationId: id });
      }
    });
  }

  /** Fetches what is new in a thread: the `newer` cursor where the dialect has one, else the newest page. */
  private async refreshThread(id: string, t: ThreadRecord): Promise<void> {
    const generation = t.generation;
    const page = await this.source.listMessages(id, t.newerCursor ? { cursor: t.newerCursor } : {});
    if (generation !== t.generation) return;
    if (page.newer) t.newerCursor = page.newer;
    const before = t.byId.size;
    this.mergeMessages(id, t, page.items);
    if (t.byId.size !== before || page.items.length) this.rebuildMessages(id, t);
  }

  // ---- sending ------------------------------------------------------------------

  /**
   * Sends a message optimistically: it shows at once as `pending`, then as the
   * server's message, or `failed` with its error. Calling again with the same
   * `clientRef` while it is in flight returns the same promise: nothing is sent twice.
   */
  send(request: StoreSendRequest): Promise<Message> {
    const clientRef = request.clientRef ?? createClientRef();
    const existing = this.pending.get(clientRef);
    if (existing?.promise) return existing.promise;
    const full = { ...request, clientRef };
    const entry: PendingSend = existing ?? { request: full, message: this.optimisticMessage(full) };
    // the backend may have stored the first attempt: without an idempotency key, look before sending twice
    const lost = existing !== undefined && answerLost(existing.message) && !this.capabilities.idempotency;
    entry.message = { ...entry.message, status: 'pending', error: undefined };
    this.pending.set(clientRef, entry);
    const id = full.conversationId;
    const t = this.thread(id);
    this.rebuildMessages(id, t);
    this.touchConversation(id, entry.message);
    const attempt = lost
      ? this.findLostSend(entry).then((found) =>
          found ? { message: found, accepted: 'created' as const } : this.source.send(entry.request),
        )
      : this.source.send(entry.request);
    entry.promise = attempt.then(
      (result) => {
        const server: Message = { ...result.message, clientRef, conversationId: id };
        if (!server.id) server.id = entry.message.id;
        if (result.accepted === 'queued' && server.status === 'pending') {
          // accepted for later delivery (qlara 202): the real message arrives with a later read,
          // so keep the optimistic copy matchable by text until then instead of a second message
          entry.message = { ...server, id: entry.message.id };
          this.rebuildMessages(id, t);
          this.touchConversation(id, entry.message);
          return server;
        }
        this.pending.delete(clientRef);
        // a pushed status may have put the optimistic copy among the server messages
        if (entry.message.id !== server.id) t.byId.delete(entry.message.id);
        t.byId.set(server.id, server);
        this.rebuildMessages(id, t);
        this.touchConversation(id, server);
        return server;
      },
      (error: unknown) => {
        const e = toInboxError(error, this.dialect);
        entry.promise = undefined;
        entry.message = { ...entry.message, status: 'failed', error: e };
        this.rebuildMessages(id, t);
        this.failed({ operation: 'send', error: e, conversationId: id });
        throw e;
      },
    );
    return entry.promise;
  }

  /** Sends a failed message again with the same client reference. */
  retrySend(clientRef: string): Promise<Message> {
    const entry = this.pending.get(clientRef);
    if (!entry) {
      // a message the backend accepted and later reported failed (async delivery): send its content again
      for (const [conversationId, t] of this.threads) {
        const failed = [...t.byId.values()].find((m) => m.clientRef === clientRef && m.status === 'failed');
        if (failed?.kind === 'text' && failed.text) {
          return this.send({ kind: 'text', conversationId, text: failed.text, clientRef });
        }
      }
      return Promise.reject(
        new InboxError({ kind: 'validation', message: 'No failed message with that reference', dialect: this.dialect }),
      );
    }
    return this.send(entry.request);
  }

  /** The request of a failed send that `retrySend` can send again (undefined when there is none or it is in flight). */
  failedSend(clientRef: string): SendRequest | undefined {
    const entry = this.pending.get(clientRef);
    return entry && !entry.promise && entry.message.status === 'failed' ? entry.request : undefined;
  }

  /** Drops a failed message the agent gave up on; returns its request so its text can be reused. */
  discardFailed(clientRef: string): SendRequest | undefined {
    const entry = this.pending.get(clientRef);
    if (!entry || entry.promise) return undefined;
    this.pending.delete(clientRef);
    this.rebuildMessages(entry.request.conversationId, this.thread(entry.request.conversationId));
    return entry.request;
  }

  private optimisticMessage(req: SendRequest): Message {
    const base: Message = {
      id: `${LOCAL_PREFIX}${req.clientRef}`,
      conversationId: req.conversationId,
      direction: 'outbound',
      kind: req.kind,
      status: 'pending',
      createdAt: new Date().toISOString(),
      clientRef: req.clientRef,
    };
    if (req.kind === 'text') base.text = req.text;
    if (req.kind === 'template') {
      base.template = { name: req.templateName, language: req.language, variables: req.variables };
      base.text = req.previewText;
    }
    if (req.kind !== 'text' && req.kind !== 'template' && req.kind !== 'interactive') base.media = req.media;
    return base;
  }

  private touchConversation(id: string, m: Message): void {
    const c = this.conversations.get(id);
    if (!c) return;
    const patch: Partial<Conversation> = {
      lastMessage: { text: m.text ?? m.media?.caption, direction: m.direction, createdAt: m.createdAt, kind: m.kind },
      lastActivityAt: m.createdAt,
    };
    if (m.direction === 'inbound') patch.lastInboundAt = m.createdAt;
    if (c.status === 'archived' && m.direction === 'inbound') patch.status = 'open';
    this.patchConversation(id, patch);
  }

  // ---- actions ----------------------------------------------------------------------

  /**
   * Runs a conversation action optimistically: the list and the thread change
   * at once and roll back if the backend refuses.
   */
  async update(id: string, action: ConversationAction, opts: { resolution?: string } = {}): Promise<void> {
    const s = this.source;
    const call: Record<ConversationAction, (() => Promise<unknown>) | undefined> = {
      close: s.close && this.capabilities.close ? () => s.close!(id, { resolution: opts.resolution }) : undefined,
      archive: s.archive && this.capabilities.archive ? () => s.archive!(id) : undefined,
      unarchive: s.unarchive && this.capabilities.archive ? () => s.unarchive!(id) : undefined,
      'mark-read': s.markRead && this.capabilities.markRead ? () => s.markRead!(id) : undefined,
      'mark-unread': s.markUnread && this.capabilities.markUnread ? () => s.markUnread!(id) : undefined,
    };
    const fn = call[action];
    if (!fn) {
      const e = new InboxError({ kind: 'unsupported', message: `${action} is not supported`, dialect: this.dialect });
      this.failed({ operation: action, error: e, conversationId: id });
      throw e;
    }
    const patch: Record<ConversationAction, Partial<Conversation>> = {
      close: { status: 'closed', closedAt: new Date().toISOString() },
      archive: { status: 'archived' },
      unarchive: { status: 'open' },
      'mark-read': { unreadCount: 0 },
      'mark-unread': { unreadCount: Math.max(1, this.conversations.get(id)?.unreadCount ?? 0) },
    };
    const before = this.patchConversation(id, patch[action]);
    try {
      const result = await fn();
      if (result && typeof result === 'object' && 'id' in result) {
        this.putConversation(result as Conversation);
        this.rebuildList();
        this.changed({ scope: 'conversation', conversationId: id });
      }
      this.refreshSummary();
    } catch (error) {
      const e = toInboxError(error, this.dialect);
      if (before) this.restoreConversation(id, before);
      this.failed({ operation: action, error: e, conversationId: id });
      throw e;
    }
  }

  private restoreConversation(id: string, before: Conversation): void {
    this.conversations.set(id, before);
    this.rebuildList();
    this.changed({ scope: 'conversation', conversationId: id });
  }

  /** Assigns (or with `null`, unassigns) a conversation optimistically. */
  async assign(id: string, agent: Agent | null): Promise<void> {
    const s = this.source;
    const op = agent ? 'assign' : 'unassign';
    const supported = agent ? this.capabilities.assign && s.assign : this.capabilities.unassign && s.unassign;
    if (!supported) {
      const e = new InboxError({ kind: 'unsupported', message: `${op} is not supported`, dialect: this.dialect });
      this.failed({ operation: op, error: e, conversationId: id });
      throw e;
    }
    const before = this.patchConversation(id, { assignee: agent });
    try {
      const result = agent ? await s.assign!(id, agent.id) : await s.unassign!(id);
      if (result && typeof result === 'object' && 'id' in result) {
        const fromServer = result;
        // keep the richer agent record when the server only echoes an id
        const assignee =
          fromServer.assignee &&
          agent &&
          fromServer.assignee.id === agent.id &&
          fromServer.assignee.displayName === agent.id
            ? agent
            : (fromServer.assignee ?? agent);
        this.patchConversation(id, { ...stripUndefined(fromServer), assignee });
      }
    } catch (error) {
      const e = toInboxError(error, this.dialect);
      if (before) this.restoreConversation(id, before);
      this.failed({ operation: op, error: e, conversationId: id });
      throw e;
    }
  }

  /** Agents a conversation can be assigned to: from the backend, else from the `agents` option. */
  loadAgents(force = false): Promise<Agent[]> {
    if (!force && this.agents?.value) return Promise.resolve(this.agents.value);
    if (!force && this.agents?.promise) return this.agents.promise;
    const fromBackend = this.capabilities.listAssignees && this.source.listAssignees;
    const promise = fromBackend ? this.source.listAssignees!() : Promise.resolve(this.options.agents ?? []);
    const entry: NonNullable<typeof this.agents> = { promise };
    this.agents = entry;
    this.changed({ scope: 'agents' });
    return promise.then(
      (value) => {
        entry.value = value;
        entry.promise = undefined;
        this.changed({ scope: 'agents' });
        return value;
      },
      (error: unknown) => {
        const e = toInboxError(error, this.dialect);
        entry.error = e;
        entry.promise = undefined;
        this.changed({ scope: 'agents' });
        this.failed({ operation: 'agents', error: e });
        throw e;
      },
    );
  }

  getAgentsState(): { status: LoadStatus; agents: Agent[]; error?: InboxError } {
    const a = this.agents;
    if (!a) return { status: 'idle', agents: [] };
    if (a.promise) return { status: 'loading', agents: a.value ?? [] };
    if (a.error) return { status: 'error', agents: [], error: a.error };
    return { status: 'ready', agents: a.value ?? [] };
  }

  /** Approved templates: from the backend where it lists them, else the `templates` option. */
  loadTemplates(): Promise<Template[]> {
    if (this.templates?.value) return Promise.resolve(this.templates.value);
    if (this.templates?.promise) return this.templates.promise;
    const fromBackend = this.capabilities.listTemplates && this.source.listTemplates;
    const promise = fromBackend ? this.source.listTemplates!() : Promise.resolve(this.options.templates ?? []);
    const entry: NonNullable<typeof this.templates> = { promise };
    this.templates = entry;
    return promise.then(
      (value) => {
        entry.value = value;
        entry.promise = undefined;
        this.changed({ scope: 'templates' });
        return value;
      },
      (error: unknown) => {
        const e = toInboxError(error, this.dialect);
        this.templates = undefined;
        this.failed({ operation: 'templates', error: e });
        throw e;
      },
    );
  }

  // ---- push ----------------------------------------------------------------------------

  /** Feeds an event from the host's own push channel into the store. */
  ingest(event: IngestEvent): void {
    if (event.type === 'conversation') {
      const known = this.conversations.has(event.conversation.id);
      this.putConversation(event.conversation);
      if (!known && this.list.status === 'ready' && this.viewFilter()(event.conversation)) {
        this.listIds.unshift(event.conversation.id);
      }
      this.rebuildList();
      this.changed({ scope: 'conversation', conversationId: event.conversation.id });
      return;
    }
    const id = event.conversationId;
    const t = this.thread(id);
    if (event.type === 'message') {
      const seen = t.byId.has(event.message.id);
      this.mergeMessages(id, t, [{ ...event.message, conversationId: id }]);
      if (t.loadedOnce || t.watchers > 0 || t.byId.size) this.rebuildMessages(id, t);
      const c = this.conversations.get(id);
      if (c && !seen) {
        if (event.conversation) this.putConversation({ ...c, ...event.conversation });
        const unread =
          event.message.direction === 'inbound' && this.selectedId !== id ? (c.unreadCount ?? 0) + 1 : c.unreadCount;
        this.conversations.set(id, { ...this.conversations.get(id)!, unreadCount: unread });
        this.touchConversation(id, event.message);
      }
      return;
    }
    // delivery status
    const ref = event.clientRef ? this.pending.get(event.clientRef) : undefined;
    if (ref) {
      ref.message = { ...ref.message, status: event.status, error: event.error };
      // while the send is in flight its result replaces the optimistic message
      if (event.status !== 'failed' && !ref.promise) {
        this.pending.delete(event.clientRef!);
        t.byId.set(ref.message.id, ref.message);
      }
    }
    const target =
      (event.messageId && t.byId.get(event.messageId)) ||
      [...t.byId.values()].find((m) => event.clientRef && m.clientRef === event.clientRef);
    if (target) t.byId.set(target.id, { ...target, status: event.status, error: event.error ?? target.error });
    this.rebuildMessages(id, t);
  }

  // ---- polling ---------------------------------------------------------------------------

  /** (Re)arms the poll timer; `immediate` polls at once when the page becomes visible. */
  private schedulePoll(immediate: boolean): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    if (this.destroyed || this.options.pollInterval <= 0) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    const backoff = Math.min(this.options.pollInterval * 2 ** this.pollFailures, this.options.maxBackoff);
    const delay = immediate && this.pollFailures === 0 ? 0 : backoff;
    this.pollTimer = setTimeout(() => void this.poll(), delay);
  }

  /** One poll: the list's first page and every watched thread. Exposed for tests and hosts. */
  async poll(): Promise<void> {
    if (this.pollRunning || this.destroyed) return;
    this.pollRunning = true;
    let failed: InboxError | undefined;
    try {
      const jobs: Promise<void>[] = [];
      if (this.list.status === 'ready') jobs.push(this.refreshList());
      for (const [id, t] of this.threads) {
        if (t.watchers > 0 && t.loadedOnce) jobs.push(this.refreshThread(id, t));
      }
      const results = await Promise.allSettled(jobs);
      for (const r of results) {
        if (r.status === 'rejected' && !isAbortError(r.reason)) failed = toInboxError(r.reason, this.dialect);
      }
    } finally {
      this.pollRunning = false;
    }
    if (failed) {
      this.pollFailures = Math.min(this.pollFailures + 1, 10);
      this.failed({ operation: 'poll', error: failed });
    } else {
      this.pollFailures = 0;
    }
    this.schedulePoll(false);
  }

  /** Current backoff factor: 2^(consecutive poll failures). */
  get pollBackoff(): number {
    return 2 ** this.pollFailures;
  }

  private async refreshList(): Promise<void> {
    const generation = this.listGeneration;
    const page = await this.source.listConversations(this.serverQuery(this.list.query), {
      signal: this.listController?.signal,
    });
    if (generation !== this.listGeneration) return;
    const known = new Set(this.listIds);
    for (const c of page.items) {
      this.putConversation(c);
      if (!known.has(c.id)) this.listIds.push(c.id);
    }
    if (page.summary) this.list = { ...this.list, summary: page.summary };
    this.rebuildList();
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
