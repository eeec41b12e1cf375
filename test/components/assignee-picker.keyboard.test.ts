import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AGENTS } from '../../src/adapters/memory/fixtures.js';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { AssigneePicker } from '../../src/components/assignee-picker/assignee-picker.js';
import '../../src/components/assignee-picker/assignee-picker.js';
import type { Agent } from '../../src/data/models.js';
import { renderWithProvider } from '../support/render-with-provider.js';
import { conversationSeed } from '../support/seeds.js';

function seed(id: string, assignee: Agent | null): MemorySeed {
  return conversationSeed(id, { assignee });
}

function part(el: AssigneePicker, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}
function focused(el: AssigneePicker): Element | null {
  return el.shadowRoot!.activeElement;
}
/** The text of the option the combobox points at. */
function activeOption(el: AssigneePicker): string | null {
  const id = part(el, 'search')!.getAttribute('aria-activedescendant');
  if (!id) return null;
  const option = el.shadowRoot!.getElementById(id)!;
  expect(option.getAttribute('role')).to.equal('option');
  expect(option.getAttribute('aria-selected')).to.equal('true');
  return option.querySelector('.option-name')!.textContent.replace(/\s+/g, ' ').trim();
}

async function render(selected: string) {
  const adapter = new MemoryAdapter({ seed: [seed('c1', AGENTS[1]), seed('c2', null)] });
  const result = await renderWithProvider<AssigneePicker>(
    html`<button id="before">before</button><assignee-picker></assignee-picker><button id="after">after</button>`,
    { adapter, selected },
  );
  const el = result.provider.querySelector('assignee-picker')!;
  await el.updateComplete;
  await waitUntil(() => el.state === 'ready', 'the picker is not ready');
  await el.updateComplete;
  return { ...result, el };
}

async function focusTrigger(el: AssigneePicker) {
  part(el, 'trigger')!.focus();
  await el.updateComplete;
}

async function press(el: AssigneePicker, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}

async function isOpen(el: AssigneePicker) {
  await el.updateComplete;
  return part(el, 'popup') !== null && part(el, 'trigger')!.getAttribute('aria-expanded') === 'true';
}

