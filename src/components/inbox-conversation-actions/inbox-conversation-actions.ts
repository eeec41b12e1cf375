import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { ConversationFetchController } from '../../controllers/conversation-fetch-controller.js';
import { InboxContextController } from '../../controllers/inbox-context-controller.js';
import type { InboxTheme } from '../../data/context.js';
import type { InboxDataSource } from '../../data/data-source.js';
import { canOfferRetry, InboxError, toInboxError } from '../../data/errors.js';
import type { Conversation } from '../../data/models.js';
import type { ConversationAction, InboxStore, StoreChangeDetail } from '../../data/store.js';
import { memoStrings, mergeStrings } from '../../internal/i18n.js';
import { InboxElement } from '../../internal/inbox-element.js';
import { baseStyles } from '../../styles/tokens.js';
import { inlineActionStyles } from '../../styles/inline-actions.js';
import styles from './inbox-conversation-actions.styles.js';
import {
  INBOX_CONVERSATION_ACTIONS_STRINGS,
  type InboxConversationActionsStrings,
} from './inbox-conversation-actions.strings.js';

/** The element's reflected state. */
export type InboxConversationActionsState = 'initial' | 'loading' | 'ready' | 'empty' | 'error';

/** Buttons that replace each other (archive ↔ unarchive, mark read ↔ mark unread) share a slot. */
type ActionSlot = 'read' | 'archive' | 'close';

interface SlotView {
  slot: ActionSlot;
  action: ConversationAction;
  busy: boolean;
}

interface ActionFailure {
  action: ConversationAction;
  resolution?: string;
  error: InboxError;
}

const SLOT_OF: Record<ConversationAction, ActionSlot> = {
  'mark-read': 'read',
  'mark-unread': 'read',
  archive: 'archive',
  unarchive: 'archive',
  close: 'close',
};

/** The default resolutions offered next to Close. */
export const DEFAULT_RESOLUTIONS: readonly string[] = Object.freeze(['resolved', 'no_response', 'spam']);

/** The string table, merged once per `i18n` object (the nested tables merged one level deep). */
const actionsStrings = memoStrings(INBOX_CONVERSATION_ACTIONS_STRINGS, (defaults, overrides) => {
  const merged = mergeStrings(defaults, overrides);
  for (const k of ['resolutions', 'failed', 'errors', 'done', 'conversationErrors'] as const) {
    if (overrides[k]) (merged as Record<typeof k, unknown>)[k] = { ...defaults[k], ...overrides[k] };
  }
  return merged;
});

const ICONS: Record<ConversationAction, ReturnType<typeof svg>> = {
  close: svg`<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M5.25 8.25l1.9 1.9 3.6-4" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`,
  archive: svg`<rect x="2" y="2.75" width="12" height="3" rx="0.75" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M3 5.75v6.5c0 .55.45 1 1 1h8c.55 0 1-.45 1-1v-6.5M8 7.5v3.5M6.25 9.5L8 11.25 9.75 9.5" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linecap="round" stroke-linejoin="round"/>`,
  unarchive: svg`<rect x="2" y="2.75" width="12" height="3" rx="0.75" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M3 5.75v6.5c0 .55.45 1 1 1h8c.55 0 1-.45 1-1v-6.5M8 11.25V7.75M6.25 9.5L8 7.75 9.75 9.5" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linecap="round" stroke-linejoin="round"/>`,
  'mark-read': svg`<path d="M2.25 6.5L8 2.75l5.75 3.75v6.25c0 .55-.45 1-1 1h-9.5c-.55 0-1-.45-1-1z" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/><path d="M2.5 6.75L8 10.25l5.5-3.5" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/>`,
  'mark-unread': svg`<rect x="2" y="3.5" width="12" height="9.5" rx="1" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M2.5 4.5L8 8.5l5.5-4" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/><circle cx="13" cy="3.5" r="2.25" fill="currentColor"/>`,
};

