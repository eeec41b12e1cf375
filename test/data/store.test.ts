import { expect, waitUntil } from '@open-wc/testing';
import { AGENTS } from '../../src/adapters/memory/fixtures.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxDataSource } from '../../src/data/data-source.js';
import { InboxError } from '../../src/data/errors.js';
import { MessageIndex } from '../../src/data/message-index.js';
import type { Message } from '../../src/data/models.js';
import { InboxStore } from '../../src/data/store.js';
import type { StoreErrorDetail } from '../../src/data/store.js';
import { installFakeTimers, settle } from '../support/fake-timers.js';
import { conversationSeed } from '../support/seeds.js';
import type { FakeClock } from '../support/fake-timers.js';

/** The adapter, but every signal is dropped: responses arrive even after an abort (like a slow backend that ignores it). */
function ignoringSignals(adapter: MemoryAdapter): InboxDataSource {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => unknown).apply(
          target,
          args.map((a) => (a && typeof a === 'object' && 'signal' in a ? { ...a, signal: undefined } : a)),
        );
    },
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function errorsOf(store: InboxStore): StoreErrorDetail[] {
  const seen: StoreErrorDetail[] = [];
  store.addEventListener('error', (e) => seen.push((e as CustomEvent<StoreErrorDetail>).detail));
  return seen;
}

const rowIds = (store: InboxStore) => store.getListState().conversations.map((c) => c.id);
const texts = (store: InboxStore, id: string) => store.getThreadState(id).messages.map((m) => m.text);
const callsOf = (adapter: MemoryAdapter, op: string) => adapter.calls.filter((c) => c.op === op);

