/**
 * Keyboard only: the composed inbox (list, thread with its actions, composer,
 * assignee picker) against the reference backend, driven by `sendKeys` alone
 * (no clicks). Each step asserts where focus is (followed through shadow roots)
 * and what the backend recorded, and runs axe on the element in use.
 *
 * - qlara: pick a conversation, it is marked read, read the log, reply, assign, archive;
 * - superwaba: choose a resolution and close;
 * - cloove: search for a conversation outside the 24-hour window and send a template.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AssigneePicker } from '../../src/components/assignee-picker/assignee-picker.js';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import type { InboxConversationActions } from '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import type { InboxList } from '../../src/components/inbox-list/inbox-list.js';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import type { Conversation } from '../../src/data/models.js';
import type { BrowserReferenceBackend } from '../../reference-backend/browser.js';
import type { ReferenceDialect } from '../../reference-backend/host-config.js';
import {
  clearReferenceDrafts,
  deepActiveElement,
  drained,
  focusPath,
  ignoreResizeObserverLoops,
  mountInbox,
  referenceBackend,
  shownPart,
  textOf,
  until,
  type Mounted,
} from '../faults/fault-harness.js';

interface Inbox extends Mounted {
  start: HTMLButtonElement;
  list: InboxList;
  thread: ConversationThread;
  actions: InboxConversationActions;
  composer: MessageComposer;
  picker: AssigneePicker;
}

const LAYOUT = html`<style>
    .walk {
      display: grid;
      grid-template-columns: 280px 1fr 200px;
      block-size: 560px;
    }
    .walk .conversation {
      display: flex;
      flex-direction: column;
      min-block-size: 0;
    }
    .walk conversation-thread {
      flex: 1;
      min-block-size: 0;
    }
  </style>
  <div class="walk">
    <inbox-list></inbox-list>
    <section class="conversation" aria-label="Conversation">
      <conversation-thread>
        <inbox-conversation-actions slot="actions"></inbox-conversation-actions>
      </conversation-thread>
      <message-composer></message-composer>
    </section>
    <aside aria-label="Assignment"><assignee-picker></assignee-picker></aside>
  </div>`;

async function mountWalk(backend: BrowserReferenceBackend, dialect: ReferenceDialect): Promise<Inbox> {
  const mounted = await mountInbox(backend, dialect, LAYOUT);
  const { provider } = mounted;
  // where the walk starts: the page's own control just before the inbox
  const start = document.createElement('button');
  start.textContent = 'Before the inbox';
  provider.before(start);
  const q = <K extends keyof HTMLElementTagNameMap>(tag: K) => provider.querySelector(tag)!;
  const inbox: Inbox = {
    ...mounted,
    start,
    list: q('inbox-list'),
    thread: q('conversation-thread'),
    actions: q('inbox-conversation-actions'),
    composer: q('message-composer'),
    picker: q('assignee-picker'),
  };
  await until(
    () => inbox.list.state === 'ready',
    () => `list: ${inbox.list.state}`,
  );
  start.focus();
  return inbox;
}

// ---- focus ------------------------------------------------------------------------------

/** e.g. `inbox-list > div[role=option]#…` : the focus path through shadow roots, for messages. */
function describeFocus(): string {
  return focusPath()
    .map((el) => {
      const role = el.getAttribute('role');
      const part = el.getAttribute('part');
      return `${el.localName}${el.id ? `#${el.id}` : ''}${role ? `[role=${role}]` : ''}${part ? `[part=${part}]` : ''}`;
    })
    .join(' > ');
}