/**
 * The actions on one conversation: Close (with a resolution), Archive or
 * Unarchive, and Mark as read or Mark as unread, each shown only where the
 * backend supports it and whichever fits the conversation now. Every action
 * is optimistic: the list and the thread change at once and roll back, with
 * an inline message, if the backend refuses.
 *
 * It fits `<conversation-thread>`'s `actions` slot or anywhere the host
 * places it; without `conversation-id` it follows the provider's selection.
 * When no action applies it renders nothing (state `empty`). When the
 * conversation it has to fetch cannot be loaded, it shows no action but says
 * why and offers Retry (state `error`).
 *
 * @tag inbox-conversation-actions
 *
 * @csspart base - The root wrapper (a labelled group of buttons).
 * @csspart action - Every action button; also `close`, `archive`, `unarchive`, `mark-read` or `mark-unread` on the matching button.
 * @csspart close - The Close button (with `action`).
 * @csspart archive - The Archive button (with `action`).
 * @csspart unarchive - The Unarchive button (with `action`).
 * @csspart mark-read - The "Mark as read" button (with `action`).
 * @csspart mark-unread - The "Mark as unread" button (with `action`).
 * @csspart resolution - The resolution chooser next to Close (a select).
 * @csspart error - Why the last action failed, or why the conversation could not be loaded (`role="alert"`).
 * @csspart retry - The Retry button of a failed action or of the conversation that could not be loaded.
 * @csspart dismiss - The button that hides the failure.
 *
 * @cssprop [--inbox-conversation-actions-gap=var(--inbox-space-s, 8px)] - Space between the buttons.
 * @cssprop [--inbox-conversation-actions-primary-background=var(--inbox-color-accent)] - Background of the Close button.
 * @cssprop [--inbox-conversation-actions-primary-color=var(--inbox-color-accent-contrast)] - Text colour of the Close button.
 *
 * @fires inbox-conversation-update - Before an action (cancelable: `preventDefault()` stops the call). Detail: `{ conversationId, action, resolution? }`.
 * @fires inbox-conversation-updated - After the backend accepted an action. Detail: `{ conversationId, action, conversation }`.
 * @fires inbox-error - An action failed (operation `close`, `archive`, `unarchive`, `mark-read` or `mark-unread`), or the conversation could not be loaded (`conversation`). Detail: `{ operation, error, conversationId }`.
 */
export class InboxConversationActions extends InboxElement {
  static override styles = [baseStyles, inlineActionStyles, styles];

  private readonly ctx = new InboxContextController(this, {
    relevant: (change) => this.isRelevant(change),
  });

  /** Actions in flight, by `conversationId|slot`. */
  private readonly busy = new Map<string, ConversationAction>();
  /** The last failed action by conversation id. */
  private readonly failures = new Map<string, ActionFailure>();
  private readonly conversationFetch = new ConversationFetchController(this);
  private activeKey: string | null = null;
  /** The slot whose button had focus when its action started (focus is kept on the row of buttons). */
  private focusAfter?: { conversationId: string; slot?: ActionSlot };
  /** The conversation whose loading Retry had focus (focus moves on to the buttons once it has loaded). */
  private focusAfterFetch?: string;

  @state() private resolution = '';
  @state() private announcement = '';

  /** A data source of its own; wins over the provider's. */
  @property({ attribute: false }) source?: InboxDataSource;

  /** Replacement strings, merged over the defaults. */
  @property({ attribute: false }) i18n?: Partial<InboxConversationActionsStrings>;

  /** `light`, `dark` or `auto`; unset follows the provider or an ancestor's `theme`. */
  @property({ reflect: true }) theme?: InboxTheme;

  /** The conversation to act on; unset follows the provider's selection. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** The resolution values offered next to Close, the first one preselected; empty closes without one. */
  @property({ attribute: false }) resolutions: readonly string[] = DEFAULT_RESOLUTIONS;

