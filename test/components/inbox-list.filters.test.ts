import { expect, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxList } from '../../src/components/inbox-list/inbox-list.js';
import '../../src/components/inbox-list/inbox-list.js';
import type { Conversation, ConversationQuery } from '../../src/data/models.js';
import { installFakeTimers, type FakeClock } from '../support/fake-timers.js';
import { renderWithProvider } from '../support/render-with-provider.js';
import { conversationSeed } from '../support/seeds.js';

const NOW = Date.now();
const MINUTE = 60_000;

function seed(id: string, ago: number, patch: Partial<Conversation> = {}): MemorySeed {
  const at = new Date(NOW - ago).toISOString();
  const lastMessage = { text: `Hello from ${id}`, direction: 'inbound', createdAt: at, kind: 'text' } as const;
  return conversationSeed(id, { lastMessage, lastInboundAt: at, ...patch }, at);
}

const SEEDS = () => [
  seed('ada', 1 * MINUTE, {
    contact: { displayName: 'Ada Lovelace' },
    unreadCount: 2,
    assignee: { id: 'agent-1', displayName: 'Sam Rivera' },
  }),
  seed('bob', 2 * MINUTE, { contact: { displayName: 'Bob Marley' }, status: 'pending' }),
  seed('cy', 3 * MINUTE, { contact: { displayName: 'Cy Twombly' }, status: 'closed', unreadCount: 1 }),
  seed('dee', 4 * MINUTE, {
    contact: { displayName: 'Dee Dee Ramone' },
    assignee: { id: 'agent-2', displayName: 'Aisha Khan' },
  }),
];

function ids(el: InboxList): string[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')]
    .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
    .map((r) => r.dataset.id!);
}

