import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { ConversationFetchController } from '../../controllers/conversation-fetch-controller.js';
import { InboxContextController } from '../../controllers/inbox-context-controller.js';
import type { InboxTheme } from '../../data/context.js';
import type { InboxDataSource } from '../../data/data-source.js';
import { InboxError, isAbortError, toInboxError } from '../../data/errors.js';
import type { Message, SendRequest, SendTemplate, SendText, Template } from '../../data/models.js';
import { lastInboundAt, serviceWindow } from '../../data/service-window.js';
import { createClientRef, type InboxStore, type StoreChangeDetail } from '../../data/store.js';
import type { InboxMessageSendDetail } from '../../events/events.js';
import { formatDuration } from '../../internal/format.js';
import { formatNumber, formatString, memoStrings, mergeStrings, plural, resolveLang } from '../../internal/i18n.js';
import { InboxElement } from '../../internal/inbox-element.js';
import { baseStyles } from '../../styles/tokens.js';
import styles from './message-composer.styles.js';
import { MESSAGE_COMPOSER_STRINGS, type MessageComposerStrings } from './message-composer.strings.js';
import {
  isRequired,
  ownValue,
  previewSegments,
  previewText,
  templateFields,
  templateVariables,
  validateTemplate,
  type TemplateProblem,
  type TemplateValues,
} from './template-fill.js';

/** The composer's reflected state. */
export type MessageComposerState = 'initial' | 'ready' | 'error';

/** What the composer offers: free text, a template form, or nothing (with a reason). */
type Mode = 'text' | 'template' | 'blocked' | 'disabled';

type WindowView =
  | { state: 'unknown' }
  | { state: 'open' | 'closing'; remainingMs: number; predicted: boolean }
  | { state: 'closed'; predicted: boolean };

type Validation = 'blank' | 'tooLong' | 'noTemplate' | 'templateInvalid';

interface Failure {
  clientRef: string;
  request: SendRequest;
  error: InboxError;
}

const HOUR_MS = 60 * 60 * 1000;
/** Browsers without `field-sizing: content` grow the input from script. */
const GROWS_BY_CSS =
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');
/** How often the window countdown is refreshed. */
const TICK_MS = 30_000;

/** The string table, merged once per `i18n` object (`sendErrors` and `conversationErrors` merged one level deep). */
const composerStrings = memoStrings(MESSAGE_COMPOSER_STRINGS, (defaults, overrides) => {
  const merged = mergeStrings(defaults, overrides);
  if (overrides.sendErrors) merged.sendErrors = { ...defaults.sendErrors, ...overrides.sendErrors };
  if (overrides.conversationErrors) {
    merged.conversationErrors = { ...defaults.conversationErrors, ...overrides.conversationErrors };
  }
  return merged;
});

/**
 * The reply box of a conversation: multiline text with the dialect's length
 * limit, optimistic sending with an idempotent retry, per-conversation drafts,
 * and the 24-hour service window (a countdown, then approved templates with
 * their variables where the backend can send them).
 *
 * Enter sends, Shift+Enter adds a line, and Enter while an IME is composing
 * never sends.
 *
 * When the conversation it has to fetch (to know its window) cannot be
 * loaded, it says why, offers Retry and stays disabled until it arrives.
 *
 * @tag message-composer
 *
 * @csspart base - The root container.
 * @csspart window-notice - The service-window countdown, warning or explanation.
 * @csspart error - A reason a message was not sent, or why the templates or the conversation could not be loaded (`role="alert"`).
 * @csspart retry - The Retry button of a failed send, of the templates or of the conversation.
 * @csspart notice - Why the composer is disabled.
 * @csspart field - The box around the text input.
 * @csspart input - The text input (a textarea).
 * @csspart send - The Send buttons (text and template).
 * @csspart counter - The length counter, shown in the last 10 % of the limit and when over it.
 * @csspart template-toggle - Switches between free text and templates while the window is open.
 * @csspart template-panel - The template form.
 * @csspart templates - The template picker (a select).
 * @csspart variable - A template variable's input.
 * @csspart template-preview - The live preview of the filled template.
 * @csspart status - "Sending…" while a send is in flight.
 *
 * @cssprop --message-composer-max-block-size - How tall the input grows before it scrolls. Default `10lh`.
 * @cssprop --message-composer-background - The composer's background. Default `var(--inbox-color-surface)`.
 * @cssprop --message-composer-field-background - The input box's background. Default `var(--inbox-color-surface-raised)`.
 * @cssprop --message-composer-send-size - The Send button's size. Default `var(--inbox-control-height)`.
 *
 * @fires inbox-message-send - Before a send (cancelable; a listener may rewrite `detail.text`). Detail: `{ conversationId, text?, request }`.
 * @fires inbox-message-sent - After the backend accepted a message. Detail: `{ message }`.
 * @fires inbox-error - A send (operation `send`), the templates or the conversation could not be loaded. Detail: `{ operation, error, conversationId }`.
 */
