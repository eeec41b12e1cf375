/**
 * The benchmark page. scripts/bench.mjs opens it once per measurement (a fresh
 * page each time) and drives it through `window.bench`:
 * `prepare(scenario, impl, n)` → `firstPaint()` → `domSize()` → (threads)
 * `append()` → `prepend()` → `scroll()`. The JS heap is read from the outside
 * over CDP after a forced GC.
 */
import { IMPLS, type Impl, type ImplName, type Scenario } from './impls.js';

/** Pixels scrolled per frame (about 3,000 px/s at 60 Hz, a brisk fling). */
const SCROLL_STEP = 50;
/** Where the reader sits when older messages arrive: this far below the top (beyond the thread's own 240 px "near the top"). */
const READING_AT = 1200;
/** Frames to keep watching after a change reports it has settled. */
const AFTER_SETTLE_FRAMES = 6;
const TIMEOUT = 60_000;

const stage = document.getElementById('stage')!;
let impl: Impl | undefined;
let scenario: Scenario = 'list';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function current(): Impl {
  if (!impl) throw new Error('call bench.prepare() first');
  return impl;
}

/** Resolves as soon as `present()` holds: checked now and after every DOM mutation under `root`. */
function whenPresent(root: Node, present: () => boolean): Promise<void> {
  if (present()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out waiting for rows'));
    }, TIMEOUT);
    const observer = new MutationObserver(() => {
      if (!present()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/**
 * Resolves with the time of the first animation frame after the one that
 * painted what `present` detects (a double rAF): the DOM change, then the
 * frame that paints it (where `visible` must hold, else later frames), then one more.
 */
async function painted(root: Node, present: () => boolean, visible: () => boolean): Promise<number> {
  await whenPresent(root, present);
  const start = performance.now();
  await frame();
  while (!visible()) {
    if (performance.now() - start > TIMEOUT) throw new Error('timed out waiting for the rows to show');
    await frame();
  }
  await frame();
  return performance.now();
}

/** The bottom edge of `el` is inside the scroller's viewport. */
function bottomInView(el: HTMLElement | null | undefined, scroller: HTMLElement): boolean {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  return r.bottom <= box.bottom + 2 && r.bottom > box.top;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const bench = {
  /** Builds the data and the implementation (not timed). */
  async prepare(s: Scenario, name: ImplName, n: number): Promise<void> {
    stage.replaceChildren();
    scenario = s;
    const factory = IMPLS[s][name];
    if (!factory) throw new Error(`no ${name} implementation for ${s}`);
    impl = await factory(n);
    await frame();
  },

  /** Milliseconds from creating the element to the frame after the one that painted its rows. */
  async firstPaint(): Promise<number> {
    const i = current();
    const t0 = performance.now();
    i.mount(stage);
    const visible =
      scenario === 'thread' ? () => bottomInView(i.find(i.lastId!()), i.scroller()) : () => i.items().length > 0;
    const t1 = await painted(i.root(), () => i.present(), visible);
    return t1 - t0;
  },

  /** Elements in the stage: light DOM and every shadow tree. */
  domSize(): number {
    let count = 0;
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        count++;
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(stage);
    return count;
  },

  /** Milliseconds from adding one message to the frame after the one that painted it in view. */
  async append(): Promise<number> {
    const i = current();
    const t0 = performance.now();
    const id = i.append!();
    const t1 = await painted(
      i.root(),
      () => i.find(id) !== null,
      () => bottomInView(i.find(id), i.scroller()),
    );
    return t1 - t0;
  },

  /**
   * Puts the reader mid-thread, adds the 50 older messages above, and reports
   * how far the first message in view moved: `shift` after everything settled,
   * `maxShift` the largest seen in any frame meanwhile (sampled in rAF).
   * `estimated` when the message was pushed out of the rendered range, so the
   * shift is the growth of the content above it (scrollHeight − scrollTop change).
   */
  async prepend(): Promise<{ shift: number; maxShift: number; estimated: boolean }> {
    const i = current();
    const s = i.scroller();
    s.scrollTop = Math.min(READING_AT, (s.scrollHeight - s.clientHeight) / 2);
    for (let k = 0; k < 4; k++) await frame();
    const box = () => s.getBoundingClientRect();
    const anchor = i.items().find((el) => el.getBoundingClientRect().top >= box().top - 0.5);
    if (!anchor) throw new Error('no message in view');
    const id = i.idOf(anchor);
    const top0 = anchor.getBoundingClientRect().top - box().top;
    const scrollTop0 = s.scrollTop;
    const height0 = s.scrollHeight;
    let maxShift = 0;
    let lost = false;
    let done = false;
    const sample = () => {
      const el = i.find(id);
      if (!el) {
        lost = true;
        return;
      }
      maxShift = Math.max(maxShift, Math.abs(el.getBoundingClientRect().top - box().top - top0));
    };
    const sampling = (async () => {
      while (!done) {
        await frame();
        sample();
      }
    })();
    await i.prepend!();
    for (let k = 0; k < AFTER_SETTLE_FRAMES; k++) await frame();
    done = true;
    await sampling;
    const el = i.find(id);
    if (el) {
      const shift = el.getBoundingClientRect().top - box().top - top0;
      return { shift, maxShift: Math.max(maxShift, Math.abs(shift)), estimated: false };
    }
    const shift = s.scrollHeight - height0 - (s.scrollTop - scrollTop0);
    return { shift, maxShift: lost ? Math.max(maxShift, Math.abs(shift)) : maxShift, estimated: true };
  },

  /**
   * Scrolls the list programmatically by SCROLL_STEP px per frame (turning at
   * the ends) for `ms`, and reports the frame times (deltas between rAF timestamps).
   */
  async scroll(ms = 2000): Promise<{ p95: number; p50: number; max: number; frames: number }> {
    const s = current().scroller();
    let dir = s.scrollTop > 0 ? -1 : 1;
    const deltas: number[] = [];
    let last = await frame();
    const end = last + ms;
    for (;;) {
      const t = await frame();
      deltas.push(t - last);
      last = t;
      if (t >= end) break;
      const max = s.scrollHeight - s.clientHeight;
      let next = s.scrollTop + dir * SCROLL_STEP;
      if (next <= 0 || next >= max) {
        dir = -dir;
        next = Math.max(0, Math.min(max, next));
      }
      s.scrollTop = next;
    }
    const sorted = [...deltas].sort((a, b) => a - b);
    return {
      p95: percentile(sorted, 0.95),
      p50: percentile(sorted, 0.5),
      max: sorted[sorted.length - 1],
      frames: deltas.length,
    };
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