function part<T extends HTMLElement = HTMLElement>(el: InboxList, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function listQueries(adapter: MemoryAdapter): ConversationQuery[] {
  return adapter.calls.filter((c) => c.op === 'listConversations').map((c) => c.args[0] as ConversationQuery);
}

async function renderList(options: ConstructorParameters<typeof MemoryAdapter>[0] = {}, currentUserId?: string) {
  const adapter = new MemoryAdapter({ seed: SEEDS(), ...options });
  const result = await renderWithProvider<InboxList>(html`<inbox-list style="height: 480px"></inbox-list>`, {
    adapter,
    currentUserId,
  });
  await settled(result.el);
  return result;
}

async function settled(el: InboxList, count?: number) {
  await waitUntil(() => el.state !== 'loading' && el.state !== 'initial', 'list never settled');
  await el.updateComplete;
  if (count !== undefined)
    await waitUntil(() => ids(el).length === count, `expected ${count} rows, got ${ids(el).length}`);
}

async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('<inbox-list> filters', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  it('shows every filter the backend supports, in a labelled group', async () => {
    const { el } = await renderList();
    const filters = part(el, 'filters')!;
    // a group, not a search landmark: two lists on one page must not repeat a landmark
    expect(filters.getAttribute('role')).to.equal('group');
    expect(filters.getAttribute('aria-label')).to.equal('Filter conversations');
    expect(part(el, 'search')).to.not.equal(null);
    expect(part(el, 'status-filter')).to.not.equal(null);
    expect(part(el, 'unread-filter')).to.not.equal(null);
    expect(part(el, 'assignee-filter')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('hides filters the backend does not support', async () => {
    const { el } = await renderList({
      capabilities: { filters: { status: false, unreadOnly: false, assignee: 'none' }, listArchived: false },
    });
    expect(part(el, 'status-filter')).to.equal(null);
    expect(part(el, 'unread-filter')).to.equal(null);
    expect(part(el, 'assignee-filter')).to.equal(null);
    expect(part(el, 'search')).to.not.equal(null);
  });

  it("filters by status with the backend's status values", async () => {
    const { el, adapter } = await renderList({
      capabilities: { filters: { statusValues: ['open', 'pending', 'closed'] } },
    });
    const select = part<HTMLSelectElement>(el, 'status-filter')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'open', 'pending', 'closed', 'archived']);
    await choose(select, 'pending');
    await settled(el, 1);
    expect(ids(el)).to.deep.equal(['bob']);
    expect(listQueries(adapter).at(-1)!.status).to.deep.equal(['pending']);
    await choose(part<HTMLSelectElement>(el, 'status-filter')!, '');
    await settled(el, 4);
    expect(listQueries(adapter).at(-1)!.status).to.equal(undefined);
  });

  it('lists archived conversations through the status select where the backend can', async () => {
    const { el, adapter } = await renderList();
    await adapter.archive('dee');
    await choose(part<HTMLSelectElement>(el, 'status-filter')!, 'archived');
    await settled(el, 1);
    expect(listQueries(adapter).at(-1)!.archived).to.equal(true);
    expect(ids(el)).to.deep.equal(['dee']);
  });

  it('toggles unread only (aria-pressed)', async () => {
    const { el, adapter } = await renderList();
    const toggle = part<HTMLButtonElement>(el, 'unread-filter')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await settled(el, 2);
    expect(ids(el)).to.deep.equal(['ada', 'cy']);
    expect(listQueries(adapter).at(-1)!.unreadOnly).to.equal(true);
    expect(part(el, 'unread-filter')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'unread-filter')!.click();
    await settled(el, 4);
  });

  it('filters assigned to me and unassigned; "me" needs the current user', async () => {
    const { el, adapter } = await renderList({}, 'agent-1');
    const select = part<HTMLSelectElement>(el, 'assignee-filter')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['all', 'me', 'unassigned']);
    await choose(select, 'me');
    await settled(el, 1);
    expect(ids(el)).to.deep.equal(['ada']);
    expect(listQueries(adapter).at(-1)!.assignee).to.equal('me');
    await choose(part<HTMLSelectElement>(el, 'assignee-filter')!, 'unassigned');
    await settled(el, 2);
    expect(ids(el)).to.deep.equal(['bob', 'cy']);
  });

  it('offers no "assigned to me" without a current user id', async () => {
    const adapter = new MemoryAdapter({ seed: SEEDS() });
    const { el, provider } = await renderWithProvider<InboxList>(html`<inbox-list></inbox-list>`, { adapter });
    provider.removeAttribute('current-user-id');
    provider.currentUserId = undefined;
    await provider.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    const values = [...part<HTMLSelectElement>(el, 'assignee-filter')!.options].map((o) => o.value);
    expect(values).to.deep.equal(['all', 'unassigned']);
  });

  describe('search', () => {
    let clock: FakeClock | undefined;
    afterEach(() => {
      clock?.restore();
      clock = undefined;
    });

    it('searches on the server after typing pauses (debounced)', async () => {
      const { el, adapter } = await renderList();
      clock = installFakeTimers();
      const before = listQueries(adapter).length;
      part(el, 'search')!.focus();
      await sendKeys({ type: 'bob' });
      await clock.tick(200);
      expect(listQueries(adapter).length, 'no call while typing').to.equal(before);
      await clock.tick(60);
      await waitUntil(() => listQueries(adapter).length === before + 1);
      expect(listQueries(adapter).at(-1)!.search).to.equal('bob');
      clock.restore();
      clock = undefined;
      await settled(el, 1);
      expect(ids(el)).to.deep.equal(['bob']);
      expect(part(el, 'search-notice')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('searches at once on Enter', async () => {
      const { el, adapter } = await renderList();
      part(el, 'search')!.focus();
      await sendKeys({ type: 'ada' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => listQueries(adapter).some((q) => q.search === 'ada'));
      await settled(el, 1);
    });

    it('searches the loaded rows only where the backend cannot, and says so', async () => {
      const { el, adapter } = await renderList({ capabilities: { filters: { search: false } } });
      part(el, 'search')!.focus();
      await sendKeys({ type: 'marley' });
      await sendKeys({ press: 'Enter' });
      await settled(el, 1);
      expect(ids(el)).to.deep.equal(['bob']);
      expect(listQueries(adapter).every((q) => q.search === undefined)).to.equal(true);
      const notice = part(el, 'search-notice')!;
      expect(notice.textContent).to.equal('Searching loaded conversations only');
      expect(notice.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
    });
  });

  it('keeps the current rows visible, busy, while a filter change loads', async () => {
    const { el, adapter } = await renderList();
    const gate = adapter.hold('listConversations');
    part<HTMLButtonElement>(el, 'unread-filter')!.click();
    await gate.reached;
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    await waitUntil(() => ids(el).length === 4, 'rows never rendered while loading');
    expect(part(el, 'list')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'loading')).to.equal(null);
    await expect(el).to.be.accessible();
    gate.release();
    await settled(el, 2);
    expect(part(el, 'list')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('shows a search set elsewhere (another list, the host) in its search box', async () => {
    const { el, store } = await renderList();
    await store.setQuery({ search: 'bob' });
    await settled(el, 1);
    expect(part<HTMLInputElement>(el, 'search')!.value).to.equal('bob');
  });

  describe('empty with filters', () => {
    it('says nothing matches and clears the filters', async () => {
      const { el, adapter } = await renderList();
      part(el, 'search')!.focus();
      await sendKeys({ type: 'zzz' });
      await sendKeys({ press: 'Enter' });
      await settled(el);
      await waitUntil(() => el.state === 'empty');
      expect(part(el, 'empty')!.textContent).to.contain('No conversations match these filters');
      await expect(el).to.be.accessible();
      part(el, 'clear-filters')!.click();
      await settled(el, 4);
      expect(listQueries(adapter).at(-1)!.search).to.equal(undefined);
      expect(part<HTMLInputElement>(el, 'search')!.value).to.equal('');
      expect(el.state).to.equal('ready');
    });
  });

  describe('summary', () => {
    it("shows the backend's counts", async () => {
      const { el } = await renderList();
      await waitUntil(() => part(el, 'summary')?.dataset.source === 'backend');
      const text = part(el, 'summary')!.textContent.trim();
      expect(text).to.equal('4 total · 2 open · 2 unread');
    });

    it('counts the loaded rows where the backend gives no summary, labelled as such', async () => {
      const { el } = await renderList({ capabilities: { summary: false }, pageSize: 3 });
      const summary = part(el, 'summary')!;
      expect(summary.dataset.source).to.equal('derived');
      expect(summary.textContent.trim()).to.match(/^Loaded: \d+ total · \d+ open · \d+ unread$/);
      expect(summary.getAttribute('title')).to.equal('Counted from the conversations loaded so far');
      await expect(el).to.be.accessible();
    });
  });
});
