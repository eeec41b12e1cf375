import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import { httpUrl } from '../../adapters/shared/lenient.js';
import { ConversationFetchController } from '../../controllers/conversation-fetch-controller.js';
import { InboxContextController } from '../../controllers/inbox-context-controller.js';
import type { InboxTheme } from '../../data/context.js';
import type { InboxDataSource } from '../../data/data-source.js';
import { canOfferRetry, InboxError, isAbortError, toInboxError } from '../../data/errors.js';
import type { Agent, Conversation } from '../../data/models.js';
import type { InboxStore, StoreChangeDetail } from '../../data/store.js';
import { formatString, memoStrings, mergeStrings, plural, resolveLang } from '../../internal/i18n.js';
import { initials } from '../../internal/initials.js';
import { InboxElement } from '../../internal/inbox-element.js';
import { baseStyles } from '../../styles/tokens.js';
import { filterAgents, foldForSearch } from './agent-search.js';
import { inlineActionStyles } from '../../styles/inline-actions.js';
import styles from './assignee-picker.styles.js';
import { ASSIGNEE_PICKER_STRINGS, type AssigneePickerStrings } from './assignee-picker.strings.js';

/** The picker's reflected state. */
export type AssigneePickerState = 'initial' | 'loading' | 'ready' | 'empty' | 'error';

/** One row of the listbox. */
type PickerOption =
  { kind: 'me'; agent: Agent; known: boolean } | { kind: 'unassign' } | { kind: 'agent'; agent: Agent };

interface AssignFailure {
  target: Agent | null;
  error: InboxError;
}

/** How long a load may run before the skeleton shows (no flash for fast answers). */
const SKELETON_DELAY = 150;
/** Gap between the trigger and the popup, and the popup and the viewport edge. */
const GAP = 4;
const EDGE = 8;

/** The string table, merged once per `i18n` object (the error tables merged one level deep). */
const pickerStrings = memoStrings(ASSIGNEE_PICKER_STRINGS, (defaults, overrides) => {
  const merged = mergeStrings(defaults, overrides);
  for (const k of ['agentsErrors', 'assignErrors', 'unassignErrors', 'conversationErrors'] as const) {
    if (overrides[k]) merged[k] = { ...defaults[k], ...overrides[k] };
  }
  return merged;
});

const chevronIcon = svg`<path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`;
const checkIcon = svg`<path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`;
const personIcon = svg`<circle cx="8" cy="5.5" r="2.75" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M2.75 13.5c.6-2.6 2.7-4 5.25-4s4.65 1.4 5.25 4" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round"/>`;
const unassignIcon = svg`<circle cx="8" cy="8" r="5.75" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M4 12L12 4" stroke="currentColor" stroke-width="1.4" stroke-linecap="round"/>`;
const searchIcon = svg`<circle cx="7" cy="7" r="4.25" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M10.25 10.25L13.5 13.5" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`;

function icon(content: ReturnType<typeof svg>, cls = 'icon'): TemplateResult {
  return html`<svg class=${cls} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    ${content}
  </svg>`;
}

