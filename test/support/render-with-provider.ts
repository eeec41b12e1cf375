/**
 * Renders a template inside `<inbox-provider>` over a `MemoryAdapter` and waits
 * until the provider's store exists.
 *
 *   const { provider, el, adapter, store } = await renderWithProvider<InboxList>(html`<inbox-list></inbox-list>`);
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxProvider } from '../../src/components/inbox-provider/inbox-provider.js';
import '../../src/components/inbox-provider/inbox-provider.js';
import type { InboxStore } from '../../src/data/store.js';

export interface RenderWithProviderOptions {
  /** Default: a new seeded `MemoryAdapter`. */
  adapter?: MemoryAdapter;
  /** The provider's `selected` conversation id. */
  selected?: string | null;
  /** Default: the adapter's `currentUserId`. */
  currentUserId?: string;
  /** Seconds between polls (default 0: polling off). */
  pollInterval?: number;
}

export interface RenderWithProviderResult<T extends Element> {
  provider: InboxProvider;
  /** The first element child of the provider. */
  el: T;
  adapter: MemoryAdapter;
  store: InboxStore;
}

export async function renderWithProvider<T extends Element = HTMLElement>(
  template: TemplateResult,
  options: RenderWithProviderOptions = {},
): Promise<RenderWithProviderResult<T>> {
  const adapter = options.adapter ?? new MemoryAdapter({ currentUserId: options.currentUserId });
  const currentUserId = options.currentUserId ?? adapter.currentUserId;
  const provider = await fixture<InboxProvider>(html`
    <inbox-provider
      .source=${adapter}
      poll-interval=${String(options.pollInterval ?? 0)}
      current-user-id=${currentUserId}
      .selected=${options.selected ?? null}
      >${template}</inbox-provider
    >
  `);
  await waitUntil(() => provider.inboxStore, 'the provider did not create its store');
  await provider.updateComplete;
  const store = provider.inboxStore!;
  const el = provider.firstElementChild as T | null;
  if (!el) throw new Error('renderWithProvider: the template rendered no element inside the provider');
  const updatable = el as unknown as { updateComplete?: Promise<unknown> };
  if (updatable.updateComplete) await updatable.updateComplete;
  return { provider, el, adapter, store };
}
