/**
 * The React wrappers (`inbox-elements/react`) at runtime, in React 19: they
 * render the real elements, hand object props over as properties, call event
 * props with the element's `CustomEvent`, follow re-renders and unmount.
 * test/types/react.type-test.ts checks their types; this file runs them.
 */
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type * as ReactModule from 'react';
import type * as ReactDomClient from 'react-dom/client';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import { seedConversations } from '../../src/adapters/memory/fixtures.js';
import type { ConversationThread as ConversationThreadElement } from '../../src/components/conversation-thread/conversation-thread.js';
import type { InboxList as InboxListElement } from '../../src/components/inbox-list/inbox-list.js';
import type { InboxProvider as InboxProviderElement } from '../../src/components/inbox-provider/inbox-provider.js';
import type { InboxConversationSelectDetail, InboxErrorDetail } from '../../src/events/events.js';
import type * as Wrappers from '../../src/react/index.js';
import { loadReact } from './load-react.js';

// React and the wrappers load in `before`, once React's CommonJS builds are importable
let React: typeof ReactModule;
let createRoot: typeof ReactDomClient.createRoot;
let W: typeof Wrappers;

type SelectEvent = CustomEvent<InboxConversationSelectDetail>;
type ErrorEvent = CustomEvent<InboxErrorDetail>;

/** A handler that records the events it was called with. */
function recorder<E extends Event>(): ((e: E) => void) & { calls: E[] } {
  const calls: E[] = [];
  return Object.assign((e: E) => void calls.push(e), { calls });
}

/** Seeded conversations (src/adapters/memory/fixtures.ts) whose contacts have a name, with a few messages each. */
function seeds(count: number): MemorySeed[] {
  const all = seedConversations({ count: count + 4, messagesPerConversation: 3 });
  return all.filter((s) => s.conversation.contact.displayName).slice(0, count);
}