/**
 * Shows who a conversation is assigned to and changes it: a trigger button
 * with the current assignee opens a searchable list of agents (from the
 * backend, or from the provider's `options.agents`), with "Assign to me" and
 * "Unassign" where the backend supports them. Changes are optimistic and roll
 * back with a clear message when the backend refuses.
 *
 * Keyboard: Enter, Space or ArrowDown on the trigger opens the list and moves
 * focus into its search box (a combobox); typing filters by name or email
 * (case- and accent-insensitive); ArrowUp/ArrowDown/Home/End/PageUp/PageDown
 * move through the options; Enter picks; Escape closes and returns focus to
 * the trigger; Tab closes.
 *
 * Where the backend cannot assign, the picker says so and stays disabled.
 * Without `conversation-id` it follows the provider's selection. When the
 * conversation it has to fetch cannot be loaded, it says why, offers Retry and
 * stays disabled until the conversation arrives.
 *
 * @tag assignee-picker
 *
 * @csspart base - The root wrapper.
 * @csspart trigger - The button that shows the assignee and opens the list.
 * @csspart avatar - An agent's picture or initials (on the trigger and in options).
 * @csspart name - The assignee's name on the trigger.
 * @csspart notice - Why the picker is disabled.
 * @csspart initial - The quiet text shown when no conversation is selected.
 * @csspart popup - The popup with the search box and the list.
 * @csspart search - The search box (`role="combobox"`).
 * @csspart listbox - The list of options (`role="listbox"`).
 * @csspart option - An option; also `assign-me` or `unassign` on those options, `active` on the highlighted one and `current` on the current assignee.
 * @csspart assign-me - The "Assign to me" option (with `option`).
 * @csspart unassign - The "Unassign" option (with `option`).
 * @csspart loading - The skeleton shown while the agents load.
 * @csspart empty - "No agents" / "No agents match" text.
 * @csspart error - Why the agents or the conversation could not be loaded, or why an assignment failed (`role="alert"`).
 * @csspart retry - The Retry buttons (agents, conversation, assignment).
 * @csspart dismiss - The button that hides an assignment error.
 *
 * @cssprop [--assignee-picker-popup-inline-size=20rem] - Width of the popup.
 * @cssprop [--assignee-picker-popup-max-block-size=22rem] - Tallest the popup grows before the list scrolls.
 * @cssprop [--assignee-picker-avatar-size=24px] - Size of the avatars.
 * @cssprop [--assignee-picker-trigger-background=var(--inbox-color-surface)] - Background of the trigger.
 * @cssprop [--assignee-picker-active-background=var(--inbox-color-hover)] - Background of the highlighted option.
 *
 * @fires inbox-conversation-assign - Before an assignment (cancelable: `preventDefault()` stops the call). Detail: `{ conversationId, assigneeId }` (`assigneeId` null to unassign).
 * @fires inbox-conversation-assigned - After the backend accepted an assignment. Detail: `{ conversation }`.
 * @fires inbox-error - Assigning (operation `assign` / `unassign`), loading the agents (`agents`) or the conversation (`conversation`) failed. Detail: `{ operation, error, conversationId }`.
 */
export class AssigneePicker extends InboxElement {
  static override styles = [baseStyles, inlineActionStyles, styles];

  private readonly ctx = new InboxContextController(this, {
    relevant: (change) => this.isRelevant(change),
  });

  /** In-flight assignments by conversation id (the target agent, or null to unassign). */
  private readonly pending = new Map<string, Agent | null>();
  /** The last failed assignment by conversation id. */
  private readonly failures = new Map<string, AssignFailure>();
  /** Conversations this element asked the store for (`dialect:id`). */
  private readonly conversationFetch = new ConversationFetchController(this);
  private activeKey: string | null = null;
  /** The conversation key the popup was opened for. */
  private openKey: string | null = null;
  private skeletonTimer?: ReturnType<typeof setTimeout>;
  private focusSearchNext = false;
  private revealActiveNext = false;
  private listening = false;
  /** True while Lit commits a render (a focused popup removed then fires focusout). */
  private rendering = false;
  private readonly onViewportChange = () => this.positionPopup();

  @query('#trigger') private trigger?: HTMLButtonElement;
  @query('#search') private search?: HTMLInputElement;
  @query('#popup') private popup?: HTMLElement;

  @state() private open = false;
  @state() private query = '';
  @state() private activeIndex = -1;
  @state() private showSkeleton = false;
  @state() private announcement = '';

  /** A data source of its own; wins over the provider's. */
  @property({ attribute: false }) source?: InboxDataSource;

  /** Replacement strings, merged over the defaults. */
  @property({ attribute: false }) i18n?: Partial<AssigneePickerStrings>;

  /** `light`, `dark` or `auto`; unset follows the provider or an ancestor's `theme`. */
  @property({ reflect: true }) theme?: InboxTheme;

