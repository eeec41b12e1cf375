/**
 * Shared set-up for the fault matrix and the keyboard walk (not a test file):
 * the real elements inside `<inbox-provider backend=…>` against the reference
 * backend (MSW in the page), a recorder for the inbox events, and small
 * shadow-DOM helpers.
 */
import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/components/assignee-picker/assignee-picker.js';
import '../../src/components/conversation-thread/conversation-thread.js';
import '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import '../../src/components/inbox-list/inbox-list.js';
import '../../src/components/inbox-provider/inbox-provider.js';
import type { InboxProvider } from '../../src/components/inbox-provider/inbox-provider.js';
import '../../src/components/message-composer/message-composer.js';
import { DRAFT_KEY_PREFIX } from '../../src/controllers/draft-controller.js';
import type { DataSourceConfig } from '../../src/data/data-source.js';
import type { InboxError } from '../../src/data/errors.js';
import type { Conversation } from '../../src/data/models.js';
import type { InboxStore } from '../../src/data/store.js';
import { startReferenceBackend, type BrowserReferenceBackend } from '../../reference-backend/browser.js';
import { hostConfig, REFERENCE_DIALECTS, type ReferenceDialect } from '../../reference-backend/host-config.js';
import type { RecordedRequest } from '../../reference-backend/router.js';
import type { FakeClock } from '../support/fake-timers.js';

export { REFERENCE_DIALECTS, type ReferenceDialect };

export interface ErrorEventRecord {
  /** The element (or provider) that dispatched the event. */
  source: string;
  operation: string;
  error: InboxError;
  conversationId?: string;
}

/** Records `inbox-error` and `inbox-auth-required` events that reach the document. */
export class EventRecorder {
  readonly errors: ErrorEventRecord[] = [];
  readonly authRequired: InboxError[] = [];
  private readonly onError = (e: Event) => {
    const detail = (e as CustomEvent<{ operation: string; error: InboxError; conversationId?: string }>).detail;
    const source = (e.composedPath()[0] as Element | undefined)?.localName ?? '?';
    this.errors.push({ source, ...detail });
  };
  private readonly onAuth = (e: Event) =>
    this.authRequired.push((e as CustomEvent<{ error: InboxError }>).detail.error);

  attach(): this {
    document.addEventListener('inbox-error', this.onError);
    document.addEventListener('inbox-auth-required', this.onAuth);
    return this;
  }

  detach(): void {
    document.removeEventListener('inbox-error', this.onError);
    document.removeEventListener('inbox-auth-required', this.onAuth);
  }

  of(operation: string): ErrorEventRecord[] {
    return this.errors.filter((e) => e.operation === operation);
  }

  clear(): void {
    this.errors.length = 0;
    this.authRequired.length = 0;
  }
}

const INFLIGHT = Symbol('inflight');
type Tracked = BrowserReferenceBackend & { [INFLIGHT]?: { count: number } };

/**
 * The singleton reference backend of this page (started once, reset per test),
 * counting the requests it is still answering: a slow (latency) fault keeps
 * running after the client gave up, and must not change the next test's data.
 */
export async function referenceBackend(): Promise<BrowserReferenceBackend> {
  const backend = (await startReferenceBackend()) as Tracked;
  if (!backend[INFLIGHT]) {
    const inflight = { count: 0 };
    backend[INFLIGHT] = inflight;
    const handle = backend.handle.bind(backend);
    backend.handle = async (request) => {
      // only writes matter: a slow read answers a client that is gone
      const write = request.method !== 'GET';
      if (write) inflight.count++;
      try {
        return await handle(request);
      } finally {
        if (write) inflight.count--;
      }
    };
  }
  return backend;
}

/** Forgets the writes the backend holds (their fake latency timers were dropped with the fake clock). */
export function abandonInflight(backend: BrowserReferenceBackend): void {
  const inflight = (backend as Tracked)[INFLIGHT];
  if (inflight) inflight.count = 0;
}

/** Waits until the backend has answered every write it received (slow faults included). */
export async function drained(backend: BrowserReferenceBackend): Promise<void> {
  const inflight = (backend as Tracked)[INFLIGHT];
  if (inflight) await waitUntil(() => inflight.count === 0, 'the backend is still answering', { timeout: 5000 });
}

/** Forgets the composer drafts of the reference dialects (a failed send's text is kept as a draft). */
export function clearReferenceDrafts(): void {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key && REFERENCE_DIALECTS.some((d) => key.startsWith(`${DRAFT_KEY_PREFIX}${d}:`))) localStorage.removeItem(key);
  }
}

