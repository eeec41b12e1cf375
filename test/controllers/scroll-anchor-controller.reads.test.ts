import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css, type PropertyValues } from 'lit';
import { ScrollAnchorController } from '../../src/controllers/scroll-anchor-controller.js';

const ROW = 20;

/**
 * A 200 px scroller whose content grows in a microtask after each update, the
 * way a virtualizer renders its new range after the host's update.
 */
class AnchorReadsList extends LitElement {
  static override properties = { count: { type: Number } };
  static override styles = css`
    .scroller {
      block-size: 200px;
      overflow-y: auto;
    }
  `;

  count = 20;
  /** Extra rows appended in a microtask after each update. */
  late = 0;

  readonly anchor = new ScrollAnchorController(this, { scroller: () => this.scroller });

  get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.scroller');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('count') && this.hasUpdated) this.anchor.stickToBottom();
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const late = this.late;
    if (!late) return;
    queueMicrotask(() => {
      const content = this.renderRoot.querySelector('.late')!;
      for (let i = 0; i < late; i++) {
        const row = document.createElement('div');
        row.style.blockSize = `${ROW}px`;
        content.append(row);
      }
    });
  }

  override render() {
    return html`<div class="scroller">
      <div style="block-size: ${this.count * ROW}px"></div>
      <div class="late"></div>
    </div>`;
  }
}
customElements.define('anchor-reads-list', AnchorReadsList);

/** Counts reads of `scrollHeight` on one element. */
function countReads(el: HTMLElement): { readonly count: number; reset(): void } {
  const desc = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight')!;
  let count = 0;
  Object.defineProperty(el, 'scrollHeight', {
    configurable: true,
    get() {
      count++;
      return desc.get!.call(this);
    },
  });
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}

describe('ScrollAnchorController layout reads', () => {
  it('measures once after the DOM work an update queued, not before it as well', async () => {
    const el = await fixture<AnchorReadsList>(html`<anchor-reads-list></anchor-reads-list>`);
    const scroller = el.scroller!;
    scroller.scrollTop = scroller.scrollHeight;
    const reads = countReads(scroller);
    el.late = 10;
    el.count = 30;
    await el.updateComplete;
    // the microtasks after the update: the late rows, then one correction
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(reads.count, 'layout reads before the next frame').to.equal(1);
    expect(el.anchor.isAtBottom()).to.equal(true);
    expect(scroller.scrollTop).to.equal(40 * ROW - 200);
    await el.anchor.settled;
    expect(el.anchor.isAtBottom()).to.equal(true);
  });

  it('corrects once for a burst of DOM changes spread over several microtasks', async () => {
    const el = await fixture<AnchorReadsList>(html`<anchor-reads-list></anchor-reads-list>`);
    const scroller = el.scroller!;
    el.count = 25;
    await el.updateComplete;
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(el.anchor.isAtBottom()).to.equal(true);
    const reads = countReads(scroller);
    // three rounds of changes, each in its own microtask (a virtualizer rendering, then positioning)
    const content = el.renderRoot.querySelector('.late')!;
    const grow = () => {
      const row = document.createElement('div');
      row.style.blockSize = `${ROW}px`;
      content.append(row);
    };
    grow();
    await Promise.resolve();
    grow();
    await Promise.resolve();
    grow();
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(reads.count).to.be.at.most(2);
    expect(scroller.scrollTop).to.equal(28 * ROW - 200);
    await el.anchor.settled;
  });
});