  /** The conversation to assign; unset follows the provider's selection. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** Read-only: `initial` (no conversation), `loading`, `ready`, `empty` (no agents) or `error`. */
  @property({ reflect: true }) state: AssigneePickerState = 'initial';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.skeletonTimer);
    this.skeletonTimer = undefined;
    this.open = false;
    this.stopListening();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.ctx.store;
    const id = this.currentId;
    const key = store && id ? `${store.dialect}:${id}` : null;
    if (key !== this.activeKey) {
      this.activeKey = key;
      this.announcement = '';
      if (store && id) this.conversationFetch.ensure(store, id);
    }
    if (this.open && (key !== this.openKey || !store || !id)) this.closePopup(false);
    // opened while the conversation loaded, which then failed: nothing to pick for until Retry
    if (this.open && this.conversationFetch.error) this.closePopup(this.popup?.matches(':focus-within') ?? false);
    if (store && id && this.canAssign(store) && store.getAgentsState().status === 'idle') this.loadAgents(store, false);
    this.state = this.computeState();
    this.syncSkeleton();
  }

  protected override update(changed: PropertyValues<this>): void {
    this.rendering = true;
    try {
      super.update(changed);
    } finally {
      this.rendering = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const popup = this.popup;
    if (this.open && popup) {
      if (typeof popup.showPopover === 'function' && !popup.matches(':popover-open')) {
        try {
          popup.showPopover();
        } catch {
          /* not in the document any more */
        }
      }
      this.positionPopup();
      this.startListening();
      if (this.focusSearchNext) {
        this.focusSearchNext = false;
        this.search?.focus();
        const end = this.search?.value.length ?? 0;
        this.search?.setSelectionRange(end, end);
      }
      if (this.revealActiveNext) {
        this.revealActiveNext = false;
        this.renderRoot.querySelector<HTMLElement>(`#option-${this.activeIndex}`)?.scrollIntoView({ block: 'nearest' });
      }
    } else {
      this.stopListening();
    }
  }

  // ---- derived state ---------------------------------------------------------------

  private get strings(): AssigneePickerStrings {
    return pickerStrings(this.i18n);
  }

  /** The conversation the picker assigns. */
  private get currentId(): string | null {
    return this.conversationId || this.ctx.store?.selected || null;
  }

  private isRelevant(change: StoreChangeDetail): boolean {
    if (change.scope === 'selection' || change.scope === 'agents' || change.scope === 'list') return true;
    return change.scope === 'conversation' && change.conversationId === this.currentId;
  }

  private canAssign(store: InboxStore): boolean {
    return Boolean(store.capabilities.assign && store.source.assign);
  }

  private canUnassign(store: InboxStore): boolean {
    return Boolean(store.capabilities.unassign && store.source.unassign);
  }

  private computeState(): AssigneePickerState {
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id) return 'initial';
    if (this.conversationFetch.isFetching(store, id)) return 'loading';
    if (this.conversationFetch.error) return 'error';
    if (this.failures.has(id)) return 'error';
    if (!this.canAssign(store)) return 'ready';
    const agents = store.getAgentsState();
    if (agents.status === 'idle' || agents.status === 'loading') return 'loading';
    if (agents.status === 'error') return 'error';
    return agents.agents.length ? 'ready' : 'empty';
  }

  /** The conversation's assignee: an agent, null (unassigned) or undefined (not known). */
  private assigneeOf(conversation: Conversation | undefined): Agent | null | undefined {
    if (!conversation) return undefined;
    const assignee = conversation.assignee ?? null;
    if (!assignee) return assignee;
    // some backends give only an id (superwaba lists): show the agent's name and picture when the list knows them
    const known = this.ctx.store?.getAgentsState().agents.find((a) => a.id === assignee.id);
    if (!known) return assignee;
    const bare = !assignee.displayName || assignee.displayName === assignee.id;
    return {
      ...known,
      ...assignee,
      displayName: bare ? known.displayName : assignee.displayName,
      avatarUrl: assignee.avatarUrl ?? known.avatarUrl,
    };
  }

  /** The options the listbox shows for the current search. */
  private options(store: InboxStore, conversation: Conversation | undefined): PickerOption[] {
    const s = this.strings;
    const assignee = this.assigneeOf(conversation);
    const folded = foldForSearch(this.query);
    const labelMatches = (label: string) => !folded || foldForSearch(label).includes(folded);
    const agents = store.getAgentsState().agents;
    const options: PickerOption[] = [];
    const me = store.currentUserId;
    if (me && assignee?.id !== me && labelMatches(s.assignToMe)) {
      const agent = agents.find((a) => a.id === me);
      options.push({ kind: 'me', agent: agent ?? { id: me, displayName: me }, known: agent !== undefined });
    }
    if (this.canUnassign(store) && assignee && labelMatches(s.unassign)) options.push({ kind: 'unassign' });
    for (const agent of filterAgents(agents, this.query)) options.push({ kind: 'agent', agent });
    return options;
  }

  private currentOptionIndex(options: PickerOption[], assignee: Agent | null | undefined): number {
    if (!assignee) return -1;
    return options.findIndex((o) => o.kind === 'agent' && o.agent.id === assignee.id);
  }

  // ---- loading -------------------------------------------------------------------------

  private loadAgents(store: InboxStore, force: boolean): void {
    const joined = !force && store.getAgentsState().status === 'loading';
    store.loadAgents(force).catch((error: unknown) => {
      if (joined || isAbortError(error)) return;
      this.emit('inbox-error', {
        operation: 'agents',
        error: toInboxError(error, store.dialect),
        conversationId: this.currentId ?? undefined,
      });
    });
  }

  private syncSkeleton(): void {
    const loading = this.state === 'loading';
    if (!loading) {
      clearTimeout(this.skeletonTimer);
      this.skeletonTimer = undefined;
      this.showSkeleton = false;
    } else if (!this.showSkeleton && this.skeletonTimer === undefined) {
      this.skeletonTimer = setTimeout(() => {
        this.skeletonTimer = undefined;
        this.showSkeleton = this.state === 'loading';
      }, SKELETON_DELAY);
    }
  }

  // ---- popup ---------------------------------------------------------------------------

  private openPopup(initialQuery = ''): void {
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id || !this.canAssign(store) || this.open || this.pending.has(id)) return;
    this.query = initialQuery;
    const conversation = store.getConversation(id);
    const options = this.options(store, conversation);
    this.activeIndex = initialQuery
      ? options.length
        ? 0
        : -1
      : this.currentOptionIndex(options, this.assigneeOf(conversation));
    this.open = true;
    this.openKey = this.activeKey;
    this.focusSearchNext = true;
    this.revealActiveNext = this.activeIndex >= 0;
    this.announcement = '';
  }

  private closePopup(focusTrigger: boolean): void {
    if (focusTrigger) this.trigger?.focus();
    if (!this.open) return;
    const popup = this.popup;
    if (popup && typeof popup.hidePopover === 'function' && popup.matches(':popover-open')) {
      try {
        popup.hidePopover();
      } catch {
        /* already hidden */
      }
    }
    this.open = false;
    this.query = '';
    this.activeIndex = -1;
  }

  private startListening(): void {
    if (this.listening) return;
    this.listening = true;
    window.addEventListener('resize', this.onViewportChange);
    window.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
  }

  private stopListening(): void {
    if (!this.listening) return;
    this.listening = false;
    window.removeEventListener('resize', this.onViewportChange);
    window.removeEventListener('scroll', this.onViewportChange, { capture: true });
  }

  /** Places the popup under the trigger (above it when there is more room there), inside the viewport. */
  private positionPopup(): void {
    const popup = this.popup;
    const trigger = this.trigger;
    if (!popup || !trigger) return;
    const t = trigger.getBoundingClientRect();
    const viewportWidth = document.documentElement.clientWidth || window.innerWidth;
    const viewportHeight = window.innerHeight;
    const below = viewportHeight - t.bottom - GAP - EDGE;
    const above = t.top - GAP - EDGE;
    popup.style.maxBlockSize = '';
    const natural = popup.offsetHeight;
    const placeBelow = below >= natural || below >= above;
    const room = Math.max(120, placeBelow ? below : above);
    popup.style.maxBlockSize = `${Math.floor(room)}px`;
    const height = Math.min(natural, room);
    const width = popup.offsetWidth;
    const rtl = getComputedStyle(this).direction === 'rtl';
    let left = rtl ? t.right - width : t.left;
    left = Math.max(EDGE, Math.min(left, viewportWidth - width - EDGE));
    const top = placeBelow ? t.bottom + GAP : Math.max(EDGE, t.top - GAP - height);
    popup.style.left = `${Math.round(left)}px`;
    popup.style.top = `${Math.round(top)}px`;
    popup.dataset.placement = placeBelow ? 'below' : 'above';
  }

  // ---- handlers ------------------------------------------------------------------------

  private onTriggerMouseDown(e: MouseEvent): void {
    // keep focus in the search box so the click below closes the popup (not close-then-reopen)
    if (this.open) e.preventDefault();
  }

  private onTriggerClick(): void {
    if (this.open) this.closePopup(true);
    else this.openPopup();
  }

  private onTriggerKeyDown(e: KeyboardEvent): void {
    if (this.open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.openPopup();
      return;
    }
    // typing on the trigger starts a search
    if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing) {
      const store = this.ctx.store;
      if (!store || !this.canAssign(store)) return;
      e.preventDefault();
      this.openPopup(e.key);
    }
  }

  private onSearchInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id) return;
    const options = this.options(store, store.getConversation(id));
    this.activeIndex = this.query.trim()
      ? options.length
        ? 0
        : -1
      : this.currentOptionIndex(options, this.assigneeOf(store.getConversation(id)));
    this.revealActiveNext = true;
    const s = this.strings;
    const agents = options.filter((o) => o.kind === 'agent').length;
    this.announcement = this.query.trim()
      ? agents || options.length
        ? plural(resolveLang(this), s.matches, agents)
        : formatString(s.noMatches, { query: this.query.trim() })
      : '';
  }

  private onSearchKeyDown(e: KeyboardEvent): void {
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id) return;
    const options = this.options(store, store.getConversation(id));
    const last = options.length - 1;
    const move = (index: number) => {
      e.preventDefault();
      if (last < 0) return;
      this.activeIndex = Math.max(0, Math.min(last, index));
      this.revealActiveNext = true;
    };
    switch (e.key) {
      case 'ArrowDown':
        move(this.activeIndex < 0 ? 0 : this.activeIndex + 1);
        break;
      case 'ArrowUp':
        move(this.activeIndex < 0 ? last : this.activeIndex - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(last);
        break;
      case 'PageDown':
        move(this.activeIndex + 10);
        break;
      case 'PageUp':
        move(this.activeIndex - 10);
        break;
      case 'Enter': {
        if (e.isComposing) return;
        e.preventDefault();
        const option = options[this.activeIndex];
        if (option) this.choose(option);
        break;
      }
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        this.closePopup(true);
        break;
      default:
    }
  }

  private onPopupFocusOut(e: FocusEvent): void {
    if (this.rendering) return;
    const to = e.relatedTarget as Node | null;
    if (to && this.popup?.contains(to)) return;
    this.closePopup(false);
  }

  private onPopupMouseDown(e: MouseEvent): void {
    // clicking an option must not blur the search box (that would close the popup first)
    if (e.target !== this.search) e.preventDefault();
  }

  private onOptionPointerMove(index: number): void {
    if (this.activeIndex !== index) this.activeIndex = index;
  }

  private choose(option: PickerOption): void {
    this.closePopup(true);
    this.assign(option.kind === 'unassign' ? null : option.agent);
  }

  private retryAgents(): void {
    const store = this.ctx.store;
    if (store) this.loadAgents(store, true);
  }

  private retryConversation(): void {
    // the error and its button go away while the fetch runs: keep focus on the (busy) trigger
    this.trigger?.focus();
    this.conversationFetch.retry();
  }

  private retryAssign(): void {
    const id = this.currentId;
    const failure = id ? this.failures.get(id) : undefined;
    if (!failure) return;
    this.trigger?.focus();
    this.assign(failure.target, true);
  }

  private dismissFailure(): void {
    const id = this.currentId;
    if (!id) return;
    this.failures.delete(id);
    this.trigger?.focus();
    this.requestUpdate();
  }

  // ---- assigning -----------------------------------------------------------------------

  /** Assigns the conversation to `target` (null: unassign) unless a listener cancels it. */
  private assign(target: Agent | null, retrying = false): void {
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id || this.pending.has(id)) return;
    const current = this.assigneeOf(store.getConversation(id));
    if (!retrying && current !== undefined && (current?.id ?? null) === (target?.id ?? null)) return;
    const proceed = this.emit(
      'inbox-conversation-assign',
      { conversationId: id, assigneeId: target?.id ?? null },
      { cancelable: true },
    );
    if (!proceed) return;
    this.failures.delete(id);
    this.pending.set(id, target);
    this.announcement = '';
    this.requestUpdate();
    const s = this.strings;
    store.assign(id, target).then(
      async () => {
        this.pending.delete(id);
        if (this.currentId === id) {
          this.announcement = target ? formatString(s.assignedTo, { name: target.displayName }) : s.nowUnassigned;
        }
        this.requestUpdate();
        const conversation = store.getConversation(id) ?? (await store.fetchConversation(id).catch(() => undefined));
        if (conversation) this.emit('inbox-conversation-assigned', { conversation });
      },
      (error: unknown) => {
        this.pending.delete(id);
        const e = toInboxError(error, store.dialect);
        this.failures.set(id, { target, error: e });
        this.requestUpdate();
        this.emit('inbox-error', { operation: target ? 'assign' : 'unassign', error: e, conversationId: id });
      },
    );
  }

  private failureMessage(failure: AssignFailure): string {
    const s = this.strings;
    const kind = failure.error.kind;
    if (failure.target) {
      return formatString(s.assignErrors[kind] ?? s.assignFailed, { name: failure.target.displayName });
    }
    return s.unassignErrors[kind] ?? s.unassignFailed;
  }

  // ---- rendering -------------------------------------------------------------------------

  private renderAvatar(agent: Agent | null | undefined, lang: string): TemplateResult {
    if (!agent)
      return html`<span part="avatar" class="avatar avatar-empty" aria-hidden="true">${icon(personIcon)}</span>`;
    const url = httpUrl(agent.avatarUrl);
    return html`<span part="avatar" class="avatar" aria-hidden="true"
      >${
        url
          ? html`<img src=${url} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
          : initials(agent.displayName, lang, '?')
      }</span
    >`;
  }

  private renderTrigger(store: InboxStore, id: string, lang: string): TemplateResult {
    const s = this.strings;
    const conversation = store.getConversation(id);
    const assignee = this.assigneeOf(conversation);
    const unsupported = !this.canAssign(store);
    const unloaded = this.conversationFetch.error !== undefined;
    const disabled = unsupported || unloaded;
    const loading = this.conversationFetch.isFetching(store, id);
    const busy = this.pending.has(id);
    const me = store.currentUserId;
    const name = loading
      ? s.loadingConversation
      : assignee === undefined
        ? s.assign
        : assignee
          ? assignee.displayName
          : s.unassigned;
    return html`<button
      id="trigger"
      part="trigger"
      class=${classMap({ trigger: true, unassigned: !assignee, busy })}
      type="button"
      aria-haspopup="dialog"
      aria-expanded=${this.open ? 'true' : 'false'}
      aria-controls=${this.open ? 'popup' : nothing}
      aria-disabled=${disabled ? 'true' : nothing}
      aria-describedby=${unloaded ? 'conversation-error' : unsupported ? 'notice' : nothing}
      aria-busy=${busy || loading ? 'true' : nothing}
      @mousedown=${this.onTriggerMouseDown}
      @click=${disabled ? undefined : this.onTriggerClick}
      @keydown=${disabled ? undefined : this.onTriggerKeyDown}
    >
      ${loading ? html`<span part="avatar" class="avatar skeleton" aria-hidden="true"></span>` : this.renderAvatar(assignee, lang)}
      <span class="trigger-text">
        <span class="visually-hidden">${s.label}:</span>
        <span part="name" class="name" dir="auto">${name}</span>
        ${assignee && me && assignee.id === me ? html`<span class="you">${s.you}</span>` : nothing}
      </span>
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : disabled ? nothing : icon(chevronIcon, 'icon chevron')}
    </button>`;
  }

  private renderOption(
    option: PickerOption,
    index: number,
    assignee: Agent | null | undefined,
    me: string | undefined,
    lang: string,
  ): TemplateResult {
    const s = this.strings;
    const active = index === this.activeIndex;
    const current = option.kind === 'agent' && assignee?.id === option.agent.id;
    const parts = [
      'option',
      option.kind === 'me' ? 'assign-me' : option.kind === 'unassign' ? 'unassign' : '',
      active ? 'active' : '',
      current ? 'current' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const body =
      option.kind === 'unassign'
        ? html`<span class="avatar avatar-empty" aria-hidden="true">${icon(unassignIcon)}</span
            ><span class="option-text"
              ><span class="option-name"><span class="option-label">${s.unassign}</span></span></span
            >`
        : option.kind === 'me'
          ? html`${
                option.known
                  ? this.renderAvatar(option.agent, lang)
                  : html`<span part="avatar" class="avatar avatar-empty" aria-hidden="true">${icon(personIcon)}</span>`
              }<span class="option-text"
                ><span class="option-name"><span class="option-label">${s.assignToMe}</span></span></span
              >`
          : html`${this.renderAvatar(option.agent, lang)}<span class="option-text"
                ><span class="option-name"
                  ><span class="option-label" dir="auto">${option.agent.displayName}</span>${
                    option.agent.id === me ? html` <span class="you">${s.you}</span>` : nothing
                  }</span
                >${
                  option.agent.email
                    ? html`<span class="option-email"
                        ><span class="option-label" dir="auto">${option.agent.email}</span></span
                      >`
                    : nothing
                }</span
              >${
                current
                  ? html`${icon(checkIcon, 'icon check')}<span class="visually-hidden">, ${s.current}</span>`
                  : nothing
              }`;
    return html`<div
      id=${`option-${index}`}
      role="option"
      part=${parts}
      class=${classMap({ option: true, active, current, special: option.kind !== 'agent' })}
      aria-selected=${active ? 'true' : 'false'}
      @click=${() => this.choose(option)}
      @pointermove=${() => this.onOptionPointerMove(index)}
    >
      ${body}
    </div>`;
  }

  private renderPopup(store: InboxStore, id: string, lang: string): TemplateResult {
    const s = this.strings;
    const conversation = store.getConversation(id);
    const assignee = this.assigneeOf(conversation);
    const agentsState = store.getAgentsState();
    const options = this.options(store, conversation);
    const me = store.currentUserId;
    const agentCount = options.filter((o) => o.kind === 'agent').length;
    const loading = agentsState.status === 'loading' || agentsState.status === 'idle';
    const failed = agentsState.status === 'error';
    const active = options[this.activeIndex] ? this.activeIndex : -1;
    return html`<div
      id="popup"
      part="popup"
      class="popup"
      role="dialog"
      aria-label=${s.label}
      popover="manual"
      @focusout=${this.onPopupFocusOut}
      @mousedown=${this.onPopupMouseDown}
    >
      <div class="search-field">
        ${icon(searchIcon, 'icon search-icon')}
        <input
          id="search"
          part="search"
          class="search"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-label=${s.searchLabel}
          aria-expanded="true"
          aria-controls="listbox"
          aria-autocomplete="list"
          aria-activedescendant=${active >= 0 ? `option-${active}` : nothing}
          placeholder=${s.searchPlaceholder}
          .value=${live(this.query)}
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeyDown}
        />
      </div>
      <div
        id="listbox"
        part="listbox"
        class="listbox"
        role="listbox"
        aria-label=${s.listLabel}
        aria-busy=${loading ? 'true' : 'false'}
      >
        ${options.map((o, i) => this.renderOption(o, i, assignee, me, lang))}
      </div>
      ${
        loading
          ? html`<div part="loading" class="loading">
              <span class="visually-hidden" role="status">${s.loadingAgents}</span>
              ${
                this.showSkeleton
                  ? [0, 1, 2].map(
                      () =>
                        html`<div class="skeleton-row" aria-hidden="true">
                          <span class="skeleton sk-avatar"></span><span class="skeleton sk-line"></span>
                        </div>`,
                    )
                  : nothing
              }
            </div>`
          : nothing
      }
      ${
        failed
          ? html`<div part="error" class="error agents-error" role="alert">
              <span>${s.agentsErrors[agentsState.error?.kind ?? 'server'] ?? s.agentsFailed}</span>
              <button part="retry" class="link-button" type="button" @click=${this.retryAgents}>${s.retry}</button>
            </div>`
          : nothing
      }
      ${
        !loading && !failed && agentCount === 0
          ? html`<p part="empty" class="empty">
              ${this.query.trim() && agentsState.agents.length ? formatString(s.noMatches, { query: this.query.trim() }) : s.noAgents}
            </p>`
          : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.open ? this.announcement : ''}</div>
    </div>`;
  }

  /** Why the conversation could not be loaded, with Retry. */
  private renderConversationError(): TemplateResult | typeof nothing {
    const error = this.conversationFetch.error;
    if (!error) return nothing;
    const s = this.strings;
    return html`<div id="conversation-error" part="error" class="error conversation-error" role="alert">
      <span class="error-text">${s.conversationErrors[error.kind] ?? s.conversationFailed}</span>
      <span class="error-actions">
        <button part="retry" class="link-button" type="button" @click=${this.retryConversation}>${s.retry}</button>
      </span>
    </div>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    const id = this.currentId;
    const failure = id ? this.failures.get(id) : undefined;
    if (!failure) return nothing;
    const s = this.strings;
    return html`<div part="error" class="error assign-error" role="alert">
      <span class="error-text">${this.failureMessage(failure)}</span>
      <span class="error-actions">
        ${
          canOfferRetry(failure.error)
            ? html`<button part="retry" class="link-button" type="button" @click=${this.retryAssign}>
                ${s.retry}
              </button>`
            : nothing
        }
        <button part="dismiss" class="link-button" type="button" @click=${this.dismissFailure}>${s.dismiss}</button>
      </span>
    </div>`;
  }

  override render() {
    const s = this.strings;
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id) {
      return html`<div part="base" class="base" data-theme=${this.ctx.theme}>
        <span part="initial" class="initial">${s.noConversation}</span>
      </div>`;
    }
    const lang = resolveLang(this);
    const disabled = !this.canAssign(store);
    return html`<div part="base" class="base" data-theme=${this.ctx.theme}>
      ${this.renderTrigger(store, id, lang)} ${this.renderConversationError()}
      ${disabled ? html`<p id="notice" part="notice" class="notice">${s.unsupported}</p>` : nothing}
      ${this.open ? this.renderPopup(store, id, lang) : nothing} ${this.renderFailure()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.open ? '' : this.announcement}</div>
    </div>`;
  }
}

AssigneePicker.define('assignee-picker');

declare global {
  interface HTMLElementTagNameMap {
    'assignee-picker': AssigneePicker;
  }
}
