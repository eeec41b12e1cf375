/**
 * `RovingFocusController`: keyboard navigation for a one-dimensional
 * composite widget (listbox, menu, toolbar) with a roving `tabindex`.
 *
 * - Up/Down (or Left/Right with `orientation: 'horizontal'`), Home/End,
 *   PageUp/PageDown, and type-ahead by each item's label;
 * - the active item is tracked by key, so it survives reordering and
 *   insertions (new activity moving rows around keeps the same item active);
 * - virtualization aware: before focusing, `reveal(index)` lets the host
 *   scroll the item into view and wait until it is rendered.
 *
 * The host renders `tabindex=${controller.tabIndexFor(index)}` on each item
 * and forwards `keydown` events to {@link RovingFocusController.handleKeydown}.
 * It knows nothing of the items' markup.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RovingFocusOptions {
  /** How many items there are (rendered or not). */
  count: () => number;
  /** A stable key for the item at `index`. */
  keyAt: (index: number) => string;
  /** The index of the item with `key`, or -1. Default: a linear search with `keyAt`. */
  indexOf?: (key: string) => number;
  /** The item's label for type-ahead; omit to turn type-ahead off. */
  labelAt?: (index: number) => string;
  /** The rendered element of the item at `index`, if it is in the DOM. */
  elementAt: (index: number) => HTMLElement | null | undefined;
  /** Brings the item into view and resolves once it is rendered (virtualized lists). */
  reveal?: (index: number) => Promise<void> | void;
  /** Items per PageUp/PageDown step. Default 10. */
  pageSize?: () => number;
  /** `vertical` (Up/Down, default), `horizontal` (Left/Right, mirrored in RTL) or `both`. */
  orientation?: 'vertical' | 'horizontal' | 'both';
  /** Whether navigation stops at the ends (default) or wraps around. */
  wrap?: boolean;
  /** Milliseconds after which the type-ahead buffer starts over. Default 500. */
  typeaheadTimeout?: number;
  /** The clock type-ahead uses (tests replace it). Default `Date.now`. */
  now?: () => number;
  /** Called when the active item changes. */
  onActiveChange?: (key: string | null, index: number) => void;
}

/** What a key press did: the new active index, or null when the key is not ours. */
export type RovingKeyResult = number | null;

