import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import {
  firstVisibleMessage,
  ignoreResizeObserverLoops,
  isAtBottom,
  logOf,
  messageRows,
  messages,
  renderThread,
  scrollLogTo,
  shadow,
} from './conversation-thread.helpers.js';

const active = (el: ConversationThread) => shadow(el).activeElement as HTMLElement | null;

describe('<conversation-thread> keyboard', () => {
  ignoreResizeObserverLoops();
  let el: ConversationThread;

  beforeEach(async () => {
    // 40 messages: one page, so Home reaches the start of the conversation
    ({ el } = await renderThread({ messages: messages(40) }));
    logOf(el).focus();
  });

  it('makes the log focusable', () => {
    expect(active(el)).to.equal(logOf(el));
  });

  it('moves from the log to the first visible message with ArrowDown, then between messages', async () => {
    const first = firstVisibleMessage(el)!;
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)).to.equal(first);
    await sendKeys({ press: 'ArrowDown' });
    const next = active(el)!;
    expect(next.getAttribute('part')).to.match(/^message /);
    expect(Number(next.dataset.index)).to.be.greaterThan(Number(first.dataset.index));
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)).to.equal(first);
  });

  it('moves from the log to the last visible message with ArrowUp', async () => {
    await sendKeys({ press: 'ArrowUp' });
    const rows = messageRows(el);
    expect(active(el)).to.equal(rows[rows.length - 1]);
    expect(active(el)!.getAttribute('aria-label')).to.match(/, /);
  });

  it('skips day separators and brings the next message into view', async () => {
    await scrollLogTo(el, 0);
    logOf(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    for (let i = 0; i < 25; i++) await sendKeys({ press: 'ArrowDown' });
    const focused = active(el)!;
    expect(focused.classList.contains('msg')).to.equal(true);
    const box = logOf(el).getBoundingClientRect();
    const r = focused.getBoundingClientRect();
    expect(r.top).to.be.at.least(box.top - 1);
    expect(r.bottom).to.be.at.most(box.bottom + 1);
  });

  it('scrolls by a page with PageUp and PageDown', async () => {
    const log = logOf(el);
    const bottom = log.scrollTop;
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(log.scrollTop).to.be.below(bottom - log.clientHeight / 2);
    const up = log.scrollTop;
    await sendKeys({ press: 'PageDown' });
    expect(log.scrollTop).to.be.above(up + log.clientHeight / 2);
  });

  it('goes to the start with Home and back to the latest with End', async () => {
    const log = logOf(el);
    await sendKeys({ press: 'Home' });
    await waitUntil(() => log.scrollTop === 0, 'Home did not reach the top');
    await waitUntil(() => shadow(el).querySelector('[part="older"]'), 'the top row is not rendered');
    expect(shadow(el).querySelector('[part="older"]')!.textContent).to.contain('Start of the conversation');
    await sendKeys({ press: 'End' });
    await el.scrollSettled;
    expect(isAtBottom(log)).to.equal(true);
  });

  it('moves focus back to the log when a page key scrolls away from a focused message', async () => {
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)!.classList.contains('msg')).to.equal(true);
    await sendKeys({ press: 'Home' });
    expect(active(el)).to.equal(logOf(el));
  });
});
