import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import { buildRows } from '../../src/components/conversation-thread/thread-rows.js';
import type { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxStore } from '../../src/data/store.js';
import {
  MINUTE,
  NOW,
  firstVisibleMessage,
  ignoreResizeObserverLoops,
  isAtBottom,
  logOf,
  message,
  messageRows,
  messages,
  offsetInLog,
  renderThread,
  row,
  scrollLogTo,
  shadow,
} from './conversation-thread.helpers.js';

/** Waits until scrolling has settled and the virtualizer has rendered rows into the viewport. */
async function layoutSettled(el: ConversationThread): Promise<void> {
  await el.scrollSettled;
  await waitUntil(() => firstVisibleMessage(el) !== undefined, 'no message rendered in view');
  await el.scrollSettled;
}

const jump = (el: ConversationThread) => shadow(el).querySelector<HTMLButtonElement>('[part="jump-latest"]')!;
const liveRegion = (el: ConversationThread) =>
  shadow(el)
    .querySelector('[role="status"]')!
    .textContent.replace(/\u200b/g, '')
    .trim();

/** Receives a message on the server and polls it in. */
async function receive(el: ConversationThread, adapter: MemoryAdapter, store: InboxStore, text: string): Promise<void> {
  adapter.receive('c1', text);
  await store.poll();
  await el.scrollSettled;
}