export class RovingFocusController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: RovingFocusOptions;
  private key: string | null = null;
  private lastIndex = 0;
  private buffer = '';
  private bufferAt = 0;
  private focusGeneration = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RovingFocusOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.focusGeneration++;
    this.buffer = '';
  }

  /** The key of the active item (the one with `tabindex="0"`), or null when none was chosen. */
  get activeKey(): string | null {
    return this.key;
  }

  /**
   * The index of the active item: where its key is now; when the key is gone,
   * the nearest index to where it was; 0 when nothing was chosen; -1 when empty.
   */
  get activeIndex(): number {
    const count = this.options.count();
    if (count <= 0) return -1;
    if (this.key !== null) {
      const i = this.indexOf(this.key);
      if (i >= 0) {
        this.lastIndex = i;
        return i;
      }
    }
    return Math.min(Math.max(this.lastIndex, 0), count - 1);
  }

  /** `0` for the active item, `-1` for the others. */
  tabIndexFor(index: number): 0 | -1 {
    return index === this.activeIndex ? 0 : -1;
  }

  /**
   * Makes the item at `index` active (clamped to the list). With `focus`, it is
   * revealed, rendered and focused; a later call supersedes an earlier one
   * still waiting for its item to render.
   */
  async setActive(index: number, options: { focus?: boolean } = {}): Promise<void> {
    const count = this.options.count();
    if (count <= 0) return;
    const i = Math.min(Math.max(index, 0), count - 1);
    const key = this.options.keyAt(i);
    const changed = key !== this.key;
    this.key = key;
    this.lastIndex = i;
    if (changed) {
      this.options.onActiveChange?.(key, i);
      this.host.requestUpdate();
    }
    if (options.focus) await this.focusIndex(i);
  }

  /** Makes the item with `key` active without moving focus (e.g. after a click). */
  setActiveKey(key: string | null): void {
    if (key === this.key) return;
    this.key = key;
    if (key !== null) {
      const i = this.indexOf(key);
      if (i >= 0) this.lastIndex = i;
    }
    this.options.onActiveChange?.(key, this.activeIndex);
    this.host.requestUpdate();
  }

  /** Focuses the active item (revealing it first). */
  focusActive(): Promise<void> {
    const i = this.activeIndex;
    return i < 0 ? Promise.resolve() : this.focusIndex(i);
  }

  /**
   * Handles navigation keys: moves the active item, focuses it, and calls
   * `preventDefault()`. Returns the new index, or null when the key is not a
   * navigation key (the host handles Enter, Space and the rest).
   */
  handleKeydown(event: KeyboardEvent): RovingKeyResult {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return null;
    const count = this.options.count();
    if (count <= 0) return null;
    const target = this.targetFor(event, count);
    if (target === null) return null;
    event.preventDefault();
    void this.setActive(target, { focus: true });
    return target;
  }

  private targetFor(event: KeyboardEvent, count: number): number | null {
    const current = this.activeIndex;
    const orientation = this.options.orientation ?? 'vertical';
    const vertical = orientation !== 'horizontal';
    const horizontal = orientation !== 'vertical';
    const rtl = horizontal && getComputedStyle(this.host).direction === 'rtl';
    const page = Math.max(1, this.options.pageSize?.() ?? 10);
    const step = (delta: number) => {
      const next = current + delta;
      if (this.options.wrap) return (next + count) % count;
      return Math.min(Math.max(next, 0), count - 1);
    };
    switch (event.key) {
      case 'ArrowDown':
        return vertical ? step(1) : null;
      case 'ArrowUp':
        return vertical ? step(-1) : null;
      case 'ArrowRight':
        return horizontal ? step(rtl ? -1 : 1) : null;
      case 'ArrowLeft':
        return horizontal ? step(rtl ? 1 : -1) : null;
      case 'Home':
        return 0;
      case 'End':
        return count - 1;
      case 'PageDown':
        return Math.min(current + page, count - 1);
      case 'PageUp':
        return Math.max(current - page, 0);
      default:
        return this.typeahead(event, count, current);
    }
  }

  /** Type-ahead: the next item whose label starts with the typed characters. */
  private typeahead(event: KeyboardEvent, count: number, current: number): number | null {
    const labelAt = this.options.labelAt;
    if (!labelAt || event.key.length !== 1 || (event.key === ' ' && !this.buffer)) return null;
    const now = (this.options.now ?? Date.now)();
    if (now - this.bufferAt > (this.options.typeaheadTimeout ?? 500)) this.buffer = '';
    this.bufferAt = now;
    const char = event.key.toLocaleLowerCase();
    this.buffer += char;
    // repeating one letter cycles through the items starting with it
    const repeated = [...this.buffer].every((c) => c === char);
    const term = repeated ? char : this.buffer;
    const start = repeated || this.buffer.length === 1 ? current + 1 : current;
    for (let n = 0; n < count; n++) {
      const i = (start + n) % count;
      const label = labelAt(i).trim().toLocaleLowerCase();
      if (label.startsWith(term)) return i;
    }
    // a key that matches nothing is still ours while a search is running
    return this.buffer.length > 1 ? current : null;
  }

  private indexOf(key: string): number {
    if (this.options.indexOf) return this.options.indexOf(key);
    const count = this.options.count();
    for (let i = 0; i < count; i++) if (this.options.keyAt(i) === key) return i;
    return -1;
  }

  private async focusIndex(index: number): Promise<void> {
    const generation = ++this.focusGeneration;
    let el = this.options.elementAt(index);
    if (this.options.reveal) {
      await this.options.reveal(index);
      if (generation !== this.focusGeneration) return;
      el = this.options.elementAt(index);
    } else if (!el) {
      await this.host.updateComplete;
      if (generation !== this.focusGeneration) return;
      el = this.options.elementAt(index);
    }
    el?.focus({ preventScroll: Boolean(this.options.reveal) });
  }
}
