import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render as litRender } from 'lit';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxConversationActions } from '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import type { InboxProvider } from '../../src/components/inbox-provider/inbox-provider.js';
import '../../src/components/inbox-provider/inbox-provider.js';
import { upstream502 } from '../support/failing-conversation.js';
import { conversationSeed as seed } from '../support/seeds.js';
import { actions, button, part } from '../support/actions-parts.js';

/**
 * Focus handling of `<inbox-conversation-actions>` when it lives inside another component's shadow
 * root (a CRM's app shell). There `document.activeElement` is the shell, never the actions element,
 * so every check below reads the chain of shadow roots' `activeElement`s.
 */

type El = InboxConversationActions;

/** A plain app shell: an open shadow root and nothing else. */
class NestedShell extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
}
if (!customElements.get('nested-shell')) customElements.define('nested-shell', NestedShell);

/** The focused element, followed down through every open shadow root. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

interface Nested {
  shell: NestedShell;
  provider: InboxProvider;
  el: El;
  adapter: MemoryAdapter;
  before: HTMLButtonElement;
  after: HTMLButtonElement;
}

/**
 * `<nested-shell>` whose shadow root holds a button, the provider with the actions, and another
 * button. `conversationId` set: the actions fetch that conversation (nothing is selected).
 */
async function renderNested(
  options: {
    selected?: string;
    conversationId?: string;
    adapter?: MemoryAdapterOptions;
    /** Scripts the adapter before anything renders. */
    script?: (adapter: MemoryAdapter) => void;
  } = {},
): Promise<Nested> {
  const adapter = new MemoryAdapter({
    seed: [seed('c1', { unreadCount: 2 }), seed('c2', { status: 'archived' })],
    ...options.adapter,
  });
  options.script?.(adapter);
  const shell = await fixture<NestedShell>(html`<nested-shell></nested-shell>`);
  const root = shell.shadowRoot!;
  litRender(
    html`<button id="before" type="button">Before</button>
      <inbox-provider
        .source=${adapter}
        poll-interval="0"
        current-user-id=${adapter.currentUserId}
        .selected=${options.selected ?? null}
      >
        <inbox-conversation-actions conversation-id=${options.conversationId ?? ''}></inbox-conversation-actions>
      </inbox-provider>
      <button id="after" type="button">After</button>`,
    root,
  );
  const provider = root.querySelector<InboxProvider>('inbox-provider')!;
  const el = root.querySelector<El>('inbox-conversation-actions')!;
  await waitUntil(() => provider.inboxStore, 'the provider did not create its store');
  await provider.updateComplete;
  await el.updateComplete;
  return {
    shell,
    provider,
    el,
    adapter,
    before: root.querySelector<HTMLButtonElement>('#before')!,
    after: root.querySelector<HTMLButtonElement>('#after')!,
  };
}

async function settled(el: El) {
  await el.updateComplete;
  await waitUntil(() => el.state !== 'loading', 'the actions never left loading');
  await el.updateComplete;
}

/** Tabs from the shell's first button until `target` has focus (at most `max` presses). */
async function tabTo(target: () => Element | null, max = 8) {
  for (let i = 0; i < max && deepActive() !== target(); i++) await sendKeys({ press: 'Tab' });
  expectFocusOn(target());
}

/**
 * Renders the actions for c1 nested in the shell, makes `action` fail `times` times, and presses
 * it from the keyboard (Tab from the shell's first button, then Enter) until the part `shown` appears.
 */
async function refusedByKeyboard(action: 'archive' | 'close', times: number, shown: 'error' | 'retry') {
  const nested = await renderNested({ selected: 'c1' });
  const { el, adapter, before } = nested;
  await settled(el);
  adapter.fail(action, upstream502(), times);
  before.focus();
  await tabTo(() => button(el, action));
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => part(el, shown), 'the failure was not shown');
  await el.updateComplete;
  return nested;
}

