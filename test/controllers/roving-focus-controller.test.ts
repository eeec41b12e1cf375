import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { RovingFocusController, type RovingFocusOptions } from '../../src/controllers/roving-focus-controller.js';

interface Item {
  id: string;
  label: string;
}

/** Options for the next test list created. */
let nextOptions: Partial<RovingFocusOptions> = {};

/** A minimal listbox over the controller: every item rendered, no virtualization. */
class RovingTestList extends LitElement {
  items: Item[] = [];
  clock = 0;
  revealed: number[] = [];
  readonly roving: RovingFocusController;

  constructor() {
    super();
    this.roving = new RovingFocusController(this, {
      count: () => this.items.length,
      keyAt: (i) => this.items[i].id,
      labelAt: (i) => this.items[i].label,
      elementAt: (i) => this.renderRoot.querySelector<HTMLElement>(`[data-index="${i}"]`),
      pageSize: () => 3,
      now: () => this.clock,
      ...nextOptions,
    });
  }

  override render() {
    return html`<div role="listbox" aria-label="Fruit" @keydown=${(e: KeyboardEvent) => this.roving.handleKeydown(e)}>
      ${this.items.map(
        (item, i) =>
          html`<div
            role="option"
            aria-selected="false"
            data-index=${i}
            data-id=${item.id}
            tabindex=${this.roving.tabIndexFor(i)}
          >
            ${item.label}
          </div>`,
      )}
    </div>`;
  }
}
customElements.define('rf-test-list', RovingTestList);

const FRUIT = ['Apple', 'Apricot', 'Banana', 'Blueberry', 'Cherry', 'Date', 'Elderberry', 'Fig'];

async function setup(options: Partial<RovingFocusOptions> = {}, dir = 'ltr') {
  nextOptions = options;
  const el = await fixture<RovingTestList>(html`<rf-test-list dir=${dir}></rf-test-list>`);
  nextOptions = {};
  el.items = FRUIT.map((label, i) => ({ id: `id-${i}`, label }));
  el.requestUpdate();
  await el.updateComplete;
  return el;
}

function focusedLabel(el: RovingTestList): string | undefined {
  return el.shadowRoot!.activeElement?.textContent?.trim();
}

function tabStops(el: RovingTestList): string[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')]
    .filter((o) => o.tabIndex === 0)
    .map((o) => o.textContent.trim());
}