export class MessageComposer extends InboxElement {
  static override styles = [baseStyles, styles];
  static override shadowRootOptions = { ...InboxElement.shadowRootOptions, delegatesFocus: true };

  private readonly ctx = new InboxContextController(this, {
    relevant: (change) => this.isRelevant(change),
  });
  private readonly drafts = new DraftController(this);

  /** Failed sends by conversation id (the latest one per conversation). */
  private readonly failures = new Map<string, Failure>();
  /** Sends this element started that have not settled: clientRef → conversation id. */
  private readonly sending = new Map<string, string>();
  /** Conversations where the backend said the window is closed, with the last inbound time then. */
  private readonly forcedClosed = new Map<string, string | null>();
  /** The text send being started (guards a double submit). */
  private starting?: { conversationId: string; text: string };
  /** The conversation key (`dialect:id`) the input belongs to. */
  private activeKey: string | null = null;
  private templatesStore?: InboxStore;
  private tickTimer?: ReturnType<typeof setInterval>;
  private focusTemplatesNext = false;
  /** Retry of the conversation had focus: focus the input once it is usable (or Retry again if it failed again). */
  private focusAfterFetch = false;
  /** Fetches the shown conversation when nothing has loaded it, so its window is known. */
  private readonly conversationFetch = new ConversationFetchController(this);

  @query('textarea') private input?: HTMLTextAreaElement;
  @query('select') private picker?: HTMLSelectElement;

  @state() private text = '';
  @state() private validation?: Validation;
  @state() private templateChosen = false;
  @state() private templateIndex = -1;
  @state() private values: TemplateValues = {};
  @state() private touched: ReadonlySet<string> = new Set();
  @state() private showProblems = false;
  @state() private templates: Template[] = [];
  @state() private templatesStatus: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private tick = 0;

  /** A data source of its own; wins over the provider's. */
  @property({ attribute: false }) source?: InboxDataSource;

  /** Replacement strings, merged over the defaults. */
  @property({ attribute: false }) i18n?: Partial<MessageComposerStrings>;

  /** `light`, `dark` or `auto`; unset follows the provider or an ancestor's `theme`. */
  @property({ reflect: true }) theme?: InboxTheme;

  /** The conversation to reply to; unset follows the provider's selection. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** Lowers the dialect's length limit (`capabilities.send.textMaxLength`); it never raises it. */
  @property({ attribute: 'max-length', type: Number }) maxLength?: number;

