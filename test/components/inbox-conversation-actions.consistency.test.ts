/**
 * The list, the picker and the actions stay consistent after every action:
 * an archived conversation leaves the default list, a closed one shows
 * closed, unread counts drop on read, a new assignee shows in the list, and a
 * refused action puts everything back. This is the store's job; the elements
 * only read it.
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { AGENTS } from '../../src/adapters/memory/fixtures.js';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { AssigneePicker } from '../../src/components/assignee-picker/assignee-picker.js';
import '../../src/components/assignee-picker/assignee-picker.js';
import type { InboxConversationActions } from '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import type { InboxList } from '../../src/components/inbox-list/inbox-list.js';
import '../../src/components/inbox-list/inbox-list.js';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import '../../src/components/conversation-thread/conversation-thread.js';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import '../../src/components/message-composer/message-composer.js';
import type { Conversation } from '../../src/data/models.js';
import type { InboxStore } from '../../src/data/store.js';
import { renderWithProvider } from '../support/render-with-provider.js';
import { conversationSeed } from '../support/seeds.js';

const NOW = Date.now();

function seed(id: string, minutesAgo: number, patch: Partial<Conversation> = {}): MemorySeed {
  const at = new Date(NOW - minutesAgo * 60_000).toISOString();
  return conversationSeed(id, { lastInboundAt: at, ...patch }, at);
}

interface Inbox {
  adapter: MemoryAdapter;
  store: InboxStore;
  list: InboxList;
  picker: AssigneePicker;
  actions: InboxConversationActions;
}

async function renderInbox(selected = 'c1'): Promise<Inbox> {
  const adapter = new MemoryAdapter({
    seed: [seed('c1', 1, { unreadCount: 2 }), seed('c2', 2, { unreadCount: 1, assignee: AGENTS[1] }), seed('c3', 3)],
  });
  const { provider, store } = await renderWithProvider(
    html`<inbox-list style="height: 400px"></inbox-list><assignee-picker></assignee-picker
      ><inbox-conversation-actions></inbox-conversation-actions>`,
    { adapter, selected },
  );
  const list = provider.querySelector('inbox-list')!;
  const picker = provider.querySelector('assignee-picker')!;
  const actions = provider.querySelector('inbox-conversation-actions')!;
  await waitUntil(() => list.state === 'ready' && rowIds(list).length === 3, 'the list did not load');
  await waitUntil(() => store.getListState().summary?.unread === 2, 'no summary');
  await waitUntil(() => picker.state === 'ready' && actions.state === 'ready', 'picker or actions not ready');
  return { adapter, store, list, picker, actions };
}

function rowIds(list: InboxList): string[] {
  return [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')]
    .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
    .map((r) => r.dataset.id!);
}
function row(list: InboxList, id: string): HTMLElement {
  return list.shadowRoot!.querySelector<HTMLElement>(`[role="option"][data-id="${id}"]`)!;
}
function listed(store: InboxStore): string[] {
  return store.getListState().conversations.map((c) => c.id);
}
function action(actions: InboxConversationActions, name: string): HTMLButtonElement {
  return actions.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`)!;
}
async function run(actions: InboxConversationActions, name: string) {
  const done = oneEvent(actions, 'inbox-conversation-updated');
  action(actions, name).click();
  await done;
}

describe('conversation actions keep the inbox consistent', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  it('an archived conversation leaves the default list, and comes back when unarchived', async () => {
    const { store, list, actions, adapter } = await renderInbox('c1');
    const gate = adapter.hold('archive');
    action(actions, 'archive').click();
    await gate.reached;
    // optimistic: gone from the list before the backend answered
    expect(listed(store)).to.deep.equal(['c2', 'c3']);
    await waitUntil(() => rowIds(list).join() === 'c2,c3', 'the list still shows c1');
    gate.release();
    await waitUntil(() => action(actions, 'unarchive'), 'no Unarchive');
    await waitUntil(() => store.getListState().summary!.total === 2, 'the summary still counts c1');
    await run(actions, 'unarchive');
    expect(listed(store)).to.deep.equal(['c1', 'c2', 'c3']);
    await waitUntil(() => rowIds(list).join() === 'c1,c2,c3', 'c1 did not come back');
  });

  it('a closed conversation shows closed in the list', async () => {
    const { store, list, actions } = await renderInbox('c1');
    await run(actions, 'close');
    expect(store.getConversation('c1')!.status).to.equal('closed');
    await waitUntil(() => row(list, 'c1').querySelector('[part~="status"]')?.textContent?.trim() === 'Closed');
    await waitUntil(() => store.getListState().summary!.open === 2, 'the summary still counts c1 as open');
  });

  it('unread counts drop on read and rise on unread', async () => {
    const { store, list, actions } = await renderInbox('c1');
    expect(row(list, 'c1').getAttribute('part')).to.contain('unread');
    await run(actions, 'mark-read');
    expect(store.getConversation('c1')!.unreadCount).to.equal(0);
    await waitUntil(() => !row(list, 'c1').getAttribute('part')!.includes('unread'), 'the row still looks unread');
    await waitUntil(() => store.getListState().summary!.unread === 1, 'the unread count did not drop');
    await run(actions, 'mark-unread');
    await waitUntil(() => store.getListState().summary!.unread === 2, 'the unread count did not rise');
  });

  it('a new assignee shows in the list row', async () => {
    const { store, list, picker } = await renderInbox('c1');
    picker.shadowRoot!.querySelector<HTMLElement>('[part~="trigger"]')!.click();
    await picker.updateComplete;
    const done = oneEvent(picker, 'inbox-conversation-assigned');
    [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')]
      .find((o) => o.textContent.includes('Chen Wei'))!
      .click();
    await done;
    expect(store.getConversation('c1')!.assignee!.id).to.equal('agent-3');
    await waitUntil(() => row(list, 'c1').querySelector('[part~="assignee"]')?.textContent?.includes('Chen Wei'));
  });

  it('an assigned conversation leaves an "Unassigned" list (unless it is the open one)', async () => {
    const { store, list, picker } = await renderInbox('c1');
    await store.setQuery({ assignee: 'unassigned' });
    await waitUntil(() => rowIds(list).join() === 'c1,c3', 'the filter did not apply');
    picker.conversationId = 'c3';
    await picker.updateComplete;
    picker.shadowRoot!.querySelector<HTMLElement>('[part~="trigger"]')!.click();
    await picker.updateComplete;
    const done = oneEvent(picker, 'inbox-conversation-assigned');
    picker.shadowRoot!.querySelector<HTMLElement>('[part~="assign-me"]')!.click();
    await done;
    expect(listed(store)).to.deep.equal(['c1']);
    await waitUntil(() => rowIds(list).join() === 'c1', 'c3 is still listed as unassigned');
  });

  it('a refused action puts the list back as it was', async () => {
    const { store, list, actions, adapter } = await renderInbox('c1');
    adapter.fail('archive', 'forbidden', 1);
    const failed = oneEvent(actions, 'inbox-error');
    action(actions, 'archive').click();
    await failed;
    expect(listed(store)).to.deep.equal(['c1', 'c2', 'c3']);
    await waitUntil(() => rowIds(list).join() === 'c1,c2,c3');
    expect(store.getListState().summary!.total).to.equal(3);
    expect(actions.state).to.equal('error');
  });

  describe('with the thread, the composer and the picker', () => {
    interface Full extends Inbox {
      thread: ConversationThread;
      composer: MessageComposer;
    }

    /** The whole inbox, the actions in the thread's header as a host places them. */
    async function renderFull(): Promise<Full> {
      const adapter = new MemoryAdapter({
        dialect: `consistency-${Date.now().toString(36)}`,
        seed: [seed('c1', 1, { unreadCount: 2, assignee: AGENTS[1] }), seed('c2', 2), seed('c3', 3)],
      });
      const { provider, store } = await renderWithProvider(
        html`<inbox-list style="height: 300px"></inbox-list>
          <conversation-thread no-auto-read style="height: 300px">
            <inbox-conversation-actions slot="actions"></inbox-conversation-actions>
          </conversation-thread>
          <message-composer></message-composer>
          <assignee-picker></assignee-picker>`,
        { adapter, selected: 'c1' },
      );
      const list = provider.querySelector('inbox-list')!;
      const thread = provider.querySelector('conversation-thread')!;
      const composer = provider.querySelector('message-composer')!;
      const picker = provider.querySelector('assignee-picker')!;
      const actions = provider.querySelector('inbox-conversation-actions')!;
      await waitUntil(() => list.state === 'ready' && rowIds(list).length === 3, 'the list did not load');
      await waitUntil(() => picker.state === 'ready' && actions.state === 'ready', 'picker or actions not ready');
      await waitUntil(() => headerStatus(thread) === 'Open', 'the thread header never showed the status');
      return { adapter, store, list, picker, actions, thread, composer };
    }

    function headerStatus(thread: ConversationThread): string | undefined {
      return thread.shadowRoot!.querySelector('[part~="header"] [part~="status"]')?.textContent?.trim();
    }
    function pickerName(picker: AssigneePicker): string | undefined {
      return picker.shadowRoot!.querySelector('[part~="trigger"] [part~="name"]')?.textContent?.trim();
    }
    function composerInput(composer: MessageComposer): HTMLTextAreaElement | null {
      return composer.shadowRoot!.querySelector('textarea');
    }

    it('a close shows in the thread header at once, and every element stays on the conversation', async () => {
      const { adapter, list, thread, composer, picker, actions } = await renderFull();
      const draft = composerInput(composer)!;
      draft.value = 'Before closing';
      draft.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      const gate = adapter.hold('close');
      action(actions, 'close').click();
      await gate.reached;
      // optimistic: the header and the list row say closed before the backend answered
      await waitUntil(() => headerStatus(thread) === 'Closed', `the thread header says ${headerStatus(thread)}`);
      await waitUntil(() => row(list, 'c1').querySelector('[part~="status"]')?.textContent?.trim() === 'Closed');
      const done = oneEvent(actions, 'inbox-conversation-updated');
      gate.release();
      await done;
      await actions.updateComplete;
      expect(action(actions, 'close')).to.equal(null);
      expect(headerStatus(thread)).to.equal('Closed');
      expect(pickerName(picker)).to.equal(AGENTS[1].displayName);
      expect(composer.state).to.equal('ready');
      expect(composerInput(composer)!.disabled).to.equal(false);
      expect(composerInput(composer)!.value).to.equal('Before closing');
      await expect(thread).to.be.accessible();
    });

    it('an archive the backend refuses puts the thread, the list and the actions back', async () => {
      const { adapter, store, list, thread, composer, picker, actions } = await renderFull();
      const gate = adapter.hold('archive');
      action(actions, 'archive').click();
      await gate.reached;
      await waitUntil(() => headerStatus(thread) === 'Archived', `the thread header says ${headerStatus(thread)}`);
      await waitUntil(() => rowIds(list).join() === 'c2,c3', 'the list still shows c1');
      // the open conversation stays open in the thread, the composer and the picker
      expect(store.selected).to.equal('c1');
      expect(composer.state).to.equal('ready');
      expect(pickerName(picker)).to.equal(AGENTS[1].displayName);
      const failed = oneEvent(actions, 'inbox-error');
      gate.fail('forbidden');
      await failed;
      await waitUntil(() => headerStatus(thread) === 'Open', `the thread header says ${headerStatus(thread)}`);
      await waitUntil(() => rowIds(list).join() === 'c1,c2,c3', 'c1 did not come back');
      await actions.updateComplete;
      expect(action(actions, 'archive')).not.to.equal(null);
      expect(actions.state).to.equal('error');
      await expect(thread).to.be.accessible();
    });

    it('mark as read clears the unread count everywhere, and a reassignment shows in the picker and the list', async () => {
      const { store, list, picker, actions } = await renderFull();
      await run(actions, 'mark-read');
      expect(store.getConversation('c1')!.unreadCount).to.equal(0);
      await waitUntil(() => !row(list, 'c1').getAttribute('part')!.includes('unread'), 'the row still looks unread');
      await actions.updateComplete;
      expect(action(actions, 'mark-unread')).not.to.equal(null);
      picker.shadowRoot!.querySelector<HTMLElement>('[part~="trigger"]')!.click();
      await picker.updateComplete;
      const assigned = oneEvent(picker, 'inbox-conversation-assigned');
      picker.shadowRoot!.querySelector<HTMLElement>('[part~="unassign"]')!.click();
      await assigned;
      await picker.updateComplete;
      expect(pickerName(picker)).to.equal('Unassigned');
      await waitUntil(
        () => !row(list, 'c1').querySelector('[part~="assignee"]')?.textContent?.includes(AGENTS[1].displayName),
      );
    });
  });
});
