/**
 * Shared set-up for the `<conversation-thread>` tests: hand-made messages and
 * conversations over a MemoryAdapter, rendered inside a provider.
 */
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/memory-adapter.js';
import '../../src/components/conversation-thread/conversation-thread.js';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import type { Conversation, Message } from '../../src/data/models.js';
import { renderWithProvider, type RenderWithProviderResult } from '../support/render-with-provider.js';

export const MINUTE = 60_000;
/** "Now" for the hand-made messages: the last one is a minute old. */
export const NOW = Date.now();

/** The virtualizer's ResizeObserver can report a benign loop error; it is not a failure. */
export function ignoreResizeObserverLoops(): void {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });
}

/** The page counts as visible (pages run side by side report "hidden", and a hidden thread does not mark read). */
export function pinPageVisible(): void {
  beforeEach(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  });
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });
}

/** Message `i` of `total`, one minute apart, alternating sides every 3 messages. */
export function message(i: number, partial: Partial<Message> = {}, total = 20, conversationId = 'c1'): Message {
  const direction = partial.direction ?? (Math.floor(i / 3) % 2 === 0 ? 'inbound' : 'outbound');
  return {
    id: `m${String(i).padStart(5, '0')}`,
    conversationId,
    direction,
    kind: 'text',
    text: `Message ${i}`,
    status: direction === 'inbound' ? 'received' : 'read',
    createdAt: new Date(NOW - (total - i) * MINUTE).toISOString(),
    ...partial,
  };
}

export function messages(total: number, partial: (i: number) => Partial<Message> = () => ({})): Message[] {
  return Array.from({ length: total }, (_, i) => message(i, partial(i), total));
}

export function conversation(partial: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    dialect: 'memory',
    status: 'open',
    channel: { kind: 'whatsapp' },
    contact: { displayName: 'Ada Lovelace', phone: '+447700900001' },
    assignee: null,
    unreadCount: 0,
    lastInboundAt: new Date(NOW - 2 * 60 * MINUTE).toISOString(),
    ...partial,
  };
}

export interface ThreadSetup {
  messages?: Message[];
  conversation?: Partial<Conversation>;
  adapter?: Partial<MemoryAdapterOptions>;
  /** The provider's selection; default `c1`. */
  selected?: string | null;
  template?: TemplateResult;
  /** Wait until the thread is ready and scrolled into place (default true). */
  settle?: boolean;
  /** Called with the adapter before anything renders (to hold or fail calls). */
  prepare?: (adapter: MemoryAdapter) => void;
}

export type ThreadResult = RenderWithProviderResult<ConversationThread>;

export async function renderThread(setup: ThreadSetup = {}): Promise<ThreadResult> {
  const msgs = setup.messages ?? messages(20);
  const adapter = new MemoryAdapter({
    seed: [{ conversation: conversation(setup.conversation), messages: msgs }],
    ...setup.adapter,
  });
  setup.prepare?.(adapter);
  const result = await renderWithProvider<ConversationThread>(
    setup.template ?? html`<conversation-thread style="height: 480px"></conversation-thread>`,
    { adapter, selected: setup.selected === undefined ? 'c1' : setup.selected },
  );
  if (setup.settle ?? true) {
    await waitUntil(() => result.el.state !== 'loading' && result.el.state !== 'initial', 'the thread did not load');
    await result.el.scrollSettled;
  }
  return result;
}

export function shadow(el: ConversationThread): ShadowRoot {
  return el.shadowRoot!;
}

export function logOf(el: ConversationThread): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="log"]')!;
}

/** Rendered message rows, in order. */
export function messageRows(el: ConversationThread): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="message"]')].sort(
    (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
  );
}

export function row(el: ConversationThread, messageId: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-anchor-key="m:${messageId}"]`);
}

/** The offset of a row from the top of the log. */
export function offsetInLog(el: ConversationThread, rowEl: Element): number {
  return rowEl.getBoundingClientRect().top - logOf(el).getBoundingClientRect().top;
}

/** The first message row at least partly visible in the log. */
export function firstVisibleMessage(el: ConversationThread): HTMLElement | undefined {
  const box = logOf(el).getBoundingClientRect();
  return messageRows(el).find((r) => {
    const b = r.getBoundingClientRect();
    return b.bottom > box.top + 1 && b.top < box.bottom;
  });
}

export function isAtBottom(log: HTMLElement): boolean {
  return log.scrollHeight - log.clientHeight - log.scrollTop <= 2;
}

/** Scrolls the log as a user would (a wheel turn, then the scroll), and waits for the element to notice. */
export async function scrollLogTo(el: ConversationThread, top: number): Promise<void> {
  const log = logOf(el);
  await el.scrollSettled;
  log.dispatchEvent(new WheelEvent('wheel', { deltaY: top - log.scrollTop, bubbles: true }));
  log.scrollTop = top;
  log.dispatchEvent(new Event('scroll'));
  await el.updateComplete;
}