/** The virtualizer's ResizeObserver can report a benign loop error; it is not a failure (for a whole `describe`, hooks included). */
export function ignoreResizeObserverLoops(): void {
  let teardown: (() => void) | undefined;
  before(() => {
    teardown = ignoreWindowResizeObserverLoopErrors({ suppressErrorLogging: true });
  });
  after(() => {
    teardown?.();
    teardown = undefined;
  });
}

export interface Mounted {
  provider: InboxProvider;
  store: InboxStore;
  currentUserId: string;
}

/**
 * Renders `body` inside `<inbox-provider backend=… base-url=… .options=… poll-interval="0">`
 * for one dialect of the reference backend, and waits for the provider's store.
 */
export async function mountInbox(
  backend: BrowserReferenceBackend,
  dialect: ReferenceDialect,
  body: TemplateResult,
  options: Partial<DataSourceConfig> = {},
): Promise<Mounted> {
  const config = hostConfig(backend.db, dialect);
  const merged: Partial<DataSourceConfig> = {
    ...config.options,
    ...options,
    headers: {
      ...(config.options.headers as Record<string, string> | undefined),
      ...(options.headers as Record<string, string> | undefined),
    },
  };
  const provider = await fixture<InboxProvider>(
    html`<inbox-provider
      backend=${dialect}
      base-url=${backend.baseUrl(dialect)}
      .options=${merged}
      poll-interval="0"
      current-user-id=${config.currentUserId}
      >${body}</inbox-provider
    >`,
  );
  await waitUntil(() => provider.inboxStore, `${dialect}: the provider did not create its store`);
  await provider.updateComplete;
  return { provider, store: provider.inboxStore!, currentUserId: config.currentUserId };
}

/** Loads the list through the store (set-up, not the operation under test) and returns its rows. */
export async function listedConversations(store: InboxStore): Promise<Conversation[]> {
  if (store.getListState().status !== 'ready') await store.loadList();
  const state = store.getListState();
  if (state.status !== 'ready')
    throw new Error(`set-up: the list did not load (${state.error?.message ?? state.status})`);
  return state.conversations;
}

/** `waitUntil` whose failure message is computed when it fails (the state at that moment). */
export async function until(predicate: () => unknown, describe: () => string, timeout = 4000): Promise<void> {
  try {
    await waitUntil(predicate, 'timeout', { timeout });
  } catch {
    throw new Error(`Timeout: ${describe()}`);
  }
}

/**
 * Lets promises, messages and the service worker run (real macrotasks, no timer)
 * until `predicate` holds, while the clock is fake and `waitUntil` cannot poll.
 */
export async function flushUntil(
  clock: FakeClock,
  predicate: () => unknown,
  describe: () => string,
  ms = 5000,
): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error(`Timeout (fake clock): ${describe()}`);
    await clock.flush();
  }
}

// ---- shadow DOM ----------------------------------------------------------------------

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** True when the element and its ancestors (across shadow roots) are rendered. */
export function isShown(el: Element | null | undefined): boolean {
  if (!el || !el.isConnected) return false;
  let node: Element | null = el;
  while (node) {
    if (node instanceof HTMLElement && node.hidden) return false;
    if (getComputedStyle(node).display === 'none') return false;
    const parent: Element | null = node.parentElement;
    if (parent) node = parent;
    else {
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return true;
}

/** Elements of `el`'s shadow root with the part `name`. */
export function parts<T extends HTMLElement = HTMLElement>(el: Element, name: string): T[] {
  return [...shadow(el).querySelectorAll<T>(`[part~="${name}"]`)];
}

/** The first shown element with the part `name` in `el`'s shadow root. */
export function shownPart<T extends HTMLElement = HTMLElement>(el: Element, name: string): T | undefined {
  return parts<T>(el, name).find((p) => isShown(p));
}

/** The focused element, followed through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The chain of focused elements from the document down (hosts first). */
export function focusPath(): Element[] {
  const path: Element[] = [];
  let active: Element | null = document.activeElement;
  while (active) {
    path.push(active);
    active = active.shadowRoot?.activeElement ?? null;
  }
  return path;
}

/** Readable text of an element (collapsed whitespace). */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

// ---- backend records -------------------------------------------------------------------

/** The requests the backend recorded for a dialect, optionally by method and path pattern. */
export function recorded(
  backend: BrowserReferenceBackend,
  dialect: string,
  method?: string,
  path?: RegExp,
): RecordedRequest[] {
  return backend.requests.filter(
    (r) => r.dialect === dialect && (!method || r.method === method) && (!path || path.test(r.path)),
  );
}

/** Requests whose JSON body mentions `text` (the sends of one message). */
export function carrying(requests: RecordedRequest[], text: string): RecordedRequest[] {
  return requests.filter((r) => JSON.stringify(r.body ?? '').includes(text));
}