describe('InboxStore', () => {
  let adapter: MemoryAdapter;
  let store: InboxStore;
  let clock: FakeClock | undefined;

  beforeEach(() => {
    adapter = new MemoryAdapter();
    store = new InboxStore(adapter, { pollInterval: 0, currentUserId: adapter.currentUserId });
  });

  afterEach(() => {
    store.destroy();
    clock?.restore();
    clock = undefined;
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  describe('list', () => {
    it('loads the first page newest first, with the backend summary', async () => {
      const changes: string[] = [];
      store.subscribe((c) => changes.push(c.scope));
      const p = store.setQuery({});
      expect(store.getListState().status).to.equal('loading');
      await p;
      const list = store.getListState();
      expect(list.status).to.equal('ready');
      expect(list.conversations).to.have.length(25);
      expect(list.hasMore).to.equal(true);
      const times = list.conversations.map((c) => Date.parse(c.lastActivityAt!));
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
      expect(list.summary?.source).to.equal('backend');
      expect(list.summary?.unread).to.be.above(0);
      expect(changes).to.include('list');
      expect(store.getConversation(list.conversations[0].id)).to.deep.equal(list.conversations[0]);
    });

    it('says the summary counts are on their way until they arrive, or fail, after the rows', async () => {
      const gate = adapter.hold('getSummary');
      const p = store.setQuery({});
      expect(store.getListState().summaryLoading).to.equal(true);
      await gate.reached;
      await waitUntil(() => store.getListState().status === 'ready', 'rows never arrived');
      expect(store.getListState().summaryLoading, 'rows first, counts still coming').to.equal(true);
      gate.release();
      await p;
      expect(store.getListState().summaryLoading).to.equal(false);
      expect(store.getListState().summary?.source).to.equal('backend');

      const failing = adapter.hold('getSummary');
      const again = store.loadList();
      await failing.reached;
      failing.fail('server');
      await again;
      expect(store.getListState().summaryLoading, 'a failed summary is settled too').to.equal(false);
    });

    it('keeps one row, and one merged record, for an id a first page names twice', async () => {
      const [a, b] = (await adapter.listConversations({ limit: 2 })).items;
      const again = { ...a, contact: { ...a.contact }, unreadCount: 7, lastMessage: undefined };
      for (const existing of [false, true]) {
        // the first load into an empty store, then a reload over the records it holds
        const twice = new Proxy(adapter, {
          get(target, prop, receiver) {
            if (prop === 'listConversations') {
              return () => Promise.resolve({ items: [a, b, again], next: null, hasMore: false });
            }
            return Reflect.get(target, prop, receiver) as unknown;
          },
        });
        const s = new InboxStore(twice, { pollInterval: 0 });
        if (existing) {
          await s.loadList();
          expect(s.getConversation(a.id)?.unreadCount).to.equal(7);
        }
        await s.loadList();
        expect(s.getListState().conversations.map((c) => c.id)).to.deep.equal([a.id, b.id]);
        const merged = s.getConversation(a.id)!;
        expect(merged.unreadCount, 'the later copy wins').to.equal(7);
        expect(merged.lastMessage, 'a field the later copy leaves out is kept').to.deep.equal(a.lastMessage);
        expect(s.getListState().conversations[0]).to.equal(merged);
        s.destroy();
      }
    });

    it('passes filters the backend supports to it', async () => {
      await store.setQuery({ status: ['open'], assignee: 'me', unreadOnly: true, search: ' amelia ' });
      const query = callsOf(adapter, 'listConversations')[0].args[0];
      expect(query).to.deep.include({ status: ['open'], assignee: 'me', unreadOnly: true, search: 'amelia' });
      expect(rowIds(store)).to.deep.equal(['conv-001']);
    });

    it('searches on the client when the backend cannot', async () => {
      store.destroy();
      adapter = new MemoryAdapter({ capabilities: { filters: { search: false } } });
      store = new InboxStore(adapter, { pollInterval: 0 });
      await store.setQuery({ search: 'amelia' });
      expect(callsOf(adapter, 'listConversations')[0].args[0]).to.not.have.property('search');
      expect(store.getListState().clientSearch).to.equal(true);
      expect(rowIds(store)).to.deep.equal(['conv-001']);
    });

    it('drops a stale list response that arrives after the query changed', async () => {
      store.destroy();
      store = new InboxStore(ignoringSignals(adapter), { pollInterval: 0 });
      const gate = adapter.hold('listConversations');
      const first = store.setQuery({});
      await gate.reached;
      await store.setQuery({ search: 'amelia' });
      expect(rowIds(store)).to.deep.equal(['conv-001']);
      gate.release();
      await first;
      await settle();
      expect(rowIds(store)).to.deep.equal(['conv-001']);
      expect(store.getListState().status).to.equal('ready');
      expect(store.getListState().query).to.deep.equal({ search: 'amelia' });
    });

    it('drops a stale error too', async () => {
      store.destroy();
      store = new InboxStore(ignoringSignals(adapter), { pollInterval: 0 });
      const errors = errorsOf(store);
      const gate = adapter.hold('listConversations');
      const first = store.setQuery({ status: ['closed'] });
      await gate.reached;
      await store.setQuery({});
      gate.fail('server');
      await first;
      expect(store.getListState().status).to.equal('ready');
      expect(errors.filter((e) => e.operation === 'list')).to.deep.equal([]);
    });

    it('shows a list error and reports it', async () => {
      const errors = errorsOf(store);
      adapter.fail('listConversations', 'forbidden', 1);
      await store.setQuery({});
      expect(store.getListState().status).to.equal('error');
      expect(store.getListState().error?.kind).to.equal('forbidden');
      expect(errors.map((e) => e.operation)).to.deep.equal(['list']);
      await store.loadList();
      expect(store.getListState().status).to.equal('ready');
    });

    it('deduplicates loadMore in flight and appends without duplicates', async () => {
      store.destroy();
      store = new InboxStore(adapter, { pollInterval: 0, pageSize: 5 });
      await store.setQuery({});
      const gate = adapter.hold('listConversations');
      const a = store.loadMore();
      const b = store.loadMore();
      await gate.reached;
      expect(store.getListState().loadingMore).to.equal(true);
      gate.release();
      await Promise.all([a, b]);
      const more = callsOf(adapter, 'listConversations').slice(1);
      expect(more).to.have.length(1);
      expect(more[0].args[0]).to.deep.include({ cursor: 'offset:5', limit: 5 });
      const ids = rowIds(store);
      expect(ids).to.have.length(10);
      expect(new Set(ids).size).to.equal(10);
      expect(store.getListState().loadingMore).to.equal(false);
      await store.loadMore();
      expect(rowIds(store)).to.have.length(15);
    });

    it('does not fold a loadMore of the new query into one of the old query', async () => {
      store.destroy();
      store = new InboxStore(ignoringSignals(adapter), { pollInterval: 0, pageSize: 5 });
      await store.setQuery({});
      const gate = adapter.hold('listConversations');
      const stale = store.loadMore();
      await gate.reached;
      await store.setQuery({ status: ['open'] });
      await store.loadMore();
      const calls = callsOf(adapter, 'listConversations');
      expect(calls).to.have.length(4);
      expect(calls[3].args[0]).to.deep.include({ status: ['open'], cursor: 'offset:5' });
      expect(rowIds(store)).to.have.length(10);
      gate.release();
      await stale;
      const rows = store.getListState().conversations;
      expect(rows).to.have.length(10);
      expect(rows.every((c) => c.status === 'open')).to.equal(true);
    });

    it('stops paging at the end', async () => {
      store.destroy();
      adapter = new MemoryAdapter({
        seed: (await import('../../src/adapters/memory/fixtures.js')).seedConversations({ count: 7 }),
      });
      store = new InboxStore(adapter, { pollInterval: 0, pageSize: 5 });
      await store.setQuery({});
      await store.loadMore();
      expect(store.getListState().hasMore).to.equal(false);
      await store.loadMore();
      expect(callsOf(adapter, 'listConversations')).to.have.length(2);
    });
  });

  describe('threads', () => {
    it('loads a watched thread oldest first, and older pages', async () => {
      const stop = store.watchThread('conv-011');
      expect(store.getThreadState('conv-011').status).to.equal('loading');
      await settle();
      const state = store.getThreadState('conv-011');
      expect(state.status).to.equal('ready');
      expect(state.messages).to.have.length(50);
      expect(state.hasOlder).to.equal(true);
      await store.loadOlder('conv-011');
      await store.loadOlder('conv-011');
      const all = store.getThreadState('conv-011');
      expect(all.messages.map((m) => m.id)).to.deep.equal(adapter.serverMessages('conv-011').map((m) => m.id));
      expect(all.hasOlder).to.equal(false);
      stop();
    });

    it("indexes a thread's first page while the browser is idle, so a message that arrives next finds it built", async () => {
      const prepared: boolean[] = [];
      const original = MessageIndex.prototype.prepare;
      MessageIndex.prototype.prepare = function (this: MessageIndex, timeLeft?: () => number) {
        const done = original.call(this, timeLeft);
        prepared.push(done);
        return done;
      };
      try {
        let atReady: boolean[] | undefined;
        store.subscribe(() => {
          if (!atReady && store.getThreadState('conv-011').status === 'ready') atReady = [...prepared];
        });
        const stop = store.watchThread('conv-011');
        await waitUntil(() => atReady, 'the thread never loaded');
        expect(atReady, 'not while the page goes in').to.deep.equal([]);
        await waitUntil(() => prepared.includes(true), 'never indexed while idle', { timeout: 2000 });
        const before = store.getThreadState('conv-011').messages;
        const message = { ...before[before.length - 1], id: 'late-1', createdAt: new Date().toISOString() };
        store.ingest({ type: 'message', conversationId: 'conv-011', message });
        const after = store.getThreadState('conv-011').messages;
        expect(after.map((m) => m.id)).to.deep.equal([...before.map((m) => m.id), 'late-1']);
        stop();
      } finally {
        MessageIndex.prototype.prepare = original;
      }
    });

    it('lists a message a thread page names twice, far apart, once as soon as the page is indexed', async () => {
      const base = Date.parse('2026-11-20T10:00:00.000Z');
      const m = (id: string, minute: number, text: string): Message => ({
        id,
        conversationId: 'c1',
        direction: 'inbound',
        kind: 'text',
        text,
        status: 'received',
        createdAt: new Date(base + minute * 60_000).toISOString(),
      });
      const { conversation } = conversationSeed('c1', {}, new Date(base + 4 * 60_000).toISOString());
      const messages = [m('a', 0, 'first'), m('b', 1, 'b'), m('c', 2, 'c'), m('a', 3, 'again'), m('d', 4, 'd')];
      store.destroy();
      adapter = new MemoryAdapter({ seed: [{ conversation, messages }] });
      store = new InboxStore(adapter, { pollInterval: 0 });
      await store.loadThread('c1');
      // the page goes in as it came; indexing it while idle finds the repeat, and the thread is listed again
      await waitUntil(() => store.getThreadState('c1').messages.length === 4, 'the repeat was never merged', {
        timeout: 2000,
      });
      const shown = store.getThreadState('c1').messages;
      expect(shown.map((x) => x.id)).to.deep.equal(['b', 'c', 'a', 'd']);
      expect(shown.find((x) => x.id === 'a')?.text).to.equal('again');
    });

    it('drops a thread response that arrives after its watcher released', async () => {
      store.destroy();
      store = new InboxStore(ignoringSignals(adapter), { pollInterval: 0 });
      const gate = adapter.hold('listMessages');
      const stop = store.watchThread('conv-001');
      await gate.reached;
      stop();
      gate.release();
      await settle();
      const state = store.getThreadState('conv-001');
      expect(state.messages).to.deep.equal([]);
      expect(state.status).to.equal('idle');
      // watching again loads it afresh
      const again = store.watchThread('conv-001');
      await settle();
      expect(store.getThreadState('conv-001').messages).to.have.length(adapter.serverMessages('conv-001').length);
      again();
    });

    it('drops a thread response for the previous selection once the selection moved on', async () => {
      store.destroy();
      store = new InboxStore(ignoringSignals(adapter), { pollInterval: 0 });
      // what a thread following the selection does: watch the selected thread, release it when the selection moves
      let stop: (() => void) | undefined;
      const unsubscribe = store.subscribe((change) => {
        if (change.scope !== 'selection') return;
        stop?.();
        stop = store.selected ? store.watchThread(store.selected) : undefined;
      });
      const gate = adapter.hold('listMessages');
      store.select('conv-001');
      await gate.reached;
      store.select('conv-002');
      await settle();
      const second = adapter.serverMessages('conv-002').map((m) => m.text);
      expect(texts(store, 'conv-002')).to.deep.equal(second);
      gate.release();
      await settle();
      expect(store.getThreadState('conv-001').messages, 'the stale response landed').to.deep.equal([]);
      expect(store.getThreadState('conv-001').status).to.equal('idle');
      expect(texts(store, 'conv-002')).to.deep.equal(second);
      unsubscribe();
      stop?.();
    });

    it('keeps loading while another watcher remains', async () => {
      const gate = adapter.hold('listMessages');
      const a = store.watchThread('conv-001');
      const b = store.watchThread('conv-001');
      await gate.reached;
      a();
      gate.release();
      await settle();
      expect(store.getThreadState('conv-001').status).to.equal('ready');
      expect(callsOf(adapter, 'listMessages')).to.have.length(1);
      b();
    });

    it('shows a thread error and reports it', async () => {
      const errors = errorsOf(store);
      adapter.fail('listMessages', 'server', 1);
      const stop = store.watchThread('conv-001');
      await settle();
      expect(store.getThreadState('conv-001').status).to.equal('error');
      expect(errors.map((e) => [e.operation, e.conversationId])).to.deep.equal([['thread', 'conv-001']]);
      stop();
    });
  });

  describe('send', () => {
    let stop: () => void;
    beforeEach(async () => {
      await store.setQuery({});
      stop = store.watchThread('conv-001');
      await settle();
    });
    afterEach(() => stop());

    it('shows a pending message at once, then the server message replaces it', async () => {
      const before = store.getThreadState('conv-001').messages.length;
      const gate = adapter.hold('send');
      const p = store.send({ kind: 'text', conversationId: 'conv-001', text: 'Optimistic hello' });
      let mine = store.getThreadState('conv-001').messages.filter((m) => m.text === 'Optimistic hello');
      expect(mine).to.have.length(1);
      expect(mine[0].status).to.equal('pending');
      expect(mine[0].direction).to.equal('outbound');
      const clientRef = mine[0].clientRef!;
      expect(clientRef).to.be.a('string').and.not.equal('');
      expect(store.getConversation('conv-001')!.lastMessage?.text).to.equal('Optimistic hello');
      expect(rowIds(store)[0]).to.equal('conv-001');
      await gate.reached;
      gate.release();
      const server = await p;
      mine = store.getThreadState('conv-001').messages.filter((m) => m.text === 'Optimistic hello');
      expect(mine).to.have.length(1);
      expect(mine[0].id).to.equal(server.id);
      expect(mine[0].id).to.not.match(/^local:/);
      expect(mine[0].status).to.equal('sent');
      expect(mine[0].clientRef).to.equal(clientRef);
      expect(store.getThreadState('conv-001').messages).to.have.length(before + 1);
      // a later refresh of the thread does not duplicate it
      await store.loadThread('conv-001');
      expect(texts(store, 'conv-001').filter((t) => t === 'Optimistic hello')).to.have.length(1);
    });

    it('keeps a failed send as failed with its error; retrySend reuses the clientRef', async () => {
      const errors = errorsOf(store);
      adapter.fail('send', 'upstream', 1);
      const error = await rejection(
        store.send({ kind: 'text', conversationId: 'conv-001', text: 'Flaky', clientRef: 'ref-1' }),
      );
      expect((error as InboxError).kind).to.equal('upstream');
      let mine = store.getThreadState('conv-001').messages.filter((m) => m.text === 'Flaky');
      expect(mine).to.have.length(1);
      expect(mine[0].status).to.equal('failed');
      expect(mine[0].error?.kind).to.equal('upstream');
      expect(errors.map((e) => e.operation)).to.deep.equal(['send']);
      const server = await store.retrySend('ref-1');
      expect(server.clientRef).to.equal('ref-1');
      const refs = callsOf(adapter, 'send').map((c) => (c.args[0] as { clientRef: string }).clientRef);
      expect(refs).to.deep.equal(['ref-1', 'ref-1']);
      mine = store.getThreadState('conv-001').messages.filter((m) => m.text === 'Flaky');
      expect(mine).to.have.length(1);
      expect(mine[0].status).to.equal('sent');
      expect(mine[0].error).to.equal(undefined);
    });

    it('retrySend of an unknown reference rejects', async () => {
      expect(((await rejection(store.retrySend('nope'))) as InboxError).kind).to.equal('validation');
    });

    it('sends once for a double send with the same clientRef', async () => {
      const gate = adapter.hold('send');
      const a = store.send({ kind: 'text', conversationId: 'conv-001', text: 'Twice?', clientRef: 'dup' });
      const b = store.send({ kind: 'text', conversationId: 'conv-001', text: 'Twice?', clientRef: 'dup' });
      await gate.reached;
      gate.release();
      const [ma, mb] = await Promise.all([a, b]);
      expect(ma.id).to.equal(mb.id);
      expect(callsOf(adapter, 'send')).to.have.length(1);
      expect(texts(store, 'conv-001').filter((t) => t === 'Twice?')).to.have.length(1);
    });

    it('discards a failed message and gives its request back', async () => {
      adapter.fail('send', 'server', 1);
      await rejection(store.send({ kind: 'text', conversationId: 'conv-001', text: 'Give up', clientRef: 'g' }));
      const request = store.discardFailed('g');
      expect(request).to.deep.include({ kind: 'text', text: 'Give up' });
      expect(texts(store, 'conv-001')).to.not.include('Give up');
    });
  });

  describe('actions', () => {
    beforeEach(async () => {
      await store.setQuery({});
    });

    it('update() applies at once and keeps the server state on success', async () => {
      const gate = adapter.hold('markRead');
      const p = store.update('conv-001', 'mark-read');
      expect(store.getConversation('conv-001')!.unreadCount).to.equal(0);
      await gate.reached;
      gate.release();
      await p;
      expect(store.getConversation('conv-001')!.unreadCount).to.equal(0);
      expect(adapter.serverConversation('conv-001')!.unreadCount).to.equal(0);
    });

    it('update() rolls back on failure', async () => {
      const errors = errorsOf(store);
      const before = store.getConversation('conv-001')!;
      expect(rowIds(store)).to.include('conv-001');
      const gate = adapter.hold('archive');
      const p = store.update('conv-001', 'archive');
      expect(store.getConversation('conv-001')!.status).to.equal('archived');
      expect(rowIds(store)).to.not.include('conv-001');
      await gate.reached;
      gate.fail('conflict');
      expect(((await rejection(p)) as InboxError).kind).to.equal('conflict');
      expect(store.getConversation('conv-001')).to.deep.equal(before);
      expect(rowIds(store)).to.include('conv-001');
      expect(errors.map((e) => [e.operation, e.conversationId])).to.deep.equal([['archive', 'conv-001']]);
    });

    it('update() with an unsupported action rejects without calling the backend', async () => {
      store.destroy();
      adapter = new MemoryAdapter({ capabilities: { close: false } });
      store = new InboxStore(adapter, { pollInterval: 0 });
      await store.setQuery({});
      expect(((await rejection(store.update('conv-001', 'close'))) as InboxError).kind).to.equal('unsupported');
      expect(callsOf(adapter, 'close')).to.have.length(0);
      expect(store.getConversation('conv-001')!.status).to.equal('open');
    });

    it('close() takes the conversation the backend returns', async () => {
      await store.update('conv-001', 'close', { resolution: 'done' });
      expect(store.getConversation('conv-001')!.status).to.equal('closed');
      expect(callsOf(adapter, 'close')[0].args).to.deep.equal(['conv-001', { resolution: 'done' }]);
    });

    it('assign is optimistic and rolls back on failure', async () => {
      const agent = AGENTS[3];
      const before = store.getConversation('conv-002')!.assignee;
      expect(before).to.equal(null);
      const gate = adapter.hold('assign');
      const p = store.assign('conv-002', agent);
      expect(store.getConversation('conv-002')!.assignee).to.deep.equal(agent);
      await gate.reached;
      gate.fail('forbidden');
      expect(((await rejection(p)) as InboxError).kind).to.equal('forbidden');
      expect(store.getConversation('conv-002')!.assignee).to.equal(null);
      await store.assign('conv-002', agent);
      expect(store.getConversation('conv-002')!.assignee).to.deep.include({
        id: agent.id,
        displayName: agent.displayName,
      });
      expect(adapter.serverConversation('conv-002')!.assignee?.id).to.equal(agent.id);
    });

    it('unassign is optimistic and rolls back on failure', async () => {
      const before = store.getConversation('conv-001')!.assignee;
      expect(before?.id).to.equal('agent-1');
      adapter.fail('unassign', 'server', 1);
      const p = store.assign('conv-001', null);
      expect(store.getConversation('conv-001')!.assignee).to.equal(null);
      await rejection(p);
      expect(store.getConversation('conv-001')!.assignee).to.deep.equal(before);
      await store.assign('conv-001', null);
      expect(store.getConversation('conv-001')!.assignee).to.equal(null);
      expect(adapter.serverConversation('conv-001')!.assignee).to.equal(null);
    });

    it('loads agents and templates once', async () => {
      const [a, b] = await Promise.all([store.loadAgents(), store.loadAgents()]);
      expect(a).to.deep.equal(AGENTS);
      expect(b).to.equal(a);
      expect(callsOf(adapter, 'listAssignees')).to.have.length(1);
      expect(store.getAgentsState().status).to.equal('ready');
      await store.loadTemplates();
      await store.loadTemplates();
      expect(callsOf(adapter, 'listTemplates')).to.have.length(1);
    });
  });

  describe('polling', () => {
    beforeEach(() => {
      // a test page running next to others may be a hidden tab: pin it visible
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      clock = installFakeTimers();
      store.destroy();
      store = new InboxStore(adapter, { pollInterval: 1000 });
    });

    it('picks up a message received on the server, in the list and the watched thread', async () => {
      await store.setQuery({});
      const stop = store.watchThread('conv-002');
      await clock!.flush();
      expect(store.getThreadState('conv-002').status).to.equal('ready');
      adapter.receive('conv-002', 'Polled in');
      expect(texts(store, 'conv-002')).to.not.include('Polled in');
      await clock!.tick(1000);
      expect(texts(store, 'conv-002')).to.include('Polled in');
      expect(rowIds(store)[0]).to.equal('conv-002');
      expect(store.getConversation('conv-002')!.lastMessage?.text).to.equal('Polled in');
      stop();
    });

    it('polls the list even when no thread is watched', async () => {
      await store.setQuery({});
      adapter.receive('conv-005', 'List only');
      await clock!.tick(1000);
      expect(rowIds(store)[0]).to.equal('conv-005');
      expect(store.getConversation('conv-005')!.lastMessage?.text).to.equal('List only');
    });

    it('backs off after errors and recovers', async () => {
      const errors = errorsOf(store);
      await store.setQuery({});
      const stop = store.watchThread('conv-001');
      await clock!.flush();
      expect(clock!.nextDelay()).to.equal(1000);
      adapter.fail('listConversations', 'upstream');
      await clock!.next();
      expect(store.pollBackoff).to.equal(2);
      expect(clock!.nextDelay()).to.equal(2000);
      await clock!.next();
      expect(store.pollBackoff).to.equal(4);
      expect(clock!.nextDelay()).to.equal(4000);
      expect(errors.map((e) => e.operation)).to.deep.equal(['poll', 'poll']);
      expect(errors[0].error.kind).to.equal('upstream');
      // the list keeps its rows: a failed background poll is no list error
      expect(store.getListState().status).to.equal('ready');
      adapter.clearFailures();
      await clock!.next();
      expect(store.pollBackoff).to.equal(1);
      expect(clock!.nextDelay()).to.equal(1000);
      stop();
    });

    it('caps the backoff at maxBackoff', async () => {
      store.destroy();
      store = new InboxStore(adapter, { pollInterval: 1000, maxBackoff: 3000 });
      await store.setQuery({});
      adapter.fail('listConversations', 'server');
      await store.poll();
      await store.poll();
      await store.poll();
      expect(clock!.nextDelay()).to.equal(3000);
    });

    it('pauses while the document is hidden and polls at once when it is visible again', async () => {
      await store.setQuery({});
      const stop = store.watchThread('conv-001');
      await clock!.flush();
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      const listCalls = callsOf(adapter, 'listConversations').length;
      await clock!.tick(60_000);
      expect(clock!.pending).to.equal(0);
      expect(callsOf(adapter, 'listConversations')).to.have.length(listCalls);
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(clock!.nextDelay()).to.equal(0);
      await clock!.tick(0);
      expect(callsOf(adapter, 'listConversations')).to.have.length(listCalls + 1);
      stop();
    });

    it('does not poll with pollInterval 0, and configure() turns it on', async () => {
      store.destroy();
      store = new InboxStore(adapter, { pollInterval: 0 });
      await store.setQuery({});
      const stop = store.watchThread('conv-001');
      await clock!.flush();
      expect(clock!.pending).to.equal(0);
      store.configure({ pollInterval: 500 });
      expect(store.pollInterval).to.equal(500);
      expect(clock!.pending).to.equal(1);
      stop();
    });

    it('stops polling on destroy', async () => {
      await store.setQuery({});
      await clock!.flush();
      store.destroy();
      expect(clock!.pending).to.equal(0);
    });
  });

  describe('ingest', () => {
    const inbound = (id: string, text: string): Message => ({
      id,
      direction: 'inbound',
      kind: 'text',
      text,
      status: 'received',
      createdAt: new Date().toISOString(),
    });

    beforeEach(async () => {
      await store.setQuery({});
    });

    it('adds a pushed message to the thread and the conversation, once', async () => {
      const stop = store.watchThread('conv-009');
      await settle();
      const unread = store.getConversation('conv-009')!.unreadCount ?? 0;
      const message = inbound('push-1', 'Pushed hello');
      store.ingest({ type: 'message', conversationId: 'conv-009', message });
      expect(texts(store, 'conv-009').at(-1)).to.equal('Pushed hello');
      expect(store.getConversation('conv-009')!.unreadCount).to.equal(unread + 1);
      expect(store.getConversation('conv-009')!.lastInboundAt).to.equal(message.createdAt);
      expect(rowIds(store)[0]).to.equal('conv-009');
      store.ingest({ type: 'message', conversationId: 'conv-009', message });
      expect(texts(store, 'conv-009').filter((t) => t === 'Pushed hello')).to.have.length(1);
      expect(store.getConversation('conv-009')!.unreadCount).to.equal(unread + 1);
      stop();
    });

    it('does not count a pushed message as unread in the selected conversation', async () => {
      store.select('conv-009');
      const unread = store.getConversation('conv-009')!.unreadCount ?? 0;
      store.ingest({ type: 'message', conversationId: 'conv-009', message: inbound('push-2', 'Seen') });
      expect(store.getConversation('conv-009')!.unreadCount).to.equal(unread);
    });

    it('applies a delivery status to a server message', async () => {
      const stop = store.watchThread('conv-001');
      await settle();
      const sent = await store.send({ kind: 'text', conversationId: 'conv-001', text: 'Track me' });
      store.ingest({ type: 'status', conversationId: 'conv-001', messageId: sent.id, status: 'delivered' });
      expect(store.getThreadState('conv-001').messages.find((m) => m.id === sent.id)!.status).to.equal('delivered');
      const error = new InboxError({ kind: 'upstream', message: 'undeliverable', dialect: 'memory' });
      store.ingest({ type: 'status', conversationId: 'conv-001', clientRef: sent.clientRef, status: 'failed', error });
      const failed = store.getThreadState('conv-001').messages.find((m) => m.id === sent.id)!;
      expect(failed.status).to.equal('failed');
      expect(failed.error).to.equal(error);
      stop();
    });

    it('a status pushed before the send returns does not duplicate the message', async () => {
      const stop = store.watchThread('conv-001');
      await settle();
      const gate = adapter.hold('send');
      const p = store.send({ kind: 'text', conversationId: 'conv-001', text: 'Racy', clientRef: 'race' });
      await gate.reached;
      store.ingest({ type: 'status', conversationId: 'conv-001', clientRef: 'race', status: 'sent' });
      gate.release();
      await p;
      const mine = store.getThreadState('conv-001').messages.filter((m) => m.text === 'Racy');
      expect(mine).to.have.length(1);
      expect(mine[0].id).to.not.match(/^local:/);
      stop();
    });

    it('adds a pushed conversation to the list', async () => {
      const c = {
        ...store.getConversation('conv-001')!,
        id: 'conv-new',
        lastActivityAt: new Date(Date.now() + 1000).toISOString(),
      };
      store.ingest({ type: 'conversation', conversation: c });
      expect(rowIds(store)[0]).to.equal('conv-new');
    });
  });

  it('select() changes the selection and notifies', () => {
    const scopes: string[] = [];
    store.subscribe((c) => scopes.push(`${c.scope}:${c.conversationId}`));
    store.select('conv-003');
    store.select('conv-003');
    expect(store.selected).to.equal('conv-003');
    expect(scopes).to.deep.equal(['selection:conv-003']);
  });
});