async function press(el: RovingTestList, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('RovingFocusController', () => {
  it('has exactly one tab stop, the first item until another is chosen', async () => {
    const el = await setup();
    expect(tabStops(el)).to.deep.equal(['Apple']);
    expect(el.roving.activeIndex).to.equal(0);
    expect(el.roving.activeKey).to.equal(null);
  });

  it('moves with ArrowDown/ArrowUp and stops at the ends', async () => {
    const el = await setup();
    el.shadowRoot!.querySelector<HTMLElement>('[data-index="0"]')!.focus();
    await press(el, 'ArrowDown');
    expect(focusedLabel(el)).to.equal('Apricot');
    expect(tabStops(el)).to.deep.equal(['Apricot']);
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    expect(focusedLabel(el)).to.equal('Apple');
    await press(el, 'End');
    await press(el, 'ArrowDown');
    expect(focusedLabel(el)).to.equal('Fig');
  });

  it('wraps around when asked to', async () => {
    const el = await setup({ wrap: true });
    el.shadowRoot!.querySelector<HTMLElement>('[data-index="0"]')!.focus();
    await press(el, 'ArrowUp');
    expect(focusedLabel(el)).to.equal('Fig');
    await press(el, 'ArrowDown');
    expect(focusedLabel(el)).to.equal('Apple');
  });

  it('jumps with Home, End, PageDown and PageUp', async () => {
    const el = await setup();
    el.shadowRoot!.querySelector<HTMLElement>('[data-index="0"]')!.focus();
    await press(el, 'End');
    expect(focusedLabel(el)).to.equal('Fig');
    await press(el, 'Home');
    expect(focusedLabel(el)).to.equal('Apple');
    await press(el, 'PageDown');
    expect(focusedLabel(el)).to.equal('Blueberry');
    await press(el, 'PageDown');
    await press(el, 'PageDown');
    expect(focusedLabel(el)).to.equal('Fig');
    await press(el, 'PageUp');
    expect(focusedLabel(el)).to.equal('Cherry');
    await press(el, 'PageUp');
    await press(el, 'PageUp');
    expect(focusedLabel(el)).to.equal('Apple');
  });

  it('ignores keys that are not its own and leaves them to the host', async () => {
    const el = await setup();
    const item = el.shadowRoot!.querySelector<HTMLElement>('[data-index="0"]')!;
    item.focus();
    const seen: boolean[] = [];
    el.shadowRoot!.addEventListener('keydown', (e) => seen.push(e.defaultPrevented));
    await press(el, 'Enter');
    await press(el, 'Tab');
    expect(seen).to.deep.equal([false, false]);
    expect(el.roving.activeIndex).to.equal(0);
  });

  it('finds items by typed label, cycling on a repeated letter', async () => {
    const el = await setup();
    el.shadowRoot!.querySelector<HTMLElement>('[data-index="0"]')!.focus();
    await press(el, 'b');
    expect(focusedLabel(el)).to.equal('Banana');
    el.clock += 100;
    await press(el, 'b');
    expect(focusedLabel(el)).to.equal('Blueberry');
    el.clock += 100;
    await press(el, 'b');
    expect(focusedLabel(el)).to.equal('Banana');
    // after a pause the search starts over
    el.clock += 1000;
    await press(el, 'e');
    expect(focusedLabel(el)).to.equal('Elderberry');
  });

  it('matches several typed characters as a prefix', async () => {
    const el = await setup();
    el.shadowRoot!.querySelector<HTMLElement>('[data-index="0"]')!.focus();
    await press(el, 'a');
    expect(focusedLabel(el)).to.equal('Apricot');
    el.clock += 50;
    await press(el, 'p');
    expect(focusedLabel(el)).to.equal('Apricot');
    el.clock += 50;
    await press(el, 'p');
    expect(focusedLabel(el)).to.equal('Apple');
  });

  it('uses Left/Right when horizontal and mirrors them in RTL', async () => {
    const el = await setup({ orientation: 'horizontal' }, 'rtl');
    el.shadowRoot!.querySelector<HTMLElement>('[data-index="0"]')!.focus();
    await press(el, 'ArrowDown');
    expect(focusedLabel(el)).to.equal('Apple');
    await press(el, 'ArrowLeft');
    expect(focusedLabel(el)).to.equal('Apricot');
    await press(el, 'ArrowRight');
    expect(focusedLabel(el)).to.equal('Apple');
  });

  it('keeps the same item active when items are reordered or inserted', async () => {
    const el = await setup();
    await el.roving.setActive(4, { focus: true });
    await el.updateComplete;
    expect(el.roving.activeKey).to.equal('id-4');
    el.items = [{ id: 'new', label: 'Avocado' }, ...el.items.reverse()];
    el.requestUpdate();
    await el.updateComplete;
    expect(el.roving.activeIndex).to.equal(el.items.findIndex((i) => i.id === 'id-4'));
    expect(tabStops(el)).to.deep.equal(['Cherry']);
  });

  it('falls back to the nearest index when the active item disappears', async () => {
    const el = await setup();
    await el.roving.setActive(7);
    el.items = el.items.slice(0, 5);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.roving.activeIndex).to.equal(4);
    expect(tabStops(el)).to.deep.equal(['Cherry']);
  });

  it('reveals the item before focusing it (virtualized hosts)', async () => {
    const el = await setup();
    const order: string[] = [];
    const rendered = new Set<number>([0]);
    const controller = new RovingFocusController(el, {
      count: () => el.items.length,
      keyAt: (i) => el.items[i].id,
      elementAt: (i) => (rendered.has(i) ? el.shadowRoot!.querySelector<HTMLElement>(`[data-index="${i}"]`) : null),
      reveal: async (i) => {
        order.push(`reveal ${i}`);
        await Promise.resolve();
        rendered.add(i);
      },
    });
    await controller.setActive(6, { focus: true });
    expect(order).to.deep.equal(['reveal 6']);
    expect(focusedLabel(el)).to.equal('Elderberry');
  });

  it('reports active changes', async () => {
    const el = await setup();
    const changes: Array<[string | null, number]> = [];
    const controller = new RovingFocusController(el, {
      count: () => el.items.length,
      keyAt: (i) => el.items[i].id,
      elementAt: () => null,
      onActiveChange: (key, index) => changes.push([key, index]),
    });
    await controller.setActive(2);
    controller.setActiveKey('id-5');
    await controller.setActive(5);
    expect(changes).to.deep.equal([
      ['id-2', 2],
      ['id-5', 5],
    ]);
  });

  it('does nothing on an empty list', async () => {
    const el = await setup();
    el.items = [];
    el.requestUpdate();
    await el.updateComplete;
    expect(el.roving.activeIndex).to.equal(-1);
    const event = new KeyboardEvent('keydown', { key: 'ArrowDown', cancelable: true });
    expect(el.roving.handleKeydown(event)).to.equal(null);
    expect(event.defaultPrevented).to.equal(false);
  });
});
