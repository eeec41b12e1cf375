/**
 * The virtualizer layout `<inbox-list>` uses: the flow layout with a smaller
 * overhang (rows rendered beyond the viewport), so a long list keeps a small
 * DOM while still scrolling without blank flashes, and the row height as its
 * first guess (see `inboxFlowLayout`).
 */
import { inboxFlowLayout, type LayoutSpecifier } from '../../internal/flow-layout.js';

/** Pixels rendered above and below the viewport (the flow layout's default is 1000). */
export const LIST_OVERHANG_PX = 360;

/** A row's height before any is measured: the default `--inbox-row-height`. */
export const LIST_ESTIMATED_ROW_PX = 72;

/** One shared specifier: the virtualizer keeps its layout when it sees the same type. */
export const LIST_LAYOUT: LayoutSpecifier = inboxFlowLayout({
  overhang: LIST_OVERHANG_PX,
  estimatedSize: LIST_ESTIMATED_ROW_PX,
});