function rows(list: InboxListElement): HTMLElement[] {
  return [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
}

function row(list: InboxListElement, id: string): HTMLElement {
  const found = rows(list).find((r) => r.dataset.id === id);
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}

async function listReady(list: InboxListElement, count: number): Promise<void> {
  await waitUntil(() => list.state === 'ready' && rows(list).length >= count, `the list never showed ${count} rows`);
  await list.updateComplete;
}

function threadName(thread: ConversationThreadElement): string {
  return thread.shadowRoot!.querySelector('[part~="name"]')?.textContent?.trim() ?? '';
}

describe('React wrappers (inbox-elements/react)', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  let host: HTMLDivElement;
  let root: ReactDomClient.Root;

  before(async () => {
    await loadReact();
    React = await import('react');
    ({ createRoot } = await import('react-dom/client'));
    W = await import('../../src/react/index.js');
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  });

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });

  afterEach(async () => {
    await React.act(async () => root.unmount());
    host.remove();
  });

  async function render(node: ReactModule.ReactNode): Promise<void> {
    await React.act(async () => root.render(node));
  }

  function providerEl(): InboxProviderElement {
    const provider = host.querySelector('inbox-provider');
    if (!provider) throw new Error('no <inbox-provider> rendered');
    return provider;
  }

  function listEl(): InboxListElement {
    const list = host.querySelector('inbox-list');
    if (!list) throw new Error('no <inbox-list> rendered');
    return list;
  }

  /** `<InboxProvider source={source} pollInterval={0}><InboxList …/></InboxProvider>`, rendered until the provider has its store. */
  async function renderInbox(
    source: MemoryAdapter,
    listProps: Partial<Wrappers.InboxListProps> = {},
    providerProps: Partial<Wrappers.InboxProviderProps> = {},
  ) {
    await render(
      React.createElement(
        W.InboxProvider,
        { source, pollInterval: 0, ...providerProps },
        React.createElement(W.InboxList, { style: { height: '480px' }, ...listProps }),
      ),
    );
    const provider = providerEl();
    const list = listEl();
    await waitUntil(() => provider.inboxStore, 'the provider never made its store');
    return { provider, list };
  }

  it('renders the real elements and sets object props as properties, not attributes', async () => {
    const conversations = seeds(3);
    const source = new MemoryAdapter({ seed: conversations });
    const i18n = { listLabel: 'Gesprekken' };
    const options = { headers: { 'X-Test': 'react' } };
    const { provider, list } = await renderInbox(source, { i18n }, { options, currentUserId: 'agent-2' });
    await listReady(list, 3);

    expect(provider).to.be.instanceOf(customElements.get('inbox-provider')!);
    expect(list).to.be.instanceOf(customElements.get('inbox-list')!);
    expect(list.parentElement, 'the list is a light-DOM child of the provider').to.equal(provider);

    expect(provider.source).to.equal(source);
    expect(provider.options).to.equal(options);
    expect(list.i18n).to.equal(i18n);
    for (const name of ['source', 'options', 'i18n']) {
      expect(provider.hasAttribute(name) || list.hasAttribute(name), `${name} is no attribute`).to.equal(false);
    }
    expect(provider.pollInterval).to.equal(0);
    expect(provider.currentUserId).to.equal('agent-2');
    expect(provider.inboxStore!.source, 'the store reads the source the prop handed over').to.equal(source);

    expect(list.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal('Gesprekken');
    expect(rows(list).map((r) => r.dataset.id)).to.have.members(conversations.map((s) => s.conversation.id));
    await expect(provider).to.be.accessible();
  });

  it('calls onConversationSelect on the list and on the provider with the CustomEvent of a row picked by click or Enter', async () => {
    const conversations = seeds(3);
    const target = conversations[1].conversation.id;
    const onListSelect = recorder<SelectEvent>();
    const onProviderSelect = recorder<SelectEvent>();
    const { provider, list } = await renderInbox(
      new MemoryAdapter({ seed: conversations }),
      { onConversationSelect: onListSelect },
      { onConversationSelect: onProviderSelect },
    );
    await listReady(list, 3);

    row(list, target).click();
    await list.updateComplete;

    expect(onListSelect.calls).to.have.length(1);
    const [event] = onListSelect.calls;
    expect(event).to.be.instanceOf(CustomEvent);
    expect(event.type).to.equal('inbox-conversation-select');
    expect(event.detail).to.deep.equal({ conversationId: target });
    expect(onProviderSelect.calls, 'the composed event bubbles to the provider').to.have.length(1);
    expect(onProviderSelect.calls[0]).to.equal(event);
    expect(provider.selected).to.equal(target);
    expect(row(list, target).getAttribute('aria-selected')).to.equal('true');

    const byKey = conversations[2].conversation.id;
    row(list, byKey).focus();
    await sendKeys({ press: 'Enter' });
    await list.updateComplete;
    expect(onListSelect.calls.map((e) => e.detail.conversationId)).to.deep.equal([target, byKey]);
    expect(onProviderSelect.calls).to.have.length(2);
    expect(provider.selected).to.equal(byKey);
    await expect(provider).to.be.accessible();
  });

  it('lets an onConversationSelect prop cancel the selection', async () => {
    const conversations = seeds(2);
    const target = conversations[0].conversation.id;
    const { provider, list } = await renderInbox(new MemoryAdapter({ seed: conversations }), {
      onConversationSelect: (e) => e.preventDefault(),
    });
    await listReady(list, 2);

    row(list, target).click();
    await list.updateComplete;

    expect(provider.selected).to.equal(null);
    expect(provider.inboxStore!.selected).to.equal(null);
    expect(row(list, target).getAttribute('aria-selected')).to.equal('false');
    await expect(provider).to.be.accessible();
  });

  it('swaps the listener when the event prop changes, and drops it when the prop goes away', async () => {
    const conversations = seeds(3);
    const [a, b, c] = conversations.map((s) => s.conversation.id);
    const source = new MemoryAdapter({ seed: conversations });
    const first = recorder<SelectEvent>();
    const second = recorder<SelectEvent>();
    const { list } = await renderInbox(source, { onConversationSelect: first });
    await listReady(list, 3);

    row(list, a).click();
    await renderInbox(source, { onConversationSelect: second });
    expect(listEl(), 'the re-render keeps the element').to.equal(list);
    row(list, b).click();
    await renderInbox(source, {});
    row(list, c).click();
    await list.updateComplete;

    expect(first.calls.map((e) => e.detail.conversationId)).to.deep.equal([a]);
    expect(second.calls.map((e) => e.detail.conversationId)).to.deep.equal([b]);
    expect(providerEl().selected, 'selection works without a handler').to.equal(c);
    await expect(providerEl()).to.be.accessible();
  });

  it('updates the element in place when a prop changes on re-render', async () => {
    const conversations = seeds(2);
    const [a, b] = conversations.map((s) => s.conversation);
    const source = new MemoryAdapter({ seed: conversations });
    const onError = recorder<ErrorEvent>();
    const thread = (conversationId: string) =>
      render(
        React.createElement(
          W.InboxProvider,
          { source, pollInterval: 0 },
          React.createElement(W.ConversationThread, {
            conversationId,
            noAutoRead: true,
            onError,
            style: { display: 'block', height: '480px' },
          }),
        ),
      );

    await thread(a.id);
    const el = host.querySelector('conversation-thread')!;
    expect(el).to.be.instanceOf(customElements.get('conversation-thread')!);
    await waitUntil(() => el.state === 'ready' && threadName(el) === a.contact.displayName, 'the first thread');
    expect(el.conversationId).to.equal(a.id);
    expect(el.noAutoRead).to.equal(true);

    await thread(b.id);
    expect(host.querySelector('conversation-thread'), 'the same element, not a new one').to.equal(el);
    expect(el.conversationId).to.equal(b.id);
    await waitUntil(() => el.state === 'ready' && threadName(el) === b.contact.displayName, 'the second thread');
    expect(onError.calls).to.deep.equal([]);
    await expect(providerEl()).to.be.accessible();
  });

  it('calls onError on the list and on the provider when the list cannot load', async () => {
    const source = new MemoryAdapter({ seed: seeds(2) });
    const gate = source.hold('listConversations');
    const onListError = recorder<ErrorEvent>();
    const onProviderError = recorder<ErrorEvent>();
    const { provider, list } = await renderInbox(source, { onError: onListError }, { onError: onProviderError });
    await gate.reached;

    gate.fail('network');
    await waitUntil(() => list.state === 'error', 'the list never showed its error');

    expect(onListError.calls).to.have.length(1);
    const [event] = onListError.calls;
    expect(event.type).to.equal('inbox-error');
    expect(event.detail.operation).to.equal('list');
    expect(event.detail.error.kind).to.equal('network');
    expect(onProviderError.calls).to.have.length(1);
    expect(onProviderError.calls[0]).to.equal(event);
    await expect(provider).to.be.accessible();
  });

  it('calls no handler for an event the element fires after its component unmounted', async () => {
    const conversations = seeds(2);
    const onError = recorder<ErrorEvent>();
    const onSelect = recorder<SelectEvent>();
    const { list } = await renderInbox(new MemoryAdapter({ seed: conversations }), {
      onError,
      onConversationSelect: onSelect,
    });
    await listReady(list, 2);
    const fire = () => {
      const detail = { operation: 'list', error: new Error('late') } as unknown as InboxErrorDetail;
      list.dispatchEvent(new CustomEvent('inbox-error', { detail, bubbles: true, composed: true }));
      list.dispatchEvent(
        new CustomEvent('inbox-conversation-select', {
          detail: { conversationId: conversations[0].conversation.id },
          bubbles: true,
          composed: true,
        }),
      );
    };
    fire();
    expect(onError.calls, 'while mounted, the handler hears it').to.have.length(1);
    expect(onSelect.calls).to.have.length(1);

    await React.act(async () => root.unmount());
    expect(list.isConnected).to.equal(false);
    // like a send that settles after the React tree is gone: the detached element fires again
    fire();
    expect(onError.calls, 'no handler of an unmounted component is called').to.have.length(1);
    expect(onSelect.calls).to.have.length(1);
  });

  it('calls each handler once under StrictMode, whose effects mount twice', async () => {
    const conversations = seeds(2);
    const target = conversations[1].conversation.id;
    const onSelect = recorder<SelectEvent>();
    const source = new MemoryAdapter({ seed: conversations });
    await render(
      React.createElement(
        React.StrictMode,
        null,
        React.createElement(
          W.InboxProvider,
          { source, pollInterval: 0 },
          React.createElement(W.InboxList, { style: { height: '480px' }, onConversationSelect: onSelect }),
        ),
      ),
    );
    const list = listEl();
    await listReady(list, 2);
    row(list, target).click();
    await list.updateComplete;
    expect(onSelect.calls.map((e) => e.detail.conversationId)).to.deep.equal([target]);
    expect(providerEl().selected).to.equal(target);
    await expect(providerEl()).to.be.accessible();
  });

  it('removes the elements on unmount and calls no handler for work that settles afterwards', async () => {
    const conversations = seeds(2);
    const source = new MemoryAdapter({ seed: conversations });
    // the list's first load waits at the gate, so the unmount lands while it is in flight
    const gate = source.hold('listConversations');
    const onError = recorder<ErrorEvent>();
    const { provider, list } = await renderInbox(source, { onError }, { onError });
    await gate.reached;

    await React.act(async () => root.unmount());

    expect(host.childElementCount).to.equal(0);
    expect(provider.isConnected).to.equal(false);
    expect(list.isConnected).to.equal(false);
    expect(document.querySelector('inbox-provider, inbox-list')).to.equal(null);

    // the load in flight fails after the unmount: nothing reports it to the handlers
    gate.fail('network');
    await new Promise((resolve) => setTimeout(resolve));
    await list.updateComplete;
    expect(onError.calls).to.deep.equal([]);
  });
});
