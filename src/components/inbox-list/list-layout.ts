/**
 * The virtualizer layout `<inbox-list>` uses: the flow layout with a smaller
 * overhang (rows rendered beyond the viewport), so a long list keeps a small
 * DOM while still scrolling without blank flashes.
 */
import { FlowLayout, flow } from '@lit-labs/virtualizer/layouts/flow.js';

/** Pixels rendered above and below the viewport (the flow layout's default is 1000). */
export const LIST_OVERHANG_PX = 360;

class InboxListLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = LIST_OVERHANG_PX;
  }
}

/** One shared specifier: the virtualizer keeps its layout when it sees the same type. */
export const LIST_LAYOUT: ReturnType<typeof flow> = { ...flow(), type: InboxListLayout };