describe('<assignee-picker> keyboard', () => {
  for (const key of ['Enter', 'Space', 'ArrowDown']) {
    it(`opens with ${key} on the trigger and moves focus to the search combobox`, async () => {
      const { el } = await render('c1');
      await focusTrigger(el);
      await press(el, key);
      await waitUntil(() => focused(el) === part(el, 'search'), 'focus did not move to the search box');
      expect(await isOpen(el)).to.equal(true);
      const search = part(el, 'search')!;
      expect(search.getAttribute('role')).to.equal('combobox');
      expect(search.getAttribute('aria-expanded')).to.equal('true');
      expect(search.getAttribute('aria-controls')).to.equal('listbox');
      expect(el.shadowRoot!.getElementById('listbox')!.getAttribute('role')).to.equal('listbox');
      expect(part(el, 'trigger')!.getAttribute('aria-controls')).to.equal('popup');
      // the current assignee is highlighted
      expect(activeOption(el)).to.equal('Aisha Khan');
      await expect(el).to.be.accessible();
    });
  }

  it('moves through the options with ArrowUp/ArrowDown/Home/End', async () => {
    const { el } = await render('c2');
    await focusTrigger(el);
    await press(el, 'Enter');
    await waitUntil(() => focused(el) === part(el, 'search'));
    expect(activeOption(el)).to.equal(null);
    await press(el, 'ArrowDown');
    expect(activeOption(el)).to.equal('Assign to me');
    await press(el, 'ArrowDown');
    expect(activeOption(el)).to.equal('Sam Rivera (you)');
    await press(el, 'ArrowDown');
    expect(activeOption(el)).to.equal('Aisha Khan');
    await press(el, 'ArrowUp');
    expect(activeOption(el)).to.equal('Sam Rivera (you)');
    await press(el, 'End');
    expect(activeOption(el)).to.equal(AGENTS[AGENTS.length - 1].displayName);
    await press(el, 'ArrowDown');
    expect(activeOption(el)).to.equal(AGENTS[AGENTS.length - 1].displayName);
    await press(el, 'Home');
    expect(activeOption(el)).to.equal('Assign to me');
  });

  it('filters by typing and picks with Enter, then returns focus to the trigger', async () => {
    const { el, adapter } = await render('c2');
    await focusTrigger(el);
    await press(el, 'Enter');
    await waitUntil(() => focused(el) === part(el, 'search'));
    await sendKeys({ type: 'gomez' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[role="option"]')).to.have.length(1);
    expect(activeOption(el)).to.equal('Lucía Gómez');
    expect(el.shadowRoot!.querySelector('.popup [role="status"]')!.textContent).to.equal('1 agent');
    await expect(el).to.be.accessible();
    const assign = oneEvent(el, 'inbox-conversation-assign');
    await press(el, 'Enter');
    expect((await assign).detail).to.deep.equal({ conversationId: 'c2', assigneeId: 'agent-4' });
    expect(await isOpen(el)).to.equal(false);
    expect(focused(el)).to.equal(part(el, 'trigger'));
    await waitUntil(() => adapter.calls.some((c) => c.op === 'assign'));
    await waitUntil(() => part(el, 'name')!.textContent === 'Lucía Gómez');
  });

  it('Enter with nothing highlighted picks nothing', async () => {
    const { el, adapter } = await render('c2');
    await focusTrigger(el);
    await press(el, 'Enter');
    await waitUntil(() => focused(el) === part(el, 'search'));
    await press(el, 'Enter');
    expect(await isOpen(el)).to.equal(true);
    expect(adapter.calls.some((c) => c.op === 'assign' || c.op === 'unassign')).to.equal(false);
  });

  it('closes with Escape and returns focus to the trigger without assigning', async () => {
    const { el, adapter } = await render('c1');
    await focusTrigger(el);
    await press(el, 'ArrowDown');
    await waitUntil(() => focused(el) === part(el, 'search'));
    await press(el, 'ArrowDown');
    await press(el, 'Escape');
    expect(await isOpen(el)).to.equal(false);
    expect(focused(el)).to.equal(part(el, 'trigger'));
    expect(adapter.calls.some((c) => c.op === 'assign' || c.op === 'unassign')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('closes with Tab and moves on', async () => {
    const { el } = await render('c1');
    await focusTrigger(el);
    await press(el, 'Enter');
    await waitUntil(() => focused(el) === part(el, 'search'));
    await press(el, 'Tab');
    expect(await isOpen(el)).to.equal(false);
    expect(document.activeElement!.id).to.equal('after');
  });

  it('closes with Shift+Tab back onto the trigger', async () => {
    const { el } = await render('c1');
    await focusTrigger(el);
    await press(el, 'Enter');
    await waitUntil(() => focused(el) === part(el, 'search'));
    await sendKeys({ down: 'Shift' });
    await press(el, 'Tab');
    await sendKeys({ up: 'Shift' });
    expect(await isOpen(el)).to.equal(false);
    expect(focused(el)).to.equal(part(el, 'trigger'));
  });

  it('starts a search when a letter is typed on the trigger', async () => {
    const { el } = await render('c1');
    await focusTrigger(el);
    await press(el, 'c');
    await waitUntil(() => focused(el) === part(el, 'search'));
    expect((part(el, 'search') as HTMLInputElement).value).to.equal('c');
    await sendKeys({ type: 'hen' });
    await el.updateComplete;
    expect(activeOption(el)).to.equal('Chen Wei');
  });

  it('reaches the Retry of a failed agents load by Tab without closing', async () => {
    const adapter = new MemoryAdapter({ seed: [seed('c1', AGENTS[1])] });
    adapter.fail('listAssignees', 'upstream', 1);
    const { el } = await renderWithProvider<AssigneePicker>(html`<assignee-picker></assignee-picker>`, {
      adapter,
      selected: 'c1',
    });
    await waitUntil(() => el.state === 'error');
    await focusTrigger(el);
    await press(el, 'Enter');
    await waitUntil(() => focused(el) === part(el, 'search'));
    await press(el, 'Tab');
    expect(await isOpen(el)).to.equal(true);
    expect(focused(el)).to.equal(part(el, 'retry'));
    await press(el, 'Enter');
    await waitUntil(() => el.state === 'ready', 'Retry did not reload the agents');
  });

  it('does not open from the keyboard where the backend cannot assign', async () => {
    const adapter = new MemoryAdapter({ seed: [seed('c1', AGENTS[1])], capabilities: { assign: false } });
    const { el } = await renderWithProvider<AssigneePicker>(html`<assignee-picker></assignee-picker>`, {
      adapter,
      selected: 'c1',
    });
    await el.updateComplete;
    await focusTrigger(el);
    for (const key of ['Enter', 'Space', 'ArrowDown', 'a']) await press(el, key);
    expect(await isOpen(el)).to.equal(false);
    expect(focused(el)).to.equal(part(el, 'trigger'));
  });
});
