import { expect, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxList } from '../../src/components/inbox-list/inbox-list.js';
import '../../src/components/inbox-list/inbox-list.js';
import type { Conversation, ConversationQuery } from '../../src/data/models.js';
import { renderWithProvider } from '../support/render-with-provider.js';

const NOW = Date.now();
const MINUTE = 60_000;

function seed(i: number): MemorySeed {
  const at = new Date(NOW - (i + 1) * MINUTE).toISOString();
  const conversation: Conversation = {
    id: `c${i}`,
    dialect: 'memory',
    status: i % 5 === 0 ? 'pending' : 'open',
    channel: { kind: 'whatsapp' },
    contact: { displayName: `Customer ${i}`, phone: `+1555${String(i).padStart(7, '0')}` },
    assignee: i % 3 === 0 ? { id: 'agent-1', displayName: 'Sam Rivera' } : null,
    unreadCount: i % 4 === 0 ? 2 : 0,
    lastMessage: {
      text: `Message number ${i}`,
      direction: i % 2 ? 'outbound' : 'inbound',
      createdAt: at,
      kind: 'text',
    },
    lastActivityAt: at,
    lastInboundAt: at,
  };
  return { conversation, messages: [] };
}

const seeds = (count: number) => Array.from({ length: count }, (_, i) => seed(i));

function rowIds(el: InboxList): string[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')]
    .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
    .map((r) => r.dataset.id!);
}