  /** Read-only: `initial` (no conversation), `loading`, `ready`, `empty` (no action applies) or `error` (the last action failed, or the conversation could not be loaded). */
  @property({ reflect: true }) state: InboxConversationActionsState = 'initial';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.ctx.store;
    const id = this.currentId;
    const key = store && id ? `${store.dialect}:${id}` : null;
    if (key !== this.activeKey) {
      this.activeKey = key;
      this.announcement = '';
      this.resolution = this.resolutions[0] ?? '';
      if (store && id) this.conversationFetch.ensure(store, id);
    }
    if (changed.has('resolutions') && !this.resolutions.includes(this.resolution)) {
      this.resolution = this.resolutions[0] ?? '';
    }
    this.state = this.computeState();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.restoreFocus();
    this.restoreFocusAfterFetch();
  }

  // ---- derived state ------------------------------------------------------------------

  private get strings(): InboxConversationActionsStrings {
    return actionsStrings(this.i18n);
  }

  private get currentId(): string | null {
    return this.conversationId || this.ctx.store?.selected || null;
  }

  private isRelevant(change: StoreChangeDetail): boolean {
    if (change.scope === 'selection' || change.scope === 'list') return true;
    return change.scope === 'conversation' && change.conversationId === this.currentId;
  }

  private computeState(): InboxConversationActionsState {
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id) return 'initial';
    if (this.conversationFetch.isFetching(store, id)) return 'loading';
    if (this.conversationFetch.error) return 'error';
    if (this.failures.has(id)) return 'error';
    return this.slots(store, id).length ? 'ready' : 'empty';
  }

  private supports(store: InboxStore, action: ConversationAction): boolean {
    const caps = store.capabilities;
    const s = store.source;
    switch (action) {
      case 'close':
        return Boolean(caps.close && s.close);
      case 'archive':
        return Boolean(caps.archive && s.archive);
      case 'unarchive':
        return Boolean(caps.archive && s.unarchive);
      case 'mark-read':
        return Boolean(caps.markRead && s.markRead);
      case 'mark-unread':
        return Boolean(caps.markUnread && s.markUnread);
    }
  }

  /** The buttons to show: a busy action keeps its button until it settles. */
  private slots(store: InboxStore, id: string): SlotView[] {
    const c: Conversation | undefined = store.getConversation(id);
    const busy = (slot: ActionSlot) => this.busy.get(`${id}|${slot}`);
    const unread = c?.unreadCount === undefined ? undefined : c.unreadCount > 0;
    const wanted: Array<[ActionSlot, ConversationAction | undefined]> = [
      ['read', busy('read') ?? (unread === false ? 'mark-unread' : 'mark-read')],
      ['archive', busy('archive') ?? (c?.status === 'archived' ? 'unarchive' : 'archive')],
      ['close', busy('close') ?? (c?.status === 'closed' ? undefined : 'close')],
    ];
    const out: SlotView[] = [];
    for (const [slot, action] of wanted) {
      if (action && this.supports(store, action)) out.push({ slot, action, busy: busy(slot) !== undefined });
    }
    return out;
  }

  // ---- running actions ------------------------------------------------------------------

  private onResolutionChange(e: Event): void {
    this.resolution = (e.target as HTMLSelectElement).value;
  }

  private onActionClick(view: SlotView): void {
    if (view.busy) return;
    const resolution =
      view.action === 'close' && this.resolutions.length ? this.resolution || this.resolutions[0] : undefined;
    this.run(view.action, resolution);
  }

  /** Runs an action unless a listener cancels it. */
  private run(action: ConversationAction, resolution: string | undefined): void {
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id) return;
    const slot = SLOT_OF[action];
    const key = `${id}|${slot}`;
    if (this.busy.has(key)) return;
    const detail =
      resolution !== undefined ? { conversationId: id, action, resolution } : { conversationId: id, action };
    if (!this.emit('inbox-conversation-update', detail, { cancelable: true })) return;
    this.failures.delete(id);
    this.busy.set(key, action);
    this.announcement = '';
    if (this.shadowRoot?.activeElement) this.focusAfter = { conversationId: id, slot };
    this.requestUpdate();
    store.update(id, action, resolution !== undefined ? { resolution } : {}).then(
      () => {
        this.busy.delete(key);
        if (this.currentId === id) this.announcement = this.strings.done[action];
        this.requestUpdate();
        this.emit('inbox-conversation-updated', {
          conversationId: id,
          action,
          conversation: store.getConversation(id),
        });
      },
      (error: unknown) => {
        this.busy.delete(key);
        this.failures.set(id, { action, resolution, error: toInboxError(error, store.dialect) });
        this.requestUpdate();
        this.emit('inbox-error', { operation: action, error: toInboxError(error, store.dialect), conversationId: id });
      },
    );
  }

  private retry(): void {
    const id = this.currentId;
    const failure = id ? this.failures.get(id) : undefined;
    if (!failure) return;
    this.failures.delete(id!);
    this.focusAfter = { conversationId: id!, slot: SLOT_OF[failure.action] };
    this.run(failure.action, failure.resolution);
    this.requestUpdate();
  }

  private retryConversation(): void {
    const id = this.currentId;
    if (!id) return;
    this.focusAfterFetch = id;
    this.conversationFetch.retry();
  }

  /** After Retry of the conversation: focus stays in the element while it loads, then moves to the first button. */
  private restoreFocusAfterFetch(): void {
    const id = this.focusAfterFetch;
    if (!id) return;
    const root = this.shadowRoot!;
    const base = root.querySelector<HTMLElement>('[part~="base"]');
    const inside = root.activeElement;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (this.currentId !== id || (!inside && !lost)) {
      this.focusAfterFetch = undefined; // the user moved on
      return;
    }
    if (this.state === 'loading') {
      if (!inside) base?.focus();
      return;
    }
    this.focusAfterFetch = undefined;
    if (inside && inside !== base) return;
    const next =
      root.querySelector<HTMLButtonElement>('button[part~="action"]') ??
      root.querySelector<HTMLButtonElement>('[part~="error"] button');
    next?.focus();
  }

  private dismiss(): void {
    const id = this.currentId;
    if (!id) return;
    this.failures.delete(id);
    this.focusAfter = { conversationId: id };
    this.requestUpdate();
  }

  /** Keeps keyboard focus on the buttons when the one that had it goes away (Close after closing, Retry, Dismiss). */
  private restoreFocus(): void {
    const target = this.focusAfter;
    if (!target) return;
    const root = this.shadowRoot!;
    const stillBusy = target.slot !== undefined && this.busy.has(`${target.conversationId}|${target.slot}`);
    if (root.activeElement) {
      // focus is still inside: the button kept its element (or the failure's buttons appeared)
      if (!stillBusy) this.focusAfter = undefined;
      return;
    }
    const outside = document.activeElement;
    if (this.currentId !== target.conversationId || (outside && outside !== document.body && outside !== this)) {
      this.focusAfter = undefined; // the user moved on
      return;
    }
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[part~="action"]')];
    const next =
      buttons.find((b) => b.dataset.slot === target.slot) ??
      buttons[0] ??
      root.querySelector<HTMLButtonElement>('[part~="error"] button') ??
      // nothing left to press (e.g. after Close): keep focus in the element rather than on <body>
      root.querySelector<HTMLElement>('[part~="base"]');
    next?.focus();
    if (!stillBusy) this.focusAfter = undefined;
  }

  // ---- rendering ---------------------------------------------------------------------------

  private label(action: ConversationAction): string {
    const s = this.strings;
    switch (action) {
      case 'close':
        return s.close;
      case 'archive':
        return s.archive;
      case 'unarchive':
        return s.unarchive;
      case 'mark-read':
        return s.markRead;
      case 'mark-unread':
        return s.markUnread;
    }
  }

  private renderButton(view: SlotView): TemplateResult {
    return html`<button
      part=${`action ${view.action}`}
      class=${view.action === 'close' ? 'action primary' : 'action'}
      type="button"
      data-slot=${view.slot}
      data-action=${view.action}
      aria-busy=${view.busy ? 'true' : nothing}
      aria-disabled=${view.busy ? 'true' : nothing}
      @click=${() => this.onActionClick(view)}
    >
      ${
        view.busy
          ? html`<span class="spinner" aria-hidden="true"></span>`
          : html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              ${ICONS[view.action]}
            </svg>`
      }
      <span class="label">${this.label(view.action)}</span>
    </button>`;
  }

  private renderSlot(view: SlotView): TemplateResult {
    if (view.slot !== 'close' || !this.resolutions.length) return this.renderButton(view);
    const s = this.strings;
    return html`<span class="close-group">
      <select
        part="resolution"
        class="resolution"
        aria-label=${s.resolutionLabel}
        .value=${live(this.resolution)}
        @change=${this.onResolutionChange}
      >
        ${this.resolutions.map(
          (r) => html`<option value=${r} ?selected=${r === this.resolution}>${s.resolutions[r] ?? r}</option>`,
        )}
      </select>
      ${this.renderButton(view)}
    </span>`;
  }

  /** Why the conversation could not be loaded, with Retry. */
  private renderConversationError(): TemplateResult | typeof nothing {
    const error = this.conversationFetch.error;
    if (!error) return nothing;
    const s = this.strings;
    return html`<div part="error" class="error conversation-error" role="alert">
      <span class="error-text">${s.conversationErrors[error.kind] ?? s.conversationFailed}</span>
      <span class="error-actions">
        <button part="retry" class="link-button" type="button" @click=${this.retryConversation}>${s.retry}</button>
      </span>
    </div>`;
  }

  private renderFailure(id: string): TemplateResult | typeof nothing {
    const failure = this.failures.get(id);
    if (!failure) return nothing;
    const s = this.strings;
    const reason = s.errors[failure.error.kind];
    return html`<div part="error" class="error" role="alert">
      <span class="error-text">${s.failed[failure.action]}${reason ? ` ${reason}` : ''}</span>
      <span class="error-actions">
        ${
          canOfferRetry(failure.error)
            ? html`<button part="retry" class="link-button" type="button" @click=${this.retry}>${s.retry}</button>`
            : nothing
        }
        <button part="dismiss" class="link-button" type="button" @click=${this.dismiss}>${s.dismiss}</button>
      </span>
    </div>`;
  }

  override render() {
    const store = this.ctx.store;
    const id = this.currentId;
    const unloaded = this.conversationFetch.error !== undefined;
    const views = store && id && this.state !== 'loading' && !unloaded ? this.slots(store, id) : [];
    return html`<div
      part="base"
      class="base"
      tabindex="-1"
      data-theme=${this.ctx.theme}
      role=${views.length ? 'group' : nothing}
      aria-label=${views.length ? this.strings.label : nothing}
      aria-busy=${this.state === 'loading' ? 'true' : nothing}
    >
      ${
        views.length
          ? html`<div class="actions">
              ${repeat(
                views,
                (v) => v.slot,
                (v) => this.renderSlot(v),
              )}
            </div>`
          : nothing
      }
      ${store && id ? this.renderConversationError() : nothing} ${id ? this.renderFailure(id) : nothing}
      <span class="visually-hidden" role="status">${this.announcement}</span>
    </div>`;
  }
}

InboxConversationActions.define('inbox-conversation-actions');

declare global {
  interface HTMLElementTagNameMap {
    'inbox-conversation-actions': InboxConversationActions;
  }
}
