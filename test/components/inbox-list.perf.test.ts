import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxList } from '../../src/components/inbox-list/inbox-list.js';
import '../../src/components/inbox-list/inbox-list.js';
import type { Conversation } from '../../src/data/models.js';
import type { InboxStore } from '../../src/data/store.js';
import { renderWithProvider } from '../support/render-with-provider.js';

const NOW = Date.now();

function seed(i: number): MemorySeed {
  const at = new Date(NOW - (i + 1) * 60_000).toISOString();
  const conversation: Conversation = {
    id: `c${i}`,
    dialect: 'memory',
    status: 'open',
    channel: { kind: 'whatsapp' },
    contact: { displayName: `Customer ${i}` },
    assignee: null,
    unreadCount: 0,
    lastMessage: { text: `Message ${i}`, direction: 'inbound', createdAt: at, kind: 'text' },
    lastActivityAt: at,
  };
  return { conversation, messages: [] };
}

function ids(el: InboxList): number[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')]
    .map((r) => Number(r.dataset.id!.slice(1)))
    .sort((a, b) => a - b);
}

/** Resolves when the list state is `ready` (through the store's own change events: no timers, no frames). */
function listReady(store: InboxStore): Promise<void> {
  return new Promise((resolve) => {
    const off = store.subscribe(() => {
      if (store.getListState().status !== 'ready') return;
      off();
      resolve();
    });
  });
}

async function microtasks(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

describe('<inbox-list> performance', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  async function heldList(count: number) {
    const adapter = new MemoryAdapter({ seed: Array.from({ length: count }, (_, i) => seed(i)), pageSize: count });
    const gate = adapter.hold('listConversations');
    const result = await renderWithProvider<InboxList>(html`<inbox-list style="height: 480px"></inbox-list>`, {
      adapter,
    });
    await gate.reached;
    await result.el.updateComplete;
    return { ...result, gate };
  }

  it('renders the first rows in the task that brings them, not a frame later', async () => {
    const { el, store, gate } = await heldList(200);
    let frames = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const ready = listReady(store);
    gate.release();
    await ready;
    await el.updateComplete;
    await microtasks();
    counting = false;
    expect(frames, 'still the same task').to.equal(0);
    const first = ids(el);
    expect(first.length, 'rows rendered before any frame').to.be.greaterThan(3);
    expect(first[0]).to.equal(0);
  });

  it('renders once when the first page arrives (the first row is known to render)', async () => {
    const adapter = new MemoryAdapter({
      seed: Array.from({ length: 50 }, (_, i) => seed(i)),
      pageSize: 50,
      capabilities: { summary: false },
    });
    const gate = adapter.hold('listConversations');
    const { el, store } = await renderWithProvider<InboxList>(html`<inbox-list style="height: 480px"></inbox-list>`, {
      adapter,
    });
    await gate.reached;
    await el.updateComplete;
    let renders = 0;
    const render = el.render.bind(el);
    el.render = () => {
      renders++;
      return render();
    };
    const ready = listReady(store);
    gate.release();
    await ready;
    await el.updateComplete;
    for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
    await el.updateComplete;
    expect(ids(el).length).to.be.greaterThan(3);
    expect(renders).to.equal(1);
    const listbox = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    expect(listbox.tabIndex, 'the first row is the tab stop, not the listbox').to.equal(-1);
  });

  it('lands a jump made before the first rows are measured where it was sent', async () => {
    const { el, store, gate } = await heldList(200);
    const ready = listReady(store);
    gate.release();
    await ready;
    await el.updateComplete;
    await microtasks();
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    // 80 rows of the default 72 px height down, before any row was measured
    scroller.scrollTop = 80 * 72 + 10;
    await waitUntil(() => ids(el).includes(80), 'rows around row 80 render');
    // and stay there once the rows are measured
    for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
    expect(ids(el)).to.include(80);
    expect(Math.abs(scroller.scrollTop - (80 * 72 + 10))).to.be.at.most(1);
  });

  describe('rows rendered again', () => {
    async function readyList(count: number) {
      const adapter = new MemoryAdapter({ seed: Array.from({ length: count }, (_, i) => seed(i)), pageSize: count });
      const result = await renderWithProvider<InboxList>(html`<inbox-list style="height: 480px"></inbox-list>`, {
        adapter,
      });
      await waitUntil(() => ids(result.el).length > 3, 'rows');
      await result.el.updateComplete;
      return result;
    }
    const option = (el: InboxList, i: number) =>
      el.shadowRoot!.querySelector<HTMLElement>(`[role="option"][data-id="c${i}"]`)!;

    it('formats nothing again when the list updates without a change', async () => {
      const { el } = await readyList(40);
      const proto = Intl.RelativeTimeFormat.prototype;
      const format = proto.format;
      let calls = 0;
      proto.format = function (this: Intl.RelativeTimeFormat, ...args: Parameters<typeof format>) {
        calls++;
        return format.apply(this, args);
      };
      try {
        el.requestUpdate();
        await el.updateComplete;
      } finally {
        proto.format = format;
      }
      expect(calls).to.equal(0);
    });

    it('moves the tab stop with the active row', async () => {
      const { el } = await readyList(40);
      expect(option(el, 0).tabIndex).to.equal(0);
      expect(option(el, 1).tabIndex).to.equal(-1);
      option(el, 0).focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => option(el, 1).tabIndex === 0, 'row 1 is the tab stop');
      expect(option(el, 0).tabIndex).to.equal(-1);
    });
  });
});
