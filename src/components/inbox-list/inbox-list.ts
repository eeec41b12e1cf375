import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { httpUrl } from '../../adapters/shared/lenient.js';
import { InboxContextController } from '../../controllers/inbox-context-controller.js';
import { RovingFocusController } from '../../controllers/roving-focus-controller.js';
import type { InboxTheme } from '../../data/context.js';
import type { InboxDataSource } from '../../data/data-source.js';
import type { InboxError } from '../../data/errors.js';
import {
  CONVERSATION_STATUSES,
  type ChannelKind,
  type Conversation,
  type ConversationQuery,
  type ConversationStatus,
  type MessageKind,
} from '../../data/models.js';
import { serviceWindow } from '../../data/service-window.js';
import type { InboxOperation, InboxStore, ListState } from '../../data/store.js';
import { formatDateTime, formatDuration, formatRelative, prepareListFormatters } from '../../internal/format.js';
import { formatNumber, formatString, memoStrings, resolveLang } from '../../internal/i18n.js';
import { initials } from '../../internal/initials.js';
import { InboxElement } from '../../internal/inbox-element.js';
import { baseStyles } from '../../styles/tokens.js';
import styles from './inbox-list.styles.js';
import { INBOX_LIST_STRINGS, type InboxListStrings } from './inbox-list.strings.js';
import type { InboxListAssigneeFilter, InboxListState } from './inbox-list.types.js';
import { LIST_ESTIMATED_ROW_PX, LIST_LAYOUT } from './list-layout.js';

/** Milliseconds before the loading skeleton shows (no flash on fast loads). */
const SKELETON_DELAY = 150;
/** Milliseconds the search box waits for typing to pause. */
const SEARCH_DEBOUNCE = 250;
/** How often relative times and window chips are refreshed. */
const CLOCK_INTERVAL = 60_000;
/** Load the next page when the rendered range comes this close to the end. */
const LOAD_MORE_THRESHOLD = 8;
const HOUR = 60 * 60 * 1000;
const WINDOW_CLOSING_MS = 2 * HOUR;

const STATUS_KEYS: Record<ConversationStatus, keyof InboxListStrings> = {
  open: 'statusOpen',
  pending: 'statusPending',
  bot: 'statusBot',
  escalated: 'statusEscalated',
  closed: 'statusClosed',
  archived: 'statusArchived',
  unknown: 'statusUnknown',
};

const KIND_KEYS: Partial<Record<MessageKind, keyof InboxListStrings>> = {
  image: 'kindImage',
  video: 'kindVideo',
  audio: 'kindAudio',
  document: 'kindDocument',
  sticker: 'kindSticker',
  location: 'kindLocation',
  contacts: 'kindContacts',
  template: 'kindTemplate',
  interactive: 'kindInteractive',
  unknown: 'kindUnknown',
};

const CHANNEL_KEYS: Record<ChannelKind, keyof InboxListStrings> = {
  whatsapp: 'channelWhatsapp',
  sms: 'channelSms',
  rcs: 'channelRcs',
  messenger: 'channelMessenger',
  instagram: 'channelInstagram',
  other: 'channelOther',
};

const ERROR_KEYS: Partial<Record<InboxError['kind'], keyof InboxListStrings>> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  unauthorized: 'errorUnauthorized',
  forbidden: 'errorForbidden',
  rate_limited: 'errorRateLimited',
  not_found: 'errorNotFound',
  unsupported: 'errorUnsupported',
};