function row(el: InboxList, id: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[role="option"][data-id="${id}"]`);
}

function scroller(el: InboxList): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
}

/** The id of the first row whose bottom is below the scroller's top edge, and its offset. */
function firstVisible(el: InboxList): { id: string; top: number } {
  const top = scroller(el).getBoundingClientRect().top;
  const visible = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')]
    .map((r) => ({
      id: r.dataset.id!,
      top: r.getBoundingClientRect().top - top,
      bottom: r.getBoundingClientRect().bottom - top,
    }))
    .filter((r) => r.bottom > 1)
    .sort((a, b) => a.top - b.top);
  return { id: visible[0].id, top: Math.round(visible[0].top) };
}

function listCalls(adapter: MemoryAdapter): ConversationQuery[] {
  return adapter.calls.filter((c) => c.op === 'listConversations').map((c) => c.args[0] as ConversationQuery);
}

async function renderList(adapter: MemoryAdapter, height = 500) {
  const result = await renderWithProvider<InboxList>(html`<inbox-list style=${`height: ${height}px`}></inbox-list>`, {
    adapter,
  });
  await waitUntil(() => result.el.state === 'ready', 'list never ready', { timeout: 10_000 });
  await waitUntil(() => rowIds(result.el).length > 0, 'no rows rendered');
  return result;
}

async function scrollTo(el: InboxList, top: number) {
  scroller(el).scrollTop = top;
  await waitUntil(() => {
    const ids = rowIds(el);
    const first = Number(ids[0]?.slice(1));
    const expected = Math.floor(top / 72);
    return ids.length > 0 && first <= expected && Number(ids.at(-1)!.slice(1)) >= expected;
  }, `rows around ${top}px never rendered`);
}

describe('<inbox-list> virtualization, paging and live updates', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  describe('10,000 conversations', () => {
    it('keeps the shadow DOM under 300 elements, at the top and scrolled', async function () {
      this.timeout(30_000);
      const adapter = new MemoryAdapter({ seed: seeds(10_000), pageSize: 10_000, capabilities: { summary: false } });
      const { el, store } = await renderList(adapter, 600);
      expect(store.getListState().conversations.length).to.equal(10_000);
      const count = () => el.shadowRoot!.querySelectorAll('*').length;
      expect(count()).to.be.lessThan(300);
      const first = el.shadowRoot!.querySelector('[role="option"]')!;
      expect(first.getAttribute('aria-setsize')).to.equal('10000');

      await scrollTo(el, 5_000 * 72);
      expect(rowIds(el)).to.include('c5000');
      expect(count()).to.be.lessThan(300);
      expect(row(el, 'c5000')!.getAttribute('aria-posinset')).to.equal('5001');

      await scrollTo(el, 9_990 * 72);
      expect(rowIds(el)).to.include('c9999');
      expect(count()).to.be.lessThan(300);
      await expect(el).to.be.accessible();
    });
  });

  describe('paging', () => {
    it('loads the next page as the end comes near, with no duplicates, and stops at the end', async () => {
      const adapter = new MemoryAdapter({ seed: seeds(60), pageSize: 25 });
      const { el, store } = await renderList(adapter);
      expect(listCalls(adapter).length).to.equal(1);
      expect(row(el, 'c0')!.getAttribute('aria-setsize')).to.equal('-1');

      await scrollTo(el, 20 * 72);
      await waitUntil(() => store.getListState().conversations.length === 50, 'second page');
      await scrollTo(el, 45 * 72);
      await waitUntil(() => store.getListState().conversations.length === 60, 'third page');
      await waitUntil(() => !store.getListState().hasMore);
      const ids = store.getListState().conversations.map((c) => c.id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(listCalls(adapter).length).to.equal(3);
      expect(listCalls(adapter).map((q) => q.cursor)).to.deep.equal([undefined, 'offset:25', 'offset:50']);

      await scrollTo(el, 59 * 72);
      await el.updateComplete;
      expect(listCalls(adapter).length, 'no call past the end').to.equal(3);
      expect(row(el, 'c59')!.getAttribute('aria-setsize')).to.equal('60');
    });

    it('shows an inline retry when a page fails, keeping the rows already shown', async () => {
      const adapter = new MemoryAdapter({ seed: seeds(60), pageSize: 25 });
      const errors: CustomEvent[] = [];
      const { el, store } = await renderList(adapter);
      el.addEventListener('inbox-error', (e) => errors.push(e));
      adapter.fail('listConversations', 'server', 1);
      await scrollTo(el, 20 * 72);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="more-error"]'), 'the inline error');
      const moreError = el.shadowRoot!.querySelector<HTMLElement>('[part~="more-error"]')!;
      expect(moreError.getAttribute('role')).to.equal('alert');
      expect(el.state).to.equal('ready');
      expect(store.getListState().conversations.length).to.equal(25);
      expect(rowIds(el).length).to.be.greaterThan(0);
      expect(errors.map((e) => e.detail.operation)).to.deep.equal(['list-more']);
      await expect(el).to.be.accessible();

      moreError.querySelector('button')!.click();
      await waitUntil(() => store.getListState().conversations.length === 50, 'the retried page');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="more-error"]')).to.equal(null);
    });

    it('shows a loading line while the next page is on its way', async () => {
      const adapter = new MemoryAdapter({ seed: seeds(60), pageSize: 25 });
      const { el } = await renderList(adapter);
      const gate = adapter.hold('listConversations');
      await scrollTo(el, 20 * 72);
      await gate.reached;
      await el.updateComplete;
      const more = el.shadowRoot!.querySelector<HTMLElement>('[part~="more"]')!;
      expect(more.getAttribute('role')).to.equal('status');
      gate.release();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="more"]') === null);
    });
  });

  describe('new activity', () => {
    it('moves a row to the top, keeping the selection', async () => {
      const adapter = new MemoryAdapter({ seed: seeds(10) });
      const { el, store } = await renderList(adapter);
      store.select('c3');
      adapter.receive('c5', 'Any news?');
      await store.poll();
      await waitUntil(() => rowIds(el)[0] === 'c5', 'c5 moved to the top');
      expect(rowIds(el).slice(0, 4)).to.deep.equal(['c5', 'c0', 'c1', 'c2']);
      expect(row(el, 'c5')!.querySelector('[part="preview"]')!.textContent).to.equal('Any news?');
      expect(row(el, 'c3')!.getAttribute('aria-selected')).to.equal('true');
    });

    it('keeps focus on the same conversation when rows move', async () => {
      const adapter = new MemoryAdapter({ seed: seeds(10) });
      const { el, store } = await renderList(adapter);
      const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
      const push = (conversationId: string, id: string) =>
        store.ingest({
          type: 'message',
          conversationId,
          message: {
            id,
            direction: 'inbound',
            kind: 'text',
            status: 'received',
            text: 'Pushed',
            createdAt: new Date().toISOString(),
          },
        });
      row(el, 'c2')!.focus();
      // another row moves above the focused one
      push('c6', 'push-1');
      await waitUntil(() => rowIds(el)[0] === 'c6');
      await waitUntil(() => focused() === 'c2', 'focus stayed on c2');
      // the focused row itself moves to the top
      push('c2', 'push-2');
      await waitUntil(() => rowIds(el)[0] === 'c2');
      await waitUntil(() => focused() === 'c2', 'focus followed c2 to the top');
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focused() === 'c6', 'keys continue from c2');
    });

    it('keeps the visible rows in place when a row is inserted above the viewport', async () => {
      const adapter = new MemoryAdapter({ seed: seeds(100), pageSize: 100 });
      const { el, store } = await renderList(adapter);
      await scrollTo(el, 40 * 72 + 10);
      await el.updateComplete;
      const before = firstVisible(el);
      expect(Number(before.id.slice(1))).to.be.within(38, 41);
      adapter.receive('c90', 'Back again');
      await store.poll();
      await waitUntil(() => store.getListState().conversations[0].id === 'c90');
      await el.updateComplete;
      await waitUntil(() => row(el, 'c90') === null || firstVisible(el).id !== 'c90');
      await el.updateComplete;
      await waitUntil(() => firstVisible(el).id === before.id, `${before.id} is still the first visible row`);
      expect(Math.abs(firstVisible(el).top - before.top)).to.be.at.most(1);
    });

    it('shows new rows at the top when the agent is at the top', async () => {
      const adapter = new MemoryAdapter({ seed: seeds(30), pageSize: 30 });
      const { el, store } = await renderList(adapter);
      adapter.receive('c20', 'Hello again');
      await store.poll();
      await waitUntil(() => firstVisible(el).id === 'c20');
      expect(scroller(el).scrollTop).to.equal(0);
    });
  });
});
