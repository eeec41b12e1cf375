import { expect, html, waitUntil } from '@open-wc/testing';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import { CONVERSATION_THREAD_STRINGS as S } from '../../src/components/conversation-thread/conversation-thread.strings.js';
import { formatDay } from '../../src/internal/format.js';
import {
  MINUTE,
  NOW,
  conversation,
  ignoreResizeObserverLoops,
  message,
  messageRows,
  messages,
  pinPageVisible,
  renderThread,
  shadow,
} from './conversation-thread.helpers.js';

const part = (el: ConversationThread, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);

/** Collects events of one type on the document while a test runs. */
function record<T>(
  type: string,
  onEvent?: (e: CustomEvent<T>) => void,
): { events: CustomEvent<T>[]; stop: () => void } {
  const events: CustomEvent<T>[] = [];
  const listener = (e: Event) => {
    events.push(e as CustomEvent<T>);
    onEvent?.(e as CustomEvent<T>);
  };
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

describe('<conversation-thread>', () => {
  ignoreResizeObserverLoops();

  describe('states', () => {
    it('is initial with a quiet prompt when nothing is selected', async () => {
      const { el } = await renderThread({ selected: null, settle: false });
      expect(el.state).to.equal('initial');
      expect(el.getAttribute('state')).to.equal('initial');
      expect(part(el, 'initial')!.hidden).to.equal(false);
      expect(part(el, 'initial')!.textContent).to.contain(S.initial);
      expect(part(el, 'header')!.hidden).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('is loading (aria-busy, skeleton part) while the thread loads, then ready', async () => {
      let gate!: ReturnType<import('../../src/adapters/memory/memory-adapter.js').MemoryAdapter['hold']>;
      const { el } = await renderThread({ settle: false, prepare: (a) => (gate = a.hold('listMessages')) });
      await gate.reached;
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(el, 'loading')!.hidden).to.equal(false);
      await expect(el).to.be.accessible();
      gate.release();
      await waitUntil(() => el.state === 'ready');
      expect(part(el, 'loading')!.hidden).to.equal(true);
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('is empty for a conversation without messages', async () => {
      const { el } = await renderThread({ messages: [] });
      expect(el.state).to.equal('empty');
      expect(part(el, 'empty')!.hidden).to.equal(false);
      expect(part(el, 'empty')!.textContent).to.contain(S.empty);
      expect(part(el, 'log')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('is ready with a log of messages oldest first', async () => {
      const { el } = await renderThread({ messages: messages(6) });
      expect(el.state).to.equal('ready');
      const rows = messageRows(el);
      expect(rows.map((r) => r.querySelector('[part="text"]')!.textContent)).to.deep.equal(
        [0, 1, 2, 3, 4, 5].map((i) => `Message ${i}`),
      );
      await expect(el).to.be.accessible();
    });

    it('shows a localized error by kind with a Retry that reloads, and fires inbox-error', async () => {
      const errors = record<{ operation: string; conversationId: string; error: { kind: string } }>('inbox-error');
      try {
        const { el, adapter } = await renderThread({ prepare: (a) => a.fail('listMessages', 'network') });
        expect(el.state).to.equal('error');
        const error = part(el, 'error')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(error.textContent).to.contain(S.errorNetwork);
        expect(
          errors.events.map((e) => [e.detail.operation, e.detail.conversationId, e.detail.error.kind]),
        ).to.deep.include(['thread', 'c1', 'network']);
        await expect(el).to.be.accessible();
        adapter.clearFailures();
        shadow(el).querySelector<HTMLButtonElement>('[part~="error"] [part~="retry"]')!.click();
        await waitUntil(() => el.state === 'ready');
        expect(messageRows(el).length).to.be.greaterThan(0);
      } finally {
        errors.stop();
      }
    });

    it('never shows the backend’s own error text', async () => {
      const { el } = await renderThread({ prepare: (a) => a.fail('listMessages', 'unauthorized') });
      expect(part(el, 'error')!.textContent).to.contain(S.errorUnauthorized);
      expect(part(el, 'error')!.textContent).not.to.match(/memory|HTTP|401/i);
    });
  });

  describe('properties', () => {
    it('follows the provider selection and releases the previous thread', async () => {
      const c2 = { ...conversation({ id: 'c2', contact: { displayName: 'Grace Hopper' } }) };
      const { el, provider, store } = await renderThread({
        adapter: {
          seed: [
            { conversation: conversation(), messages: messages(3) },
            { conversation: c2, messages: [message(0, { conversationId: 'c2', text: 'Hello from c2' }, 1, 'c2')] },
          ],
        },
      });
      provider.selected = 'c2';
      await waitUntil(() => messageRows(el)[0]?.textContent?.includes('Hello from c2'), 'did not follow the selection');
      expect(part(el, 'name')!.textContent).to.equal('Grace Hopper');
      // a reload of c1 now does not touch the element
      expect(store.getThreadState('c2').messages).to.have.length(1);
    });

    it('stops watching the thread when disconnected (polls no longer fetch it)', async () => {
      const { el, adapter, store } = await renderThread();
      const fetches = () => adapter.calls.filter((c) => c.op === 'listMessages').length;
      await store.poll();
      const watched = fetches();
      expect(watched, 'a poll refreshes the watched thread').to.equal(2);
      el.remove();
      await store.poll();
      expect(fetches()).to.equal(watched);
    });

    it('shows `conversation-id` instead of the selection', async () => {
      const c2 = conversation({ id: 'c2', contact: { displayName: 'Grace Hopper' } });
      const { el, provider } = await renderThread({
        template: html`<conversation-thread conversation-id="c2" style="height: 400px"></conversation-thread>`,
        adapter: {
          seed: [
            { conversation: conversation(), messages: messages(3) },
            { conversation: c2, messages: [message(0, { conversationId: 'c2' }, 1, 'c2')] },
          ],
        },
      });
      expect(part(el, 'name')!.textContent).to.equal('Grace Hopper');
      provider.selected = 'c1';
      await el.updateComplete;
      expect(el.currentConversationId).to.equal('c2');
      expect(part(el, 'name')!.textContent).to.equal('Grace Hopper');
    });

    it('fetches the conversation when it is not cached', async () => {
      const { el, adapter } = await renderThread();
      expect(adapter.calls.some((c) => c.op === 'getConversation' && c.args[0] === 'c1')).to.equal(true);
      expect(part(el, 'name')!.textContent).to.equal('Ada Lovelace');
    });

    it('merges i18n over the defaults', async () => {
      const { el } = await renderThread({
        messages: [],
        template: html`<conversation-thread .i18n=${{ empty: 'Nothing here yet' }}></conversation-thread>`,
      });
      expect(part(el, 'empty')!.textContent).to.contain('Nothing here yet');
    });

    it('renders the dark palette for theme="dark"', async () => {
      const { el } = await renderThread({ template: html`<conversation-thread theme="dark"></conversation-thread>` });
      expect(part(el, 'base')!.dataset.theme).to.equal('dark');
      await expect(el).to.be.accessible();
    });

    it('formats day separators for its lang', async () => {
      const msgs = messages(3);
      const { el } = await renderThread({
        messages: msgs,
        template: html`<conversation-thread lang="de" style="height: 400px"></conversation-thread>`,
      });
      expect(part(el, 'day')!.textContent.trim()).to.equal(formatDay(msgs[0].createdAt, 'de'));
    });

    it('scrolls inside a default height when the host sets none', async () => {
      const { el } = await renderThread({
        messages: messages(60),
        template: html`<conversation-thread></conversation-thread>`,
      });
      const log = part(el, 'log')!;
      expect(el.getBoundingClientRect().height).to.be.closeTo(320, 2); // 20rem
      expect(log.scrollHeight).to.be.greaterThan(log.clientHeight);
      expect(log.scrollTop).to.be.greaterThan(0);
    });

    it('keeps stale messages visible with an error banner when a reload fails', async () => {
      const { el, adapter, store } = await renderThread();
      adapter.fail('listMessages', 'timeout', 1);
      await store.loadThread('c1');
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(part(el, 'error')!.textContent).to.contain(S.errorTimeout);
      expect(part(el, 'error')!.classList.contains('banner')).to.equal(true);
      expect(messageRows(el).length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('writes each message with dir="auto"', async () => {
      const { el } = await renderThread({ messages: [message(0, { text: 'مرحبا بك' }, 1)] });
      expect(part(el, 'text')!.getAttribute('dir')).to.equal('auto');
    });
  });

  describe('header', () => {
    it('shows the contact, phone, status and the reply-window countdown', async () => {
      const { el } = await renderThread();
      expect(part(el, 'name')!.textContent).to.equal('Ada Lovelace');
      expect(part(el, 'phone')!.textContent).to.equal('+447700900001');
      expect(part(el, 'status')!.textContent).to.equal(S.statusOpen);
      expect(part(el, 'window')!.textContent).to.match(/^Reply window closes in 23/);
    });

    it('says when the reply window has closed', async () => {
      const old = messages(3).map((m) => ({ ...m, createdAt: new Date(NOW - 3 * 24 * 60 * MINUTE).toISOString() }));
      const { el } = await renderThread({
        messages: old,
        conversation: { lastInboundAt: old[0].createdAt },
      });
      expect(part(el, 'window')!.textContent).to.equal(S.windowClosed);
      expect(part(el, 'window')!.dataset.open).to.equal('false');
    });

    it('slots the host’s actions and hides with no-header', async () => {
      const { el } = await renderThread({
        template: html`<conversation-thread no-header><button slot="actions">Close</button></conversation-thread>`,
      });
      const slot = shadow(el).querySelector<HTMLSlotElement>('slot[name="actions"]')!;
      expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Close']);
      expect(part(el, 'header')!.hidden).to.equal(true);
      el.noHeader = false;
      await el.updateComplete;
      expect(part(el, 'header')!.hidden).to.equal(false);
    });
  });

  describe('marking read', () => {
    pinPageVisible();
    const unread = { unreadCount: 2 };

    it('marks the conversation read when shown, with cancelable update / updated events', async () => {
      const update = record<{ conversationId: string; action: string }>('inbox-conversation-update');
      const updated = record<{ conversationId: string; action: string }>('inbox-conversation-updated');
      try {
        const { adapter, store } = await renderThread({ conversation: unread });
        await waitUntil(() => updated.events.length === 1, 'no inbox-conversation-updated');
        expect(update.events[0].cancelable).to.equal(true);
        expect(update.events[0].detail).to.deep.equal({ conversationId: 'c1', action: 'mark-read' });
        expect(updated.events[0].detail).to.include({ conversationId: 'c1', action: 'mark-read' });
        expect(adapter.calls.filter((c) => c.op === 'markRead').map((c) => c.args[0])).to.deep.equal(['c1']);
        expect(store.getConversation('c1')!.unreadCount).to.equal(0);
      } finally {
        update.stop();
        updated.stop();
      }
    });

    it('does not mark read when the update event is cancelled', async () => {
      const update = record('inbox-conversation-update', (e) => e.preventDefault());
      try {
        const { adapter } = await renderThread({ conversation: unread });
        await waitUntil(() => update.events.length === 1);
        expect(adapter.calls.some((c) => c.op === 'markRead')).to.equal(false);
      } finally {
        update.stop();
      }
    });

    it('does not mark read with no-auto-read', async () => {
      const update = record('inbox-conversation-update');
      try {
        const { adapter, el } = await renderThread({
          conversation: unread,
          template: html`<conversation-thread no-auto-read></conversation-thread>`,
        });
        await el.updateComplete;
        expect(update.events).to.have.length(0);
        expect(adapter.calls.some((c) => c.op === 'markRead')).to.equal(false);
      } finally {
        update.stop();
      }
    });

    it('does not mark read where the backend cannot', async () => {
      const { adapter, el } = await renderThread({
        conversation: unread,
        adapter: { capabilities: { markRead: false } },
      });
      await el.updateComplete;
      expect(adapter.calls.some((c) => c.op === 'markRead')).to.equal(false);
    });

    it('keeps the unread divider in place for the visit after marking read', async () => {
      const { el, store } = await renderThread({ conversation: unread });
      await waitUntil(() => store.getConversation('c1')!.unreadCount === 0);
      await el.updateComplete;
      const divider = part(el, 'unread-divider')!;
      expect(divider.textContent.trim()).to.equal('2 unread messages');
      // it sits right before the second-to-last inbound message (m18 of m0..m19)
      const index = Number(divider.parentElement!.dataset.index);
      const after = shadow(el).querySelector<HTMLElement>(`[data-index="${index + 1}"]`)!;
      expect(after.dataset.anchorKey).to.equal('m:m00018');
    });

    it('reports a failed mark-read through inbox-error', async () => {
      const errors = record<{ operation: string }>('inbox-error');
      try {
        await renderThread({ conversation: unread, prepare: (a) => a.fail('markRead', 'server') });
        await waitUntil(() => errors.events.some((e) => e.detail.operation === 'mark-read'), 'no inbox-error');
      } finally {
        errors.stop();
      }
    });
  });

  describe('accessibility', () => {
    it('is a focusable role="log" with live updates off and a separate polite region', async () => {
      const { el } = await renderThread();
      const log = part(el, 'log')!;
      expect(log.getAttribute('role')).to.equal('log');
      expect(log.getAttribute('aria-live')).to.equal('off');
      expect(log.getAttribute('tabindex')).to.equal('0');
      expect(log.getAttribute('aria-label')).to.equal('Messages with Ada Lovelace');
      const status = shadow(el).querySelector('[role="status"]')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(status.textContent.trim(), 'the initial load is not announced').to.equal('');
    });

    it('labels each message with its side, time and delivery state', async () => {
      const { el } = await renderThread({
        messages: [
          message(0, { direction: 'inbound' }, 2),
          message(1, { direction: 'outbound', status: 'delivered' }, 2),
        ],
      });
      const [inbound, outbound] = messageRows(el);
      expect(inbound.getAttribute('aria-label')).to.match(/^Ada Lovelace, .+/);
      expect(outbound.getAttribute('aria-label')).to.match(/^You, .+, Delivered$/);
      expect(inbound.getAttribute('part')).to.equal('message inbound');
      expect(outbound.getAttribute('part')).to.equal('message outbound');
    });
  });
});

describe('<conversation-thread> in a hidden page', () => {
  ignoreResizeObserverLoops();
  beforeEach(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  });
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('waits until the page is visible before marking read', async () => {
    const { adapter, el } = await renderThread({ conversation: { unreadCount: 1 } });
    await el.updateComplete;
    expect(adapter.calls.some((c) => c.op === 'markRead')).to.equal(false);
    delete (document as { visibilityState?: unknown }).visibilityState;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => adapter.calls.some((c) => c.op === 'markRead'), 'not marked read once visible');
  });
});
