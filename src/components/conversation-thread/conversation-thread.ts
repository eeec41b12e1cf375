import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { InboxContextController } from '../../controllers/inbox-context-controller.js';
import { ScrollAnchorController } from '../../controllers/scroll-anchor-controller.js';
import type { InboxTheme } from '../../data/context.js';
import type { InboxDataSource } from '../../data/data-source.js';
import { InboxError, isInboxError } from '../../data/errors.js';
import type { Conversation, DeliveryStatus, Message, SendRequest } from '../../data/models.js';
import { serviceWindow } from '../../data/service-window.js';
import { whenIdle } from '../../data/scheduling.js';
import type { InboxStore, StoreChangeDetail, StoreErrorDetail, ThreadState } from '../../data/store.js';
import { inboxFlowLayout } from '../../internal/flow-layout.js';
import { formatDateTime, formatDay, formatDuration, formatTime } from '../../internal/format.js';
import { formatString, memoStrings, plural, resolveLang } from '../../internal/i18n.js';
import { InboxElement } from '../../internal/inbox-element.js';
import { baseStyles } from '../../styles/tokens.js';
import { failureReason, renderContent } from './conversation-thread.content.js';
import { deliveryIcon, icon } from './conversation-thread.icons.js';
import { CONVERSATION_THREAD_STRINGS, type ConversationThreadStrings } from './conversation-thread.strings.js';
import styles from './conversation-thread.styles.js';
import type { ConversationThreadState, MessageRow, ThreadRow } from './conversation-thread.types.js';
import { messageKey, ThreadRowsBuilder, unreadStartKey } from './thread-rows.js';
import { plainText } from './whatsapp-format.js';

/** Pixels rendered beyond each edge of the viewport (the virtualizer's default is 1000). */
const OVERHANG = 320;
/** The reader is "near the top" (older messages load) within this many px. */
const NEAR_TOP = 240;
/** Delay before the loading skeleton shows, so fast loads do not flash. */
const SKELETON_DELAY = 150;
/** How often the header's reply-window countdown and "Today" labels refresh. */
const CLOCK_INTERVAL = 30_000;

/** The flow layout with a smaller overhang, so long threads keep a small DOM (see `inboxFlowLayout`). */
const LAYOUT = inboxFlowLayout({ overhang: OVERHANG, estimatedSize: 48 });

/** The string table, merged once per `i18n` object. */
const threadStrings = memoStrings(CONVERSATION_THREAD_STRINGS);

/** What the element remembers about one visit to a conversation. */
interface Visit {
  id: string;
  /** The first page was rendered and positioned. */
  loaded: boolean;
  /** Keys of the messages seen so far (new ones are announced and counted). */
  known: KnownKeys;
  /** Key of the newest message seen. */
  lastKey?: string;
  unreadCaptured: boolean;
  unreadKey?: string;
  unreadCount: number;
  /** `${lastKey}` for which mark-read was last attempted. */
  markedFor?: string;
}

/**
 * The keys of the messages seen in a visit. Lists are noted as they come and
 * their keys added only when a lookup needs them: opening a long thread does
 * not pay for a set of every key before its first paint.
 */
class KnownKeys {
  private readonly keys = new Set<string>();
  private waiting: Array<{ messages: readonly Message[]; from: number }> = [];

  /** Notes `messages` from index `from` on as seen. */
  add(messages: readonly Message[], from = 0): void {
    if (from >= messages.length) return;
    this.waiting.push({ messages, from });
    if (this.waiting.length > 4) this.flush(); // do not hold on to many old lists
  }

  has(key: string): boolean {
    this.flush();
    return this.keys.has(key);
  }

  private flush(): void {
    for (const { messages, from } of this.waiting) {
      for (let i = from; i < messages.length; i++) this.keys.add(messageKey(messages[i]));
    }
    this.waiting = [];
  }
}

/** Resolves on the next animation frame, or soon where frames do not run (a hidden page). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const frame = requestAnimationFrame(done);
    const timer = setTimeout(done, 50);
  });
}

/**
 * A long thread opens with the rows of its newest messages only (this many, or
 * more to reach the unread divider); the rows of the older ones are built when
 * the browser is next idle, or at once when the reader starts using the keyboard.
 */
const FIRST_ROWS = 200;

/** True when two message lists would render the same rows. */
function sameMessages(a: readonly Message[], b: readonly Message[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (
      x.id !== y.id ||
      x.status !== y.status ||
      x.text !== y.text ||
      x.clientRef !== y.clientRef ||
      x.createdAt !== y.createdAt ||
      x.kind !== y.kind ||
      x.error?.kind !== y.error?.kind ||
      x.media?.url !== y.media?.url
    ) {
      return false;
    }
  }
  return true;
}

/**
 * Where the rows of a thread that just opened begin: 0 (every message) for a
 * short thread, else the newest `FIRST_ROWS` messages, reaching back to the
 * unread divider's message when it is older.
 */
function firstRowsFrom(messages: readonly Message[], unreadKey: string | undefined): number {
  if (messages.length <= FIRST_ROWS * 2) return 0;
  let from = messages.length - FIRST_ROWS;
  if (unreadKey) {
    let i = messages.length - 1;
    while (i >= 0 && messageKey(messages[i]) !== unreadKey) i--;
    if (i < 0) return 0;
    // a few messages of context above the divider
    from = Math.min(from, Math.max(0, i - 20));
  }
  return from < FIRST_ROWS ? 0 : from;
}

