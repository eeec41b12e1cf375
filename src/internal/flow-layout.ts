/**
 * The virtualizer's flow layout as the elements use it: a smaller overhang
 * (rows rendered beyond the viewport), so long lists keep a small DOM, a
 * first guess at the item size close to the real one, and one fix.
 *
 * Two fixes for jumps (a scrollbar drag, Home, a host setting `scrollTop`)
 * made while the layout is still settling, e.g. right after the first rows
 * render and before they are measured:
 * - the flow layout keeps the anchor item of a reflow until the sizes around
 *   it are measured, so such a jump was pulled back to that anchor; a jump of
 *   more than a screen now starts afresh around the new position;
 * - before any item is measured it estimates the position of items beyond the
 *   rendered ones as if they were 0 px tall (ignoring its own first guess);
 *   they are now estimated at the first guess.
 */
import { FlowLayout, type flow } from '@lit-labs/virtualizer/layouts/flow.js';

/** What `virtualize({ layout })` takes. */
export type LayoutSpecifier = ReturnType<typeof flow>;

export interface InboxFlowLayoutOptions {
  /** Pixels rendered above and below the viewport (the flow layout's default is 1000). */
  overhang: number;
  /** An item's height before any is measured (the flow layout guesses 100). */
  estimatedSize: number;
}

/** A layout specifier for `virtualize({ layout })`; keep one per element type, so the virtualizer keeps its layout. */
export function inboxFlowLayout(options: InboxFlowLayoutOptions): LayoutSpecifier {
  class InboxFlowLayout extends FlowLayout {
    constructor(...args: ConstructorParameters<typeof FlowLayout>) {
      super(...args);
      this._overhang = options.overhang;
      this._itemSize = { width: 100, height: options.estimatedSize };
    }

    override _estimatePosition(idx: number): number {
      const metrics = this._metricsCache;
      if (metrics.averageChildSize) return super._estimatePosition(idx);
      const margin = metrics.averageMarginSize;
      return margin + idx * (margin + this._getAverageSize());
    }

    override get viewportScroll(): FlowLayout['viewportScroll'] {
      return super.viewportScroll;
    }

    override set viewportScroll(coords: FlowLayout['viewportScroll']) {
      const before = this._scrollPosition;
      super.viewportScroll = coords;
      if (Math.abs(this._scrollPosition - before) > Math.max(this._viewDim1, 1)) this._resetReflowState();
    }
  }
  return { type: InboxFlowLayout };
}
