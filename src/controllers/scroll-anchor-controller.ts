/**
 * `ScrollAnchorController` keeps what the reader sees in a scrolling element
 * in place while its content changes above it (older messages loading), or
 * keeps the bottom in view (new messages arriving while the reader is there).
 *
 * Before a change, the host calls `capture()` (the first visible item and its
 * offset from the scroller's top are recorded) or `stickToBottom()`. After the
 * host's next update the controller restores that position, and keeps
 * correcting it while the layout settles: after DOM changes inside the
 * scroller (a virtualizer positioning its children) and on each animation
 * frame, until the position has held for a few frames. Any user scroll input
 * (wheel, touch, pointer, key) stops the correction at once, so it never
 * fights the reader.
 *
 * Layout is read sparingly: a correction reads everything it needs first and
 * then writes `scrollTop` once; the first one waits for the microtasks the
 * host's update queued (a virtualizer renders its new range in one), and the
 * mutations of one burst (a virtualizer rendering and positioning its
 * children) lead to one correction after the burst, not one each (a
 * correction also takes the mutation records queued so far: it has seen
 * them). At most eight such corrections run per frame, plus one per
 * animation frame.
 *
 * Virtualized lists: an item that is not rendered is found through the
 * `estimate` option (its estimated offset), scrolled near, and then corrected
 * exactly once it renders.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ScrollAnchorOptions {
  /** The scrolling element. */
  scroller: () => HTMLElement | null | undefined;
  /** Items that can serve as anchors, in document order. Default: `[data-anchor-key]` inside the scroller. */
  items?: () => Iterable<HTMLElement>;
  /** An item's stable key. Default: its `data-anchor-key`. */
  key?: (el: HTMLElement) => string | undefined;
  /** The estimated offset from the scroller's top of an item that is not rendered (virtualized lists). */
  estimate?: (key: string) => number | undefined;
  /** Distance from the bottom, in px, still counted as "at the bottom". Default 32. */
  bottomThreshold?: number;
  /** The most animation frames a restore keeps correcting. Default 60. */
  maxSettleFrames?: number;
}

/** What the controller restores. */
export type ScrollTarget = { type: 'anchor'; key: string; offset: number } | { type: 'bottom' };

/** Frames the position must hold before a restore counts as settled. */
const STABLE_FRAMES = 3;
/**
 * Corrections after DOM changes per frame: a layout that keeps reacting to them waits for the next
 * frame. (Older messages arriving above a virtualized thread take up to about 8 rounds to settle
 * within one frame; fewer let a frame paint the reader's message moved.)
 */
const MAX_APPLIES_PER_FRAME = 8;
/** A tick when animation frames do not come (hidden pages). */
const FALLBACK_FRAME_MS = 50;
const USER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

