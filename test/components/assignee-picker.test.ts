import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { AGENTS } from '../../src/adapters/memory/fixtures.js';
import { MemoryAdapter, type MemoryAdapterOptions, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { AssigneePicker } from '../../src/components/assignee-picker/assignee-picker.js';
import '../../src/components/assignee-picker/assignee-picker.js';
import type { InboxProvider } from '../../src/components/inbox-provider/inbox-provider.js';
import { InboxError } from '../../src/data/errors.js';
import type { Agent, Conversation } from '../../src/data/models.js';
import type { InboxErrorDetail } from '../../src/events/events.js';
import { renderWithProvider } from '../support/render-with-provider.js';
import { conversationSeed } from '../support/seeds.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');

function seed(id: string, assignee: Agent | null, patch: Partial<Conversation> = {}): MemorySeed {
  const at = new Date(NOW - 60_000).toISOString();
  const contact = { displayName: `Contact ${id}`, phone: '+15550000000' };
  return conversationSeed(id, { contact, assignee, lastInboundAt: at, ...patch }, at);
}

const SEEDS = () => [seed('c1', AGENTS[1]), seed('c2', null), seed('c3', AGENTS[0])];

function $(el: AssigneePicker, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}
function part(el: AssigneePicker, name: string): HTMLElement | null {
  return $(el, `[part~="${name}"]`);
}
function options(el: AssigneePicker): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
}
function optionNames(el: AssigneePicker): string[] {
  return options(el).map((o) => o.querySelector('.option-name')!.textContent.replace(/\s+/g, ' ').trim());
}
function triggerName(el: AssigneePicker): string {
  return part(el, 'name')!.textContent.trim();
}

async function render(selected: string | null = 'c1', adapterOptions: MemoryAdapterOptions = {}) {
  const adapter = new MemoryAdapter({ seed: SEEDS(), ...adapterOptions });
  const result = await renderWithProvider<AssigneePicker>(html`<assignee-picker></assignee-picker>`, {
    adapter,
    selected,
  });
  await settled(result.el);
  return result;
}

async function settled(el: AssigneePicker) {
  await el.updateComplete;
  await waitUntil(() => el.state !== 'loading', 'the picker never left loading');
  await el.updateComplete;
}

async function openPicker(el: AssigneePicker) {
  part(el, 'trigger')!.click();
  await el.updateComplete;
  await waitUntil(() => part(el, 'listbox'), 'the popup did not open');
}

async function pick(el: AssigneePicker, label: string) {
  if (!part(el, 'listbox')) await openPicker(el);
  const option = options(el).find((o) => o.textContent.includes(label));
  if (!option) throw new Error(`no option "${label}" in ${optionNames(el).join(', ')}`);
  option.click();
  await el.updateComplete;
}