function toError(error: unknown, dialect: string): InboxError {
  if (isInboxError(error)) return error;
  return new InboxError({ kind: 'server', message: String(error), dialect, cause: error });
}

/** The first ~300 characters of a message, cut at a word, for the polite live region. */
function clampForSpeech(text: string, max = 300): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The messages of one conversation, oldest first, as a virtualized log: day
 * separators, inbound and outbound sides, grouping, an unread divider, delivery
 * states with retry for failed sends, WhatsApp formatting, templates, media and
 * locations. Loads older messages as the reader nears the top without moving
 * what they see, follows new messages only while the reader is at the bottom,
 * and marks the conversation read where the backend supports it.
 *
 * @tag conversation-thread
 * @slot actions - The host's own actions in the header (e.g. conversation actions).
 * @slot initial - Replaces the prompt shown when no conversation is selected.
 * @slot empty - Replaces the text shown for a conversation without messages.
 * @slot error - Replaces the error message and its Retry button.
 *
 * @csspart base - The root wrapper.
 * @csspart header - The header: contact name, phone, status, reply window, actions.
 * @csspart name - The contact's name in the header.
 * @csspart phone - The contact's phone number in the header.
 * @csspart status - The conversation status in the header.
 * @csspart window - The reply-window countdown in the header.
 * @csspart log - The scrolling message log (`role="log"`).
 * @csspart message - A message row; also `inbound` or `outbound`, and `failed` for failed sends.
 * @csspart inbound - A message from the contact.
 * @csspart outbound - A message from the business.
 * @csspart failed - An outbound message that was not delivered.
 * @csspart bubble - A message bubble.
 * @csspart text - A message's (formatted) text.
 * @csspart text-toggle - The "Show full message" / "Show less" button under a message longer than 4,096 characters.
 * @csspart media - An image, video, audio player, document link or location.
 * @csspart template - A template message: its name and rendered text.
 * @csspart placeholder - A labelled placeholder for content that cannot be shown.
 * @csspart delivery - The delivery state icon of an outbound message.
 * @csspart failure - The reason a message failed, with Retry and Discard.
 * @csspart retry - The Retry button of a failed message, and of the error state.
 * @csspart discard - The Discard button of a failed message.
 * @csspart day - A day separator.
 * @csspart unread-divider - The divider where the unread messages begin.
 * @csspart older - The top row: loading earlier messages, their error, or the start of the conversation.
 * @csspart jump-latest - The "jump to latest" button shown while the reader is away from the bottom.
 * @csspart new-count - The count of new messages on the jump-to-latest button.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty state.
 * @csspart error - The error state (`role="alert"`).
 * @csspart initial - The prompt shown when no conversation is selected.
 *
 * @cssprop [--conversation-thread-background=var(--inbox-color-surface-sunken)] - The log's background.
 * @cssprop [--conversation-thread-inbound-background=var(--inbox-color-inbound)] - Inbound bubbles.
 * @cssprop [--conversation-thread-outbound-background=var(--inbox-color-outbound)] - Outbound bubbles.
 * @cssprop [--conversation-thread-bubble-radius=var(--inbox-radius-l)] - Bubble corner radius.
 * @cssprop [--conversation-thread-bubble-max-width=38rem] - The widest a bubble grows.
 * @cssprop [--conversation-thread-media-max-width=300px] - The widest a media bubble (image, video, document, location) grows.
 * @cssprop [--conversation-thread-read-color=var(--inbox-color-link)] - The read ticks.
 * @cssprop [--conversation-thread-min-height=20rem] - The least height the element takes.
 *
 * @fires inbox-message-send - Retry of a failed message, before it is sent; cancelable. Detail: `{ conversationId, text, request }`.
 * @fires inbox-message-sent - A retried message was sent. Detail: `{ message }`.
 * @fires inbox-conversation-update - Before the conversation is marked read on being shown; cancelable. Detail: `{ conversationId, action: 'mark-read' }`.
 * @fires inbox-conversation-updated - The conversation was marked read. Detail: `{ conversationId, action, conversation }`.
 * @fires inbox-error - Loading the thread, older messages or the conversation, a retry or mark-read failed. Detail: `{ operation, error, conversationId }`.
 */
export class ConversationThread extends InboxElement {
  static override styles = [baseStyles, styles];

  private readonly ctx = new InboxContextController(this, { relevant: (c) => this.isRelevant(c) });
  private readonly anchor = new ScrollAnchorController(this, {
    scroller: () => this.logEl,
    items: () => this.logEl?.querySelectorAll<HTMLElement>('[data-anchor-key]') ?? [],
    estimate: (key) => this.estimateOffset(key),
  });