describe('<conversation-thread> scrolling', () => {
  ignoreResizeObserverLoops();

  describe('virtualization', () => {
    const TOTAL = 10_000;
    /** 7 minutes apart with runs of 1-4 from each side: about 48 days, many groups. */
    const big = Array.from({ length: TOTAL }, (_, i) =>
      message(
        i,
        {
          direction: Math.floor(i / (1 + (i % 4))) % 2 ? 'outbound' : 'inbound',
          createdAt: new Date(NOW - (TOTAL - i) * 7 * MINUTE).toISOString(),
          text:
            i % 5 === 0
              ? `Message ${i} with a longer text that wraps onto a second line in the bubble, *bold* too`
              : `Message ${i}`,
        },
        TOTAL,
      ),
    );

    /** Every rendered row matches the row model: type, key, day and grouping. */
    function expectRowsMatchModel(el: ConversationThread, store: InboxStore): number {
      const model = buildRows(store.getThreadState('c1').messages, {});
      const rendered = [...shadow(el).querySelectorAll<HTMLElement>('.rows > [data-index]')];
      expect(rendered.length).to.be.greaterThan(5);
      for (const r of rendered) {
        const expected = model[Number(r.dataset.index)];
        if (expected.type === 'message') {
          expect(r.dataset.anchorKey).to.equal(expected.key);
          expect(r.classList.contains('group-start'), `group start of ${expected.key}`).to.equal(expected.groupStart);
          expect(r.classList.contains('group-end'), `group end of ${expected.key}`).to.equal(expected.groupEnd);
        } else if (expected.type === 'day') {
          expect(r.querySelector('[part="day"]'), `day row at ${r.dataset.index}`).not.to.equal(null);
        }
      }
      return rendered.length;
    }

    it('keeps the DOM under 300 elements for 10,000 messages, with days and grouping correct', async function () {
      this.timeout(30_000);
      const { el, store } = await renderThread({
        messages: big,
        adapter: { messagePageSize: TOTAL },
        template: html`<conversation-thread style="height: 600px"></conversation-thread>`,
      });
      expect(store.getThreadState('c1').messages).to.have.length(TOTAL);
      expect(shadow(el).querySelectorAll('*').length).to.be.below(300);
      expectRowsMatchModel(el, store);
      expect(isAtBottom(logOf(el))).to.equal(true);

      // the middle of the thread, right after opening (the jump must not be pulled back)
      const log = logOf(el);
      const target = Math.round(log.scrollHeight / 2);
      await scrollLogTo(el, target);
      await layoutSettled(el);
      expect(log.scrollTop).to.be.closeTo(target, log.clientHeight);
      expect(shadow(el).querySelectorAll('*').length).to.be.below(300);
      const middle = firstVisibleMessage(el)!;
      expect(Number(middle.dataset.index)).to.be.within(3000, 7000);
      expectRowsMatchModel(el, store);

      // and the top
      await scrollLogTo(el, 0);
      await waitUntil(() => shadow(el).querySelector('[data-index="0"]'), 'the top row is not rendered');
      await layoutSettled(el);
      expect(shadow(el).querySelectorAll('*').length).to.be.below(300);
      expectRowsMatchModel(el, store);
    });
  });

  describe('loading older messages', () => {
    it('loads the previous page near the top without moving what the reader sees (within 1 px)', async () => {
      const { el, adapter, store } = await renderThread({ messages: messages(130) });
      const thread = () => store.getThreadState('c1');
      expect(thread().messages).to.have.length(50);
      expect(thread().hasOlder).to.equal(true);

      const gate = adapter.hold('listMessages');
      await scrollLogTo(el, 120);
      await gate.reached;
      const anchor = firstVisibleMessage(el)!;
      const key = anchor.dataset.anchorKey!;
      const before = offsetInLog(el, anchor);

      gate.release();
      await waitUntil(() => thread().messages.length === 100, 'the older page did not load');
      await layoutSettled(el);
      const after = shadow(el).querySelector(`[data-anchor-key="${key}"]`)!;
      expect(after, 'the anchor message is still rendered').not.to.equal(null);
      expect(offsetInLog(el, after)).to.be.closeTo(before, 1);
      expect(Number((after as HTMLElement).dataset.index)).to.be.greaterThan(50);
      expect(adapter.calls.filter((c) => c.op === 'listMessages')).to.have.length(2);
    });

    it('keeps the position when the older page arrives in several steps (second page)', async () => {
      const { el, store } = await renderThread({ messages: messages(130) });
      const thread = () => store.getThreadState('c1');
      await scrollLogTo(el, 80);
      await waitUntil(() => thread().messages.length === 100);
      await layoutSettled(el);
      const anchor = firstVisibleMessage(el)!;
      const key = anchor.dataset.anchorKey!;
      const before = offsetInLog(el, anchor);
      await scrollLogTo(el, logOf(el).scrollTop); // no movement: no load
      expect(thread().messages).to.have.length(100);
      expect(offsetInLog(el, shadow(el).querySelector(`[data-anchor-key="${key}"]`)!)).to.be.closeTo(before, 1);
      await scrollLogTo(el, 40);
      await waitUntil(() => thread().messages.length === 130);
      const anchor2 = firstVisibleMessage(el)!;
      const key2 = anchor2.dataset.anchorKey!;
      const before2 = offsetInLog(el, anchor2);
      await layoutSettled(el);
      expect(offsetInLog(el, shadow(el).querySelector(`[data-anchor-key="${key2}"]`)!)).to.be.closeTo(before2, 1);
      expect(thread().hasOlder).to.equal(false);
      await scrollLogTo(el, 0);
      await layoutSettled(el);
      expect(shadow(el).querySelector('[part="older"]')!.textContent).to.contain('Start of the conversation');
    });

    it('offers a retry when the older page fails, and reports it', async () => {
      const { el, adapter, store } = await renderThread({ messages: messages(80) });
      const errors: string[] = [];
      el.addEventListener('inbox-error', (e) => errors.push(e.detail.operation));
      adapter.fail('listMessages', 'network', 1);
      await scrollLogTo(el, 0);
      await waitUntil(() => store.getThreadState('c1').olderError, 'no older error');
      await el.updateComplete;
      await layoutSettled(el);
      const older = shadow(el).querySelector('[part="older"]')!;
      expect(older.textContent).to.contain('Earlier messages could not be loaded.');
      expect(errors).to.deep.equal(['thread-older']);
      older.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => store.getThreadState('c1').messages.length === 80);
      await expect(el).to.be.accessible();
    });
  });

  describe('new messages', () => {
    it('follows new messages while the reader is at the bottom', async () => {
      const { el, adapter, store } = await renderThread({ messages: messages(40) });
      expect(isAtBottom(logOf(el))).to.equal(true);
      await receive(el, adapter, store, 'Hello again');
      expect(isAtBottom(logOf(el))).to.equal(true);
      const last = messageRows(el).at(-1)!;
      expect(last.textContent).to.contain('Hello again');
      expect(jump(el).hidden).to.equal(true);
    });

    it('does not move the reader who scrolled up, and offers jump to latest with a count', async () => {
      const { el, adapter, store } = await renderThread({ messages: messages(40) });
      await scrollLogTo(el, 200);
      expect(jump(el).hidden).to.equal(false);
      const anchor = firstVisibleMessage(el)!;
      const before = offsetInLog(el, anchor);
      const top = logOf(el).scrollTop;

      await receive(el, adapter, store, 'One');
      await receive(el, adapter, store, 'Two');
      await layoutSettled(el);
      expect(offsetInLog(el, anchor), 'the first visible message stays put').to.be.closeTo(before, 1);
      expect(logOf(el).scrollTop, 'the log did not follow').to.be.below(top + 50);
      expect(jump(el).hidden).to.equal(false);
      expect(jump(el).querySelector('[part="new-count"]')!.textContent).to.equal('2');
      expect(jump(el).getAttribute('aria-label')).to.equal('Jump to latest, 2 new messages');

      jump(el).click();
      await el.scrollSettled;
      await layoutSettled(el);
      expect(isAtBottom(logOf(el))).to.equal(true);
      await el.updateComplete;
      expect(jump(el).hidden).to.equal(true);
      expect(messageRows(el).at(-1)!.textContent).to.contain('Two');
    });

    it('scrolls to the bottom for the agent’s own send even when scrolled up', async () => {
      const { el, store } = await renderThread({ messages: messages(40) });
      await scrollLogTo(el, 100);
      await store.send({ conversationId: 'c1', kind: 'text', text: 'On my way' });
      await el.scrollSettled;
      await layoutSettled(el);
      expect(isAtBottom(logOf(el))).to.equal(true);
    });

    it('announces new inbound messages politely, but not older pages or polls without news', async () => {
      const { el, adapter, store } = await renderThread({ messages: messages(80) });
      expect(liveRegion(el)).to.equal('');
      await store.poll();
      await el.updateComplete;
      expect(liveRegion(el), 'a poll without news').to.equal('');
      await scrollLogTo(el, 0);
      await waitUntil(() => store.getThreadState('c1').messages.length === 80);
      await el.updateComplete;
      expect(liveRegion(el), 'older messages').to.equal('');
      await receive(el, adapter, store, '*Size* M please');
      expect(liveRegion(el)).to.equal('New message from Ada Lovelace: Size M please');
      adapter.receive('c1', 'a');
      adapter.receive('c1', 'b');
      await store.poll();
      await el.updateComplete;
      expect(liveRegion(el)).to.equal('2 new messages from Ada Lovelace');
    });

    it('announces only the start of a very long message', async () => {
      const { el, adapter, store } = await renderThread({ messages: messages(5) });
      await receive(el, adapter, store, 'word '.repeat(20_000));
      const said = liveRegion(el);
      expect(said.startsWith('New message from Ada Lovelace: word word')).to.equal(true);
      expect(said.length).to.be.below(400);
      expect(said.endsWith('…')).to.equal(true);
    });
  });

  describe('opening', () => {
    it('opens at the bottom', async () => {
      const { el } = await renderThread({ messages: messages(60) });
      expect(isAtBottom(logOf(el))).to.equal(true);
    });

    it('opens at the unread divider when the unread messages do not fit', async () => {
      const many = messages(60, (i) => ({ direction: i >= 20 ? 'inbound' : 'outbound' }));
      const { el } = await renderThread({ messages: many, conversation: { unreadCount: 30 } });
      await layoutSettled(el);
      const divider = shadow(el).querySelector('[part="unread-divider"]')!.parentElement!;
      expect(offsetInLog(el, divider)).to.be.closeTo(0, 1);
      expect(isAtBottom(logOf(el))).to.equal(false);
    });
  });

  describe('opening a long thread', () => {
    const TOTAL = 2_000;
    /** The row index the newest message has: below TOTAL while only the newest rows are built. */
    const newestIndex = (el: ConversationThread) =>
      Number(row(el, `m${String(TOTAL - 1).padStart(5, '0')}`)?.dataset.index);
    const newestInView = (el: ConversationThread) => {
      const newest = row(el, `m${String(TOTAL - 1).padStart(5, '0')}`);
      return newest !== null && isAtBottom(logOf(el));
    };

    /** A thread of TOTAL messages, as soon as its newest message shows (only the newest rows are built then). */
    async function openLong(): Promise<ConversationThread> {
      const { el } = await renderThread({
        messages: messages(TOTAL),
        adapter: { messagePageSize: TOTAL },
        settle: false,
      });
      await waitUntil(() => newestInView(el), 'the newest message is not in view');
      expect(newestIndex(el), 'rows of the newest messages only').to.be.below(TOTAL);
      return el;
    }

    it('shows the newest messages first, then builds the older rows without moving the view', async function () {
      this.timeout(20_000);
      const el = await openLong();
      const log = logOf(el);
      // every frame until it all settles: the newest message's row index and its offset in the log
      const frames: Array<{ index: number; offset: number }> = [];
      let watching = true;
      const watch = () => {
        const newest = row(el, `m${String(TOTAL - 1).padStart(5, '0')}`);
        if (newest) frames.push({ index: Number(newest.dataset.index), offset: offsetInLog(el, newest) });
        if (watching) requestAnimationFrame(watch);
      };
      watch();
      await el.scrollSettled;
      watching = false;
      expect(newestIndex(el), 'a row for every message, a day row and the top row').to.be.at.least(TOTAL);
      const built = frames.findIndex((f) => f.index >= TOTAL);
      expect(built, 'the older rows were built after the first frames').to.be.above(0);
      // the frame that shows every row shows the newest message where the frame before did
      expect(frames[built].offset).to.be.closeTo(frames[built - 1].offset, 1);
      expect(isAtBottom(log)).to.equal(true);

      await scrollLogTo(el, 0);
      await waitUntil(() => shadow(el).querySelector('[part="older"]'), 'the top row is not rendered');
      expect(shadow(el).querySelector('[part="older"]')!.textContent).to.contain('Start of the conversation');
      await expect(el).to.be.accessible();
    });

    it('builds every row at once when the reader starts using the keyboard', async function () {
      this.timeout(20_000);
      const el = await openLong();
      // Home right away: it must reach the start of the conversation, not the oldest of the newest rows
      logOf(el).focus();
      await sendKeys({ press: 'Home' });
      await waitUntil(() => shadow(el).querySelector('[part="older"]'), 'Home did not reach the start');
      expect(shadow(el).querySelector('[part="older"]')!.textContent).to.contain('Start of the conversation');
    });

    it('still builds the older rows when the element is moved right after opening', async function () {
      this.timeout(20_000);
      const el = await openLong();
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await waitUntil(() => newestInView(el), 'the newest message is not in view after the move');
      await el.scrollSettled;
      expect(newestIndex(el)).to.be.at.least(TOTAL);
      expect(isAtBottom(logOf(el))).to.equal(true);
    });

    it('opens at an unread divider further back than the newest rows', async function () {
      this.timeout(20_000);
      const many = messages(TOTAL, (i) => ({ direction: i >= TOTAL - 600 ? 'inbound' : 'outbound' }));
      const { el } = await renderThread({
        messages: many,
        adapter: { messagePageSize: TOTAL },
        conversation: { unreadCount: 500 },
      });
      await layoutSettled(el);
      const divider = shadow(el).querySelector('[part="unread-divider"]')!.parentElement!;
      expect(offsetInLog(el, divider)).to.be.closeTo(0, 1);
      expect(divider.nextElementSibling?.textContent).to.contain(`Message ${TOTAL - 500}`);
    });
  });
});