async function shiftTab() {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** A short name for an element, for readable failures (chai would print whole subtrees). */
function name(e: Element | null | undefined): string {
  if (!e) return 'null';
  const id = e.id ? `#${e.id}` : '';
  const p = e.getAttribute('part');
  return `${e.localName}${id}${p ? `[part="${p}"]` : ''}`;
}

/** The chain of focused elements: the document's, then each shadow root's down to the deepest. */
function focusChain(): string[] {
  const chain: string[] = [];
  let active = document.activeElement;
  while (active) {
    chain.push(name(active));
    active = active.shadowRoot?.activeElement ?? null;
  }
  return chain;
}

/** The deepest focused element is `expected`. */
function expectFocusOn(expected: Element | null) {
  expect(expected, 'nothing to expect focus on').not.to.equal(null);
  const actual = deepActive();
  expect(actual === expected, `focus is on ${focusChain().join(' > ')}, not on ${name(expected)}`).to.equal(true);
}

/** Focus is inside the actions element, reached through the shell: document → shell → actions → `inner`. */
function expectFocusInside(nested: Nested, inner: Element | null) {
  expectFocusOn(inner);
  const { shell, el } = nested;
  expect(document.activeElement === shell, 'document.activeElement is the shell').to.equal(true);
  expect(shell.shadowRoot!.activeElement === el, 'the shell’s activeElement is the actions').to.equal(true);
  expect(el.shadowRoot!.activeElement === inner, 'the actions’ activeElement is the target').to.equal(true);
}

describe('<inbox-conversation-actions> inside another component’s shadow root', () => {
  describe('the focused button goes away', () => {
    it('Close moves focus to the remaining buttons, inside the actions', async () => {
      const nested = await renderNested({ selected: 'c1' });
      const { el, before } = nested;
      await settled(el);
      before.focus();
      await tabTo(() => button(el, 'close'));
      expect(name(document.activeElement)).to.equal('nested-shell');
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !actions(el).includes('close'), 'close did not finish');
      await el.updateComplete;
      expect(actions(el)).to.deep.equal(['mark-read', 'archive']);
      expectFocusInside(nested, button(el, 'mark-read'));
      await expect(el).to.be.accessible();
    });

    it('Close with nothing left to press keeps focus on the actions’ base, not on <body>', async () => {
      const nested = await renderNested({
        selected: 'c1',
        adapter: { capabilities: { markRead: false, markUnread: false, archive: false } },
      });
      const { el, before } = nested;
      await settled(el);
      before.focus();
      await tabTo(() => button(el, 'close'));

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.state === 'empty', 'close did not finish');
      await el.updateComplete;
      expectFocusInside(nested, part(el, 'base'));
      await expect(el).to.be.accessible();

      // the keyboard carries on from there, to the shell's next control
      await sendKeys({ press: 'Tab' });
      expectFocusOn(nested.after);
    });
  });

  describe('a refused action', () => {
    it('Retry puts focus back on the action’s button; Dismiss on the first button', async () => {
      const nested = await refusedByKeyboard('archive', 2, 'error');
      const { el, adapter } = nested;
      expect(el.state).to.equal('error');
      // the rolled-back Archive button is the same element: focus stays on it
      expectFocusInside(nested, button(el, 'archive'));
      await expect(el).to.be.accessible();

      await tabTo(() => part(el, 'retry'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => adapter.calls.filter((c) => c.op === 'archive').length === 2, 'Retry did not call again');
      await waitUntil(() => part(el, 'error'), 'the second failure was not shown');
      await el.updateComplete;
      // Retry went away while the call ran: focus went to the action it retried, and stays there
      expectFocusInside(nested, button(el, 'archive'));
      await expect(el).to.be.accessible();

      await tabTo(() => part(el, 'dismiss'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !part(el, 'error'), 'Dismiss did not hide the failure');
      await el.updateComplete;
      expect(el.state).to.equal('ready');
      expectFocusInside(nested, button(el, 'mark-read'));
      await expect(el).to.be.accessible();
    });

    it('Retry of a refused Close that then succeeds leaves focus on the remaining buttons', async () => {
      const nested = await refusedByKeyboard('close', 1, 'retry');
      const { el } = nested;
      expectFocusInside(nested, button(el, 'close'));

      await tabTo(() => part(el, 'retry'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !actions(el).includes('close'), 'the retried close did not finish');
      await el.updateComplete;
      expect(part(el, 'error')).to.equal(null);
      expectFocusInside(nested, button(el, 'mark-read'));
      await expect(el).to.be.accessible();
    });
  });

  describe('the user moves on within the shell', () => {
    it('while Close runs: focus stays where the user put it when Close goes away', async () => {
      const nested = await renderNested({ selected: 'c1' });
      const { el, adapter, before, after, shell } = nested;
      await settled(el);
      const gate = adapter.hold('close');
      before.focus();
      await tabTo(() => button(el, 'close'));
      await sendKeys({ press: 'Enter' });
      await gate.reached;
      await el.updateComplete;
      expect(button(el, 'close').getAttribute('aria-busy')).to.equal('true');

      await sendKeys({ press: 'Tab' });
      expectFocusOn(after);
      gate.release();
      await waitUntil(() => !actions(el).includes('close'), 'close did not finish');
      await el.updateComplete;
      expectFocusOn(after);
      expect(name(shell.shadowRoot!.activeElement)).to.equal('button#after');
      expect(name(el.shadowRoot!.activeElement)).to.equal('null');
      await expect(el).to.be.accessible();
    });

    it('while a refused action runs: the failure does not pull focus back', async () => {
      const nested = await renderNested({ selected: 'c1' });
      const { el, adapter, before } = nested;
      await settled(el);
      const gate = adapter.hold('close');
      before.focus();
      await tabTo(() => button(el, 'close'));
      await sendKeys({ press: 'Enter' });
      await gate.reached;
      await el.updateComplete;

      // back to the shell's first button, across the actions
      for (let i = 0; i < 4; i++) await shiftTab();
      expectFocusOn(before);
      gate.fail('upstream');
      await waitUntil(() => part(el, 'error'), 'the failure was not shown');
      await el.updateComplete;
      expectFocusOn(before);
      expect(name(el.shadowRoot!.activeElement)).to.equal('null');
      await expect(el).to.be.accessible();

      // and a later re-render (Dismiss from the keyboard) does not reclaim it either
      await tabTo(() => part(el, 'dismiss'));
      await shiftTab();
      await shiftTab();
      expectFocusOn(button(el, 'close'));
    });

    it('while the conversation loads again after Retry: focus stays where the user put it', async () => {
      const nested = await renderNested({
        conversationId: 'c2',
        script: (adapter) => adapter.fail('getConversation', upstream502(), 1),
      });
      const { el, adapter, before, after } = nested;
      await waitUntil(() => el.state === 'error', 'the conversation did not fail to load');
      await el.updateComplete;

      const gate = adapter.hold('getConversation');
      before.focus();
      await tabTo(() => part(el, 'retry'));
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await gate.reached;
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      // Retry went away: focus waits on the actions' base while it loads
      expectFocusInside(nested, part(el, 'base'));
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Tab' });
      expectFocusOn(after);
      gate.release();
      await settled(el);
      expect(el.state).to.equal('ready');
      expectFocusOn(after);
      expect(name(el.shadowRoot!.activeElement)).to.equal('null');
      await expect(el).to.be.accessible();
    });

    it('when the conversation loads after Retry and the user stayed: focus moves to the first action', async () => {
      const nested = await renderNested({
        conversationId: 'c2',
        script: (adapter) => adapter.fail('getConversation', upstream502(), 1),
      });
      const { el, before } = nested;
      await waitUntil(() => el.state === 'error', 'the conversation did not fail to load');
      await el.updateComplete;

      before.focus();
      await tabTo(() => part(el, 'retry'));
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(el.state).to.equal('ready');
      expectFocusInside(nested, button(el, 'mark-unread'));
      await expect(el).to.be.accessible();
    });
  });
});