/** The string table, merged once per `i18n` object. */
const listStrings = memoStrings(INBOX_LIST_STRINGS);

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The nearest ancestor matching `selector`, crossing shadow roots. */
function closestAcrossShadow(el: Element, selector: string): Element | null {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

function hasFilters(q: ConversationQuery): boolean {
  return Boolean(q.status?.length || q.unreadOnly || q.assignee || q.search?.trim() || q.archived || q.handledBy);
}

/**
 * The conversation list: most recent activity first, with the filters and
 * summary counts the backend supports, paging on scroll, virtualized rows and
 * a keyboard listbox. Picking a row selects that conversation in the provider.
 *
 * @tag inbox-list
 *
 * @csspart base - The root wrapper.
 * @csspart filters - The filter bar.
 * @csspart search - The search input.
 * @csspart search-notice - The note that search only covers loaded conversations.
 * @csspart status-filter - The status select.
 * @csspart unread-filter - The "unread only" toggle button.
 * @csspart assignee-filter - The assignee select.
 * @csspart summary - The summary counts.
 * @csspart list - The listbox of conversations (the scrolled content).
 * @csspart item - A conversation row; also `selected` on the selected row and `unread` on rows with unread messages.
 * @csspart selected - The selected row (with `item`).
 * @csspart unread - Rows with unread messages (with `item`).
 * @csspart avatar - The contact's picture or initials.
 * @csspart name - The contact's name (or phone number).
 * @csspart preview - The last message preview.
 * @csspart time - The relative time of the last activity.
 * @csspart badge - The unread count.
 * @csspart meta - The line of chips under the preview.
 * @csspart status - The conversation status chip.
 * @csspart window - The 24-hour service window chip.
 * @csspart assignee - The assignee chip.
 * @csspart channel - The channel chip (multi-channel backends).
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty state.
 * @csspart clear-filters - The "Clear filters" button of the filtered empty state.
 * @csspart error - The error state (`role="alert"`).
 * @csspart retry - The Retry buttons.
 * @csspart more - The "loading more" line at the end of the list.
 * @csspart more-error - The inline error when the next page failed, with a Retry button.
 *
 * @cssprop [--inbox-list-row-height=var(--inbox-row-height, 72px)] - Height of a conversation row.
 * @cssprop [--inbox-list-avatar-size=var(--inbox-avatar-size, 40px)] - Size of the avatar.
 * @cssprop [--inbox-list-row-padding-inline=var(--inbox-space-l, 16px)] - Inline padding of a row.
 * @cssprop [--inbox-list-selected-background=var(--inbox-color-selected)] - Background of the selected row.
 * @cssprop [--inbox-list-hover-background=var(--inbox-color-hover)] - Background of a hovered row.
 * @cssprop [--inbox-list-filters-background=var(--inbox-color-surface)] - Background of the filter bar.
 *
 * @fires inbox-conversation-select - A row was picked (click, Enter, Space); cancelable. Detail: `{ conversationId }`.
 * @fires inbox-error - Loading the list or its next page failed. Detail: `{ operation, error }`.
 */
export class InboxList extends InboxElement {
  static override styles = [baseStyles, styles];

  /** @internal */
  protected readonly ctx = new InboxContextController(this, {
    relevant: (c) => c.scope === 'list' || c.scope === 'selection' || c.scope === 'conversation',
  });

  /** @internal */
  protected readonly roving = new RovingFocusController(this, {
    count: () => this.rows.length,
    keyAt: (i) => this.rows[i]?.id ?? '',
    indexOf: (key) => this.indexById().get(key) ?? -1,
    labelAt: (i) => this.displayName(this.rows[i]),
    elementAt: (i) => this.rowElement(this.rows[i]?.id),
    reveal: (i) => this.revealIndex(i),
    pageSize: () => this.pageSize(),
  });

  /** @internal */
  @state() protected showSkeleton = false;
  /** @internal */
  @state() protected searchDraft = '';
  /** @internal */
  @state() protected now = Date.now();

  /** A data source of its own; wins over the provider's. */
  @property({ attribute: false }) source?: InboxDataSource;

  /** Replacements for any of the element's strings (merged over the defaults). */
  @property({ attribute: false }) i18n?: Partial<InboxListStrings>;

  /** `light`, `dark` or `auto`; unset follows the provider or an ancestor's `theme`. */
  @property({ reflect: true }) theme?: InboxTheme;

  /** Read-only: `initial`, `loading`, `ready`, `empty` or `error`. */
  @property({ reflect: true }) state: InboxListState = 'initial';

  private rows: Conversation[] = [];
  private rowIndex?: Map<string, number>;
  private counts?: { rows: Conversation[]; total: number; open: number; unread: number };
  private loadedStore?: InboxStore;
  private querySearch?: string;
  private skeletonTimer?: ReturnType<typeof setTimeout>;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private clockTimer?: ReturnType<typeof setInterval>;
  private reportedErrors = new WeakSet<InboxError>();
  /** The rendered rows (from the virtualizer); a list starts rendering at its first row. */
  private renderedRange = { first: 0, last: 0 };
  private activeRendered = false;
  private anchor?: { rows: Array<{ id: string; index: number }>; rowHeight: number };
  private restoreFocus = false;
  private fallbackFocus = false;
  /** The template each row got last, with what it was made from. */
  private readonly rowTemplates = new WeakMap<Conversation, RowTemplate>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.now = Date.now();
    this.clockTimer = setInterval(() => this.tick(), CLOCK_INTERVAL);
    // a provider above answered the context request just now: start the first page before the first update
    const store = this.ctx.store;
    if (store) this.adoptStore(store);
    if (!this.source && !closestAcrossShadow(this, 'inbox-provider')) {
      this.warnOnce(
        'inbox-list:no-provider',
        '<inbox-list> has no `source` and no <inbox-provider> ancestor: it stays empty.',
      );
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clockTimer);
    clearTimeout(this.skeletonTimer);
    clearTimeout(this.searchTimer);
    this.clockTimer = this.skeletonTimer = this.searchTimer = undefined;
  }

  /**
   * The first render waits until the first page and the backend's summary
   * counts are in, or until the next animation frame, whichever comes first.
   * A shell rendered earlier would not be painted before that frame anyway;
   * this way a fast source (a cache, an in-memory one) renders once, with its
   * rows and counts, and a slow one gets its shell painted in the same frame
   * as before, ready for the rows.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await this.firstPageOrFrame();
    await super.scheduleUpdate();
  }

  private firstPageOrFrame(): Promise<void> {
    const store = this.ctx.store;
    if (!store) return Promise.resolve();
    this.adoptStore(store);
    const settled = () => {
      const list = store.getListState();
      return list.status !== 'loading' && !list.summaryLoading;
    };
    if (settled()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        unsubscribe();
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        resolve();
      };
      const unsubscribe = store.subscribe(() => {
        if (settled()) done();
      });
      const frame = requestAnimationFrame(done);
      // no frames in a background tab: render after the skeleton delay at the latest
      const timer = setTimeout(done, SKELETON_DELAY);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.ctx.store;
    if (store && store !== this.loadedStore) this.adoptStore(store);
    if (!store) this.loadedStore = undefined;
    const list = store?.getListState();
    // follow a search set elsewhere (another list, the host) unless the agent is typing
    const search = list?.query.search ?? '';
    if (search !== this.querySearch) {
      this.querySearch = search;
      if (!this.searchTimer) this.searchDraft = search;
    }
    const rows = list?.conversations ?? [];
    if (rows !== this.rows) {
      this.captureAnchor(rows);
      this.restoreFocus = this.listHasFocus();
      // the focused row, read from the DOM: focus events do not fire while the window is in the background
      const focusedId = ((this.renderRoot as ShadowRoot).activeElement as HTMLElement | null)?.dataset.id;
      if (this.restoreFocus && focusedId !== undefined) this.roving.setActiveKey(focusedId);
      this.rows = rows;
      this.rowIndex = undefined;
    }
    const next = this.computeState(list);
    if (next !== this.state) this.state = next;
    this.syncSkeleton();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.anchor) this.applyAnchor();
    if (this.restoreFocus) {
      this.restoreFocus = false;
      void this.refocus();
    }
    this.maybeLoadMore();
  }

  /** Follows a new store: its search, and its first page, loaded here when nobody has asked for it yet. */
  private adoptStore(store: InboxStore): void {
    if (store === this.loadedStore) return;
    this.loadedStore = store;
    this.querySearch = undefined;
    if (store.getListState().status === 'idle') void this.run('list', () => store.loadList());
  }

  // ---- handlers -------------------------------------------------------------------

  /** The id of the row an event happened in (one listener on the listbox serves every row). */
  private rowIdOf(e: Event): string | undefined {
    const row = (e.target as Element | null)?.closest?.<HTMLElement>('[role="option"]');
    return row?.dataset.id;
  }

  private onListClick(e: MouseEvent): void {
    const id = this.rowIdOf(e);
    if (id === undefined) return;
    e.preventDefault();
    this.roving.setActiveKey(id);
    this.pick(id);
  }

  private onListKeydown(e: KeyboardEvent): void {
    if (this.roving.handleKeydown(e) !== null) return;
    if (e.key === 'Enter' || e.key === ' ') {
      const row = this.rows[this.roving.activeIndex];
      if (!row) return;
      e.preventDefault();
      this.pick(row.id);
    }
  }

  private onListFocus(e: FocusEvent): void {
    if (e.target !== e.currentTarget) return;
    if (this.fallbackFocus) {
      this.fallbackFocus = false;
      return;
    }
    // reached by Tab while the active row is scrolled away: bring it back
    void this.roving.focusActive();
  }

  /**
   * Gives a row's time its full date and time as a tooltip when the pointer
   * comes near it: formatted on demand, not for every row on every render.
   */
  private onListMouseover(e: MouseEvent): void {
    const time = (e.target as Element).closest?.('time');
    const when = time?.getAttribute('datetime');
    if (!time || !when) return;
    const lang = resolveLang(this);
    const key = `${lang} ${when}`;
    if (time.dataset.titleFor === key) return;
    time.title = formatDateTime(when, lang);
    time.dataset.titleFor = key;
  }

  private onListFocusin(e: FocusEvent): void {
    const id = this.rowIdOf(e);
    if (id !== undefined && this.roving.activeKey !== id) this.roving.setActiveKey(id);
  }

  private onRangeChanged(e: RangeChangedEvent): void {
    this.renderedRange = { first: e.first, last: e.last };
    const active = this.roving.activeIndex;
    const rendered = active >= e.first && active <= e.last;
    if (rendered !== this.activeRendered) {
      this.activeRendered = rendered;
      this.requestUpdate();
    }
    this.maybeLoadMore();
  }

  private onSearchInput(e: Event): void {
    this.searchDraft = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DEBOUNCE);
  }

  private onSearchKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.applySearch();
    }
  }

  private onStatusChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    const { status: _s, archived: _a, ...rest } = this.query();
    if (value === 'archived') this.setQuery({ ...rest, archived: true });
    else if (value) this.setQuery({ ...rest, status: [value as ConversationStatus] });
    else this.setQuery(rest);
  }

  private onUnreadToggle(): void {
    const { unreadOnly, ...rest } = this.query();
    this.setQuery(unreadOnly ? rest : { ...rest, unreadOnly: true });
  }

  private onAssigneeChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value as InboxListAssigneeFilter;
    const { assignee: _a, ...rest } = this.query();
    this.setQuery(value === 'all' ? rest : { ...rest, assignee: value });
  }

  private clearFilters(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    this.searchDraft = '';
    this.setQuery({});
  }

  private retryList(): void {
    const store = this.ctx.store;
    if (store) void this.run('list', () => store.loadList());
  }

  private retryMore(): void {
    const store = this.ctx.store;
    if (store) void this.run('list-more', () => store.loadMore());
  }

  // ---- helpers --------------------------------------------------------------------

  /** Refreshes relative times and window chips. @internal */
  protected tick(): void {
    this.now = Date.now();
  }

  private get strings(): InboxListStrings {
    return listStrings(this.i18n);
  }

  private query(): ConversationQuery {
    return this.ctx.store?.getListState().query ?? {};
  }

  private setQuery(query: ConversationQuery): void {
    const store = this.ctx.store;
    if (!store) return;
    if (this.scroller) this.scroller.scrollTop = 0;
    void this.run('list', () => store.setQuery(query));
  }

  private applySearch(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    const term = this.searchDraft.trim();
    const { search, ...rest } = this.query();
    if ((search ?? '') === term) return;
    this.setQuery(term ? { ...rest, search: term } : rest);
  }

  /** Runs a list load this element started and reports its failure once. */
  private async run(operation: InboxOperation, fn: () => Promise<void>): Promise<void> {
    await fn();
    const s = this.ctx.store?.getListState();
    const error = operation === 'list-more' ? s?.moreError : s?.status === 'error' ? s.error : undefined;
    if (error && !this.reportedErrors.has(error)) {
      this.reportedErrors.add(error);
      this.emit('inbox-error', { operation, error });
    }
  }

  private pick(id: string): void {
    const allowed = this.emit('inbox-conversation-select', { conversationId: id }, { cancelable: true });
    if (allowed) this.ctx.store?.select(id);
  }

  private computeState(list: ListState | undefined): InboxListState {
    if (!list) return 'initial';
    if (list.status === 'idle' || list.status === 'loading') return 'loading';
    if (list.status === 'error') return 'error';
    return list.conversations.length ? 'ready' : 'empty';
  }

  private syncSkeleton(): void {
    const wants = this.state === 'loading' && this.rows.length === 0;
    if (!wants) {
      clearTimeout(this.skeletonTimer);
      this.skeletonTimer = undefined;
      if (this.showSkeleton) this.showSkeleton = false;
    } else if (!this.showSkeleton && !this.skeletonTimer) {
      this.skeletonTimer = setTimeout(() => {
        this.skeletonTimer = undefined;
        this.showSkeleton = true;
      }, SKELETON_DELAY);
    }
  }

  private maybeLoadMore(): void {
    const store = this.ctx.store;
    if (!store) return;
    const s = store.getListState();
    if (s.status !== 'ready' || !s.hasMore || s.loadingMore || s.moreError) return;
    if (this.renderedRange.last < 0 || this.renderedRange.last < this.rows.length - 1 - LOAD_MORE_THRESHOLD) return;
    void this.run('list-more', () => store.loadMore());
  }

  /** Counts of the loaded rows (computed once per list change). */
  private derivedCounts(): { total: number; open: number; unread: number } {
    if (this.counts?.rows !== this.rows) {
      let open = 0;
      let unread = 0;
      for (const c of this.rows) {
        if (c.status === 'open') open++;
        if ((c.unreadCount ?? 0) > 0) unread++;
      }
      this.counts = { rows: this.rows, total: this.rows.length, open, unread };
    }
    return this.counts;
  }

  private indexById(): Map<string, number> {
    if (!this.rowIndex) this.rowIndex = new Map(this.rows.map((c, i) => [c.id, i]));
    return this.rowIndex;
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  private get listbox(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part="list"]');
  }

  private rowElement(id: string | undefined): HTMLElement | null {
    if (id === undefined) return null;
    for (const el of this.listbox?.children ?? []) {
      if (el instanceof HTMLElement && el.dataset.id === id) return el;
    }
    return null;
  }

  private rowHeight(): number {
    const row = this.listbox?.querySelector<HTMLElement>('[role="option"]');
    const h = row?.getBoundingClientRect().height;
    return h && h > 0 ? h : LIST_ESTIMATED_ROW_PX;
  }

  private pageSize(): number {
    const scroller = this.scroller;
    return scroller ? Math.max(1, Math.floor(scroller.clientHeight / this.rowHeight())) : 10;
  }

  /** The rendered rows with their index and their box relative to the scroller's viewport. */
  private renderedRows(): Array<{ el: HTMLElement; id: string; index: number; top: number; bottom: number }> {
    const scroller = this.scroller;
    if (!scroller) return [];
    const origin = scroller.getBoundingClientRect().top;
    const out = [];
    for (const el of this.listbox?.children ?? []) {
      if (!(el instanceof HTMLElement) || el.getAttribute('role') !== 'option') continue;
      const box = el.getBoundingClientRect();
      out.push({
        el,
        id: el.dataset.id ?? '',
        index: Number(el.getAttribute('aria-posinset')) - 1,
        top: box.top - origin,
        bottom: box.bottom - origin,
      });
    }
    return out.sort((a, b) => a.top - b.top);
  }

  /**
   * Scrolls the row at `index` into view and waits until the virtualizer has
   * rendered it. Positions come from rendered rows (the layout's own
   * estimates), never from `index * height` alone.
   */
  private async revealIndex(index: number): Promise<void> {
    const scroller = this.scroller;
    const id = this.rows[index]?.id;
    if (!scroller || id === undefined) return;
    if (!this.rowElement(id)) {
      const h = this.rowHeight();
      const ref = this.renderedRows()[0];
      const top = ref ? scroller.scrollTop + ref.top + (index - ref.index) * h : index * h;
      scroller.scrollTop = index > (ref?.index ?? 0) ? top + h - scroller.clientHeight : top;
      for (let n = 0; n < 30 && !this.rowElement(id); n++) await nextFrame();
      await this.updateComplete;
    }
    const el = this.rowElement(id);
    if (!el) return;
    const box = el.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (box.top < view.top) scroller.scrollTop -= view.top - box.top;
    else if (box.bottom > view.bottom) scroller.scrollTop += box.bottom - view.bottom;
  }

  private listHasFocus(): boolean {
    const active = (this.renderRoot as ShadowRoot).activeElement;
    return Boolean(active && this.listbox?.contains(active));
  }

  /** After rows moved, puts focus back on the same conversation (or the listbox if it scrolled away). */
  private async refocus(): Promise<void> {
    await nextFrame();
    await nextFrame();
    const root = this.renderRoot as ShadowRoot;
    const active = root.activeElement;
    const lost =
      !active &&
      (document.activeElement === document.body || document.activeElement === this || !document.activeElement);
    if (!lost && !(active && this.listbox?.contains(active))) return;
    const el = this.rowElement(this.roving.activeKey ?? this.rows[this.roving.activeIndex]?.id);
    if (el) {
      if (active !== el) el.focus({ preventScroll: true });
    } else if (this.listbox && active !== this.listbox) {
      this.fallbackFocus = true;
      this.listbox.focus({ preventScroll: true });
    }
  }

  /** Before new rows render: remembers which rows the agent is looking at. */
  private captureAnchor(next: Conversation[]): void {
    this.anchor = undefined;
    const scroller = this.scroller;
    if (!scroller || !this.rows.length || !next.length || scroller.scrollTop <= 0) return;
    const height = scroller.clientHeight;
    const visible = this.renderedRows().filter((r) => r.bottom > 0 && r.top < height);
    if (!visible.length) return;
    const index = this.indexById();
    this.anchor = {
      rows: visible.map((r) => ({ id: r.id, index: index.get(r.id) ?? r.index })),
      rowHeight: visible[0].bottom - visible[0].top || this.rowHeight(),
    };
  }

  /**
   * After new rows render: keeps the rows the agent was looking at in place
   * when rows were inserted or removed above them.
   */
  private applyAnchor(): void {
    const anchor = this.anchor;
    this.anchor = undefined;
    const scroller = this.scroller;
    const listbox = this.listbox;
    if (!anchor || !scroller || !listbox) return;
    const index = this.indexById();
    let shift: number | undefined;
    let fallback: number | undefined;
    for (const r of anchor.rows) {
      const now = index.get(r.id);
      if (now === undefined) continue;
      const delta = now - r.index;
      fallback ??= delta;
      // rows that moved up (to the top, with new activity) are not anchors
      if (delta >= 0) {
        shift = delta;
        break;
      }
    }
    const delta = shift ?? fallback;
    if (!delta) return;
    const target = scroller.scrollTop + delta * anchor.rowHeight;
    // the virtualizer resizes its host asynchronously: make room for the new position first
    const room = target + scroller.clientHeight - listbox.offsetTop;
    if (listbox.offsetHeight < room) listbox.style.minHeight = `${room}px`;
    scroller.scrollTop = target;
  }

  private displayName(c: Conversation | undefined): string {
    if (!c) return '';
    return c.contact.displayName?.trim() || c.contact.phone?.trim() || this.strings.noName;
  }

  private previewText(c: Conversation): string {
    const s = this.strings;
    const m = c.lastMessage;
    if (!m) {
      // some backends (cloove) list only when each side last wrote, not what
      if (!c.lastActivityAt) return s.noMessages;
      return c.lastInboundAt === c.lastActivityAt ? s.customerWroteLast : s.youWroteLast;
    }
    const text = m.text?.trim() || s[KIND_KEYS[m.kind] ?? 'kindUnknown'];
    return m.direction === 'outbound' ? formatString(s.youPrefix, { text }) : text;
  }

  private statusLabel(c: Conversation): string {
    if (c.status === 'unknown' && c.rawStatus) return c.rawStatus;
    return this.strings[STATUS_KEYS[c.status] ?? 'statusUnknown'];
  }

  private errorMessage(error: InboxError | undefined): string {
    const key = (error && ERROR_KEYS[error.kind]) ?? 'errorDefault';
    return this.strings[key];
  }

  // ---- render -----------------------------------------------------------------------

  private renderFilters(store: InboxStore): TemplateResult {
    const s = this.strings;
    const caps = store.capabilities;
    const f = caps.filters;
    const q = store.getListState().query;
    const statuses = (f.statusValues?.length ? f.statusValues : CONVERSATION_STATUSES).filter(
      (v) => v !== 'unknown' && v !== 'archived',
    );
    const statusValue = q.archived ? 'archived' : (q.status?.[0] ?? '');
    const assigneeValue: InboxListAssigneeFilter =
      q.assignee === 'me' || q.assignee === 'unassigned' ? q.assignee : 'all';
    const showMe = Boolean(store.currentUserId);
    const showStatus = f.status || caps.listArchived;
    return html`<div part="filters" class="filters" role="group" aria-label=${s.filtersLabel}>
      <input
        part="search"
        class="search"
        type="search"
        .value=${this.searchDraft}
        placeholder=${s.searchPlaceholder}
        aria-label=${s.searchLabel}
        autocomplete="off"
        @input=${this.onSearchInput}
        @keydown=${this.onSearchKeydown}
      />
      ${
        showStatus || f.unreadOnly || f.assignee !== 'none'
          ? html`<div class="chips">
              ${
                showStatus
                  ? html`<select
                      part="status-filter"
                      class="chip-select"
                      aria-label=${s.statusLabel}
                      @change=${this.onStatusChange}
                    >
                      <option value="" ?selected=${statusValue === ''}>${s.statusAll}</option>
                      ${
                        f.status
                          ? statuses.map(
                              (v) =>
                                html`<option value=${v} ?selected=${statusValue === v}>${s[STATUS_KEYS[v]]}</option>`,
                            )
                          : nothing
                      }
                      ${
                        caps.listArchived
                          ? html`<option value="archived" ?selected=${statusValue === 'archived'}>
                              ${s.statusArchived}
                            </option>`
                          : nothing
                      }
                    </select>`
                  : nothing
              }
              ${
                f.assignee !== 'none'
                  ? html`<select
                      part="assignee-filter"
                      class="chip-select"
                      aria-label=${s.assigneeLabel}
                      @change=${this.onAssigneeChange}
                    >
                      <option value="all" ?selected=${assigneeValue === 'all'}>${s.assigneeAll}</option>
                      ${
                        showMe || assigneeValue === 'me'
                          ? html`<option value="me" ?selected=${assigneeValue === 'me'}>${s.assigneeMe}</option>`
                          : nothing
                      }
                      <option value="unassigned" ?selected=${assigneeValue === 'unassigned'}>
                        ${s.assigneeUnassigned}
                      </option>
                    </select>`
                  : nothing
              }
              ${
                f.unreadOnly
                  ? html`<button
                      part="unread-filter"
                      class="chip-toggle"
                      type="button"
                      aria-pressed=${q.unreadOnly ? 'true' : 'false'}
                      @click=${this.onUnreadToggle}
                    >
                      ${s.unreadOnly}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderSummary(list: ListState, lang: string): TemplateResult | typeof nothing {
    if (list.status !== 'ready') return nothing;
    const s = this.strings;
    const backend = list.summary?.source === 'backend' ? list.summary : undefined;
    if (!backend && list.summaryLoading) {
      // the backend's counts are on their way: keep their line, without counts of the loaded rows in the meantime
      return html`<p part="summary" class="summary" data-source="pending" aria-hidden="true">${'\u00a0'}</p>`;
    }
    const perRowUnread = this.ctx.store?.capabilities.perConversationUnread !== false;
    const counts = backend ?? {
      ...this.derivedCounts(),
      unread: perRowUnread ? this.derivedCounts().unread : undefined,
    };
    const parts = [
      counts.total !== undefined ? formatString(s.summaryTotal, { count: formatNumber(lang, counts.total) }) : '',
      counts.open !== undefined ? formatString(s.summaryOpen, { count: formatNumber(lang, counts.open) }) : '',
      counts.unread !== undefined ? formatString(s.summaryUnread, { count: formatNumber(lang, counts.unread) }) : '',
    ].filter(Boolean);
    if (!parts.length) return nothing;
    const text = parts.join(' · ');
    return html`<p
      part="summary"
      class="summary"
      data-source=${backend ? 'backend' : 'derived'}
      title=${backend ? nothing : s.summaryDerivedTitle}
    >
      ${backend ? text : `${s.summaryDerived} ${text}`}
    </p>`;
  }

  private renderRow(c: Conversation, index: number, ctx: RowContext): TemplateResult {
    const s = this.strings;
    const selected = c.id === ctx.selected;
    const tabIndex = this.roving.tabIndexFor(index);
    // the virtualizer renders every row in range again whenever the range moves: a row whose inputs did
    // not change gets the template it got last time (its values are the same, so nothing is written)
    const cached = this.rowTemplates.get(c);
    if (
      cached &&
      cached.index === index &&
      cached.selected === selected &&
      cached.tabIndex === tabIndex &&
      cached.strings === s &&
      cached.now === this.now &&
      cached.lang === ctx.lang &&
      cached.multiChannel === ctx.multiChannel &&
      cached.setSize === ctx.setSize
    ) {
      return cached.result;
    }
    const result = this.rowTemplate(c, index, ctx, s, selected, tabIndex);
    this.rowTemplates.set(c, {
      index,
      selected,
      tabIndex,
      strings: s,
      now: this.now,
      lang: ctx.lang,
      multiChannel: ctx.multiChannel,
      setSize: ctx.setSize,
      result,
    });
    return result;
  }

  private rowTemplate(
    c: Conversation,
    index: number,
    ctx: RowContext,
    s: InboxListStrings,
    selected: boolean,
    tabIndex: number,
  ): TemplateResult {
    const name = this.displayName(c);
    const unread = (c.unreadCount ?? 0) > 0;
    const preview = this.previewText(c);
    const when = c.lastActivityAt ?? c.lastMessage?.createdAt ?? c.createdAt;
    const time = formatRelative(when, ctx.lang, this.now);
    const status = this.statusLabel(c);
    const avatar = httpUrl(c.contact.avatarUrl);
    const showWindow = !ctx.multiChannel || c.channel.kind === 'whatsapp';
    const win = showWindow ? serviceWindow(c, [], this.now) : undefined;
    let windowText = '';
    let windowLabel = '';
    let windowClass = '';
    if (win && win.source !== 'unknown' && win.isOpen !== undefined) {
      if (win.isOpen && win.expiresAt) {
        const left = Date.parse(win.expiresAt) - this.now;
        // whole hours while more than one is left: the chip stays short and calm
        const t = formatDuration(left >= HOUR ? Math.floor(left / HOUR) * HOUR : left, ctx.lang);
        windowText = formatString(s.windowOpen, { time: t });
        windowLabel = formatString(s.windowOpenLabel, { time: t });
        windowClass = left < WINDOW_CLOSING_MS ? 'closing' : 'open';
      } else if (!win.isOpen) {
        windowText = s.windowClosed;
        windowLabel = s.windowClosedLabel;
        windowClass = 'closed';
      }
    }
    const assignee = c.assignee?.displayName?.trim();
    const channel = ctx.multiChannel
      ? c.channel.label?.trim() || s[CHANNEL_KEYS[c.channel.kind] ?? 'channelOther']
      : '';
    const badge = unread ? formatNumber(ctx.lang, c.unreadCount ?? 0) : '';
    const part = `item${selected ? ' selected' : ''}${unread ? ' unread' : ''}`;
    return html`<div
      part=${part}
      class="row ${selected ? 'is-selected' : ''} ${unread ? 'is-unread' : ''}"
      role="option"
      aria-selected=${selected ? 'true' : 'false'}
      aria-setsize=${ctx.setSize}
      aria-posinset=${index + 1}
      tabindex=${tabIndex}
      data-id=${c.id}
    >
      <span part="avatar" class="avatar" aria-hidden="true"
        >${
          avatar
            ? html`<img src=${avatar} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
            : initials(c.contact.displayName || undefined, ctx.lang)
        }</span
      >
      <span part="name" class="name" dir="auto">${name}</span>
      <time part="time" class="time" datetime=${when ?? nothing}>${time}</time>
      <span part="preview" class="preview" dir="auto">${preview}</span>
      ${
        unread
          ? html`<span part="badge" class="badge"
              >${badge}<span class="visually-hidden"> ${s.unreadBadgeSuffix}</span></span
            >`
          : nothing
      }
      <span part="meta" class="meta"
        ><span part="status" class="chip status" data-status=${c.status}>${status}</span>${
          windowText
            ? html`<span part="window" class="chip window ${windowClass}" title=${windowLabel}>${windowText}</span>`
            : nothing
        }${assignee ? html`<span part="assignee" class="assignee" dir="auto" title=${formatString(s.assignedTo, { name: assignee })}>${assignee}</span>` : nothing}${
          channel ? html`<span part="channel" class="channel" dir="auto">${channel}</span>` : nothing
        }</span
      >
    </div>`;
  }

  private renderList(store: InboxStore, list: ListState, lang: string): TemplateResult {
    const s = this.strings;
    const rowCtx: RowContext = {
      lang,
      selected: store.selected,
      multiChannel: store.capabilities.multiChannel,
      setSize: list.hasMore ? -1 : this.rows.length,
    };
    const active = this.roving.activeIndex;
    this.activeRendered = active >= this.renderedRange.first && active <= this.renderedRange.last;
    return html`<div class="scroller">
      <div
        part="list"
        class="list"
        role="listbox"
        aria-label=${s.listLabel}
        aria-busy=${list.status === 'loading' ? 'true' : 'false'}
        tabindex=${this.activeRendered ? -1 : 0}
        @keydown=${this.onListKeydown}
        @focus=${this.onListFocus}
        @focusin=${this.onListFocusin}
        @click=${this.onListClick}
        @mouseover=${this.onListMouseover}
        @rangeChanged=${this.onRangeChanged}
      >
        ${virtualize({
          items: this.rows,
          // the virtualizer may re-render its old range once over a list that just shrank
          keyFunction: (c: Conversation | undefined, i: number) => c?.id ?? `\u0000${i}`,
          renderItem: (c: Conversation | undefined, i: number) => (c ? this.renderRow(c, i, rowCtx) : html``),
          layout: LIST_LAYOUT,
        })}
      </div>
      ${list.loadingMore ? html`<p part="more" class="more" role="status">${s.loadingMore}</p>` : nothing}
      ${
        list.moreError
          ? html`<div part="more-error" class="more-error" role="alert">
              <span>${s.moreError}</span>
              <button part="retry" class="button" type="button" @click=${this.retryMore}>${s.retry}</button>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderBody(store: InboxStore, list: ListState, lang: string): TemplateResult | typeof nothing {
    const s = this.strings;
    const filtered = hasFilters(list.query);
    const error =
      list.status === 'error'
        ? html`<div part="error" class="error" role="alert">
            <p>${this.errorMessage(list.error)}</p>
            <button part="retry" class="button" type="button" @click=${this.retryList}>${s.retry}</button>
          </div>`
        : nothing;
    if (this.rows.length) {
      return html`${error}${this.renderList(store, list, lang)}`;
    }
    if (list.status === 'error') return error;
    if (list.status === 'ready') {
      return html`<div part="empty" class="empty">
        <p>${filtered ? s.emptyFiltered : s.empty}</p>
        ${
          filtered
            ? html`<button part="clear-filters" class="button" type="button" @click=${this.clearFilters}>
                ${s.clearFilters}
              </button>`
            : nothing
        }
      </div>`;
    }
    return html`<div part="loading" class="loading">
      <span class="visually-hidden" role="status">${s.loading}</span>
      ${
        this.showSkeleton
          ? Array.from(
              { length: 6 },
              () =>
                html`<div class="skeleton" aria-hidden="true">
                  <span class="sk-avatar"></span><span class="sk-lines"></span>
                </div>`,
            )
          : nothing
      }
    </div>`;
  }

  override render() {
    const s = this.strings;
    const store = this.ctx.store;
    const list = store?.getListState();
    if (!store || !list) {
      return html`<div part="base" class="base" data-theme=${this.ctx.theme}>
        <p class="initial">${s.initial}</p>
      </div>`;
    }
    const lang = resolveLang(this);
    return html`<div
      part="base"
      class="base"
      data-theme=${this.ctx.theme}
      aria-busy=${this.state === 'loading' ? 'true' : 'false'}
    >
      ${this.renderFilters(store)}
      ${
        list.clientSearch
          ? html`<p part="search-notice" class="notice" role="status">${s.clientSearchNotice}</p>`
          : nothing
      }
      ${this.renderSummary(list, lang)} ${this.renderBody(store, list, lang)}
    </div>`;
  }
}

interface RowContext {
  lang: string;
  selected: string | null;
  multiChannel: boolean;
  setSize: number;
}

interface RowTemplate {
  index: number;
  selected: boolean;
  tabIndex: number;
  strings: InboxListStrings;
  now: number;
  lang: string;
  multiChannel: boolean;
  setSize: number;
  result: TemplateResult;
}

InboxList.define('inbox-list');

// the page's language is the one most lists render in: its formatters are ready before the first row
if (typeof document !== 'undefined' && typeof navigator !== 'undefined') {
  prepareListFormatters(document.documentElement.lang || navigator.language);
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-list': InboxList;
  }
}
