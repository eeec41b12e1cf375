/**
 * Finds the element's store: from the nearest `<inbox-provider>` through
 * context (across shadow roots), or from the element's own `source` property.
 * Re-renders the host on store changes that concern it.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { inboxContext, type InboxContextValue, type InboxTheme } from '../data/context.js';
import type { InboxDataSource } from '../data/data-source.js';
import { InboxStore, type StoreChangeDetail } from '../data/store.js';
import { closestAttribute } from '../internal/i18n.js';

const ownStores = new WeakMap<InboxDataSource, InboxStore>();

/** One store per data source for elements that are given a `source` directly. */
export function storeForSource(source: InboxDataSource): InboxStore {
  let store = ownStores.get(source);
  if (!store) {
    store = new InboxStore(source, { pollInterval: 0 });
    ownStores.set(source, store);
  }
  return store;
}

type Host = ReactiveControllerHost & HTMLElement & { source?: InboxDataSource };

export class InboxContextController implements ReactiveController {
  private readonly host: Host;
  private readonly consumer: ContextConsumer<typeof inboxContext, Host>;
  private readonly relevant: (change: StoreChangeDetail) => boolean;
  private readonly onStoreChange?: (store: InboxStore, change: StoreChangeDetail) => void;
  private subscribed?: InboxStore;
  private unsubscribe?: () => void;

  constructor(
    host: Host,
    options: {
      /** Which changes re-render the host (default: all). */
      relevant?: (change: StoreChangeDetail) => boolean;
      /** Called for every change of the current store, relevant or not. */
      onChange?: (store: InboxStore, change: StoreChangeDetail) => void;
    } = {},
  ) {
    this.host = host;
    this.relevant = options.relevant ?? (() => true);
    this.onStoreChange = options.onChange;
    this.consumer = new ContextConsumer(host, { context: inboxContext, subscribe: true });
    host.addController(this);
  }

  /** The context value from a provider, if one answered. */
  get context(): InboxContextValue | undefined {
    return this.consumer.value;
  }

  /** The element's own `source` wins over the provider's. */
  get store(): InboxStore | undefined {
    if (this.host.source) return storeForSource(this.host.source);
    return this.consumer.value?.store;
  }

  /** The theme to render: the element's own `theme`, else the provider's, else an ancestor's. */
  get theme(): InboxTheme {
    const own = this.host.getAttribute('theme');
    if (own === 'dark' || own === 'light') return own;
    const fromProvider = this.consumer.value?.theme;
    if (fromProvider && fromProvider !== 'auto') return fromProvider;
    const ancestor = closestAttribute(this.host, 'theme');
    return ancestor === 'dark' || ancestor === 'light' ? ancestor : 'auto';
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribed = undefined;
  }

  private sync(): void {
    const store = this.store;
    if (store === this.subscribed) return;
    this.unsubscribe?.();
    this.subscribed = store;
    this.unsubscribe = store?.subscribe((change) => {
      this.onStoreChange?.(store, change);
      if (this.relevant(change)) this.host.requestUpdate();
    });
  }
}
