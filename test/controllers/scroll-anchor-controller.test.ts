import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css, type PropertyValues } from 'lit';
import { ScrollAnchorController } from '../../src/controllers/scroll-anchor-controller.js';

const ROW = 20;
const VIEW = 200;

/**
 * A list in a 200 px scroller. With `virtual`, only the rows near the
 * viewport are rendered (like a virtualizer), positioned absolutely.
 */
class AnchorTestList extends LitElement {
  static override properties = { items: { attribute: false }, virtual: { type: Boolean } };
  static override styles = css`
    .scroller {
      block-size: ${VIEW}px;
      overflow-y: auto;
    }
    .content {
      position: relative;
    }
    .row {
      block-size: ${ROW}px;
    }
    .content.virtual .row {
      position: absolute;
      inset-inline: 0;
    }
  `;

  items: string[] = [];
  virtual = false;
  /** Set before changing `items`: keep the bottom in view instead of the first visible row. */
  follow = false;

  readonly anchor = new ScrollAnchorController(this, {
    scroller: () => this.scroller,
    estimate: (key) => {
      const i = this.items.indexOf(key);
      return i < 0 ? undefined : i * ROW - (this.scroller?.scrollTop ?? 0);
    },
  });

  get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.scroller');
  }

  row(key: string): HTMLElement | null {
    return this.renderRoot.querySelector(`[data-anchor-key="${key}"]`);
  }

  offsetOf(key: string): number {
    return this.row(key)!.getBoundingClientRect().top - this.scroller!.getBoundingClientRect().top;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items') && this.hasUpdated) {
      if (this.follow && this.anchor.isAtBottom()) this.anchor.stickToBottom();
      else this.anchor.capture();
    }
  }

  private visible(): Array<[string, number]> {
    const all = this.items.map((k, i) => [k, i] as [string, number]);
    if (!this.virtual) return all;
    const top = this.scroller?.scrollTop ?? 0;
    return all.filter(([, i]) => i * ROW > top - 100 && i * ROW < top + VIEW + 100);
  }

  override render() {
    return html`<div class="scroller" @scroll=${() => this.requestUpdate()}>
      <div class="content ${this.virtual ? 'virtual' : ''}" style="block-size: ${this.items.length * ROW}px">
        ${this.visible().map(
          ([k, i]) =>
            html`<div class="row" data-anchor-key=${k} style=${this.virtual ? `top: ${i * ROW}px` : ''}>${k}</div>`,
        )}
      </div>
    </div>`;
  }
}
customElements.define('anchor-test-list', AnchorTestList);

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

async function settle(el: AnchorTestList): Promise<void> {
  await el.updateComplete;
  await el.anchor.settled;
}

describe('ScrollAnchorController', () => {
  let el: AnchorTestList;

  beforeEach(async () => {
    el = await fixture<AnchorTestList>(html`<anchor-test-list .items=${keys('m', 50)}></anchor-test-list>`);
  });

  it('knows when the scroller is at the bottom', async () => {
    el.scroller!.scrollTop = 0;
    expect(el.anchor.isAtBottom()).to.equal(false);
    el.scroller!.scrollTop = 50 * ROW;
    expect(el.anchor.isAtBottom()).to.equal(true);
    el.scroller!.scrollTop = 50 * ROW - VIEW - 20; // 20 px above the bottom: within the threshold
    expect(el.anchor.isAtBottom()).to.equal(true);
  });

  it('finds the first visible item and its offset', () => {
    el.scroller!.scrollTop = 5 * ROW + 7;
    const first = el.anchor.firstVisible();
    expect(first?.key).to.equal('m5');
    expect(first!.offset).to.be.closeTo(-7, 1);
  });

  it('keeps the first visible item in place when items are prepended', async () => {
    el.scroller!.scrollTop = 3 * ROW + 5;
    const before = el.offsetOf('m3');
    el.items = [...keys('old', 30), ...el.items];
    await settle(el);
    expect(el.offsetOf('m3')).to.be.closeTo(before, 1);
    expect(el.scroller!.scrollTop).to.be.closeTo(33 * ROW + 5, 1);
  });

  it('keeps the anchor in a virtualized list when it is not rendered right after the change', async () => {
    el.virtual = true;
    await el.updateComplete;
    el.scroller!.scrollTop = 2 * ROW + 3;
    await el.updateComplete;
    const before = el.offsetOf('m2');
    el.items = [...keys('old', 200), ...el.items]; // 4000 px above: far outside the rendered window
    await settle(el);
    expect(el.row('m2'), 'the anchor is rendered again').not.to.equal(null);
    expect(el.offsetOf('m2')).to.be.closeTo(before, 1);
  });

  it('does not move what the reader sees when items are appended away from the bottom', async () => {
    el.scroller!.scrollTop = 100;
    el.follow = true;
    el.items = [...el.items, ...keys('new', 5)];
    await settle(el);
    expect(el.scroller!.scrollTop).to.equal(100);
  });

  it('follows appended items while at the bottom', async () => {
    el.scroller!.scrollTop = el.scroller!.scrollHeight;
    el.follow = true;
    el.items = [...el.items, ...keys('new', 5)];
    await settle(el);
    expect(el.anchor.isAtBottom()).to.equal(true);
    expect(el.scroller!.scrollTop).to.equal(el.scroller!.scrollHeight - el.scroller!.clientHeight);
  });

  it('puts a chosen item at an offset', async () => {
    el.anchor.anchorTo('m20', 10);
    await settle(el);
    expect(el.offsetOf('m20')).to.be.closeTo(10, 1);
  });

  it('scrolls to the bottom on request', async () => {
    el.scroller!.scrollTop = 0;
    el.anchor.scrollToBottom();
    await el.anchor.settled;
    expect(el.anchor.isAtBottom()).to.equal(true);
  });

  it('settles when the target cannot be reached (clamped)', async () => {
    el.anchor.anchorTo('m49', 0); // the last row cannot be scrolled to the top
    await settle(el);
    expect(el.anchor.settling).to.equal(false);
    expect(el.anchor.isAtBottom()).to.equal(true);
  });

  it('stops correcting as soon as the user scrolls', async () => {
    el.anchor.anchorTo('m10', 0);
    await el.updateComplete;
    expect(el.anchor.settling).to.equal(true);
    el.scroller!.dispatchEvent(new WheelEvent('wheel', { deltaY: 10, bubbles: true }));
    expect(el.anchor.settling).to.equal(false);
    await el.anchor.settled;
  });

  it('stops when the host disconnects', async () => {
    el.anchor.anchorTo('m10', 0);
    await el.updateComplete;
    el.remove();
    expect(el.anchor.settling).to.equal(false);
  });
});