  private watchedStore?: InboxStore;
  private watchedId?: string;
  private release?: () => void;
  private errorStore?: InboxStore;
  private visit?: Visit;
  private messages?: readonly Message[];
  private rows: ThreadRow[] = [];
  /** Builds the rows again from the first changed message on. */
  private rowBuilder = new ThreadRowsBuilder();
  /** The template each message row got last, with what it was made from. */
  private readonly messageTemplates = new WeakMap<
    MessageRow,
    {
      index: number;
      strings: ConversationThreadStrings;
      lang: string;
      name: string;
      retryable: boolean;
      result: TemplateResult;
    }
  >();
  /** The index of the first message the rows show: above 0 while only the newest are built (see `FIRST_ROWS`). */
  private rowsFrom = 0;
  private cancelRestOfRows?: () => void;
  /** Resolves when the rows of every message are built. */
  private restOfRows?: { promise: Promise<void>; resolve: () => void };
  /** Row index by key, built when first asked for after the rows change. */
  private rowIndexCache?: Map<string, number>;
  private thread?: ThreadState;
  private conversation?: Conversation;
  private skeletonTimer?: ReturnType<typeof setTimeout>;
  private clockTimer?: ReturnType<typeof setInterval>;
  private announceToggle = false;
  private readonly onStoreError = (e: Event) => this.handleStoreError((e as CustomEvent<StoreErrorDetail>).detail);
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.maybeMarkRead();
  };

  /** @internal */
  @state() protected atBottom = true;
  /** @internal */
  @state() protected newCount = 0;
  /** @internal */
  @state() protected showSkeleton = false;
  /** @internal */
  @state() protected announcement = '';
  /** @internal */
  @state() protected now = Date.now();

  /** A data source of the element's own; wins over the provider's. */
  @property({ attribute: false }) source?: InboxDataSource;

  /** Replacement strings, merged over the defaults (see `CONVERSATION_THREAD_STRINGS`). */
  @property({ attribute: false }) i18n?: Partial<ConversationThreadStrings>;

  /** `light`, `dark` or `auto`; unset follows the provider or an ancestor's `theme`. */
  @property({ reflect: true }) theme?: InboxTheme;

  /** Show this conversation instead of following the provider's selection. */
  @property({ attribute: 'conversation-id' }) conversationId?: string | null;

  /** Do not mark the conversation read when it is shown. */
  @property({ type: Boolean, attribute: 'no-auto-read' }) noAutoRead = false;

  /** Hide the header (contact, status, reply window, actions). */
  @property({ type: Boolean, attribute: 'no-header' }) noHeader = false;

  /** Read-only: `initial`, `loading`, `ready`, `empty` or `error`. */
  @property({ reflect: true }) state: ConversationThreadState = 'initial';

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.clockTimer = setInterval(() => (this.now = Date.now()), CLOCK_INTERVAL);
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearInterval(this.clockTimer);
    clearTimeout(this.skeletonTimer);
    this.dropRestOfRows();
    this.release?.();
    this.release = undefined;
    this.watchedStore = undefined;
    this.watchedId = undefined;
    this.errorStore?.removeEventListener('error', this.onStoreError);
    this.errorStore = undefined;
  }

  /** The conversation shown: `conversation-id`, else the provider's selection. */
  get currentConversationId(): string | undefined {
    return this.conversationId || this.ctx.store?.selected || undefined;
  }

  /** @internal Resolves when scrolling has settled after the last change (for tests and hosts that measure). */
  get scrollSettled(): Promise<void> {
    return this.settle();
  }

  private async settle(): Promise<void> {
    await this.updateComplete;
    await this.anchor.settled;
    while (this.restOfRows) {
      await this.restOfRows.promise;
      await this.updateComplete;
      await this.anchor.settled;
    }
  }

  private get strings(): ConversationThreadStrings {
    return threadStrings(this.i18n);
  }

  private get logEl(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.log') ?? null;
  }

  private get rowsEl(): (HTMLElement & VirtualizerHostElement) | null {
    return this.renderRoot?.querySelector<HTMLElement>('.rows') ?? null;
  }

  private isRelevant(change: StoreChangeDetail): boolean {
    const id = this.currentConversationId;
    if (change.scope === 'selection') return !this.conversationId;
    if (change.scope === 'thread' || change.scope === 'conversation') return change.conversationId === id;
    if (change.scope === 'list') return id !== undefined && this.ctx.store?.getConversation(id) !== this.conversation;
    return false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.ctx.store;
    const id = this.currentConversationId;
    if (store !== this.errorStore) {
      this.errorStore?.removeEventListener('error', this.onStoreError);
      store?.addEventListener('error', this.onStoreError);
      this.errorStore = store;
    }
    if (store !== this.watchedStore || id !== this.watchedId) this.watch(store, id);

    const thread = store && id ? store.getThreadState(id) : undefined;
    const conversation = store && id ? store.getConversation(id) : undefined;
    this.conversation = conversation;
    const hasMessages = (thread?.messages.length ?? 0) > 0;
    const next: ConversationThreadState =
      !store || !id || !thread
        ? 'initial'
        : thread.status === 'error'
          ? 'error'
          : hasMessages
            ? 'ready'
            : thread.status === 'ready'
              ? 'empty'
              : 'loading';
    if (next !== this.state) this.enterState(next);
    this.state = next;
    const threadChanged = thread !== this.thread;
    this.thread = thread;
    if (thread && (thread.status === 'ready' || hasMessages)) this.updateRows(thread, conversation, threadChanged);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // after the update completes: marking read changes the store, which updates this element again
    void this.updateComplete.then(() => this.maybeMarkRead());
    if (this.state === 'ready') void this.anchor.settled.then(() => this.maybeLoadOlder());
  }

  /** Starts watching a conversation (and stops watching the previous one); a new visit begins. */
  private watch(store: InboxStore | undefined, id: string | undefined): void {
    this.release?.();
    this.release = undefined;
    this.watchedStore = store;
    this.watchedId = id;
    this.visit = id ? { id, loaded: false, known: new KnownKeys(), unreadCaptured: false, unreadCount: 0 } : undefined;
    this.messages = undefined;
    this.rows = [];
    this.dropRestOfRows();
    this.rowBuilder = new ThreadRowsBuilder();
    this.rowIndexCache = undefined;
    this.newCount = 0;
    this.atBottom = true;
    this.announcement = '';
    this.anchor.cancel();
    if (!store || !id) return;
    this.release = store.watchThread(id);
    if (!store.getConversation(id) && store.capabilities.getConversation) {
      store.fetchConversation(id).catch(() => undefined); // reported through the store's error event
    }
  }

  private enterState(next: ConversationThreadState): void {
    clearTimeout(this.skeletonTimer);
    this.showSkeleton = false;
    if (next === 'loading') this.skeletonTimer = setTimeout(() => (this.showSkeleton = true), SKELETON_DELAY);
  }

  /** Rebuilds the rows when the messages (or the unread divider) change, and decides how to scroll. */
  private updateRows(thread: ThreadState, conversation: Conversation | undefined, threadChanged: boolean): void {
    const v = this.visit;
    if (!v) return;
    let dirty = thread.messages !== this.messages;
    if (!dirty && threadChanged && v.loaded) {
      // the top row changes (loading older, its error): keep what the reader sees in place
      if (this.anchor.isAtBottom()) this.anchor.stickToBottom();
      else this.anchor.capture();
    }
    if (!v.unreadCaptured && conversation && thread.status === 'ready') {
      // where the unread messages begin, as of the start of this visit; it stays put after mark-read
      v.unreadCaptured = true;
      v.unreadCount = conversation.unreadCount ?? 0;
      v.unreadKey = unreadStartKey(thread.messages, v.unreadCount);
      dirty = true;
    }
    if (!dirty) return;
    if (v.loaded && this.messages && sameMessages(this.messages, thread.messages)) {
      // a poll that brought nothing new: keep the rows (and the virtualizer's measurements)
      this.messages = thread.messages;
      return;
    }
    const messages = thread.messages;
    const previous = this.messages ?? [];
    this.messages = messages;
    const wasAtBottom = this.anchor.isAtBottom();

    // messages added after the newest one seen are new; older pages are not
    const fresh: Message[] = [];
    if (v.loaded) {
      let i = messages.length - 1;
      for (; i >= 0; i--) {
        const key = messageKey(messages[i]);
        if (key === v.lastKey || v.known.has(key)) break;
        fresh.unshift(messages[i]);
      }
    }
    // the messages both lists start with were seen already
    let same = 0;
    while (same < previous.length && same < messages.length && previous[same] === messages[same]) same++;
    v.known.add(messages, same);
    if (messages.length) v.lastKey = messageKey(messages[messages.length - 1]);

    // only the rows from the first changed message on are built again; unchanged rows stay the same objects
    const from = v.loaded || thread.status !== 'ready' ? 0 : firstRowsFrom(messages, v.unreadKey);
    this.rows = this.rowBuilder.build(from ? messages.slice(from) : messages, {
      unreadKey: v.unreadKey,
      unreadCount: v.unreadCount,
      // no top row ("start of the conversation", "load older") over a part of the messages
      start: from === 0,
    });
    this.rowIndexCache = undefined;
    if (from) this.scheduleRestOfRows(from);
    else if (this.rowsFrom) this.dropRestOfRows();

    if (!v.loaded) {
      if (!messages.length || thread.status !== 'ready') return;
      v.loaded = true;
      // open at the unread divider when there is one, else at the bottom
      if (v.unreadKey && this.rowIndex.has('unread')) this.anchor.anchorTo('unread', 0);
      else this.anchor.stickToBottom();
      return;
    }
    const ownSend = fresh.some((m) => m.direction === 'outbound' && m.status === 'pending');
    if (wasAtBottom || ownSend) {
      this.anchor.stickToBottom();
      this.newCount = 0;
    } else {
      this.anchor.capture();
      this.newCount += fresh.length;
    }
    this.announce(fresh.filter((m) => m.direction === 'inbound'));
  }

  private scheduleRestOfRows(from: number): void {
    this.cancelRestOfRows?.();
    this.rowsFrom = from;
    if (!this.restOfRows) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.restOfRows = { promise, resolve };
    }
    // once the opening scroll has settled (the newest messages painted and holding still), when the browser is idle
    let cancelled = false;
    let cancelIdle: (() => void) | undefined;
    void this.updateComplete
      .then(() => this.anchor.settled)
      .then(() => {
        if (!cancelled) cancelIdle = whenIdle(() => this.buildRestOfRows());
      });
    this.cancelRestOfRows = () => {
      cancelled = true;
      cancelIdle?.();
    };
  }

  /** Builds the rows of the older messages a long thread opened without, keeping what the reader sees in place. */
  private buildRestOfRows(): void {
    const v = this.visit;
    const messages = this.messages;
    if (!this.rowsFrom || !v || !messages) {
      this.dropRestOfRows();
      return;
    }
    if (this.anchor.isAtBottom()) this.anchor.stickToBottom();
    else this.anchor.capture();
    this.rows = this.rowBuilder.build(messages, { unreadKey: v.unreadKey, unreadCount: v.unreadCount });
    this.rowIndexCache = undefined;
    this.dropRestOfRows();
    this.requestUpdate();
  }

  /** Forgets the pending build of the older rows (it ran, or the rows were built in full meanwhile). */
  private dropRestOfRows(): void {
    this.cancelRestOfRows?.();
    this.cancelRestOfRows = undefined;
    this.rowsFrom = 0;
    const rest = this.restOfRows;
    this.restOfRows = undefined;
    rest?.resolve();
  }

  /** Announces new inbound messages in the polite live region. */
  private announce(inbound: Message[]): void {
    if (!inbound.length) return;
    const s = this.strings;
    const lang = resolveLang(this);
    const name = this.contactName();
    let text: string;
    if (inbound.length === 1) {
      const m = inbound[0];
      // a screen reader hears the start of a long message, not all of it
      const content =
        m.kind === 'text' || m.kind === 'template'
          ? clampForSpeech(plainText((m.text ?? '').slice(0, 2000)))
          : this.kindLabel(m);
      text = formatString(s.announceMessage, { name, text: content });
    } else {
      text = plural(lang, { one: s.announceMessagesOne, other: s.announceMessagesOther }, inbound.length, { name });
    }
    // a zero-width toggle makes the same text count as a change
    this.announceToggle = !this.announceToggle;
    this.announcement = this.announceToggle ? text : `${text}\u200b`;
  }

  private kindLabel(m: Message): string {
    const s = this.strings;
    const labels: Partial<Record<Message['kind'], string>> = {
      image: s.image,
      video: s.video,
      audio: s.audio,
      document: s.document,
      sticker: s.sticker,
      location: s.location,
      contacts: s.contacts,
      interactive: s.interactive,
    };
    const label = labels[m.kind] ?? formatString(s.unsupported, { type: m.rawType || m.kind });
    const caption = m.media?.caption ?? m.text;
    return caption ? `${label}: ${plainText(caption)}` : label;
  }

  private handleStoreError(detail: StoreErrorDetail): void {
    if (!detail.conversationId || detail.conversationId !== this.watchedId) return;
    if (detail.operation === 'thread' || detail.operation === 'thread-older' || detail.operation === 'conversation') {
      this.emit('inbox-error', detail);
    }
  }

  /** Marks the conversation read once per new message while it is shown, where the backend can. */
  private maybeMarkRead(): void {
    const store = this.ctx.store;
    const id = this.watchedId;
    const v = this.visit;
    if (this.noAutoRead || !store || !id || !v?.loaded || this.state !== 'ready') return;
    if (!store.capabilities.markRead || !v.unreadCaptured) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    const conversation = store.getConversation(id);
    if (!conversation || !((conversation.unreadCount ?? 0) > 0)) return;
    const mark = v.lastKey ?? '';
    if (v.markedFor === mark) return;
    v.markedFor = mark;
    if (!this.emit('inbox-conversation-update', { conversationId: id, action: 'mark-read' }, { cancelable: true }))
      return;
    store.update(id, 'mark-read').then(
      () =>
        this.emit('inbox-conversation-updated', {
          conversationId: id,
          action: 'mark-read',
          conversation: store.getConversation(id),
        }),
      (error: unknown) =>
        this.emit('inbox-error', { operation: 'mark-read', error: toError(error, store.dialect), conversationId: id }),
    );
  }

  // ---- scrolling -------------------------------------------------------------

  private onScroll(): void {
    const at = this.anchor.isAtBottom();
    if (at !== this.atBottom) this.atBottom = at;
    if (at && this.newCount) this.newCount = 0;
    this.maybeLoadOlder();
  }

  /** Loads the previous page when the reader is near the top (and nothing is settling). */
  private maybeLoadOlder(): void {
    const log = this.logEl;
    const store = this.ctx.store;
    const id = this.watchedId;
    const t = this.thread;
    if (!log || !store || !id || !t || !this.visit?.loaded || this.anchor.settling) return;
    if (!t.hasOlder || t.loadingOlder || t.olderError) return;
    if (log.scrollTop > NEAR_TOP) return;
    void store.loadOlder(id);
  }

  private get rowIndex(): Map<string, number> {
    this.rowIndexCache ??= new Map(this.rows.map((r, i) => [r.key, i]));
    return this.rowIndexCache;
  }

  /** The estimated offset (from the log's top) of a row that is not rendered, from the rendered rows around it. */
  private estimateOffset(key: string): number | undefined {
    const log = this.logEl;
    const index = this.rowIndex.get(key);
    if (!log || index === undefined) return undefined;
    const rendered = [...log.querySelectorAll<HTMLElement>('.rows > [data-index]')];
    if (!rendered.length) return undefined;
    const top = log.getBoundingClientRect().top;
    let total = 0;
    for (const el of rendered) total += el.getBoundingClientRect().height;
    const average = total / rendered.length || 48;
    const first = rendered[0];
    const last = rendered[rendered.length - 1];
    const firstIndex = Number(first.dataset.index);
    const lastIndex = Number(last.dataset.index);
    if (index <= firstIndex) return first.getBoundingClientRect().top - top - (firstIndex - index) * average;
    return last.getBoundingClientRect().top - top + (index - lastIndex) * average;
  }

  private jumpToLatest(): void {
    this.newCount = 0;
    this.anchor.scrollToBottom();
  }

  // ---- keyboard --------------------------------------------------------------

  /** The reader is about to use the log (keys, a scrollbar drag): every row must be there. */
  private onLogEngaged(): void {
    if (this.rowsFrom) this.buildRestOfRows();
  }

  private onLogKeydown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const log = this.logEl;
    const target = e.composedPath()[0];
    if (!log || !(target instanceof HTMLElement)) return;
    const onMessage = target.classList.contains('msg');
    if (target !== log && !onMessage) return; // keys inside links, buttons and players keep their meaning
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        void this.moveFocus(onMessage ? target : undefined, e.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'PageDown':
      case 'PageUp':
        e.preventDefault();
        if (onMessage) log.focus({ preventScroll: true });
        log.scrollTop += (e.key === 'PageDown' ? 1 : -1) * Math.max(40, log.clientHeight - 48);
        break;
      case 'Home':
        e.preventDefault();
        if (onMessage) log.focus({ preventScroll: true });
        log.scrollTop = 0;
        break;
      case 'End':
        e.preventDefault();
        if (onMessage) log.focus({ preventScroll: true });
        this.jumpToLatest();
        break;
      default:
    }
  }

  /** Message rows at least partly in view. */
  private visibleMessages(): HTMLElement[] {
    const log = this.logEl;
    if (!log) return [];
    const box = log.getBoundingClientRect();
    return [...log.querySelectorAll<HTMLElement>('.row.msg')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > box.top + 1 && r.top < box.bottom - 1;
      })
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
  }

  private async moveFocus(from: HTMLElement | undefined, step: 1 | -1): Promise<void> {
    if (!from) {
      const visible = this.visibleMessages();
      const to = step > 0 ? visible[0] : visible[visible.length - 1];
      if (to) this.focusRow(to);
      return;
    }
    let i = Number(from.dataset.index) + step;
    while (i >= 0 && i < this.rows.length && this.rows[i].type !== 'message') i += step;
    if (i < 0 || i >= this.rows.length) return;
    const find = () => this.logEl?.querySelector<HTMLElement>(`.row.msg[data-index="${i}"]`);
    let el = find();
    if (!el) {
      // not rendered: let the virtualizer bring it in, for a few frames at most
      this.rowsEl?.[virtualizerRef]?.element(i)?.scrollIntoView({ block: 'nearest' });
      for (let frame = 0; frame < 10 && !el; frame++) {
        await nextFrame();
        el = find();
      }
    }
    if (el) this.focusRow(el);
  }

  /** Focuses a message row and scrolls the log just enough to show it. */
  private focusRow(el: HTMLElement): void {
    const log = this.logEl;
    el.focus({ preventScroll: true });
    if (!log) return;
    const box = log.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top < box.top) log.scrollTop -= box.top - r.top;
    else if (r.bottom > box.bottom) log.scrollTop += Math.min(r.bottom - box.bottom, r.top - box.top);
  }

  // ---- actions ---------------------------------------------------------------

  private retryThread(): void {
    const store = this.ctx.store;
    const id = this.watchedId;
    if (!store || !id) return;
    void store.loadThread(id);
    if (!store.getConversation(id) && store.capabilities.getConversation)
      store.fetchConversation(id).catch(() => undefined);
  }

  private retryOlder(): void {
    const store = this.ctx.store;
    if (store && this.watchedId) void store.loadOlder(this.watchedId);
  }

  private retrySend(m: Message): void {
    const store = this.ctx.store;
    const id = this.watchedId;
    const ref = m.clientRef;
    if (!store || !id || !ref) return;
    const request: SendRequest | undefined = store.failedSend(ref);
    if (!request) return;
    const text = request.kind === 'text' ? request.text : m.text;
    if (!this.emit('inbox-message-send', { conversationId: id, text, request }, { cancelable: true })) return;
    store.retrySend(ref).then(
      (message) => this.emit('inbox-message-sent', { message }),
      (error: unknown) =>
        this.emit('inbox-error', { operation: 'send', error: toError(error, store.dialect), conversationId: id }),
    );
  }

  private discard(m: Message): void {
    if (m.clientRef) this.ctx.store?.discardFailed(m.clientRef);
  }

  // ---- rendering helpers -----------------------------------------------------

  private contactName(): string {
    const c = this.conversation?.contact;
    return c?.displayName || c?.phone || this.strings.customer;
  }

  private deliveryLabel(status: DeliveryStatus): string {
    const s = this.strings;
    const labels: Partial<Record<DeliveryStatus, string>> = {
      pending: s.statusPending,
      sent: s.statusSent,
      delivered: s.statusDelivered,
      read: s.statusRead,
      failed: s.statusFailed,
    };
    return labels[status] ?? '';
  }

  private errorMessage(error: InboxError | undefined): string {
    const s = this.strings;
    switch (error?.kind) {
      case 'network':
        return s.errorNetwork;
      case 'timeout':
        return s.errorTimeout;
      case 'unauthorized':
        return s.errorUnauthorized;
      case 'forbidden':
        return s.errorForbidden;
      case 'not_found':
        return s.errorNotFound;
      case 'rate_limited':
        return s.errorRateLimited;
      case 'unsupported':
        return s.errorUnsupported;
      default:
        return s.errorDefault;
    }
  }

  private renderHeader(s: ConversationThreadStrings, lang: string): TemplateResult {
    const c = this.conversation;
    const hidden = this.noHeader || this.state === 'initial';
    const statusLabels: Record<Conversation['status'], string> = {
      open: s.statusOpen,
      pending: s.statusPendingConversation,
      bot: s.statusBot,
      escalated: s.statusEscalated,
      closed: s.statusClosed,
      archived: s.statusArchived,
      unknown: s.statusUnknown,
    };
    const status = c ? statusLabels[c.status] : '';
    const win = c ? serviceWindow(c, this.thread?.messages ?? [], this.now) : undefined;
    let windowText = '';
    if (win?.isOpen === true && win.expiresAt) {
      windowText = formatString(s.windowOpen, { time: formatDuration(Date.parse(win.expiresAt) - this.now, lang) });
    } else if (win?.isOpen === false) {
      windowText = s.windowClosed;
    }
    const name = c?.contact.displayName || c?.contact.phone || (c ? s.noName : '');
    const phone = c?.contact.displayName && c.contact.phone ? c.contact.phone : '';
    return html`<div part="header" class="header" ?hidden=${hidden}>
      <div class="who">
        <span part="name" class="name" dir="auto">${name}</span>
        <span class="sub">
          ${phone ? html`<span part="phone" class="phone" dir="ltr">${phone}</span>` : nothing}
          ${status ? html`<span part="status" class="status" data-status=${c!.status}>${status}</span>` : nothing}
          ${
            windowText
              ? html`<span part="window" class="window" data-open=${String(win?.isOpen)}>${windowText}</span>`
              : nothing
          }
        </span>
      </div>
      <div class="actions"><slot name="actions"></slot></div>
    </div>`;
  }

  private renderStartRow(index: number): TemplateResult {
    const t = this.thread;
    const s = this.strings;
    let content: unknown;
    if (t?.loadingOlder) {
      content = html`<span class="spinner" aria-hidden="true"></span><span>${s.loadingOlder}</span>`;
    } else if (t?.olderError) {
      content = html`<span>${s.olderError}</span
        ><button type="button" part="retry" class="link-button" @click=${this.retryOlder}>${s.retry}</button>`;
    } else if (t?.hasOlder) {
      content = html`<button type="button" class="link-button" @click=${this.retryOlder}>${s.loadOlder}</button>`;
    } else {
      content = html`<span>${s.startOfConversation}</span>`;
    }
    return html`<div
      class="row older-row"
      part="older"
      data-index=${index}
      aria-busy=${t?.loadingOlder ? 'true' : 'false'}
    >
      ${content}
    </div>`;
  }

  private renderMessage(row: MessageRow, index: number, s: ConversationThreadStrings, lang: string): TemplateResult {
    const m = row.message;
    const out = m.direction === 'outbound';
    const failed = m.status === 'failed';
    const name = out ? '' : this.contactName();
    const retryable = failed && Boolean(m.clientRef && this.ctx.store?.failedSend(m.clientRef));
    // the virtualizer renders every row in range again whenever the range moves: a row whose inputs
    // did not change gets the template it got last time (its values are the same, so nothing is written)
    const cached = this.messageTemplates.get(row);
    if (
      cached &&
      cached.index === index &&
      cached.strings === s &&
      cached.lang === lang &&
      cached.name === name &&
      cached.retryable === retryable
    ) {
      return cached.result;
    }
    const result = this.messageTemplate(row, index, s, lang, name, retryable);
    this.messageTemplates.set(row, { index, strings: s, lang, name, retryable, result });
    return result;
  }

  private messageTemplate(
    row: MessageRow,
    index: number,
    s: ConversationThreadStrings,
    lang: string,
    name: string,
    retryable: boolean,
  ): TemplateResult {
    const m = row.message;
    const out = m.direction === 'outbound';
    const failed = m.status === 'failed';
    const time = formatTime(m.createdAt, lang);
    const full = formatDateTime(m.createdAt, lang);
    const status = out ? this.deliveryLabel(m.status) : '';
    const label = out
      ? formatString(status ? s.outboundLabel : s.outboundLabelNoStatus, { time: full, status })
      : formatString(s.inboundLabel, { name, time: full });
    const parts = `message ${out ? 'outbound' : 'inbound'}${failed ? ' failed' : ''}`;
    const classes = {
      row: true,
      msg: true,
      out,
      in: !out,
      failed,
      'group-start': row.groupStart,
      'group-end': row.groupEnd,
      'has-media': m.kind !== 'text' && m.kind !== 'template',
    };
    return html`<article
      class=${classMap(classes)}
      part=${parts}
      data-index=${index}
      data-anchor-key=${row.key}
      data-status=${m.status}
      tabindex="-1"
      aria-label=${label}
    >
      <div part="bubble" class="bubble">
        ${renderContent(m, { strings: s, lang })}<span class="meta" title=${full}
          >${time}${out ? deliveryIcon(m.status, status) : nothing}</span
        >
      </div>
      ${failed ? this.renderFailure(m, s, retryable) : nothing}
    </article>`;
  }

  private renderFailure(m: Message, s: ConversationThreadStrings, retryable: boolean): TemplateResult {
    return html`<div part="failure" class="failure">
      <span class="reason">${failureReason(m.error, s)}</span>
      ${
        retryable
          ? html`<button type="button" part="retry" aria-label=${s.retrySendLabel} @click=${() => this.retrySend(m)}>
                ${s.retrySend}</button
              ><button type="button" part="discard" aria-label=${s.discardLabel} @click=${() => this.discard(m)}>
                ${s.discard}
              </button>`
          : nothing
      }
    </div>`;
  }

  private renderRow(row: ThreadRow, index: number, s: ConversationThreadStrings, lang: string): TemplateResult {
    switch (row.type) {
      case 'start':
        return this.renderStartRow(index);
      case 'day':
        return html`<div class="row day-row" data-index=${index}>
          <span part="day" class="day">${formatDay(row.at, lang, this.now)}</span>
        </div>`;
      case 'unread':
        return html`<div class="row unread-row" data-index=${index} data-anchor-key="unread">
          <div part="unread-divider" class="unread">
            ${plural(lang, { one: s.unreadDividerOne, other: s.unreadDividerOther }, row.count)}
          </div>
        </div>`;
      case 'message':
        return this.renderMessage(row, index, s, lang);
    }
  }

  private renderLog(s: ConversationThreadStrings, lang: string): TemplateResult | typeof nothing {
    if (!this.rows.some((r) => r.type === 'message')) return nothing;
    const name = this.conversation ? this.contactName() : '';
    const jumpLabel = this.newCount
      ? `${s.jumpLatest}, ${plural(lang, { one: s.newMessagesOne, other: s.newMessagesOther }, this.newCount)}`
      : s.jumpLatest;
    return html`<div
        part="log"
        class="log"
        role="log"
        aria-live="off"
        aria-label=${name ? formatString(s.logLabel, { name }) : s.logLabelNoName}
        tabindex="0"
        @scroll=${this.onScroll}
        @keydown=${this.onLogKeydown}
        @focusin=${this.onLogEngaged}
        @pointerdown=${this.onLogEngaged}
      >
        <div class="rows">
          ${virtualize({
            items: this.rows,
            keyFunction: (row: ThreadRow) => row.key,
            renderItem: (row: ThreadRow, index: number) => this.renderRow(row, index, s, lang),
            layout: LAYOUT,
          })}
        </div>
      </div>
      <button
        type="button"
        part="jump-latest"
        class="jump"
        ?hidden=${this.atBottom}
        aria-label=${jumpLabel}
        title=${s.jumpLatest}
        @click=${this.jumpToLatest}
      >
        ${icon('arrowDown')}${
          this.newCount
            ? html`<span part="new-count" class="new-count" aria-hidden="true"
                >${plural(lang, { other: '{count}' }, this.newCount)}</span
              >`
            : nothing
        }
      </button>`;
  }

  override render() {
    const s = this.strings;
    const lang = resolveLang(this);
    const st = this.state;
    const error = this.thread?.error;
    const withLog = this.rows.some((r) => r.type === 'message');
    return html`<div
      part="base"
      class="base"
      data-theme=${this.ctx.theme}
      data-state=${st}
      aria-busy=${st === 'loading' ? 'true' : 'false'}
    >
      ${this.renderHeader(s, lang)}
      <div class="body">
        <div part="initial" class="state-box" ?hidden=${st !== 'initial'}>
          <slot name="initial">${s.initial}</slot>
        </div>
        <div part="loading" class="loading" ?hidden=${st !== 'loading'}>
          <span class="visually-hidden">${st === 'loading' ? s.loading : ''}</span>
          ${
            this.showSkeleton
              ? html`<div class="skeleton in"></div>
                  <div class="skeleton out"></div>
                  <div class="skeleton in short"></div>
                  <div class="skeleton out long"></div>`
              : nothing
          }
        </div>
        <div part="empty" class="state-box" ?hidden=${st !== 'empty'}>
          <slot name="empty">${s.empty}</slot>
        </div>
        <div part="error" class="state-box error ${withLog ? 'banner' : ''}" role="alert" ?hidden=${st !== 'error'}>
          <slot name="error"
            >${
              st === 'error'
                ? html`<span class="error-text">${this.errorMessage(error)}</span>
                    <button type="button" part="retry" class="button" @click=${this.retryThread}>${s.retry}</button>`
                : nothing
            }</slot
          >
        </div>
        ${st === 'ready' || (st === 'error' && withLog) ? this.renderLog(s, lang) : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }
}

ConversationThread.define('conversation-thread');

declare global {
  interface HTMLElementTagNameMap {
    'conversation-thread': ConversationThread;
  }
}