  /** Read-only: `initial` (nothing to reply to), `ready`, or `error` (the last send failed, or the conversation could not be loaded). */
  @property({ reflect: true }) state: MessageComposerState = 'initial';

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.ctx.store;
    const id = this.currentId;
    const key = store && id ? `${store.dialect}:${id}` : null;
    if (key !== this.activeKey) this.switchConversation(store, id, key);
    if (store && id) {
      this.conversationFetch.ensure(store, id);
      this.dropResolvedFailure(store, id);
    }
    if (store && this.mode === 'template' && this.templatesStore !== store) this.loadTemplates(store);
    this.state = !store || !id ? 'initial' : this.visibleFailure || this.conversationError ? 'error' : 'ready';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncTimer();
    if ((changed as Map<PropertyKey, unknown>).has('text')) this.autosize();
    if (this.focusTemplatesNext && this.picker) {
      this.focusTemplatesNext = false;
      this.picker.focus();
    }
    this.restoreFocusAfterFetch();
  }

  // ---- derived state ---------------------------------------------------------------

  private get strings(): MessageComposerStrings {
    return composerStrings(this.i18n);
  }

  private get locale(): string {
    return resolveLang(this);
  }

  /** The conversation the composer writes to. */
  private get currentId(): string | null {
    return this.conversationId || this.ctx.store?.selected || null;
  }

  private isRelevant(change: StoreChangeDetail): boolean {
    if (change.scope === 'selection' || change.scope === 'list' || change.scope === 'templates') return true;
    return change.conversationId !== undefined && change.conversationId === this.currentId;
  }

  /** The effective length limit: the dialect's, lowered by `max-length`. */
  private get limit(): number | undefined {
    const limits = [this.ctx.store?.capabilities.send.textMaxLength, this.maxLength].filter(
      (n): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0,
    );
    return limits.length ? Math.min(...limits) : undefined;
  }

  private messagesOf(store: InboxStore, id: string): readonly Message[] {
    return store.getThreadState(id).messages;
  }

  private get window(): WindowView {
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id) return { state: 'unknown' };
    const conversation = store.getConversation(id);
    const messages = this.messagesOf(store, id);
    const w = serviceWindow(conversation, messages);
    const predicted = w.source === 'predicted';
    if (this.forcedClosed.has(id)) {
      const then = this.forcedClosed.get(id);
      const inbound = lastInboundAt(conversation, messages) ?? null;
      if (inbound === then || (inbound && then && Date.parse(inbound) <= Date.parse(then))) {
        return { state: 'closed', predicted: false };
      }
      this.forcedClosed.delete(id); // the customer wrote since
    }
    if (w.source === 'unknown' || w.isOpen === undefined) return { state: 'unknown' };
    if (!w.isOpen) return { state: 'closed', predicted };
    const remainingMs = Math.max(0, Date.parse(w.expiresAt ?? '') - Date.now());
    if (Number.isNaN(remainingMs)) return { state: 'unknown' };
    return { state: remainingMs <= HOUR_MS ? 'closing' : 'open', remainingMs, predicted };
  }

  /** Why the shown conversation could not be loaded (the composer is disabled until it is). */
  private get conversationError(): InboxError | undefined {
    return this.ctx.store && this.currentId ? this.conversationFetch.error : undefined;
  }

  private get canSendTemplates(): boolean {
    return (this.ctx.store?.capabilities.send.template ?? 'none') !== 'none';
  }

  private get mode(): Mode {
    const store = this.ctx.store;
    if (!store || !this.currentId || this.conversationError) return 'disabled';
    const send = store.capabilities.send;
    if (this.window.state === 'closed') return this.canSendTemplates ? 'template' : 'blocked';
    if (!send.text) return this.canSendTemplates ? 'template' : 'disabled';
    return this.templateChosen && this.canSendTemplates ? 'template' : 'text';
  }

  /** The current conversation's failed send, while its message is still failed. */
  private get visibleFailure(): Failure | undefined {
    const id = this.currentId;
    return id ? this.failures.get(id) : undefined;
  }

  private isSending(id: string): boolean {
    for (const conversationId of this.sending.values()) if (conversationId === id) return true;
    return false;
  }

  private get selectedTemplate(): Template | undefined {
    return this.templates[this.templateIndex];
  }

  // ---- conversation switching, drafts, templates -------------------------------------

  private switchConversation(store: InboxStore | undefined, id: string | null, key: string | null): void {
    this.activeKey = key;
    this.text = this.drafts.switchTo(store?.dialect, id);
    this.validation = undefined;
    this.templateChosen = false;
    this.resetTemplateForm();
  }

  private resetTemplateForm(): void {
    this.templateIndex = -1;
    this.values = {};
    this.touched = new Set();
    this.showProblems = false;
  }

  /** Forgets a failure once its message was retried elsewhere (e.g. from the thread) or discarded. */
  private dropResolvedFailure(store: InboxStore, id: string): void {
    const failure = this.failures.get(id);
    if (!failure || this.sending.has(failure.clientRef)) return;
    const message = this.messagesOf(store, id).find((m) => m.clientRef === failure.clientRef);
    if (!message || message.status !== 'failed') this.failures.delete(id);
  }

  private loadTemplates(store: InboxStore): void {
    this.templatesStore = store;
    this.templatesStatus = 'loading';
    store.loadTemplates().then(
      (list) => {
        if (this.templatesStore !== store) return;
        this.templates = list;
        this.templatesStatus = 'ready';
      },
      (error: unknown) => {
        if (this.templatesStore !== store || isAbortError(error)) return;
        this.templatesStatus = 'error';
        this.emit('inbox-error', {
          operation: 'templates',
          error: toInboxError(error, store.dialect),
          conversationId: this.currentId ?? undefined,
        });
      },
    );
  }

  private retryConversation(): void {
    // Retry goes away while the fetch runs: move focus to the input (usable meanwhile) then
    this.focusAfterFetch = true;
    this.conversationFetch.retry();
  }

  private restoreFocusAfterFetch(): void {
    if (!this.focusAfterFetch) return;
    const store = this.ctx.store;
    const id = this.currentId;
    const fetching = store && id ? this.conversationFetch.isFetching(store, id) : false;
    if (!fetching) this.focusAfterFetch = false;
    const focused = this.shadowRoot!.activeElement as HTMLTextAreaElement | null;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!focused && !lost) return; // the user moved on
    if (focused && !focused.disabled) return;
    const root = this.shadowRoot!;
    const retry = root.querySelector<HTMLButtonElement>('#conversation-error button');
    if (retry) retry.focus();
    else this.focus();
  }

  private retryTemplates(): void {
    const store = this.ctx.store;
    if (store) this.loadTemplates(store);
  }

  // ---- countdown ----------------------------------------------------------------------

  private syncTimer(): void {
    const w = this.isConnected ? this.window : { state: 'unknown' as const };
    const needed = w.state === 'open' || w.state === 'closing';
    if (needed && this.tickTimer === undefined) {
      this.tickTimer = setInterval(() => (this.tick = Date.now()), TICK_MS);
    } else if (!needed) {
      this.stopTimer();
    }
  }

  /** Grows the input with its content up to its max-block-size, where CSS cannot. */
  private autosize(): void {
    const textarea = this.input;
    if (GROWS_BY_CSS || !textarea) return;
    textarea.style.blockSize = 'auto';
    textarea.style.blockSize = `${textarea.scrollHeight}px`;
  }

  private stopTimer(): void {
    if (this.tickTimer !== undefined) clearInterval(this.tickTimer);
    this.tickTimer = undefined;
  }

  // ---- handlers ---------------------------------------------------------------------------

  private onInput(e: InputEvent): void {
    this.text = (e.target as HTMLTextAreaElement).value;
    this.drafts.set(this.text);
    this.validation = undefined;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Enter') return;
    // an IME turns Enter into "confirm the composition": never send then
    if (e.isComposing || e.keyCode === 229) return;
    if (e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.submitText();
  }

  private onToggleTemplates(): void {
    const toTemplates = this.mode !== 'template';
    this.templateChosen = toTemplates;
    this.validation = undefined;
    if (toTemplates) this.focusTemplatesNext = true;
    else void this.updateComplete.then(() => this.input?.focus());
  }

  private onPickTemplate(e: Event): void {
    this.templateIndex = Number((e.target as HTMLSelectElement).value);
    this.values = {};
    this.touched = new Set();
    this.showProblems = false;
    this.validation = undefined;
  }

  private onVariableInput(key: string, e: Event): void {
    this.values = { ...this.values, [key]: (e.target as HTMLInputElement).value };
    if (this.validation === 'templateInvalid') this.validation = undefined;
  }

  private onVariableBlur(key: string, e: FocusEvent): void {
    // Chromium blurs a focused field it removes while rendering: not a visit to the field
    if (!(e.target as Element).isConnected || !this.selectedTemplate) return;
    if (!this.touched.has(key)) this.touched = new Set([...this.touched, key]);
  }

  private onTemplateSubmit(e: Event): void {
    e.preventDefault();
    this.submitTemplate();
  }

  // ---- sending ---------------------------------------------------------------------------

  /** Sends the typed text (Enter or the Send button). */
  private submitText(): void {
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id || this.mode !== 'text') return;
    const text = this.text;
    if (!text.trim()) {
      // a second Enter or click right after a send finds the input already cleared
      if (!this.isSending(id)) this.validation = 'blank';
      return;
    }
    if (this.isTooLong(text)) {
      this.validation = 'tooLong';
      return;
    }
    if (this.starting && this.starting.conversationId === id && this.starting.text === text) return;
    const failure = this.failures.get(id);
    if (failure && failure.request.kind === 'text' && failure.request.text === text) {
      // the restored text of a failed send: resend it with the same reference
      this.retry(failure);
      return;
    }
    const request: SendText = { kind: 'text', conversationId: id, text, clientRef: createClientRef() };
    const detail: InboxMessageSendDetail = { conversationId: id, text, request };
    this.starting = { conversationId: id, text };
    try {
      if (!this.emit('inbox-message-send', detail, { cancelable: true })) return;
      const rewritten = detail.request.kind === 'text' && detail.request.text !== text ? detail.request.text : text;
      const finalText = typeof detail.text === 'string' && detail.text !== text ? detail.text : rewritten;
      if (!finalText.trim()) {
        this.validation = 'blank';
        return;
      }
      if (this.isTooLong(finalText)) {
        this.validation = 'tooLong';
        return;
      }
      this.text = '';
      this.drafts.clear();
      this.validation = undefined;
      this.track(store, { ...request, text: finalText }, false);
    } finally {
      this.starting = undefined;
    }
  }

  private isTooLong(text: string): boolean {
    const limit = this.limit;
    return limit !== undefined && text.length > limit;
  }

  /** Sends the chosen template with its variables. */
  private submitTemplate(): void {
    const store = this.ctx.store;
    const id = this.currentId;
    if (!store || !id || this.mode !== 'template') return;
    const template = this.selectedTemplate;
    if (!template) {
      this.validation = 'noTemplate';
      return;
    }
    const sendMode = store.capabilities.send.template;
    const problems = validateTemplate(template, this.values, sendMode);
    const firstInvalid = Object.keys(problems)[0];
    if (firstInvalid !== undefined) {
      this.showProblems = true;
      this.validation = 'templateInvalid';
      const index = templateFields(template, sendMode).findIndex((f) => f.key === firstInvalid);
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>(`#variable-${index}`)?.focus(),
      );
      return;
    }
    const variables = templateVariables(template, this.values, sendMode);
    const request: SendTemplate = {
      kind: 'template',
      conversationId: id,
      templateName: template.name,
      ...(template.language ? { language: template.language } : {}),
      ...(variables ? { variables } : {}),
      previewText: previewText(template, this.values, sendMode),
      clientRef: createClientRef(),
    };
    if (!this.emit('inbox-message-send', { conversationId: id, request }, { cancelable: true })) return;
    // the form (and the focused Send button) goes away: keep keyboard focus on the template picker
    if (this.matches(':focus-within')) this.focusTemplatesNext = true;
    this.resetTemplateForm();
    this.validation = undefined;
    this.track(store, request, false);
  }

  /** Sends a failed message again with the same client reference. */
  private retry(failure: Failure): void {
    const store = this.ctx.store;
    if (!store || this.sending.has(failure.clientRef)) return;
    const request = failure.request;
    const detail: InboxMessageSendDetail = {
      conversationId: request.conversationId,
      ...(request.kind === 'text' ? { text: request.text } : {}),
      request,
    };
    // the body must stay the same for the idempotency key: a rewrite is ignored here
    if (!this.emit('inbox-message-send', detail, { cancelable: true })) return;
    if (request.kind === 'text' && request.conversationId === this.currentId && this.text === request.text) {
      this.text = '';
      this.drafts.clear();
    }
    this.validation = undefined;
    this.track(store, request, true);
  }

  private onRetry(): void {
    const failure = this.visibleFailure;
    if (failure) this.retry(failure);
  }

  private track(store: InboxStore, request: SendRequest, isRetry: boolean): void {
    const id = request.conversationId;
    const ref = request.clientRef;
    this.sending.set(ref, id);
    this.requestUpdate();
    const call = isRetry ? store.retrySend(ref) : store.send(request);
    call.then(
      (message) => {
        this.sending.delete(ref);
        this.failures.delete(id); // the last send of this conversation went through
        this.requestUpdate();
        this.emit('inbox-message-sent', { message });
      },
      (error: unknown) => {
        this.sending.delete(ref);
        const e = toInboxError(error, store.dialect);
        this.failures.set(id, { clientRef: ref, request, error: e });
        if (e.kind === 'outside_window') {
          this.forcedClosed.set(id, lastInboundAt(store.getConversation(id), this.messagesOf(store, id)) ?? null);
          if (id === this.currentId && this.matches(':focus-within')) this.focusTemplatesNext = true;
        }
        if (request.kind === 'text') this.restoreText(store, id, request.text);
        this.requestUpdate();
        this.emit('inbox-error', { operation: 'send', error: e, conversationId: id });
      },
    );
  }

  /** Puts a failed text back where the agent can edit it, unless they typed something since. */
  private restoreText(store: InboxStore, id: string, text: string): void {
    if (id === this.currentId && store === this.ctx.store) {
      if (this.text === '') {
        this.text = text;
        this.drafts.set(text);
      }
    } else if (this.drafts.read(store.dialect, id) === '') {
      this.drafts.write(store.dialect, id, text);
    }
  }

  /** Focuses the text input, or the template picker in template mode. */
  override focus(options?: FocusOptions): void {
    const target = this.mode === 'template' ? this.picker : this.input;
    if (target && !target.disabled) target.focus(options);
    else super.focus(options);
  }

  // ---- rendering ------------------------------------------------------------------------

  private renderWindowNotice(s: MessageComposerStrings, w: WindowView, mode: Mode): TemplateResult | typeof nothing {
    if (w.state === 'unknown') return nothing;
    if (w.state === 'closed') {
      const next = this.canSendTemplates ? s.windowClosedTemplates : s.windowClosedNoTemplates;
      return html`<p part="window-notice" id="window-notice" class="window-notice" data-state="closed">
        ${this.renderIcon('lock')}<span>${s.windowClosed} ${next}</span>
      </p>`;
    }
    const time = formatDuration(w.remainingMs, this.locale);
    const text = formatString(w.state === 'closing' ? s.windowClosing : s.windowOpen, { time });
    return html`<p
      part="window-notice"
      id="window-notice"
      class="window-notice"
      data-state=${w.state}
      title=${w.predicted ? s.windowPredicted : nothing}
    >
      ${this.renderIcon('clock')}<span>${text}</span>${
        w.predicted && mode === 'text' ? html`<span class="visually-hidden">${s.windowPredicted}</span>` : nothing
      }
    </p>`;
  }

  private renderErrors(s: MessageComposerStrings): TemplateResult[] {
    const out: TemplateResult[] = [];
    const unloaded = this.conversationError;
    if (unloaded) {
      out.push(
        html`<div part="error" class="error" role="alert" id="conversation-error">
          ${this.renderIcon('alert')}<span class="error-text"
            >${s.conversationErrors[unloaded.kind] ?? s.conversationFailed}</span
          >
          <button part="retry" class="retry" type="button" @click=${this.retryConversation}>${s.retry}</button>
        </div>`,
      );
    }
    const failure = this.visibleFailure;
    if (failure && !this.sending.has(failure.clientRef)) {
      const message = s.sendErrors[failure.error.kind] ?? s.sendFailed;
      out.push(
        html`<div part="error" class="error" role="alert" id="send-error">
          ${this.renderIcon('alert')}<span class="error-text">${message}</span>
          <button part="retry" class="retry" type="button" @click=${this.onRetry}>${s.retry}</button>
        </div>`,
      );
    }
    if (this.validation) {
      const limit = this.limit ?? 0;
      const text = {
        blank: s.blank,
        tooLong: formatString(s.tooLong, { max: formatNumber(this.locale, limit) }),
        noTemplate: s.noTemplateChosen,
        templateInvalid: s.templateInvalid,
      }[this.validation];
      out.push(
        html`<div part="error" class="error" role="alert" id="validation-error">
          ${this.renderIcon('alert')}<span class="error-text">${text}</span>
        </div>`,
      );
    }
    if (this.templatesStatus === 'error' && this.mode === 'template') {
      out.push(
        html`<div part="error" class="error" role="alert" id="templates-error">
          ${this.renderIcon('alert')}<span class="error-text">${s.templatesError}</span>
          <button part="retry" class="retry" type="button" @click=${this.retryTemplates}>${s.retry}</button>
        </div>`,
      );
    }
    return out;
  }

  private renderCounter(s: MessageComposerStrings): TemplateResult | typeof nothing {
    const limit = this.limit;
    const count = this.text.length;
    if (limit === undefined || count < limit * 0.9) return nothing;
    const over = count > limit;
    const lang = this.locale;
    const description = over
      ? plural(lang, s.charactersOver, count - limit)
      : plural(lang, s.charactersLeft, limit - count);
    return html`<span part="counter" class="counter" id="counter" data-state=${over ? 'over' : 'near'}>
      <span aria-hidden="true"
        >${formatString(s.counter, { count: formatNumber(lang, count), max: formatNumber(lang, limit) })}</span
      ><span class="visually-hidden">${description}</span>
    </span>`;
  }

  private renderTextMode(s: MessageComposerStrings, mode: Mode, w: WindowView): TemplateResult {
    const disabled = mode !== 'text';
    const limit = this.limit;
    const near = limit !== undefined && this.text.length >= limit * 0.9;
    const over = limit !== undefined && this.text.length > limit;
    const unloaded = this.conversationError !== undefined;
    const describedBy = [
      disabled && mode === 'disabled' ? (unloaded ? 'conversation-error' : 'notice') : '',
      w.state === 'closing' || w.state === 'closed' ? 'window-notice' : '',
      near ? 'counter' : '',
      this.validation ? 'validation-error' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const blank = !this.text.trim();
    return html`
      <div class="row">
        ${this.renderToggle(s, mode)}
        <div part="field" class="field" ?data-disabled=${disabled}>
          <textarea
            part="input"
            id="input"
            rows="1"
            dir="auto"
            enterkeyhint="send"
            autocomplete="off"
            aria-label=${s.inputLabel}
            aria-describedby=${describedBy || nothing}
            aria-invalid=${over ? 'true' : 'false'}
            placeholder=${s.placeholder}
            .value=${live(this.text)}
            ?disabled=${disabled}
            @input=${this.onInput}
            @keydown=${this.onKeyDown}
          ></textarea>
        </div>
        <button
          part="send"
          class="send"
          type="button"
          aria-label=${s.send}
          title=${s.send}
          ?disabled=${disabled}
          ?data-blank=${blank}
          @click=${this.submitText}
        >
          ${this.renderIcon('send')}
        </button>
      </div>
    `;
  }

  private renderToggle(s: MessageComposerStrings, mode: Mode): TemplateResult | typeof nothing {
    const store = this.ctx.store;
    if (!store || !this.canSendTemplates || !store.capabilities.send.text) return nothing;
    if (mode !== 'text' && mode !== 'template') return nothing;
    if (this.window.state === 'closed') return nothing;
    const toTemplates = mode === 'text';
    return html`<button
      part="template-toggle"
      class="toggle"
      type="button"
      aria-label=${toTemplates ? s.useTemplate : s.useText}
      title=${toTemplates ? s.useTemplate : s.useText}
      @click=${this.onToggleTemplates}
    >
      ${this.renderIcon(toTemplates ? 'template' : 'text')}
    </button>`;
  }

  private renderTemplateMode(s: MessageComposerStrings, mode: Mode): TemplateResult {
    const store = this.ctx.store!;
    const sendMode = store.capabilities.send.template;
    const template = this.selectedTemplate;
    const status = this.templatesStatus;
    return html`
      <form part="template-panel" class="template-panel" novalidate @submit=${this.onTemplateSubmit}>
        <div class="template-head">
          ${this.renderToggle(s, mode)}
          <label class="label" for="templates">${s.templatesLabel}</label>
          <select
            part="templates"
            id="templates"
            aria-describedby=${
              status === 'loading' || (status === 'ready' && !this.templates.length) ? 'templates-status' : nothing
            }
            ?disabled=${status !== 'ready' || !this.templates.length}
            @change=${this.onPickTemplate}
          >
            <option value="-1" ?selected=${this.templateIndex < 0}>${s.chooseTemplate}</option>
            ${this.templates.map(
              (t, i) =>
                html`<option value=${String(i)} ?selected=${i === this.templateIndex}>
                  ${t.language ? formatString(s.templateOption, { name: t.name, language: t.language }) : t.name}
                </option>`,
            )}
          </select>
        </div>
        ${
          status === 'loading'
            ? html`<p class="hint" id="templates-status" role="status">${s.templatesLoading}</p>`
            : status === 'ready' && !this.templates.length
              ? html`<p class="hint" id="templates-status">${s.templatesEmpty}</p>`
              : nothing
        }
        ${template ? this.renderTemplateForm(s, template, sendMode) : nothing}
      </form>
    `;
  }

  private renderTemplateForm(
    s: MessageComposerStrings,
    template: Template,
    sendMode: Parameters<typeof templateFields>[1],
  ): TemplateResult {
    const fields = templateFields(template, sendMode);
    const problems = validateTemplate(template, this.values, sendMode);
    const labels = new Map(fields.map((f) => [f.key, f.label || formatString(s.variableLabel, { key: f.key })]));
    const problemText = (p: TemplateProblem) => (p === 'required' ? s.variableRequired : s.variablePattern);
    const preview = previewSegments(template, this.values, sendMode).map((seg) =>
      seg.key === undefined
        ? seg.text
        : seg.filled
          ? html`<span class="filled">${seg.value}</span>`
          : html`<span class="placeholder"
              >${labels.has(seg.key) ? `[${labels.get(seg.key)}]` : `{{${seg.key}}}`}</span
            >`,
    );
    return html`
      ${
        fields.length
          ? html`<fieldset class="variables">
              <legend class="label">${s.variablesLegend}</legend>
              ${fields.map((f, i) => {
                const problem =
                  (this.showProblems || this.touched.has(f.key)) && Object.hasOwn(problems, f.key)
                    ? problems[f.key]
                    : undefined;
                const describedBy = [f.example ? `variable-${i}-hint` : '', problem ? `variable-${i}-problem` : '']
                  .filter(Boolean)
                  .join(' ');
                return html`<div class="variable-field">
                  <label for=${`variable-${i}`}
                    >${labels.get(f.key)}${
                      isRequired(f) ? nothing : html` <span class="optional">${s.optional}</span>`
                    }</label
                  >
                  <input
                    part="variable"
                    id=${`variable-${i}`}
                    type="text"
                    dir="auto"
                    autocomplete="off"
                    .value=${live(ownValue(this.values, f.key) ?? '')}
                    ?required=${isRequired(f)}
                    aria-required=${isRequired(f) ? 'true' : 'false'}
                    aria-invalid=${problem ? 'true' : 'false'}
                    aria-describedby=${describedBy || nothing}
                    @input=${(e: Event) => this.onVariableInput(f.key, e)}
                    @blur=${(e: FocusEvent) => this.onVariableBlur(f.key, e)}
                  />
                  ${
                    f.example
                      ? html`<span class="hint" id=${`variable-${i}-hint`}
                          >${formatString(s.variableExample, { example: f.example })}</span
                        >`
                      : nothing
                  }
                  ${
                    problem
                      ? html`<span class="problem" id=${`variable-${i}-problem`}>${problemText(problem)}</span>`
                      : nothing
                  }
                </div>`;
              })}
            </fieldset>`
          : nothing
      }
      ${
        sendMode === 'by-name' && template.body && /\{\{/.test(template.body)
          ? html`<p class="hint">${s.byNameOnly}</p>`
          : nothing
      }
      <figure part="template-preview" class="preview">
        <figcaption class="label">${s.preview}</figcaption>
        <!-- the bubble is white-space: pre-wrap: nothing but the preview inside it -->
        <p class="preview-bubble" dir="auto">${preview}</p>
      </figure>
      <div class="template-actions">
        <button part="send" class="send-template" type="submit">
          ${this.renderIcon('send')}<span>${s.sendTemplate}</span>
        </button>
      </div>
    `;
  }

  private renderIcon(name: 'send' | 'clock' | 'lock' | 'alert' | 'template' | 'text'): TemplateResult {
    const paths: Record<typeof name, SVGTemplateResult> = {
      send: svg`<path d="M3.4 20.4 21 12 3.4 3.6l-.01 6.53L15 12 3.39 13.87z" fill="currentColor" />`,
      clock: svg`<circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="1.8" /><path
          d="M12 7.5V12l3 2"
          fill="none"
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linecap="round"
        />`,
      lock: svg`<rect x="5" y="10.5" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="1.8" /><path
          d="M8 10.5V8a4 4 0 0 1 8 0v2.5"
          fill="none"
          stroke="currentColor"
          stroke-width="1.8"
        />`,
      alert: svg`<circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="1.8" /><path
          d="M12 7v6m0 3.5v.5"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
        />`,
      template: svg`<rect x="4" y="3.5" width="16" height="17" rx="2" fill="none" stroke="currentColor" stroke-width="1.8" /><path
          d="M8 8.5h8M8 12h8M8 15.5h5"
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linecap="round"
        />`,
      text: svg`<path
          d="M4 5.5h16v10H9l-5 4z"
          fill="none"
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linejoin="round"
        />`,
    };
    return html`<svg
      class=${`icon icon-${name}`}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      ${paths[name]}
    </svg>`;
  }

  override render() {
    void this.tick; // re-render on the countdown tick
    const s = this.strings;
    const store = this.ctx.store;
    const id = this.currentId;
    const mode = this.mode;
    const w = this.window;
    const reason =
      !store || !id ? s.noConversation : this.conversationError ? '' : mode === 'disabled' ? s.cannotSend : '';
    const sending = id ? this.isSending(id) : false;
    return html`
      <div part="base" class="base" data-theme=${this.ctx.theme} data-mode=${mode}>
        ${this.renderWindowNotice(s, w, mode)} ${this.renderErrors(s)}
        ${mode === 'template' ? this.renderTemplateMode(s, mode) : this.renderTextMode(s, mode, w)}
        <div class="footer">
          ${reason ? html`<p part="notice" class="notice" id="notice">${reason}</p>` : nothing}
          <span part="status" class="status" role="status">${sending ? s.sending : ''}</span>
          ${mode === 'text' ? this.renderCounter(s) : nothing}
        </div>
      </div>
    `;
  }
}

MessageComposer.define('message-composer');

declare global {
  interface HTMLElementTagNameMap {
    'message-composer': MessageComposer;
  }
}
