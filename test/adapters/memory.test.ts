import { expect } from '@open-wc/testing';
import { AGENTS, TEMPLATES, fillTemplate, seedConversations } from '../../src/adapters/memory/fixtures.js';
import { MemoryAdapter, createAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { createDataSource } from '../../src/adapters/create-data-source.js';
import { InboxError, isInboxError } from '../../src/data/errors.js';
import { CONVERSATION_STATUSES, DAY_MS, DELIVERY_STATUSES } from '../../src/data/models.js';
import type { Conversation, Message, MessageKind } from '../../src/data/models.js';
import { serviceWindow } from '../../src/data/service-window.js';
import { runDataSourceSuite } from './contract.suite.js';
import { installFakeTimers } from '../support/fake-timers.js';
import { anyRejection } from './support/assertions.js';

runDataSourceSuite('MemoryAdapter', async () => ({ source: new MemoryAdapter() }));
runDataSourceSuite('MemoryAdapter (small pages, reduced capabilities)', async () => ({
  source: new MemoryAdapter({
    pageSize: 3,
    messagePageSize: 7,
    capabilities: { getConversation: false, summary: false, markUnread: false, send: { template: 'none' } },
  }),
}));

async function allConversations(adapter: MemoryAdapter, query = {}): Promise<Conversation[]> {
  const out: Conversation[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await adapter.listConversations({ ...query, cursor });
    out.push(...page.items);
    if (!page.hasMore || !page.next) break;
    cursor = page.next;
  }
  return out;
}

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

describe('seedConversations', () => {
  const seeds = seedConversations({ now: NOW });
  const conversations = seeds.map((s) => s.conversation);
  const messages = seeds.flatMap((s) => s.messages);

  it('is deterministic for a seed and differs between seeds', () => {
    const json = (x: unknown) => JSON.stringify(x);
    expect(json(seedConversations({ now: NOW }))).to.equal(json(seeds));
    expect(json(seedConversations({ now: NOW, seed: 2 }))).to.not.equal(json(seeds));
    expect(seedConversations({ now: NOW, count: 5 })).to.have.length(5);
    expect(seeds).to.have.length(40);
  });

  it('has names in several scripts, one phone-only contact and one very long name', () => {
    const names = conversations.map((c) => c.contact.displayName ?? '');
    expect(
      names.some((n) => /\p{Script=Arabic}/u.test(n)),
      'Arabic',
    ).to.equal(true);
    expect(
      names.some((n) => /\p{Script=Devanagari}/u.test(n)),
      'Devanagari',
    ).to.equal(true);
    expect(
      names.some((n) => /\p{Script=Han}/u.test(n)),
      'CJK',
    ).to.equal(true);
    expect(
      names.some((n) => /^[\p{Script=Latin}\s.'-]+$/u.test(n) && n.length > 0),
      'Latin',
    ).to.equal(true);
    const phoneOnly = conversations.filter((c) => !c.contact.displayName);
    expect(phoneOnly).to.have.length.at.least(1);
    expect(phoneOnly[0].contact.phone).to.match(/^\+\d{8,15}$/);
    expect(Math.max(...names.map((n) => n.length))).to.be.above(60);
  });

  it('covers every conversation status, assigned and unassigned, unread and read', () => {
    for (const status of CONVERSATION_STATUSES) {
      expect(
        conversations.some((c) => c.status === status),
        status,
      ).to.equal(true);
    }
    expect(conversations.some((c) => c.assignee === null)).to.equal(true);
    expect(conversations.some((c) => c.assignee?.id === AGENTS[0].id)).to.equal(true);
    expect(conversations.some((c) => (c.unreadCount ?? 0) > 1)).to.equal(true);
    expect(conversations.some((c) => c.unreadCount === 0)).to.equal(true);
    expect(conversations.some((c) => c.handledBy === 'ai')).to.equal(true);
  });

  it('has closed, open and about-to-close service windows', () => {
    const windows = seeds.map((s) => serviceWindow(s.conversation, s.messages, NOW));
    expect(windows.some((w) => w.isOpen === false)).to.equal(true);
    expect(windows.some((w) => w.isOpen === true)).to.equal(true);
    const closing = windows.filter((w) => w.isOpen && Date.parse(w.expiresAt!) - NOW < 60 * 60 * 1000);
    expect(closing).to.have.length.at.least(1);
    for (const s of seeds) {
      const lastInbound = [...s.messages].reverse().find((m) => m.direction === 'inbound');
      expect(s.conversation.lastInboundAt).to.equal(lastInbound?.createdAt);
      expect(s.conversation.lastActivityAt).to.equal(s.messages[s.messages.length - 1].createdAt);
    }
    expect(seeds.some((s) => NOW - Date.parse(s.conversation.lastInboundAt!) > DAY_MS)).to.equal(true);
  });

  it('has messages of every kind and delivery status, oldest first', () => {
    const kinds: MessageKind[] = ['text', 'template', 'image', 'video', 'audio', 'document', 'location', 'unknown'];
    for (const kind of kinds)
      expect(
        messages.some((m) => m.kind === kind),
        kind,
      ).to.equal(true);
    for (const status of DELIVERY_STATUSES)
      expect(
        messages.some((m) => m.status === status),
        status,
      ).to.equal(true);
    const failed = messages.find((m) => m.status === 'failed')!;
    expect(isInboxError(failed.error)).to.equal(true);
    expect(failed.error!.message).to.not.equal('');
    const formatted = messages.find(
      (m) => m.kind === 'text' && /\*\w+\*/.test(m.text ?? '') && /_[^_]+_/.test(m.text ?? ''),
    );
    expect(formatted?.text).to.match(/https?:\/\//);
    expect(messages.find((m) => m.kind === 'template')!.template!.name).to.equal('order_update');
    for (const s of seeds) {
      const times = s.messages.map((m) => Date.parse(m.createdAt));
      expect([...times].sort((a, b) => a - b)).to.deep.equal(times);
      expect(Math.max(...times)).to.be.at.most(NOW);
    }
    expect(Math.max(...seeds.map((s) => s.messages.length))).to.be.above(100);
    expect(new Set(messages.map((m) => m.id)).size).to.equal(messages.length);
  });

  it('exports agents and templates, incl. a named-variable template', () => {
    expect(AGENTS.length).to.be.at.least(6);
    expect(new Set(AGENTS.map((a) => a.id)).size).to.equal(AGENTS.length);
    expect(TEMPLATES.length).to.be.at.least(3);
    expect(TEMPLATES.some((t) => /\{\{1\}\}/.test(t.body ?? ''))).to.equal(true);
    expect(TEMPLATES.some((t) => t.variables?.some((v) => !/^\d+$/.test(v.key)))).to.equal(true);
    expect(fillTemplate('Hi {{1}} / {{2}}', ['A', 'B'])).to.equal('Hi A / B');
    expect(fillTemplate('Hi {{name}} {{x}}', { name: 'Z' })).to.equal('Hi Z {{x}}');
  });
});

describe('MemoryAdapter', () => {
  let adapter: MemoryAdapter;
  beforeEach(() => {
    adapter = new MemoryAdapter();
  });

  describe('listConversations', () => {
    it('pages newest first with offset cursors, total and hasMore', async () => {
      const first = await adapter.listConversations();
      expect(first.items).to.have.length(25);
      expect(first.hasMore).to.equal(true);
      expect(first.next).to.equal('offset:25');
      expect(first.order).to.equal('newest-first');
      const all = await allConversations(adapter);
      expect(all.length).to.equal(first.total);
      const times = all.map((c) => Date.parse(c.lastActivityAt!));
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
      expect(all.some((c) => c.status === 'archived')).to.equal(false);
      const last = await adapter.listConversations({ cursor: first.next! });
      expect(last.hasMore).to.equal(false);
      expect(last.next).to.equal(null);
    });

    it('honours limit and rejects a malformed cursor', async () => {
      expect((await adapter.listConversations({ limit: 3 })).items).to.have.length(3);
      const error = await anyRejection(adapter.listConversations({ cursor: 'page:2' }));
      expect((error as InboxError).kind).to.equal('validation');
    });

    it('filters by status, handledBy, unreadOnly and channel', async () => {
      const open = await allConversations(adapter, { status: ['open'] });
      expect(open).to.not.be.empty;
      expect(open.every((c) => c.status === 'open')).to.equal(true);
      const ai = await allConversations(adapter, { handledBy: 'ai' });
      expect(ai).to.not.be.empty;
      expect(ai.every((c) => c.handledBy === 'ai')).to.equal(true);
      const unread = await allConversations(adapter, { unreadOnly: true });
      expect(unread).to.not.be.empty;
      expect(unread.every((c) => (c.unreadCount ?? 0) > 0)).to.equal(true);
      const sales = await allConversations(adapter, { channelIds: ['wa-sales'] });
      expect(sales).to.not.be.empty;
      expect(sales.every((c) => c.channel.id === 'wa-sales')).to.equal(true);
    });

    it('filters by assignee: me, unassigned, by id', async () => {
      const mine = await allConversations(adapter, { assignee: 'me' });
      expect(mine).to.not.be.empty;
      expect(mine.every((c) => c.assignee?.id === adapter.currentUserId)).to.equal(true);
      const other = new MemoryAdapter({ currentUserId: 'agent-3' });
      const theirs = await allConversations(other, { assignee: 'me' });
      expect(theirs.every((c) => c.assignee?.id === 'agent-3')).to.equal(true);
      expect(theirs.map((c) => c.id)).to.not.deep.equal(mine.map((c) => c.id));
      const none = await allConversations(adapter, { assignee: 'unassigned' });
      expect(none).to.not.be.empty;
      expect(none.every((c) => c.assignee === null)).to.equal(true);
      const byId = await allConversations(adapter, { assignee: { id: 'agent-3' } });
      expect(byId.map((c) => c.id)).to.deep.equal(theirs.map((c) => c.id));
    });

    it('searches names, phones and the last message text', async () => {
      const byName = await allConversations(adapter, { search: 'amelia' });
      expect(byName.map((c) => c.contact.displayName)).to.deep.equal(['Amelia Watson']);
      expect((await allConversations(adapter, { search: 'أحمد' })).map((c) => c.id)).to.have.length(1);
      const byPhone = await allConversations(adapter, { search: '+49 151 2345' });
      expect(byPhone).to.have.length(1);
      expect(byPhone[0].contact.displayName).to.equal(undefined);
      const byText = await allConversations(adapter, { search: 'THANK YOU' });
      expect(byText.some((c) => c.id === 'conv-001')).to.equal(true);
      expect(await allConversations(adapter, { search: 'zzz-no-such-thing' })).to.deep.equal([]);
    });

    it('lists archived conversations only when asked', async () => {
      const archived = await allConversations(adapter, { archived: true });
      expect(archived).to.not.be.empty;
      expect(archived.every((c) => c.status === 'archived')).to.equal(true);
    });
  });

  describe('listMessages', () => {
    it('pages 50 at a time, newest page first, each oldest first', async () => {
      const id = 'conv-011';
      const all = adapter.serverMessages(id);
      expect(all).to.have.length(120);
      const p1 = await adapter.listMessages(id);
      expect(p1.items.map((m) => m.id)).to.deep.equal(all.slice(70).map((m) => m.id));
      expect(p1.hasMore).to.equal(true);
      expect(p1.order).to.equal('oldest-first');
      const p2 = await adapter.listMessages(id, { cursor: p1.next! });
      expect(p2.items.map((m) => m.id)).to.deep.equal(all.slice(20, 70).map((m) => m.id));
      const p3 = await adapter.listMessages(id, { cursor: p2.next! });
      expect(p3.items.map((m) => m.id)).to.deep.equal(all.slice(0, 20).map((m) => m.id));
      expect(p3.hasMore).to.equal(false);
      expect(p3.next).to.equal(null);
    });

    it('keeps older cursors stable when new messages arrive', async () => {
      const p1 = await adapter.listMessages('conv-011');
      adapter.receive('conv-011', 'new one');
      const p2 = await adapter.listMessages('conv-011', { cursor: p1.next! });
      expect(p2.items[p2.items.length - 1].id).to.not.equal(p1.items[0].id);
      expect(Date.parse(p2.items[p2.items.length - 1].createdAt)).to.be.below(Date.parse(p1.items[0].createdAt));
    });

    it('rejects unknown conversations with not_found', async () => {
      const error = await anyRejection(adapter.listMessages('nope'));
      expect(error).to.be.instanceOf(InboxError);
      expect((error as InboxError).kind).to.equal('not_found');
      expect((error as InboxError).httpStatus).to.equal(404);
    });
  });

  describe('send', () => {
    it('returns a new server message with the clientRef echoed, status sent', async () => {
      const before = adapter.serverMessages('conv-001').length;
      const { message, accepted } = await adapter.send({
        kind: 'text',
        conversationId: 'conv-001',
        clientRef: 'r1',
        text: 'Hello',
      });
      expect(accepted).to.equal('created');
      expect(message).to.include({
        direction: 'outbound',
        status: 'sent',
        clientRef: 'r1',
        text: 'Hello',
        conversationId: 'conv-001',
      });
      expect(message.id).to.not.match(/^local:/);
      expect(adapter.serverMessages('conv-001')).to.have.length(before + 1);
      const c = adapter.serverConversation('conv-001')!;
      expect(c.lastMessage).to.include({ text: 'Hello', direction: 'outbound' });
      expect(c.lastActivityAt).to.equal(message.createdAt);
    });

    it('is idempotent by clientRef', async () => {
      const a = await adapter.send({ kind: 'text', conversationId: 'conv-001', clientRef: 'same', text: 'Once' });
      const b = await adapter.send({ kind: 'text', conversationId: 'conv-001', clientRef: 'same', text: 'Once' });
      expect(b.message.id).to.equal(a.message.id);
      expect(b.replayed).to.equal(true);
      expect(adapter.serverMessages('conv-001').filter((m) => m.clientRef === 'same')).to.have.length(1);
    });

    it('rejects free-form messages outside the service window, but sends templates', async () => {
      const closed = adapter.serverConversation('conv-002')!; // last inbound 30 h ago
      expect(serviceWindow(closed, adapter.serverMessages('conv-002')).isOpen).to.equal(false);
      const error = await anyRejection(
        adapter.send({ kind: 'text', conversationId: 'conv-002', clientRef: 'w1', text: 'Hi' }),
      );
      expect((error as InboxError).kind).to.equal('outside_window');
      const media = await anyRejection(
        adapter.send({
          kind: 'image',
          conversationId: 'conv-002',
          clientRef: 'w2',
          media: { url: 'https://x.example/a.png' },
        }),
      );
      expect((media as InboxError).kind).to.equal('outside_window');
      const { message } = await adapter.send({
        kind: 'template',
        conversationId: 'conv-002',
        clientRef: 'w3',
        templateName: 'order_update',
        variables: ['Ahmed', '77'],
      });
      expect(message.kind).to.equal('template');
      expect(message.text).to.equal(
        'Hi Ahmed, your order 77 is on its way. Reply to this message if you have any questions.',
      );
      expect(message.template).to.deep.equal({ name: 'order_update', language: 'en', variables: ['Ahmed', '77'] });
    });

    it('sends media and named-variable templates, and validates', async () => {
      const { message } = await adapter.send({
        kind: 'document',
        conversationId: 'conv-001',
        clientRef: 'd1',
        media: { url: 'https://x.example/a.pdf', filename: 'a.pdf', caption: 'Invoice' },
      });
      expect(message).to.include({ kind: 'document', text: 'Invoice' });
      expect(message.media).to.include({ filename: 'a.pdf' });
      const named = await adapter.send({
        kind: 'template',
        conversationId: 'conv-001',
        clientRef: 't2',
        templateName: 'delivery_window',
        variables: { customer_name: 'Amelia', start_time: '09:00', end_time: '12:00' },
      });
      expect(named.message.text).to.equal('Hi Amelia, your delivery is scheduled between 09:00 and 12:00.');
      const unknown = await anyRejection(
        adapter.send({ kind: 'template', conversationId: 'conv-001', clientRef: 't3', templateName: 'nope' }),
      );
      expect((unknown as InboxError).kind).to.equal('validation');
      const empty = await anyRejection(
        adapter.send({ kind: 'text', conversationId: 'conv-001', clientRef: 'e', text: '  ' }),
      );
      expect((empty as InboxError).kind).to.equal('validation');
      const tooLong = await anyRejection(
        adapter.send({ kind: 'text', conversationId: 'conv-001', clientRef: 'l', text: 'x'.repeat(4097) }),
      );
      expect((tooLong as InboxError).kind).to.equal('validation');
    });
  });

  describe('actions', () => {
    it('mark read / unread, archive / unarchive, close, assign / unassign change server state', async () => {
      const id = 'conv-001';
      await adapter.markRead(id);
      expect(adapter.serverConversation(id)!.unreadCount).to.equal(0);
      await adapter.markUnread(id);
      expect(adapter.serverConversation(id)!.unreadCount).to.equal(1);
      await adapter.archive(id);
      expect(adapter.serverConversation(id)!.status).to.equal('archived');
      expect((await allConversations(adapter)).some((c) => c.id === id)).to.equal(false);
      expect((await allConversations(adapter, { archived: true })).some((c) => c.id === id)).to.equal(true);
      await adapter.unarchive(id);
      expect(adapter.serverConversation(id)!.status).to.equal('open');
      const closed = await adapter.close(id, { resolution: 'solved' });
      expect(closed.status).to.equal('closed');
      expect(closed.closedAt).to.be.a('string');
      const assigned = await adapter.assign(id, 'agent-4');
      expect(assigned.assignee).to.deep.include({ id: 'agent-4', displayName: 'Lucía Gómez' });
      expect((await allConversations(adapter, { assignee: { id: 'agent-4' } })).some((c) => c.id === id)).to.equal(
        true,
      );
      await adapter.unassign(id);
      expect(adapter.serverConversation(id)!.assignee).to.equal(null);
      expect(((await anyRejection(adapter.assign(id, 'ghost'))) as InboxError).kind).to.equal('validation');
      expect(((await anyRejection(adapter.markRead('ghost'))) as InboxError).kind).to.equal('not_found');
    });

    it('summarises the inbox and lists agents and templates', async () => {
      const summary = await adapter.getSummary();
      const active = (await allConversations(adapter)).length;
      expect(summary).to.include({ total: active, source: 'backend' });
      expect(summary.unread).to.be.above(0);
      expect(await adapter.listAssignees()).to.deep.equal(AGENTS);
      expect((await adapter.listTemplates()).map((t) => t.name)).to.deep.equal(TEMPLATES.map((t) => t.name));
    });

    it('returns copies, never its own objects', async () => {
      const c = await adapter.getConversation('conv-001');
      c.contact.displayName = 'Mallory';
      c.status = 'closed';
      const [m] = (await adapter.listMessages('conv-001')).items;
      m.text = 'changed';
      (await adapter.listAssignees())[0].displayName = 'Eve';
      expect(adapter.serverConversation('conv-001')!.contact.displayName).to.equal('Amelia Watson');
      expect(adapter.serverConversation('conv-001')!.status).to.equal('open');
      expect(adapter.serverMessages('conv-001')[0].text).to.not.equal('changed');
      expect((await adapter.listAssignees())[0].displayName).to.equal(AGENTS[0].displayName);
    });
  });

  describe('capabilities', () => {
    it('are all on by default', () => {
      const caps = adapter.capabilities;
      expect(caps.getConversation && caps.markRead && caps.markUnread && caps.archive && caps.close).to.equal(true);
      expect(caps.assign && caps.unassign && caps.listAssignees && caps.listTemplates && caps.summary).to.equal(true);
      expect(caps.send.template).to.not.equal('none');
      expect(caps.filters.assignee).to.equal('by-id');
    });

    it('deep-merges overrides, and a switched-off capability rejects with unsupported', async () => {
      const limited = new MemoryAdapter({
        capabilities: {
          markRead: false,
          assign: false,
          filters: { search: false },
          send: { template: 'none', media: ['image'] },
        },
      });
      expect(limited.capabilities.filters.status).to.equal(true);
      expect(limited.capabilities.filters.search).to.equal(false);
      expect(limited.capabilities.send.text).to.equal(true);
      expect(limited.capabilities.send.media).to.deep.equal(['image']);
      const kinds = await Promise.all([
        anyRejection(limited.markRead('conv-001')),
        anyRejection(limited.assign('conv-001', 'agent-2')),
        anyRejection(
          limited.send({ kind: 'template', conversationId: 'conv-001', clientRef: 'x', templateName: 'follow_up' }),
        ),
        anyRejection(
          limited.send({
            kind: 'video',
            conversationId: 'conv-001',
            clientRef: 'y',
            media: { url: 'https://a.example/v.mp4' },
          }),
        ),
      ]);
      expect(kinds.map((e) => (e as InboxError).kind)).to.deep.equal([
        'unsupported',
        'unsupported',
        'unsupported',
        'unsupported',
      ]);
      expect(limited.serverConversation('conv-001')!.unreadCount).to.equal(2);
    });
  });

  describe('scripting', () => {
    it('records every call with its arguments', async () => {
      await adapter.listConversations({ status: ['open'] });
      await adapter.listMessages('conv-001', { cursor: undefined, limit: 5 });
      await adapter.send({ kind: 'text', conversationId: 'conv-001', clientRef: 'c1', text: 'x' });
      expect(adapter.calls.map((c) => c.op)).to.deep.equal(['listConversations', 'listMessages', 'send']);
      expect(adapter.calls[0].args[0]).to.deep.include({ status: ['open'] });
      expect(adapter.calls[1].args).to.deep.equal(['conv-001', { cursor: undefined, limit: 5 }]);
      expect((adapter.calls[2].args[0] as { clientRef: string }).clientRef).to.equal('c1');
    });

    it('fail() rejects the next calls with an InboxError of that kind, n times', async () => {
      adapter.fail('listConversations', 'server', 2);
      const e1 = await anyRejection(adapter.listConversations());
      const e2 = await anyRejection(adapter.listConversations());
      expect([(e1 as InboxError).kind, (e2 as InboxError).kind]).to.deep.equal(['server', 'server']);
      expect((e1 as InboxError).retryable).to.equal(true);
      expect((await adapter.listConversations()).items).to.not.be.empty;
      const custom = new InboxError({ kind: 'unauthorized', message: 'expired', dialect: 'memory', httpStatus: 401 });
      adapter.fail('send', custom);
      expect(
        await anyRejection(adapter.send({ kind: 'text', conversationId: 'conv-001', clientRef: 'f', text: 'x' })),
      ).to.equal(custom);
      adapter.clearFailures();
      expect(
        (await adapter.send({ kind: 'text', conversationId: 'conv-001', clientRef: 'f', text: 'x' })).message.clientRef,
      ).to.equal('f');
    });

    it('hold() keeps the next call waiting until released or failed', async () => {
      const gate = adapter.hold('listConversations');
      let settled = false;
      const call = adapter.listConversations().then((p) => {
        settled = true;
        return p;
      });
      await gate.reached;
      await Promise.resolve();
      expect(settled).to.equal(false);
      gate.release();
      expect((await call).items).to.not.be.empty;
      // only the next call was held
      expect((await adapter.listConversations()).items).to.not.be.empty;

      const failing = adapter.hold('markRead');
      const read = adapter.markRead('conv-001');
      await failing.reached;
      failing.fail('rate_limited');
      expect(((await anyRejection(read)) as InboxError).kind).to.equal('rate_limited');
      expect(adapter.serverConversation('conv-001')!.unreadCount).to.equal(2);
    });

    it('receive() adds an inbound message and updates the conversation', async () => {
      const before = adapter.serverConversation('conv-002')!;
      const m = adapter.receive('conv-002', 'Are you there?');
      expect(m).to.include({
        direction: 'inbound',
        kind: 'text',
        status: 'received',
        text: 'Are you there?',
        conversationId: 'conv-002',
      });
      const after = adapter.serverConversation('conv-002')!;
      expect(after.unreadCount).to.equal((before.unreadCount ?? 0) + 1);
      expect(after.lastInboundAt).to.equal(m.createdAt);
      expect(after.lastMessage?.text).to.equal('Are you there?');
      expect((await adapter.listConversations()).items[0].id).to.equal('conv-002');
      // the window is open again
      const sent = await adapter.send({ kind: 'text', conversationId: 'conv-002', clientRef: 'back', text: 'Yes!' });
      expect(sent.message.status).to.equal('sent');
      const img = adapter.receive('conv-001', { kind: 'image', media: { url: 'https://a.example/i.jpg' } });
      expect(img.kind).to.equal('image');
      expect(adapter.serverMessages('conv-001').at(-1)!.id).to.equal(img.id);
    });

    it('answers after its configured latency, not before (fake timers)', async () => {
      const clock = installFakeTimers();
      try {
        const slow = new MemoryAdapter({ latency: 400 });
        let page: Awaited<ReturnType<MemoryAdapter['listConversations']>> | undefined;
        void slow.listConversations().then((p) => (page = p));
        await clock.tick(399);
        expect(page, 'answered before the latency had passed').to.equal(undefined);
        await clock.tick(1);
        expect(page?.items.length).to.be.above(0);
      } finally {
        clock.restore();
      }
    });

    it('honours signals: before the call, while held and during latency', async () => {
      const pre = new AbortController();
      pre.abort();
      const e1 = await anyRejection(adapter.getConversation('conv-001', { signal: pre.signal }));
      expect(e1).to.be.instanceOf(DOMException);
      expect((e1 as DOMException).name).to.equal('AbortError');

      const held = new AbortController();
      const gate = adapter.hold('listMessages');
      const call = adapter.listMessages('conv-001', { signal: held.signal });
      await gate.reached;
      held.abort();
      const e2 = await anyRejection(call);
      expect((e2 as Error).name).to.equal('AbortError');
      expect(isInboxError(e2)).to.equal(false);

      const slow = new MemoryAdapter({ latency: 60_000 });
      const during = new AbortController();
      const p = slow.send(
        { kind: 'text', conversationId: 'conv-001', clientRef: 'late', text: 'x' },
        { signal: during.signal },
      );
      during.abort();
      expect(((await anyRejection(p)) as Error).name).to.equal('AbortError');
      expect(slow.serverMessages('conv-001').some((m) => m.clientRef === 'late')).to.equal(false);
    });
  });

  describe('createAdapter', () => {
    it('builds a seeded adapter from a DataSourceConfig, also through createDataSource', async () => {
      const a = createAdapter({ backend: 'memory', baseUrl: '', currentUserId: 'agent-2', pageSize: 4 });
      expect(a).to.be.instanceOf(MemoryAdapter);
      expect(a.currentUserId).to.equal('agent-2');
      expect((await a.listConversations()).items).to.have.length(4);
      const b = await createDataSource({ backend: 'memory', baseUrl: '' });
      expect(b.dialect).to.equal('memory');
      expect((await b.listConversations()).total).to.equal(
        seedConversations().filter((s) => s.conversation.status !== 'archived').length,
      );
    });
  });

  it('serverMessages() of an unknown conversation is empty', () => {
    const none: Message[] = adapter.serverMessages('nope');
    expect(none).to.deep.equal([]);
  });
});