/** The shadow host (inbox element) the focused element belongs to. */
function focusedHost(): Element | null {
  const active = deepActiveElement();
  const root = active?.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function focusedIn(host: Element, selector: string): HTMLElement | null {
  const active = deepActiveElement();
  return active && focusedHost() === host && active.matches(selector) ? (active as HTMLElement) : null;
}

/** Presses Tab (or Shift+Tab) until `reached()` holds; returns the stops passed on the way. */
async function tabTo(reached: () => unknown, what: string, { back = false, max = 25 } = {}): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    if (back) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (back) await sendKeys({ up: 'Shift' });
    if (reached()) return stops;
    stops.push(describeFocus());
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${what}; passed ${stops.join(' | ')}`);
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Focused list row, if any. */
function focusedRow(inbox: Inbox): HTMLElement | null {
  return focusedIn(inbox.list, '[role="option"]');
}

/** Tab into the list, arrow to `id`, Enter: the provider selects it. */
async function pickWithKeyboard(inbox: Inbox, id: string): Promise<void> {
  await tabTo(() => focusedRow(inbox), 'a conversation row in <inbox-list>');
  const first = focusedRow(inbox)!;
  expect(first.closest('[role="listbox"]'), 'the row is in the listbox').to.exist;
  const index = inbox.store.getListState().conversations.findIndex((c) => c.id === id);
  expect(index, 'the conversation is listed').to.be.at.least(0);
  for (let i = 0; i < index + 5 && focusedRow(inbox)?.dataset.id !== id; i++) await press('ArrowDown');
  expect(focusedRow(inbox)?.dataset.id, describeFocus()).to.equal(id);
  await press('Enter');
  await until(
    () => inbox.provider.selected === id,
    () => `selected ${inbox.provider.selected}`,
  );
  expect(focusedRow(inbox)?.getAttribute('aria-selected')).to.equal('true');
  await until(
    () => inbox.thread.state === 'ready',
    () => `thread: ${inbox.thread.state}`,
  );
  await expect(inbox.list).to.be.accessible();
}

describe('keyboard-only walk through the composed inbox', function () {
  this.timeout(30_000);
  ignoreResizeObserverLoops();
  let backend: BrowserReferenceBackend;

  before(async () => {
    backend = await referenceBackend();
  });
  beforeEach(() => {
    backend.reset();
    clearReferenceDrafts();
  });
  afterEach(() => drained(backend));

  it('qlara: pick a conversation, read it, reply, assign, archive', async () => {
    const inbox = await mountWalk(backend, 'qlara');
    const { db } = backend;
    const rows = inbox.store.getListState().conversations;
    // unread (marked read on view), open window (free text), a thread long enough to page through
    const target = rows.find(
      (c: Conversation) => (c.unreadCount ?? 0) > 0 && db.windowOpen(c.id) && db.messages(c.id).length >= 12,
    );
    if (!target) throw new Error('set-up: no unread qlara conversation with an open window');
    const id = target.id;

    // 1. pick: Tab into the list, arrows, Enter
    await pickWithKeyboard(inbox, id);
    // shown = read (qlara marks read)
    await until(
      () => db.getConversation(id)!.unreadCount === 0,
      () => `unread ${db.getConversation(id)!.unreadCount}`,
    );

    // 2. read: Tab (past the conversation's actions in the header) to the log, arrows and page keys
    const log = () => inbox.thread.shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;
    const passed = await tabTo(() => focusedIn(inbox.thread, '[role="log"]'), 'the thread log');
    expect(
      passed.some((s) => s.startsWith('inbox-conversation-actions')),
      `stops: ${passed.join(' | ')}`,
    ).to.equal(true);
    const messageIndex = () => Number(focusedIn(inbox.thread, '[part~="message"]')?.dataset.index ?? NaN);
    await press('ArrowUp');
    const last = messageIndex();
    expect(last, describeFocus()).to.be.a('number').and.not.NaN;
    await press('ArrowUp');
    expect(messageIndex(), 'ArrowUp moves to an earlier message').to.be.below(last);
    await press('ArrowDown');
    expect(messageIndex(), 'ArrowDown moves back').to.equal(last);
    const scrolled = log().scrollTop;
    await press('PageUp');
    expect(focusedIn(inbox.thread, '[role="log"]'), 'PageUp reads from the log').to.exist;
    await until(
      () => log().scrollTop < scrolled,
      () => `scrollTop ${log().scrollTop} (was ${scrolled})`,
    );
    await press('End');
    await until(
      () => log().scrollHeight - log().scrollTop - log().clientHeight < 4,
      () => 'End did not reach the latest message',
    );
    await expect(inbox.thread).to.be.accessible();

    // 3. reply: Tab to the composer, type, Enter sends
    await tabTo(() => focusedIn(inbox.composer, 'textarea'), 'the composer');
    const text = 'Replying by keyboard only';
    await sendKeys({ type: text });
    await press('Enter');
    await until(
      () => db.messages(id).some((m) => m.direction === 'outbound' && m.text === text),
      () => 'the reply never reached the backend',
    );
    expect(focusedIn(inbox.composer, 'textarea'), 'focus stays in the composer').to.exist;
    expect(focusedIn(inbox.composer, 'textarea')!.matches(':placeholder-shown'), 'the input is cleared').to.equal(true);
    await until(
      () => textOf(inbox.thread.shadowRoot!.querySelector('[role="log"]')).includes(text),
      () => 'the reply is not in the thread',
    );
    await expect(inbox.composer).to.be.accessible();

    // 4. assign: Tab to the picker, open it, filter, choose
    await tabTo(() => focusedIn(inbox.picker, '[part~="trigger"]'), 'the assignee picker');
    const before = db.getConversation(id)!.assigneeId;
    const agent = db.agents.find((a) => a.id !== before && a.id !== inbox.currentUserId)!;
    await press('Enter');
    const search = () => focusedIn(inbox.picker, '[role="combobox"]');
    await until(search, () => `the picker did not open: ${describeFocus()}`);
    await expect(inbox.picker).to.be.accessible();
    const filter = agent.name.split(' ')[0];
    await sendKeys({ type: filter });
    await until(
      () => {
        const options = [...inbox.picker.shadowRoot!.querySelectorAll('[role="option"]')];
        return options.length > 0 && options.every((o) => textOf(o).toLowerCase().includes(filter.toLowerCase()));
      },
      () => 'the options were not filtered',
    );
    for (let i = 0; i < 8; i++) {
      const activeId = search()!.getAttribute('aria-activedescendant');
      const active = activeId ? inbox.picker.shadowRoot!.getElementById(activeId) : null;
      if (active && textOf(active).includes(agent.name)) break;
      await press('ArrowDown');
    }
    await press('Enter');
    await until(
      () => db.getConversation(id)!.assigneeId === agent.id,
      () => `assignee ${db.getConversation(id)!.assigneeId}`,
    );
    expect(focusedIn(inbox.picker, '[part~="trigger"]'), `focus back on the trigger: ${describeFocus()}`).to.exist;
    await until(
      () => textOf(shownPart(inbox.picker, 'name')).includes(agent.name),
      () => 'the trigger does not name the agent',
    );
    await expect(inbox.picker).to.be.accessible();

    // 5. archive: Shift+Tab back to the conversation's actions
    await tabTo(() => focusedIn(inbox.actions, '[part~="archive"]'), 'the Archive button', { back: true });
    await press('Enter');
    await until(
      () => db.getConversation(id)!.archived,
      () => 'the conversation was not archived',
    );
    await until(
      () => focusedHost() === inbox.actions,
      () => `focus left the actions: ${describeFocus()}`,
    );
    await expect(inbox.actions).to.be.accessible();
  });

  it('superwaba: choose a resolution and close the conversation', async () => {
    const inbox = await mountWalk(backend, 'superwaba');
    const { db } = backend;
    const target = inbox.store.getListState().conversations.find((c) => c.status === 'open');
    if (!target) throw new Error('set-up: no open superwaba conversation');
    const id = target.id;
    await pickWithKeyboard(inbox, id);

    await tabTo(() => focusedIn(inbox.actions, 'select[part~="resolution"]'), 'the resolution');
    const select = focusedIn(inbox.actions, 'select')! as unknown as HTMLSelectElement;
    const first = select.value;
    await press('ArrowDown');
    expect(select.value, 'ArrowDown picks the next resolution').to.not.equal(first);
    await tabTo(() => focusedIn(inbox.actions, '[part~="close"]'), 'the Close button');
    await expect(inbox.actions).to.be.accessible();
    await press('Enter');
    await until(
      () => db.getConversation(id)!.status === 'closed',
      () => `status ${db.getConversation(id)!.status}`,
    );
    const closeCalls = backend.requests.filter(
      (r) => r.dialect === 'superwaba' && r.method === 'POST' && r.path.endsWith('/close'),
    );
    expect(closeCalls.map((r) => (r.body as { resolution?: string } | undefined)?.resolution)).to.deep.equal([
      select.value,
    ]);
    await until(
      () => inbox.store.getConversation(id)?.status === 'closed',
      () => 'the store does not know it is closed',
    );
    // the Close button is gone: focus stays with the conversation, not on the page body
    expect(deepActiveElement()?.localName, `focus: ${describeFocus()}`).to.not.equal('body');
    await expect(inbox.thread).to.be.accessible();
  });

  it('cloove: search for a conversation outside the 24-hour window and send a template', async () => {
    const inbox = await mountWalk(backend, 'cloove');
    const { db } = backend;
    const whatsapp = db.channels.find((c) => c.kind === 'WHATSAPP')!; // the number the host sends templates from
    const target = db
      .listConversations()
      .find(
        (c) =>
          c.channelId === whatsapp.id && !db.windowOpen(c.id) && db.messages(c.id).length > 0 && c.status !== 'closed',
      );
    if (!target) throw new Error('set-up: no cloove conversation outside the window');
    const id = target.id;
    const phone = db.getContact(target.contactId)!.phone;

    // search by phone: the first stop in the list is its search box
    await tabTo(() => focusedIn(inbox.list, 'input'), 'the search box');
    await sendKeys({ type: phone.replace(/\D/g, '') });
    await press('Enter');
    await until(
      () =>
        inbox.store.getListState().status === 'ready' &&
        inbox.store.getListState().conversations.some((c) => c.id === id),
      () => 'the search did not find the conversation',
    );
    await pickWithKeyboard(inbox, id);

    // outside the window the composer offers the approved templates
    await tabTo(() => focusedIn(inbox.composer, 'select[part~="templates"]'), 'the template picker');
    expect(textOf(shownPart(inbox.composer, 'window-notice'))).to.not.equal('');
    await press('ArrowDown');
    const template = db.templates[0];
    await until(
      () => inbox.composer.shadowRoot!.querySelectorAll('[part~="variable"]').length === template.variables.length,
      () => 'the template form did not open',
    );
    const values = template.variables.map((_, i) => `Value ${i + 1}`);
    for (const value of values) {
      await tabTo(() => focusedIn(inbox.composer, '[part~="variable"]'), 'a template variable');
      await sendKeys({ type: value });
    }
    await tabTo(() => focusedIn(inbox.composer, 'button[part~="send"]'), 'Send template');
    await expect(inbox.composer).to.be.accessible();
    const before = db.messages(id).length;
    await press('Enter');
    await until(
      () => db.messages(id).length > before,
      () => 'the template never reached the backend',
    );
    const sent = db.messages(id).at(-1)!;
    expect(sent.direction).to.equal('outbound');
    expect(sent.kind).to.equal('template');
    expect(sent.template?.name).to.equal(template.name);
    await until(
      () => textOf(inbox.thread.shadowRoot!.querySelector('[role="log"]')).includes(values[1]),
      () => 'the template is not in the thread',
    );
    await waitUntil(() => inbox.composer.state === 'ready', 'the composer reports a failure');
    // focus stays in the composer (the form that had it is gone): on the template picker, ready for the next one
    expect(focusedHost()?.localName, `focus: ${describeFocus()}`).to.equal('message-composer');
  });
});
