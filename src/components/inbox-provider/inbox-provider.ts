import { provide } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createDataSource } from '../../adapters/create-data-source.js';
import { inboxContext, type InboxContextValue, type InboxTheme } from '../../data/context.js';
import type { DataSourceConfig, InboxDataSource } from '../../data/data-source.js';
import { InboxError, isInboxError } from '../../data/errors.js';
import { InboxStore, type StoreChangeDetail, type StoreErrorDetail } from '../../data/store.js';
import { InboxElement } from '../../internal/inbox-element.js';

/** Operations no element started, whose failures the provider reports itself. */
const BACKGROUND_OPERATIONS = new Set(['poll', 'summary', 'connect']);

/**
 * Provides one data source and the selection to every inbox element inside it,
 * across shadow roots. It renders its children as they are and adds no layout.
 *
 * @tag inbox-provider
 * @slot - The inbox elements and any layout around them.
 * @fires inbox-error - A background operation (polling, summary, connecting) failed. Detail: `{ operation, error }`.
 * @fires inbox-auth-required - The backend answered 401; the host should refresh its session. Detail: `{ error }`.
 */
export class InboxProvider extends InboxElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** @internal */
  @provide({ context: inboxContext })
  @state()
  protected contextValue?: InboxContextValue;

  /** @internal */
  @state()
  protected store?: InboxStore;

  /** The dialect of the backend: `switchbord`, `qlara`, `cloove`, `superwaba`, `vobiz` (or `memory`). */
  @property() backend?: string;

  /** The base URL the dialect's documented paths are appended to, usually the host's proxy. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Seconds between polls of the list and the open thread; `0` turns polling off. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 15;

  /** The signed-in agent's user id, for "assigned to me" and "assign to me". */
  @property({ attribute: 'current-user-id' }) currentUserId?: string;

  /** The selected conversation id. Elements without `conversation-id` follow it. */
  @property({ reflect: true }) selected: string | null = null;

  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`); every element inside follows it. */
  @property({ reflect: true }) theme: InboxTheme = 'auto';

  /** A data source of the host's own; wins over `backend` and `base-url`. */
  @property({ attribute: false }) source?: InboxDataSource;

  /** The rest of the `createDataSource` config: headers, fetch, agents, templates, dialect settings. */
  @property({ attribute: false }) options: Partial<DataSourceConfig> = {};

  private connectGeneration = 0;
  /** What the store made in the first `connectedCallback` was built from (until the first update). */
  private earlyConnect?: unknown[];
  private unsubscribe?: () => void;
  private readonly onStoreError = (e: Event) => this.handleStoreError((e as CustomEvent<StoreErrorDetail>).detail);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.teardown();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      // reconnecting after a move: rebuild what disconnectedCallback tore down
      if (!this.store) void this.connect();
    } else if (this.source && !this.store) {
      // a host's own source needs no async build: make the store now, so the elements inside,
      // which connect right after this one, find it in their first render instead of a frame later
      this.earlyConnect = this.connectionInputs();
      void this.connect();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const sourceKeys = ['source', 'backend', 'baseUrl', 'options'] as const;
    // a source built from `backend` took the user id when it was made: a new id needs a new source
    const userChanged = changed.has('currentUserId') && !this.source && this.backend !== undefined;
    const early = this.earlyConnect;
    this.earlyConnect = undefined;
    const builtEarly = early !== undefined && this.connectionInputs().every((v, i) => v === early[i]);
    if ((sourceKeys.some((k) => changed.has(k)) || userChanged) && !builtEarly) {
      void this.connect();
    } else if (this.store && (changed.has('pollInterval') || changed.has('currentUserId'))) {
      this.store.configure(this.storeOptions());
    }
    if (changed.has('selected') && this.store && this.store.selected !== this.selected) {
      this.store.select(this.selected);
    }
    if (changed.has('theme') && this.store) {
      this.contextValue = { store: this.store, theme: this.theme };
    }
  }

  private connectionInputs(): unknown[] {
    return [this.source, this.backend, this.baseUrl, this.options, this.currentUserId, this.pollInterval];
  }

  private storeOptions() {
    const seconds = Number.isFinite(this.pollInterval) ? Math.max(0, this.pollInterval) : 15;
    return {
      pollInterval: seconds * 1000,
      currentUserId: this.currentUserId ?? this.options.currentUserId,
      agents: this.options.agents,
      templates: this.options.templates,
    };
  }

  /** Builds the data source and its store; an older build that finishes late is dropped. */
  private async connect(): Promise<void> {
    const generation = ++this.connectGeneration;
    let source = this.source;
    if (!source) {
      if (!this.backend || !this.baseUrl) {
        this.teardown();
        return;
      }
      try {
        source = await createDataSource({
          ...this.options,
          backend: this.backend,
          baseUrl: this.baseUrl,
          currentUserId: this.currentUserId ?? this.options.currentUserId,
        });
      } catch (error) {
        if (generation !== this.connectGeneration) return;
        const e = isInboxError(error)
          ? error
          : new InboxError({ kind: 'unsupported', message: String(error), dialect: this.backend, cause: error });
        this.emit('inbox-error', { operation: 'connect', error: e });
        return;
      }
    }
    if (generation !== this.connectGeneration) return;
    this.teardown();
    const store = new InboxStore(source, this.storeOptions());
    if (this.selected) store.select(this.selected);
    store.addEventListener('error', this.onStoreError);
    this.unsubscribe = store.subscribe((change: StoreChangeDetail) => {
      if (change.scope === 'selection' && store.selected !== this.selected) this.selected = store.selected;
    });
    this.store = store;
    this.contextValue = { store, theme: this.theme };
  }

  private teardown(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.store) {
      this.store.removeEventListener('error', this.onStoreError);
      this.store.destroy();
    }
    this.store = undefined;
    this.contextValue = undefined;
  }

  private handleStoreError(detail: StoreErrorDetail): void {
    if (detail.error.kind === 'unauthorized') this.emit('inbox-auth-required', { error: detail.error });
    if (BACKGROUND_OPERATIONS.has(detail.operation)) this.emit('inbox-error', detail);
  }

  /** The store the elements share (for hosts that feed events in with `ingest`). */
  get inboxStore(): InboxStore | undefined {
    return this.store;
  }

  override render() {
    return html`<slot></slot>`;
  }
}

InboxProvider.define('inbox-provider');

declare global {
  interface HTMLElementTagNameMap {
    'inbox-provider': InboxProvider;
  }
}
