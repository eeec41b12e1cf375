import { expect } from '@open-wc/testing';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { Conversation, Message } from '../../src/data/models.js';
import { InboxStore } from '../../src/data/store.js';

const BASE = Date.parse('2024-05-01T10:00:00Z');
const at = (minute: number) => new Date(BASE + minute * 60_000).toISOString();

function message(id: string, minute: number, patch: Partial<Message> = {}): Message {
  return {
    id,
    conversationId: 'c1',
    direction: 'inbound',
    kind: 'text',
    text: id,
    status: 'received',
    createdAt: at(minute),
    ...patch,
  };
}

function conversation(id: string, minute: number): Conversation {
  return {
    id,
    dialect: 'memory',
    status: 'open',
    channel: { kind: 'whatsapp' },
    contact: { displayName: `Contact ${id}` },
    unreadCount: 0,
    lastActivityAt: at(minute),
  };
}

describe('InboxStore ordering', () => {
  let store: InboxStore | undefined;
  afterEach(() => store?.destroy());

  it('keeps a thread oldest first, ties by id, as messages arrive out of order, with a new array per change', async () => {
    const seed: MemorySeed = {
      conversation: conversation('c1', 10),
      messages: [message('m10', 10), message('m20', 20), message('m30', 30)],
    };
    const adapter = new MemoryAdapter({ seed: [seed] });
    store = new InboxStore(adapter, { pollInterval: 0 });
    const stop = store.watchThread('c1');
    await store.loadThread('c1');
    const ids = () => store!.getThreadState('c1').messages.map((m) => m.id);
    expect(ids()).to.deep.equal(['m10', 'm20', 'm30']);

    const arrays: Message[][] = [store.getThreadState('c1').messages];
    const push = (m: Message) => {
      store!.ingest({ type: 'message', conversationId: 'c1', message: m });
      arrays.push(store!.getThreadState('c1').messages);
    };
    push(message('m25', 25)); // late arrival into the middle
    push(message('m05', 5)); // older than everything loaded
    push(message('b20', 20)); // same time as m20: by id, before it
    push(message('z20', 20)); // same time as m20: by id, after it
    push(message('m40', 40)); // newest
    expect(ids()).to.deep.equal(['m05', 'm10', 'b20', 'm20', 'z20', 'm25', 'm30', 'm40']);
    // a status change keeps the place and replaces the message
    store.ingest({ type: 'status', conversationId: 'c1', messageId: 'm20', status: 'read' });
    arrays.push(store.getThreadState('c1').messages);
    expect(ids()).to.deep.equal(['m05', 'm10', 'b20', 'm20', 'z20', 'm25', 'm30', 'm40']);
    expect(store.getThreadState('c1').messages[3].status).to.equal('read');
    // every change is a new array, and earlier arrays are left as they were
    expect(new Set(arrays).size).to.equal(arrays.length);
    expect(arrays[0].map((m) => m.id)).to.deep.equal(['m10', 'm20', 'm30']);
    expect(arrays[1].map((m) => m.id)).to.deep.equal(['m10', 'm20', 'm25', 'm30']);
    expect(arrays[5][3].status).to.equal('received');
    stop();
  });

  it('puts an optimistic send among the server messages by its time', async () => {
    const now = Date.now();
    const recent = (ms: number) => new Date(now + ms).toISOString();
    const seed: MemorySeed = {
      conversation: { ...conversation('c1', 0), lastActivityAt: recent(-600_000), lastInboundAt: recent(-600_000) },
      messages: [message('m10', 0, { createdAt: recent(-600_000) })],
    };
    const adapter = new MemoryAdapter({ seed: [seed] });
    store = new InboxStore(adapter, { pollInterval: 0 });
    const stop = store.watchThread('c1');
    await store.loadThread('c1');
    const gate = adapter.hold('send');
    const sent = store.send({ kind: 'text', conversationId: 'c1', text: 'hello', clientRef: 'ref-1' });
    const ids = () => store!.getThreadState('c1').messages.map((m) => m.id);
    expect(ids()).to.deep.equal(['m10', 'local:ref-1']);
    // a message stamped later arrives while the send is in flight
    store.ingest({
      type: 'message',
      conversationId: 'c1',
      message: message('later', 0, { createdAt: recent(86_400_000) }),
    });
    expect(ids()).to.deep.equal(['m10', 'local:ref-1', 'later']);
    gate.release();
    const server = await sent;
    expect(ids()).to.include(server.id);
    expect(ids()).not.to.include('local:ref-1');
    expect(ids().indexOf(server.id)).to.be.below(ids().indexOf('later'));
    stop();
  });

  it('keeps the client reference of a message the first page repeats without it', async () => {
    const source = new MemoryAdapter({ seed: [{ conversation: conversation('c1', 10), messages: [] }] });
    const first = message('m1', 1, { direction: 'outbound', clientRef: 'ref-9' });
    const again = message('m1', 1, { direction: 'outbound', status: 'read' });
    source.listMessages = () =>
      Promise.resolve({ items: [first, message('m0', 0), again], hasMore: false, order: 'oldest-first' as const });
    store = new InboxStore(source, { pollInterval: 0 });
    const stop = store.watchThread('c1');
    await store.loadThread('c1');
    const messages = store.getThreadState('c1').messages;
    expect(messages.map((m) => m.id)).to.deep.equal(['m0', 'm1']);
    expect(messages[1].status).to.equal('read');
    expect(messages[1].clientRef).to.equal('ref-9');
    stop();
  });

  it('sorts the list by activity, newest first, ties by id', async () => {
    const seeds: MemorySeed[] = [
      { conversation: conversation('b', 5), messages: [] },
      { conversation: conversation('a', 5), messages: [] },
      { conversation: conversation('c', 9), messages: [] },
      { conversation: conversation('d', 1), messages: [] },
    ];
    const adapter = new MemoryAdapter({ seed: seeds });
    store = new InboxStore(adapter, { pollInterval: 0 });
    await store.loadList();
    expect(store.getListState().conversations.map((c) => c.id)).to.deep.equal(['c', 'a', 'b', 'd']);
    store.ingest({ type: 'conversation', conversation: { ...conversation('d', 20) } });
    expect(store.getListState().conversations.map((c) => c.id)).to.deep.equal(['d', 'c', 'a', 'b']);
  });

  it('orders the list by time, not by how the time is written', async () => {
    const at = (iso: string, id: string): MemorySeed => ({
      conversation: { ...conversation(id, 0), lastActivityAt: iso },
      messages: [],
    });
    const adapter = new MemoryAdapter({
      seed: [at('2024-05-01T10:00:00.000Z', 'x'), at('2024-05-01T11:00:00.000Z', 'y')],
    });
    store = new InboxStore(adapter, { pollInterval: 0 });
    await store.loadList();
    const ids = () => store!.getListState().conversations.map((c) => c.id);
    expect(ids()).to.deep.equal(['y', 'x']);
    // 11:30 at +02:00 is 09:30Z: now older than x, though its text still sorts after x's
    store.ingest({
      type: 'conversation',
      conversation: { ...conversation('y', 0), lastActivityAt: '2024-05-01T11:30:00+02:00' },
    });
    expect(ids()).to.deep.equal(['x', 'y']);
    // 12:30 at +02:00 is 10:30Z: the newest again
    store.ingest({
      type: 'conversation',
      conversation: { ...conversation('y', 0), lastActivityAt: '2024-05-01T12:30:00+02:00' },
    });
    expect(ids()).to.deep.equal(['y', 'x']);
  });
});
