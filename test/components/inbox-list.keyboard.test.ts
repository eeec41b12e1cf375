import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxList } from '../../src/components/inbox-list/inbox-list.js';
import '../../src/components/inbox-list/inbox-list.js';
import { renderWithProvider } from '../support/render-with-provider.js';
import { conversationSeed } from '../support/seeds.js';

const NOW = Date.now();
const MINUTE = 60_000;
const NAMES = ['Ada', 'Bob', 'Bea', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kit'];

function seed(id: string, ago: number, name: string): MemorySeed {
  const at = new Date(NOW - ago).toISOString();
  const lastMessage = { text: `Hi, ${name} here`, direction: 'inbound', createdAt: at, kind: 'text' } as const;
  return conversationSeed(id, { contact: { displayName: name }, lastMessage, lastInboundAt: at }, at);
}

/** `count` conversations, c0 the most recent; names cycle through NAMES with a number. */
function seeds(count: number): MemorySeed[] {
  return Array.from({ length: count }, (_, i) =>
    seed(`c${i}`, (i + 1) * MINUTE, i < NAMES.length ? NAMES[i] : `${NAMES[i % NAMES.length]} ${i}`),
  );
}

function focusedId(el: InboxList): string | undefined {
  return (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
}

function row(el: InboxList, id: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[role="option"][data-id="${id}"]`);
}

async function renderList(count: number, options: ConstructorParameters<typeof MemoryAdapter>[0] = {}) {
  const adapter = new MemoryAdapter({ seed: seeds(count), ...options });
  const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
  const result = await renderWithProvider<InboxList>(html`<inbox-list style="height: 400px"></inbox-list>`, {
    adapter,
  });
  await waitUntil(() => result.el.state === 'ready', 'list never ready');
  await waitUntil(() => row(result.el, 'c0'), 'first row never rendered');
  return { ...result, before };
}

async function press(key: string) {
  await sendKeys({ press: key });
}

/** Tabs from `before` through the filters to the list; returns how many Tabs it took. */
async function focusFirstRow(el: InboxList, before: HTMLElement): Promise<number> {
  before.focus();
  for (let n = 1; n <= 8; n++) {
    await press('Tab');
    if (focusedId(el) !== undefined) return n;
  }
  throw new Error('Tab did not reach the list');
}

describe('<inbox-list> keyboard', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  it('is one tab stop: Tab lands on the first row (or the selected one) and leaves the list', async () => {
    const { el, before } = await renderList(5);
    const tabStops = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].filter(
      (r) => r.tabIndex === 0,
    );
    expect(tabStops.map((r) => r.dataset.id)).to.deep.equal(['c0']);
    const tabs = await focusFirstRow(el, before);
    // search, status, assignee, unread only, then the list
    expect(tabs).to.equal(5);
    expect(focusedId(el)).to.equal('c0');
    await press('Tab');
    expect(el.shadowRoot!.activeElement).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('moves with ArrowDown/ArrowUp, Home and End', async () => {
    const { el, before } = await renderList(6);
    await focusFirstRow(el, before);
    await press('ArrowDown');
    await waitUntil(() => focusedId(el) === 'c1');
    await press('ArrowDown');
    await waitUntil(() => focusedId(el) === 'c2');
    await press('ArrowUp');
    await waitUntil(() => focusedId(el) === 'c1');
    await press('End');
    await waitUntil(() => focusedId(el) === 'c5');
    await press('Home');
    await waitUntil(() => focusedId(el) === 'c0');
    await el.updateComplete;
    expect(row(el, 'c0')!.tabIndex).to.equal(0);
    expect(row(el, 'c5')!.tabIndex).to.equal(-1);
  });

  it('pages with PageDown/PageUp by the rows that fit', async () => {
    const { el, before } = await renderList(40);
    await focusFirstRow(el, before);
    await press('PageDown');
    await waitUntil(() => focusedId(el) !== 'c0');
    const index = Number(focusedId(el)!.slice(1));
    expect(index).to.be.greaterThan(2);
    expect(index).to.be.lessThan(8);
    await press('PageUp');
    await waitUntil(() => focusedId(el) === 'c0');
  });

  it('finds a row by typing its name', async () => {
    const { el, before } = await renderList(6);
    await focusFirstRow(el, before);
    await press('b');
    await waitUntil(() => focusedId(el) === 'c1', 'Bob');
    await press('b');
    await waitUntil(() => focusedId(el) === 'c2', 'Bea: a repeated letter cycles');
  });

  it('matches several typed letters as a prefix', async () => {
    const { el, before } = await renderList(6);
    await focusFirstRow(el, before);
    await sendKeys({ type: 'be' });
    await waitUntil(() => focusedId(el) === 'c2', 'Bea');
  });

  it('selects with Enter and with Space', async () => {
    const { el, before, provider, store } = await renderList(4);
    await focusFirstRow(el, before);
    await press('ArrowDown');
    await waitUntil(() => focusedId(el) === 'c1');
    setTimeout(() => void press('Enter'));
    const enter = await oneEvent(provider, 'inbox-conversation-select');
    expect(enter.detail).to.deep.equal({ conversationId: 'c1' });
    expect(enter.cancelable).to.equal(true);
    expect(store.selected).to.equal('c1');
    await press('ArrowDown');
    await waitUntil(() => focusedId(el) === 'c2');
    setTimeout(() => void press('Space'));
    const space = await oneEvent(provider, 'inbox-conversation-select');
    expect(space.detail).to.deep.equal({ conversationId: 'c2' });
    expect(store.selected).to.equal('c2');
    await el.updateComplete;
    expect(row(el, 'c2')!.getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('does not select on Enter when the event is cancelled', async () => {
    const { el, before, provider, store, adapter } = await renderList(3);
    provider.addEventListener('inbox-conversation-select', (e) => e.preventDefault());
    await focusFirstRow(el, before);
    const calls = adapter.calls.length;
    await press('Enter');
    await el.updateComplete;
    expect(store.selected).to.equal(null);
    expect(adapter.calls.length).to.equal(calls);
  });

  it('shows a visible focus ring on the focused row', async () => {
    const { el, before } = await renderList(3);
    await focusFirstRow(el, before);
    const focused = row(el, 'c0')!;
    expect(focused.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(focused);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.greaterThan(0);
    // drawn inside the row, so neighbouring rows and the scroller never hide it
    expect(parseFloat(style.outlineOffset)).to.be.lessThan(0);
  });

  it('scrolls a far row into view and renders it before focusing (End on a long list)', async () => {
    const { el, before } = await renderList(200, { pageSize: 200 });
    await focusFirstRow(el, before);
    expect(row(el, 'c199')).to.equal(null);
    await press('End');
    await waitUntil(() => focusedId(el) === 'c199', 'the last row was not focused');
    const r = row(el, 'c199')!;
    expect(r.getAttribute('aria-posinset')).to.equal('200');
    expect(r.getAttribute('aria-setsize')).to.equal('200');
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!.getBoundingClientRect();
    const box = r.getBoundingClientRect();
    expect(box.top).to.be.at.least(scroller.top - 1);
    expect(box.bottom).to.be.at.most(scroller.bottom + 1);
    await press('Home');
    await waitUntil(() => focusedId(el) === 'c0', 'back to the first row');
  });

  it('brings the active row back when Tab reaches the list after it scrolled away', async () => {
    const { el, before } = await renderList(200, { pageSize: 200 });
    const tabs = await focusFirstRow(el, before);
    await press('ArrowDown');
    await waitUntil(() => focusedId(el) === 'c1');
    before.focus();
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = 100 * 72;
    await waitUntil(() => row(el, 'c1') === null, 'the active row was virtualized away');
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
    await waitUntil(() => list.tabIndex === 0, 'the listbox becomes the tab stop');
    for (let n = 0; n < tabs; n++) await press('Tab');
    await waitUntil(() => focusedId(el) === 'c1', 'focus went to the active row');
  });
});