export class ScrollAnchorController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: ScrollAnchorOptions;
  private pending?: ScrollTarget;
  private active?: ScrollTarget;
  private scrollerEl?: HTMLElement;
  private observer?: MutationObserver;
  private frame = 0;
  private fallback?: ReturnType<typeof setTimeout>;
  private frames = 0;
  private stableFrames = 0;
  private mutationApplies = 0;
  private applyQueued = false;
  private waiters: Array<() => void> = [];
  private readonly onUserInput = () => this.cancel();

  constructor(host: ReactiveControllerHost, options: ScrollAnchorOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const target = this.pending;
    if (!target) return;
    this.pending = undefined;
    this.start(target);
  }

  hostDisconnected(): void {
    this.pending = undefined;
    this.cancel();
  }

  /** True while the scroller shows its bottom (within `bottomThreshold`). */
  isAtBottom(): boolean {
    const s = this.options.scroller();
    if (!s) return true;
    return s.scrollHeight - s.clientHeight - s.scrollTop <= (this.options.bottomThreshold ?? 32);
  }

  /** True while a restore is pending or still correcting. */
  get settling(): boolean {
    return Boolean(this.pending || this.active);
  }

  /** Resolves when no restore is pending or correcting. */
  get settled(): Promise<void> {
    if (!this.settling) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The first item at least partly visible, with its offset from the scroller's top. */
  firstVisible(): { key: string; offset: number; element: HTMLElement } | undefined {
    const s = this.options.scroller();
    if (!s) return undefined;
    const box = s.getBoundingClientRect();
    for (const el of this.items(s)) {
      const key = this.keyOf(el);
      if (!key) continue;
      const r = el.getBoundingClientRect();
      if (r.height === 0 && r.width === 0) continue;
      if (r.bottom > box.top + 1 && r.top < box.bottom) return { key, offset: r.top - box.top, element: el };
    }
    return undefined;
  }

  /**
   * Records the first visible item and its offset; after the host's next
   * update it is put back at the same offset. While a restore is still
   * correcting, its target is kept (the layout is in flux, so measuring now
   * would record a transient position).
   */
  capture(): void {
    if (this.active) {
      this.pending = this.active;
      return;
    }
    const first = this.firstVisible();
    if (first) this.pending = { type: 'anchor', key: first.key, offset: first.offset };
  }

  /** After the host's next update, puts the item `key` at `offset` px from the scroller's top. */
  anchorTo(key: string, offset = 0): void {
    this.pending = { type: 'anchor', key, offset };
    this.host.requestUpdate();
  }

  /** After the host's next update, shows the bottom (and keeps it in view while the layout settles). */
  stickToBottom(): void {
    this.pending = { type: 'bottom' };
    this.host.requestUpdate();
  }

  /** Scrolls to the bottom now and keeps it there while the layout settles. */
  scrollToBottom(): void {
    this.pending = undefined;
    this.start({ type: 'bottom' });
  }

  /** Stops correcting (pending restores are kept). */
  cancel(): void {
    this.teardown();
    if (!this.pending) this.resolveWaiters();
  }

  private teardown(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.fallback);
    this.frame = 0;
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.scrollerEl) {
      for (const type of USER_INPUT) this.scrollerEl.removeEventListener(type, this.onUserInput, true);
    }
    this.scrollerEl = undefined;
    this.active = undefined;
  }

  private resolveWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private items(s: HTMLElement): Iterable<HTMLElement> {
    return this.options.items?.() ?? s.querySelectorAll<HTMLElement>('[data-anchor-key]');
  }

  private keyOf(el: HTMLElement): string | undefined {
    return this.options.key ? this.options.key(el) : el.dataset.anchorKey;
  }

  private find(s: HTMLElement, key: string): HTMLElement | undefined {
    for (const el of this.items(s)) if (this.keyOf(el) === key) return el;
    return undefined;
  }

  private start(target: ScrollTarget): void {
    this.teardown();
    const s = this.options.scroller();
    if (!s) {
      this.resolveWaiters();
      return;
    }
    this.active = target;
    this.scrollerEl = s;
    this.frames = 0;
    this.stableFrames = 0;
    this.mutationApplies = 0;
    for (const type of USER_INPUT) s.addEventListener(type, this.onUserInput, { capture: true, passive: true });
    this.observer = new MutationObserver(() => this.queueApply());
    this.observer.observe(s, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    // not now: the host's update may have queued more DOM work (a virtualizer renders its new range in a
    // microtask), and measuring before it would lay out a DOM that is about to change
    this.queueApply();
    this.nextFrame();
  }

  /**
   * One correction after the current burst of DOM work: mutation records of
   * one burst arrive together, and a correction queued meanwhile runs once.
   */
  private queueApply(): void {
    if (this.applyQueued) return;
    this.applyQueued = true;
    queueMicrotask(() => {
      this.applyQueued = false;
      if (!this.active || this.mutationApplies >= MAX_APPLIES_PER_FRAME) return;
      this.mutationApplies++;
      this.apply();
    });
  }

  /** The next tick: on the next animation frame, or after a short timeout where frames do not run (a hidden page). */
  private nextFrame(): void {
    const run = () => {
      cancelAnimationFrame(this.frame);
      clearTimeout(this.fallback);
      this.tick();
    };
    this.frame = requestAnimationFrame(run);
    this.fallback = setTimeout(run, FALLBACK_FRAME_MS);
  }

  private readonly tick = () => {
    this.mutationApplies = 0;
    const moved = this.apply();
    this.stableFrames = moved ? 0 : this.stableFrames + 1;
    this.frames++;
    if (this.stableFrames >= STABLE_FRAMES || this.frames >= (this.options.maxSettleFrames ?? 60)) {
      this.cancel();
      return;
    }
    this.nextFrame();
  };

  /** Moves the scroller toward the target; true when it moved. Reads first, then writes once. */
  private apply(): boolean {
    const s = this.scrollerEl;
    const target = this.active;
    if (!s || !target || !s.isConnected) return false;
    // what this reading sees needs no correction of its own later
    this.observer?.takeRecords();
    let delta: number;
    if (target.type === 'bottom') {
      delta = s.scrollHeight - s.clientHeight - s.scrollTop;
    } else {
      const el = this.find(s, target.key);
      if (el) {
        delta = el.getBoundingClientRect().top - s.getBoundingClientRect().top - target.offset;
      } else {
        const estimate = this.options.estimate?.(target.key);
        if (estimate === undefined) return false;
        delta = estimate - target.offset;
      }
    }
    if (Math.abs(delta) < 0.5) return false;
    const before = s.scrollTop; // layout is clean after the reads above: no second layout
    s.scrollTop = before + delta;
    if (Math.abs(s.scrollTop - before) < 0.5) return false; // clamped: nothing more to do
    // let scroll listeners (a virtualizer) render the new range before the next paint; in a
    // microtask, so a host's own scroll handler never runs inside its update
    queueMicrotask(() => s.dispatchEvent(new Event('scroll')));
    return true;
  }
}
