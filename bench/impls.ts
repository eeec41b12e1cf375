/**
 * The implementations under test, behind one small interface the harness
 * drives. Each reads its data from the same `MemoryAdapter`.
 */
import { InboxProvider } from '../src/components/inbox-provider/inbox-provider.js';
import { InboxList } from '../src/components/inbox-list/inbox-list.js';
import { ConversationThread } from '../src/components/conversation-thread/conversation-thread.js';
import type { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import type { Message, PageCursor } from '../src/data/models.js';
import { BareList } from './bare-list.js';
import { LIST_LATENCY_MS, listSource, newMessage, threadSource, type ThreadFixture } from './data.js';

// package.json#sideEffects names only dist/, so a bare side-effect import of src/ would be
// tree-shaken away: use the classes, and check that they are the registered ones
const ELEMENTS = {
  'inbox-provider': InboxProvider,
  'inbox-list': InboxList,
  'conversation-thread': ConversationThread,
  'bare-list': BareList,
};
for (const [tag, cls] of Object.entries(ELEMENTS)) {
  if (customElements.get(tag) !== cls) throw new Error(`<${tag}> is not registered`);
}

export type Scenario = 'list' | 'list-latency' | 'thread';
export type ImplName = 'ours' | 'bare' | 'bareMin' | 'vaadin' | 'chatscope';

export interface Impl {
  /** Creates the element(s) and puts them on the stage; the data loads from here on. */
  mount(stage: HTMLElement): void;
  /** The node whose subtree the rows are rendered into (watched with a MutationObserver). */
  root(): Node;
  /** Rows are in the DOM. */
  present(): boolean;
  /** The scrolling element. */
  scroller(): HTMLElement;
  /** Rendered item elements (conversations or messages), in DOM order. */
  items(): HTMLElement[];
  /** The id of the conversation or message an item element shows. */
  idOf(el: HTMLElement): string;
  /** The rendered element of an item, if any. */
  find(id: string): HTMLElement | null;
  /** The id of the newest message (threads). */
  lastId?(): string;
  /** Adds one new inbound message at the bottom (threads); returns its id. */
  append?(): string;
  /** Adds the 50 older messages at the top; resolves once they are in and the element says it has settled. */
  prepend?(): Promise<void>;
}

type Factory = (n: number) => Promise<Impl>;

const timeFormat = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });

// ---- list -------------------------------------------------------------------

function oursList(source: MemoryAdapter): Impl {
  let list: HTMLElement | undefined;
  const root = () => list!.shadowRoot!;
  return {
    mount(stage) {
      const provider = document.createElement('inbox-provider');
      provider.pollInterval = 0;
      provider.source = source;
      list = document.createElement('inbox-list');
      provider.append(list);
      stage.append(provider);
    },
    root,
    present: () => Boolean(list?.shadowRoot?.querySelector('[role="option"]')),
    scroller: () => root().querySelector<HTMLElement>('.scroller')!,
    items: () => [...root().querySelectorAll<HTMLElement>('[role="option"][data-id]')],
    idOf: (el) => el.dataset.id ?? '',
    find: (id) => root().querySelector<HTMLElement>(`[role="option"][data-id="${CSS.escape(id)}"]`),
  };
}

function bareList(source: MemoryAdapter, n: number, kind: BareList['kind']): { impl: Impl; el: () => BareList } {
  let el: BareList | undefined;
  const root = () => el!.shadowRoot!;
  const impl: Impl = {
    mount(stage) {
      el = document.createElement('bare-list') as BareList;
      el.kind = kind;
      stage.append(el);
      if (kind !== 'messages') {
        void source.listConversations({ limit: n }).then((page) => (el!.items = page.items));
      }
    },
    root,
    present: () => Boolean(el?.shadowRoot?.querySelector('[data-key]')),
    scroller: () => el!.scroller,
    items: () => [...root().querySelectorAll<HTMLElement>('[data-key]')],
    idOf: (e) => e.dataset.key ?? '',
    find: (id) => root().querySelector<HTMLElement>(`[data-key="${CSS.escape(id)}"]`),
  };
  return { impl, el: () => el! };
}

// ---- thread -----------------------------------------------------------------

function oursThread(f: ThreadFixture): Impl {
  let provider: InboxProvider | undefined;
  let thread: ConversationThread | undefined;
  const root = () => thread!.shadowRoot!;
  const store = () => provider!.inboxStore!;
  return {
    mount(stage) {
      provider = document.createElement('inbox-provider');
      provider.pollInterval = 0;
      provider.source = f.source;
      thread = document.createElement('conversation-thread');
      thread.conversationId = f.conversationId;
      thread.noAutoRead = true;
      provider.append(thread);
      stage.append(provider);
    },
    root,
    present: () => Boolean(thread?.shadowRoot?.querySelector('.row.msg')),
    scroller: () => root().querySelector<HTMLElement>('.log')!,
    items: () => [...root().querySelectorAll<HTMLElement>('.row.msg[data-anchor-key^="m:"]')],
    idOf: (el) => (el.dataset.anchorKey ?? '').slice(2),
    find: (id) => root().querySelector<HTMLElement>(`.row.msg[data-anchor-key="m:${CSS.escape(id)}"]`),
    lastId: () => {
      const messages = store().getThreadState(f.conversationId).messages;
      return messages[messages.length - 1].id;
    },
    append() {
      const message = newMessage(f.conversationId);
      store().ingest({ type: 'message', conversationId: f.conversationId, message });
      return message.id;
    },
    async prepend() {
      await store().loadOlder(f.conversationId);
      await thread!.scrollSettled;
    },
  };
}