describe('<assignee-picker>', () => {
  describe('trigger', () => {
    it('shows the current assignee with initials and an accessible name', async () => {
      const { el } = await render('c1');
      const trigger = part(el, 'trigger')!;
      expect(el.state).to.equal('ready');
      expect(triggerName(el)).to.equal('Aisha Khan');
      expect(part(el, 'avatar')!.textContent.trim()).to.equal('AK');
      expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      expect(trigger.getAttribute('aria-haspopup')).to.equal('dialog');
      expect(trigger.textContent.replace(/\s+/g, ' ')).to.contain('Assignee: Aisha Khan');
      await expect(el).to.be.accessible();
    });

    it('says "Unassigned" for an unassigned conversation', async () => {
      const { el } = await render('c2');
      expect(triggerName(el)).to.equal('Unassigned');
      expect(part(el, 'trigger')!.classList.contains('unassigned')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('marks the current user as "(you)"', async () => {
      const { el } = await render('c3');
      expect(triggerName(el)).to.equal('Sam Rivera');
      expect(part(el, 'trigger')!.textContent).to.contain('(you)');
      await expect(el).to.be.accessible();
    });

    it('renders an avatar image only for an http(s) URL', async () => {
      const agents = [
        { id: 'a', displayName: 'Ada Lovelace', avatarUrl: 'https://img.example.com/ada.png' },
        { id: 'b', displayName: 'Bob Marley', avatarUrl: 'javascript:alert(1)' },
      ];
      const { el, store } = await render('c2', { agents, seed: [seed('c2', agents[0]), seed('c4', agents[1])] });
      expect(part(el, 'avatar')!.querySelector('img')!.getAttribute('src')).to.equal('https://img.example.com/ada.png');
      store.select('c4');
      await settled(el);
      expect(part(el, 'avatar')!.querySelector('img')).to.equal(null);
      expect(part(el, 'avatar')!.textContent.trim()).to.equal('BM');
      await expect(el).to.be.accessible();
    });

    it('names an assignee the backend gives only by id from the agent list', async () => {
      const { el } = await render('c5', { seed: [seed('c5', { id: 'agent-4', displayName: 'agent-4' })] });
      await waitUntil(() => triggerName(el) === 'Lucía Gómez', `trigger shows ${triggerName(el)}`);
      expect(part(el, 'avatar')!.textContent.trim()).to.equal('LG');
    });

    it('follows the selection, and conversation-id wins over it', async () => {
      const { el, store } = await render('c1');
      store.select('c2');
      await settled(el);
      expect(triggerName(el)).to.equal('Unassigned');
      el.conversationId = 'c3';
      await settled(el);
      store.select('c1');
      await settled(el);
      expect(triggerName(el)).to.equal('Sam Rivera');
    });

    it('fetches a conversation the store does not know yet', async () => {
      const adapter = new MemoryAdapter({ seed: SEEDS() });
      const gate = adapter.hold('getConversation');
      const { el } = await renderWithProvider<AssigneePicker>(
        html`<assignee-picker conversation-id="c1"></assignee-picker>`,
        { adapter },
      );
      await gate.reached;
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      expect(part(el, 'trigger')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      gate.release();
      await settled(el);
      expect(triggerName(el)).to.equal('Aisha Khan');
    });
  });

  describe('states', () => {
    it('is initial with a quiet text when nothing is selected', async () => {
      const { el } = await render(null);
      expect(el.state).to.equal('initial');
      expect(part(el, 'trigger')).to.equal(null);
      expect(part(el, 'initial')!.textContent).to.equal('No conversation selected');
      await expect(el).to.be.accessible();
    });

    it('is loading while the agents load, with a loading part in the open list', async () => {
      const adapter = new MemoryAdapter({ seed: SEEDS() });
      const gate = adapter.hold('listAssignees');
      const { el } = await renderWithProvider<AssigneePicker>(html`<assignee-picker></assignee-picker>`, {
        adapter,
        selected: 'c1',
      });
      await gate.reached;
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      await openPicker(el);
      expect(part(el, 'loading')).to.not.equal(null);
      expect(part(el, 'listbox')!.getAttribute('aria-busy')).to.equal('true');
      // "Assign to me" and "Unassign" work before the agents arrive
      expect(optionNames(el)).to.deep.equal(['Assign to me', 'Unassign']);
      await expect(el).to.be.accessible();
      gate.release();
      await settled(el);
      expect(el.state).to.equal('ready');
      expect(part(el, 'loading')).to.equal(null);
      expect(options(el)).to.have.length(2 + AGENTS.length);
    });

    it('shows an error by kind with a Retry that reloads the agents (502)', async () => {
      const adapter = new MemoryAdapter({ seed: SEEDS() });
      adapter.fail(
        'listAssignees',
        new InboxError({
          kind: 'upstream',
          message: 'RAW upstream profile service text',
          dialect: 'memory',
          httpStatus: 502,
        }),
        1,
      );
      const errors: InboxErrorDetail[] = [];
      const provider = await fixture<InboxProvider>(
        html`<inbox-provider
          .source=${adapter}
          poll-interval="0"
          selected="c1"
          @inbox-error=${(e: CustomEvent<InboxErrorDetail>) => errors.push(e.detail)}
          ><assignee-picker></assignee-picker
        ></inbox-provider>`,
      );
      const el = provider.querySelector('assignee-picker')!;
      await waitUntil(() => el.state === 'error', 'no error state');
      expect(errors.map((e) => e.operation)).to.deep.equal(['agents']);
      expect(errors[0].error.kind).to.equal('upstream');
      await openPicker(el);
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('The list of agents is unavailable right now');
      expect(error.textContent).not.to.contain('RAW');
      await expect(el).to.be.accessible();
      const calls = adapter.calls.filter((c) => c.op === 'listAssignees').length;
      (error.querySelector('[part~="retry"]') as HTMLButtonElement).click();
      await waitUntil(() => el.state === 'ready', 'retry did not load the agents');
      expect(adapter.calls.filter((c) => c.op === 'listAssignees').length).to.equal(calls + 1);
      await el.updateComplete;
      expect(part(el, 'error')).to.equal(null);
      // no current-user-id on this provider: no "Assign to me"
      expect(options(el).length).to.equal(1 + AGENTS.length);
    });

    it('is empty when there are no agents to assign', async () => {
      const { el } = await render('c2', { agents: [] });
      expect(el.state).to.equal('empty');
      await openPicker(el);
      expect(part(el, 'empty')!.textContent.trim()).to.equal('No agents to assign.');
      expect(optionNames(el)).to.deep.equal(['Assign to me']);
      await expect(el).to.be.accessible();
    });

    it('uses the provider’s agents where the backend cannot list them', async () => {
      const adapter = new MemoryAdapter({ seed: SEEDS(), capabilities: { listAssignees: false } });
      const provider = await fixture<InboxProvider>(
        html`<inbox-provider
          .source=${adapter}
          .options=${{ agents: [{ id: 'agent-7', displayName: 'Jonas Weber' }] }}
          poll-interval="0"
          selected="c2"
          ><assignee-picker></assignee-picker
        ></inbox-provider>`,
      );
      const el = provider.querySelector('assignee-picker')!;
      await waitUntil(() => el.state === 'ready');
      await openPicker(el);
      expect(optionNames(el)).to.deep.equal(['Jonas Weber']);
      expect(adapter.calls.some((c) => c.op === 'listAssignees')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('says so and stays disabled where the backend cannot assign', async () => {
      const { el, adapter } = await render('c1', {
        capabilities: { assign: false, unassign: false, listAssignees: false },
      });
      const trigger = part(el, 'trigger')!;
      expect(trigger.getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, 'notice')!.textContent).to.equal('Assignment isn’t available in this inbox.');
      expect(trigger.getAttribute('aria-describedby')).to.equal('notice');
      expect(triggerName(el)).to.equal('Aisha Khan');
      trigger.click();
      await el.updateComplete;
      expect(part(el, 'popup')).to.equal(null);
      expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      expect(adapter.calls.some((c) => c.op === 'listAssignees')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('list', () => {
    it('offers "Assign to me", "Unassign" and the agents, the current one marked', async () => {
      const { el } = await render('c1');
      await openPicker(el);
      expect(optionNames(el)).to.deep.equal([
        'Assign to me',
        'Unassign',
        ...AGENTS.map((a) => a.displayName + (a.id === 'agent-1' ? ' (you)' : '')),
      ]);
      expect(part(el, 'assign-me')!.getAttribute('role')).to.equal('option');
      expect(part(el, 'unassign')!.getAttribute('role')).to.equal('option');
      const current = part(el, 'current')!;
      expect(current.textContent).to.contain('Aisha Khan');
      expect(current.textContent).to.contain('current');
      expect(part(el, 'trigger')!.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('leaves out "Assign to me" when it is already me, and "Unassign" when unassigned', async () => {
      const { el, store } = await render('c3');
      await openPicker(el);
      expect(optionNames(el).slice(0, 2)).to.deep.equal(['Unassign', 'Sam Rivera (you)']);
      store.select('c2');
      await settled(el);
      await openPicker(el);
      expect(optionNames(el)[0]).to.equal('Assign to me');
      expect(part(el, 'unassign')).to.equal(null);
    });

    it('leaves out "Unassign" where the backend cannot unassign', async () => {
      const { el } = await render('c1', { capabilities: { unassign: false } });
      await openPicker(el);
      expect(part(el, 'unassign')).to.equal(null);
    });

    it('leaves out "Assign to me" without a current user', async () => {
      const adapter = new MemoryAdapter({ seed: SEEDS() });
      const provider = await fixture<InboxProvider>(
        html`<inbox-provider .source=${adapter} poll-interval="0" selected="c2"
          ><assignee-picker></assignee-picker
        ></inbox-provider>`,
      );
      const el = provider.querySelector('assignee-picker')!;
      await waitUntil(() => el.state === 'ready');
      await openPicker(el);
      expect(part(el, 'assign-me')).to.equal(null);
      expect(optionNames(el)[0]).to.equal('Sam Rivera');
      await expect(el).to.be.accessible();
    });

    it('filters on name and email, ignoring case and accents', async () => {
      const { el } = await render('c2');
      await openPicker(el);
      const search = part(el, 'search') as HTMLInputElement;
      const type = async (value: string) => {
        search.value = value;
        search.dispatchEvent(new Event('input'));
        await el.updateComplete;
      };
      await type('LUCIA');
      expect(optionNames(el)).to.deep.equal(['Lucía Gómez']);
      await type('gómez');
      expect(optionNames(el)).to.deep.equal(['Lucía Gómez']);
      await type('olu.adeyemi@');
      expect(optionNames(el)).to.deep.equal(['Olu Adeyemi']);
      await type('zzz');
      expect(options(el)).to.have.length(0);
      expect(part(el, 'empty')!.textContent.trim()).to.equal('No agents match “zzz”.');
      await expect(el).to.be.accessible();
    });
  });

  describe('events', () => {
    it('fires a cancelable inbox-conversation-assign, assigns, then inbox-conversation-assigned', async () => {
      const { el, adapter, store } = await render('c2');
      const assign = oneEvent(el, 'inbox-conversation-assign');
      const assigned = oneEvent(el, 'inbox-conversation-assigned');
      await pick(el, 'Chen Wei');
      const before = await assign;
      expect(before.detail).to.deep.equal({ conversationId: 'c2', assigneeId: 'agent-3' });
      expect(before.cancelable).to.equal(true);
      expect(before.bubbles && before.composed).to.equal(true);
      const after = await assigned;
      expect(after.detail.conversation.id).to.equal('c2');
      expect(after.detail.conversation.assignee?.id).to.equal('agent-3');
      expect(adapter.calls.filter((c) => c.op === 'assign').map((c) => c.args)).to.deep.equal([['c2', 'agent-3']]);
      expect(store.getConversation('c2')!.assignee!.displayName).to.equal('Chen Wei');
      await el.updateComplete;
      expect(triggerName(el)).to.equal('Chen Wei');
      expect($(el, '[role="status"]')!.textContent).to.equal('Assigned to Chen Wei');
    });

    it('does not call the backend when the event is cancelled', async () => {
      const { el, adapter } = await render('c2');
      el.addEventListener('inbox-conversation-assign', (e) => e.preventDefault(), { once: true });
      await pick(el, 'Chen Wei');
      expect(adapter.calls.some((c) => c.op === 'assign')).to.equal(false);
      expect(triggerName(el)).to.equal('Unassigned');
    });

    it('does nothing when the current assignee is picked again', async () => {
      const { el, adapter } = await render('c1');
      let fired = 0;
      el.addEventListener('inbox-conversation-assign', () => fired++);
      await pick(el, 'Aisha Khan');
      expect(fired).to.equal(0);
      expect(adapter.calls.some((c) => c.op === 'assign')).to.equal(false);
    });

    it('unassigns with assigneeId null', async () => {
      const { el, adapter } = await render('c1');
      const assign = oneEvent(el, 'inbox-conversation-assign');
      const assigned = oneEvent(el, 'inbox-conversation-assigned');
      await pick(el, 'Unassign');
      expect((await assign).detail).to.deep.equal({ conversationId: 'c1', assigneeId: null });
      expect((await assigned).detail.conversation.assignee).to.equal(null);
      expect(adapter.calls.filter((c) => c.op === 'unassign').map((c) => c.args)).to.deep.equal([['c1']]);
      await el.updateComplete;
      expect(triggerName(el)).to.equal('Unassigned');
    });

    it('assigns to the current user with "Assign to me"', async () => {
      const { el, adapter } = await render('c2');
      const assign = oneEvent(el, 'inbox-conversation-assign');
      await pick(el, 'Assign to me');
      expect((await assign).detail.assigneeId).to.equal('agent-1');
      await waitUntil(() => adapter.calls.some((c) => c.op === 'assign'));
      await waitUntil(() => triggerName(el) === 'Sam Rivera');
      expect(part(el, 'trigger')!.textContent).to.contain('(you)');
    });
  });

  describe('failures', () => {
    it('changes at once, then rolls back with a message when the member check fails (403)', async () => {
      const { el, adapter } = await render('c1');
      const gate = adapter.hold('assign');
      await pick(el, 'Chen Wei');
      await gate.reached;
      await el.updateComplete;
      expect(triggerName(el)).to.equal('Chen Wei');
      expect(part(el, 'trigger')!.getAttribute('aria-busy')).to.equal('true');
      const failed = oneEvent(el, 'inbox-error');
      gate.fail(
        new InboxError({
          kind: 'forbidden',
          message: 'User is not a member of this organization',
          dialect: 'memory',
          httpStatus: 403,
        }),
      );
      const { detail } = await failed;
      expect(detail.operation).to.equal('assign');
      expect(detail.conversationId).to.equal('c1');
      expect(detail.error.kind).to.equal('forbidden');
      await el.updateComplete;
      expect(triggerName(el)).to.equal('Aisha Khan');
      expect(el.state).to.equal('error');
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('Chen Wei is not a member of this inbox');
      expect(error.textContent).not.to.contain('organization');
      expect(error.querySelector('[part~="retry"]')).to.equal(null);
      await expect(el).to.be.accessible();
      (error.querySelector('[part~="dismiss"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(part(el, 'error')).to.equal(null);
      expect(el.state).to.equal('ready');
    });

    it('explains a 404', async () => {
      const { el, adapter } = await render('c2');
      adapter.fail('assign', 'not_found', 1);
      await pick(el, 'Chen Wei');
      await waitUntil(() => part(el, 'error'));
      expect(part(el, 'error')!.textContent).to.contain('could not be found');
      expect(triggerName(el)).to.equal('Unassigned');
      expect(el.state).to.equal('error');
      await expect(el).to.be.accessible();
    });

    it('offers Retry for a transient failure (502), which fires the event again and assigns', async () => {
      const { el, adapter } = await render('c2');
      adapter.fail('assign', 'upstream', 1);
      await pick(el, 'Chen Wei');
      await waitUntil(() => part(el, 'error'));
      expect(part(el, 'error')!.textContent).to.contain('could not assign Chen Wei right now');
      await expect(el).to.be.accessible();
      const assign = oneEvent(el, 'inbox-conversation-assign');
      const assigned = oneEvent(el, 'inbox-conversation-assigned');
      (part(el, 'error')!.querySelector('[part~="retry"]') as HTMLButtonElement).click();
      expect((await assign).detail.assigneeId).to.equal('agent-3');
      await assigned;
      await el.updateComplete;
      expect(adapter.calls.filter((c) => c.op === 'assign')).to.have.length(2);
      expect(part(el, 'error')).to.equal(null);
      expect(triggerName(el)).to.equal('Chen Wei');
    });

    it('reports a failed unassign with operation "unassign"', async () => {
      const { el, adapter } = await render('c1');
      adapter.fail('unassign', 'server', 1);
      const failed = oneEvent(el, 'inbox-error');
      await pick(el, 'Unassign');
      expect((await failed).detail.operation).to.equal('unassign');
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.contain('could not be unassigned');
      expect(triggerName(el)).to.equal('Aisha Khan');
      await expect(el).to.be.accessible();
    });
  });

  describe('theming and i18n', () => {
    it('replaces strings through i18n and follows a dark theme', async () => {
      const adapter = new MemoryAdapter({ seed: SEEDS() });
      const { el } = await renderWithProvider<AssigneePicker>(
        html`<assignee-picker
          theme="dark"
          .i18n=${{ unassigned: 'Sin asignar', label: 'Responsable' }}
        ></assignee-picker>`,
        { adapter, selected: 'c2' },
      );
      await settled(el);
      expect(triggerName(el)).to.equal('Sin asignar');
      expect(part(el, 'trigger')!.textContent).to.contain('Responsable:');
      expect(part(el, 'base')!.dataset.theme).to.equal('dark');
      await expect(el).to.be.accessible();
    });

    it('keeps the popup inside the viewport in RTL', async () => {
      const adapter = new MemoryAdapter({ seed: SEEDS() });
      const { el } = await renderWithProvider<AssigneePicker>(
        html`<div dir="rtl" style="display:flex;justify-content:flex-start"><assignee-picker></assignee-picker></div>`,
        { adapter, selected: 'c1' },
      );
      const picker = el.querySelector('assignee-picker')!;
      await settled(picker);
      await openPicker(picker);
      const popup = part(picker, 'popup')!.getBoundingClientRect();
      const trigger = part(picker, 'trigger')!.getBoundingClientRect();
      expect(popup.left).to.be.at.least(0);
      expect(popup.right).to.be.at.most(document.documentElement.clientWidth);
      expect(Math.abs(popup.right - trigger.right)).to.be.below(2);
      expect(popup.top).to.be.at.least(trigger.bottom);
      await expect(picker).to.be.accessible();
    });
  });
});