function bareThread(f: ThreadFixture, n: number): Impl {
  const { impl, el } = bareList(f.source, n, 'messages');
  let older: PageCursor | null = null;
  let messages: Message[] = [];
  const mount = impl.mount;
  return {
    ...impl,
    mount(stage) {
      mount(stage);
      el().contactName = f.contactName;
      void f.source.listMessages(f.conversationId, { limit: n }).then((page) => {
        older = page.next ?? null;
        messages = page.items;
        el().items = messages;
        void el().scrollToEnd(); // a chat opens at its newest message
      });
    },
    lastId: () => messages[messages.length - 1].id,
    append() {
      const m = newMessage(f.conversationId);
      const s = el().scroller;
      const atBottom = s.scrollHeight - s.clientHeight - s.scrollTop < 32;
      messages = [...messages, m];
      el().items = messages;
      if (atBottom) void el().scrollToEnd();
      return m.id;
    },
    async prepend() {
      const page = await f.source.listMessages(f.conversationId, { cursor: older ?? undefined, limit: n });
      messages = [...page.items, ...messages];
      el().items = messages;
      await el().updateComplete;
    },
  };
}

interface VaadinItem {
  text?: string;
  userName: string;
  time: string;
  className: string;
}

function vaadinThread(f: ThreadFixture, n: number): Impl {
  let el: (HTMLElement & { items: VaadinItem[] }) | undefined;
  let older: PageCursor | null = null;
  let messages: Message[] = [];
  const toItem = (m: Message): VaadinItem => ({
    text: m.text,
    userName: m.direction === 'outbound' ? 'You' : f.contactName,
    time: timeFormat.format(Date.parse(m.createdAt)),
    className: `k-${m.id}`,
  });
  const idOf = (e: HTMLElement) => [...e.classList].find((c) => c.startsWith('k-'))?.slice(2) ?? '';
  return {
    mount(stage) {
      el = document.createElement('vaadin-message-list') as typeof el;
      stage.append(el!);
      void f.source.listMessages(f.conversationId, { limit: n }).then((page) => {
        older = page.next ?? null;
        messages = page.items;
        el!.items = messages.map(toItem);
      });
    },
    root: () => el!,
    present: () => Boolean(el?.querySelector('vaadin-message')),
    scroller: () => el!,
    items: () => [...el!.querySelectorAll<HTMLElement>('vaadin-message')],
    idOf,
    find: (id) => el!.querySelector<HTMLElement>(`vaadin-message.${CSS.escape(`k-${id}`)}`),
    lastId: () => messages[messages.length - 1].id,
    append() {
      const m = newMessage(f.conversationId);
      messages = [...messages, m];
      el!.items = messages.map(toItem);
      return m.id;
    },
    async prepend() {
      const page = await f.source.listMessages(f.conversationId, { cursor: older ?? undefined, limit: n });
      messages = [...page.items, ...messages];
      el!.items = messages.map(toItem);
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    },
  };
}

export const IMPLS: Record<Scenario, Partial<Record<ImplName, Factory>>> = {
  list: {
    ours: (n) => Promise.resolve(oursList(listSource(n))),
    bare: (n) => Promise.resolve(bareList(listSource(n), n, 'full-conversations').impl),
    bareMin: (n) => Promise.resolve(bareList(listSource(n), n, 'conversations').impl),
  },
  // the same lists, with a source that answers after LIST_LATENCY_MS (a reference, no budget)
  'list-latency': {
    ours: (n) => Promise.resolve(oursList(listSource(n, LIST_LATENCY_MS))),
    bare: (n) => Promise.resolve(bareList(listSource(n, LIST_LATENCY_MS), n, 'full-conversations').impl),
  },
  thread: {
    ours: (n) => Promise.resolve(oursThread(threadSource(n))),
    bare: (n) => Promise.resolve(bareThread(threadSource(n), n)),
    vaadin: async (n) => {
      await import('@vaadin/message-list/vaadin-message-list.js');
      return vaadinThread(threadSource(n), n);
    },
    // React, react-dom and chatscope's stylesheet load on the chatscope pages only
    chatscope: async (n) => {
      const { chatscopeThread } = await import('./chatscope.js');
      return chatscopeThread(threadSource(n), n);
    },
  },
};
