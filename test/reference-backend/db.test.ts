import { expect } from '@open-wc/testing';
import { ReferenceDb } from '../../reference-backend/db.js';
import type {
  RefConversationStatus,
  RefDeliveryStatus,
  RefMessage,
  RefMessageKind,
} from '../../reference-backend/model.js';

const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const STATUSES: RefConversationStatus[] = ['open', 'pending', 'ai_handling', 'escalated', 'closed'];
const KINDS: RefMessageKind[] = [
  'text',
  'template',
  'image',
  'video',
  'audio',
  'document',
  'location',
  'sticker',
  'interactive',
  'contacts',
];
const DELIVERY: RefDeliveryStatus[] = ['queued', 'sent', 'delivered', 'read', 'failed'];

describe('ReferenceDb', () => {
  describe('seed', () => {
    let db: ReferenceDb;
    let all: RefMessage[];

    before(() => {
      db = ReferenceDb.seeded({ now: NOW });
      all = db.listConversations().flatMap((c) => db.messages(c.id));
    });

    it('has the default shape: 160 conversations, 3 channels, 6+ agents, 4+ templates', () => {
      expect(db.now).to.equal(NOW);
      expect(db.listConversations()).to.have.length(160);
      expect(db.channels.map((c) => c.kind).sort()).to.deep.equal(['SMS', 'WHATSAPP', 'WHATSAPP']);
      expect(db.agents.length).to.be.at.least(6);
      for (const agent of db.agents) {
        expect(agent.id).to.match(UUID);
        expect(agent.email).to.match(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      }
      expect(db.templates.length).to.be.at.least(4);
      expect(db.templates.some((t) => t.body.includes('{{1}}'))).to.equal(true);
      const named = db.templates.find((t) => /\{\{[a-z_]+\}\}/.test(t.body));
      expect(named, 'a template with named placeholders').to.exist;
      for (const t of db.templates) for (const key of t.variables) expect(t.body).to.include(`{{${key}}}`);
    });

    it('links every conversation to a known contact, channel and assignee, with UUID ids', () => {
      const ids = new Set<string>();
      for (const c of db.listConversations()) {
        expect(c.id).to.match(UUID);
        ids.add(c.id);
        const contact = db.getContact(c.contactId);
        expect(contact, c.id).to.exist;
        expect(contact!.id).to.match(UUID);
        expect(contact!.phone).to.match(/^\+[1-9]\d{7,14}$/);
        expect(db.getChannel(c.channelId), c.id).to.exist;
        if (c.assigneeId !== null) expect(db.getAgent(c.assigneeId), c.id).to.exist;
        expect(c.aiHandling).to.equal(c.status === 'ai_handling');
        expect(c.closedAt !== null).to.equal(c.status === 'closed');
        expect(Date.parse(c.updatedAt)).to.be.at.most(NOW);
      }
      expect(ids.size).to.equal(160);
      expect(db.channels.filter((c) => db.listConversations().some((conv) => conv.channelId === c.id))).to.have.length(
        3,
      );
    });

    it('has contact names in several scripts, phone-only contacts and one very long name', () => {
      const names = db.listConversations().map((c) => db.getContact(c.contactId)!.name);
      const has = (re: RegExp) => names.some((n) => n !== null && re.test(n));
      expect(has(/\p{Script=Latin}/u), 'Latin').to.equal(true);
      expect(has(/\p{Script=Arabic}/u), 'Arabic').to.equal(true);
      expect(has(/\p{Script=Devanagari}/u), 'Devanagari').to.equal(true);
      expect(has(/\p{Script=Cyrillic}/u), 'Cyrillic').to.equal(true);
      expect(has(/\p{Script=Han}/u), 'CJK').to.equal(true);
      expect(names.filter((n) => n === null).length).to.be.at.least(2);
      expect(names.filter((n) => n !== null && n.length > 60)).to.have.length.at.least(1);
    });

    it('covers every status, archived ones, unread counts and assignees on about half', () => {
      const conversations = db.listConversations();
      for (const status of STATUSES)
        expect(
          conversations.some((c) => c.status === status),
          status,
        ).to.equal(true);
      expect(conversations.filter((c) => c.archived).length).to.be.within(5, 60);
      expect(conversations.filter((c) => c.unreadCount > 0).length).to.be.within(10, 100);
      const assigned = conversations.filter((c) => c.assigneeId !== null).length / conversations.length;
      expect(assigned).to.be.within(0.35, 0.65);
    });

    it('mixes the 24-hour window: about a third closed, some open, a few expiring within the hour', () => {
      const conversations = db.listConversations();
      const outside = conversations.filter((c) => !db.windowOpen(c.id, NOW));
      expect(outside.length / conversations.length).to.be.within(0.25, 0.45);
      for (const c of outside) {
        const at = db.lastInboundAt(c.id);
        if (at) expect(NOW - Date.parse(at)).to.be.at.least(DAY);
      }
      const expiring = conversations.filter((c) => {
        const at = db.lastInboundAt(c.id);
        return at !== undefined && NOW - Date.parse(at) > DAY - HOUR && NOW - Date.parse(at) < DAY;
      });
      expect(expiring.length).to.be.within(2, 10);
      expect(conversations.length - outside.length - expiring.length).to.be.above(60);
    });

    it('has mostly short threads, a few of 200–1,000 messages and one of exactly 5,000', () => {
      const lengths = db.listConversations().map((c) => db.messages(c.id).length);
      expect(lengths.filter((n) => n === 5000)).to.have.length(1);
      expect(lengths.filter((n) => n >= 200 && n <= 1000).length).to.be.within(2, 6);
      expect(lengths.filter((n) => n > 1000 && n !== 5000)).to.have.length(0);
      expect(lengths.filter((n) => n >= 3 && n <= 60).length).to.be.at.least(140);
      expect(Math.min(...lengths)).to.be.at.least(1);
    });

    it('orders each thread by seq and time, and seq is a global monotonic order', () => {
      const seqs = new Set(all.map((m) => m.seq));
      expect(seqs.size).to.equal(all.length);
      expect(Math.min(...seqs)).to.equal(1);
      expect(Math.max(...seqs)).to.equal(all.length);
      for (const c of db.listConversations()) {
        const thread = db.messages(c.id);
        for (let i = 1; i < thread.length; i++) {
          expect(thread[i].seq).to.be.above(thread[i - 1].seq);
          expect(Date.parse(thread[i].createdAt)).to.be.above(Date.parse(thread[i - 1].createdAt));
        }
        expect(Date.parse(thread[thread.length - 1].createdAt)).to.be.at.most(NOW);
      }
      const bySeq = [...all].sort((a, b) => a.seq - b.seq);
      for (let i = 1; i < bySeq.length; i++) expect(bySeq[i].createdAt >= bySeq[i - 1].createdAt).to.equal(true);
    });

    it('has messages of every kind and every delivery status', () => {
      for (const kind of KINDS)
        expect(
          all.some((m) => m.kind === kind),
          kind,
        ).to.equal(true);
      for (const status of DELIVERY)
        expect(
          all.some((m) => m.status === status),
          status,
        ).to.equal(true);
      for (const m of all) {
        expect(m.id).to.match(UUID);
        expect(m.waMessageId).to.match(/^wamid\./);
        if (m.direction === 'inbound') expect(m.status).to.equal(null);
        else expect(m.status).to.be.oneOf(DELIVERY);
        expect(m.failureReason !== null).to.equal(m.status === 'failed');
      }
      expect(new Set(all.map((m) => m.id)).size).to.equal(all.length);
      expect(
        all.filter((m) => m.kind === 'interactive' || m.kind === 'contacts').every((m) => m.direction === 'inbound'),
      ).to.equal(true);
    });

    it('has realistic message content: formatting, links, templates, media, locations', () => {
      const texts = all.filter((m) => m.kind === 'text').map((m) => m.text ?? '');
      expect(
        texts.some((t) => /\*[^*\s][^*]*\*/.test(t)),
        '*bold*',
      ).to.equal(true);
      expect(
        texts.some((t) => /_[^_\s][^_]*_/.test(t)),
        '_italic_',
      ).to.equal(true);
      expect(
        texts.some((t) => /https:\/\/\S+/.test(t)),
        'link',
      ).to.equal(true);
      const templates = all.filter((m) => m.kind === 'template');
      for (const m of templates) {
        expect(m.template, m.id).to.exist;
        expect(db.templates.map((t) => t.name)).to.include(m.template!.name);
        expect(m.text).to.be.a('string').and.not.match(/\{\{/);
      }
      expect(templates.some((m) => Array.isArray(m.template!.variables) && m.template!.variables.length > 0)).to.equal(
        true,
      );
      expect(templates.some((m) => !Array.isArray(m.template!.variables))).to.equal(true);
      for (const m of all.filter((x) => ['image', 'video', 'audio', 'document', 'sticker'].includes(x.kind))) {
        expect(m.media?.url, m.id).to.match(/^https:\/\//);
        expect(m.media?.mimeType).to.be.a('string');
      }
      expect(all.some((m) => m.media?.caption && m.text === m.media.caption)).to.equal(true);
      expect(all.filter((m) => m.kind === 'document').every((m) => m.media?.filename)).to.equal(true);
      for (const m of all.filter((x) => x.kind === 'location')) {
        expect(m.location!.latitude).to.be.within(-90, 90);
        expect(m.location!.longitude).to.be.within(-180, 180);
      }
    });

    it('is deterministic for the same seed and now, and differs for another seed', () => {
      const again = ReferenceDb.seeded({ now: NOW });
      expect(again.listConversations()).to.deep.equal(db.listConversations());
      expect(again.agents).to.deep.equal(db.agents);
      for (const c of db.listConversations().slice(0, 10)) {
        expect(again.messages(c.id)).to.deep.equal(db.messages(c.id));
        expect(again.getContact(c.contactId)).to.deep.equal(db.getContact(c.contactId));
      }
      const other = ReferenceDb.seeded({ now: NOW, seed: 7 });
      expect(other.listConversations()[0].id).not.to.equal(db.listConversations()[0].id);
    });

    it('builds the times around `now`', () => {
      const later = ReferenceDb.seeded({ now: NOW + DAY });
      const [a] = db.listConversations();
      const [b] = later.listConversations();
      expect(Date.parse(b.updatedAt) - Date.parse(a.updatedAt)).to.equal(DAY);
      expect(later.windowOpen(b.id, NOW + DAY)).to.equal(db.windowOpen(a.id, NOW));
    });

    it('honours the conversations option', () => {
      expect(ReferenceDb.seeded({ now: NOW, conversations: 12 }).listConversations()).to.have.length(12);
    });
  });

  describe('reads and writes', () => {
    let db: ReferenceDb;
    let convId: string;

    beforeEach(() => {
      db = ReferenceDb.seeded({ now: NOW, conversations: 20 });
      convId = db.listConversations().find((c) => db.messages(c.id).length < 100)!.id;
    });

    it('appendMessage assigns seq, ids, a later createdAt and queued status to outbound messages', () => {
      const before = db.messages(convId);
      const maxSeq = Math.max(...db.listConversations().flatMap((c) => db.messages(c.id).map((m) => m.seq)));
      const a = db.appendMessage(convId, { direction: 'outbound', kind: 'text', text: 'first' });
      const b = db.appendMessage(convId, { direction: 'outbound', kind: 'text', text: 'second' });
      expect(a.seq).to.equal(maxSeq + 1);
      expect(b.seq).to.equal(maxSeq + 2);
      expect(a.id).to.match(UUID);
      expect(a.id).not.to.equal(b.id);
      expect(a.waMessageId).to.match(/^wamid\./);
      expect(a.status).to.equal('queued');
      expect(a.conversationId).to.equal(convId);
      expect(Date.parse(a.createdAt)).to.be.above(Date.parse(before[before.length - 1].createdAt));
      expect(Date.parse(b.createdAt)).to.be.above(Date.parse(a.createdAt));
      const after = db.messages(convId);
      expect(after.map((m) => m.text).slice(-2)).to.deep.equal(['first', 'second']);
      expect(db.lastMessage(convId)?.id).to.equal(b.id);
      expect(db.lastOutboundAt(convId)).to.equal(b.createdAt);
      expect(db.getConversation(convId)?.updatedAt).to.equal(b.createdAt);
    });

    it('appendMessage keeps given fields', () => {
      const m = db.appendMessage(convId, {
        direction: 'outbound',
        kind: 'text',
        text: 'x',
        id: 'given-id',
        status: 'sent',
        senderId: db.agents[0].id,
      });
      expect(m.id).to.equal('given-id');
      expect(m.status).to.equal('sent');
      expect(m.senderId).to.equal(db.agents[0].id);
      expect(db.getMessage('given-id')?.text).to.equal('x');
    });

    it('an inbound message counts as unread, un-archives and opens the window', () => {
      const archived = db.listConversations().find((c) => c.archived) ?? db.getConversation(convId)!;
      db.updateConversation(archived.id, { archived: true, unreadCount: 2 });
      const m = db.appendMessage(archived.id, { direction: 'inbound', kind: 'text', text: 'hello again' });
      expect(m.status).to.equal(null);
      expect(m.senderId).to.equal(archived.contactId);
      const c = db.getConversation(archived.id)!;
      expect(c.unreadCount).to.equal(3);
      expect(c.archived).to.equal(false);
      expect(db.lastInboundAt(archived.id)).to.equal(m.createdAt);
      expect(db.windowOpen(archived.id)).to.equal(true);
      expect(db.windowOpen(archived.id, Date.parse(m.createdAt) + DAY + 1)).to.equal(false);
    });

    it('returns copies: mutating a read does not change the store', () => {
      const thread = db.messages(convId);
      thread[0].text = 'mutated';
      thread.pop();
      expect(db.messages(convId)[0].text).not.to.equal('mutated');
      expect(db.messages(convId)).to.have.length(thread.length + 1);
      const c = db.getConversation(convId)!;
      c.status = 'closed';
      expect(db.getConversation(convId)!.status).not.to.equal('closed');
    });

    it('createConversation creates the contact and findConversationByPhone compares digits only', () => {
      const channel = db.channels[1];
      const created = db.createConversation({ phone: '+44 7700 900123', channelId: channel.id, name: 'New Person' });
      expect(created.id).to.match(UUID);
      expect(created.status).to.equal('open');
      expect(db.messages(created.id)).to.deep.equal([]);
      const contact = db.getContact(created.contactId)!;
      expect(contact.phone).to.equal('+447700900123');
      expect(contact.name).to.equal('New Person');
      expect(db.findConversationByPhone('447700900123')?.id).to.equal(created.id);
      expect(db.findConversationByPhone('+44 (7700) 900-123', channel.id)?.id).to.equal(created.id);
      expect(db.findConversationByPhone('+447700900123', db.channels[0].id)).to.equal(undefined);
      const second = db.createConversation({ phone: '447700900123', channelId: db.channels[0].id });
      expect(second.contactId).to.equal(created.contactId);
      expect(db.findConversationByPhone('447700900123', db.channels[0].id)?.id).to.equal(second.id);
      expect(() => db.createConversation({ phone: '+15550000000', channelId: 'nope' })).to.throw();
    });

    it('finds seeded conversations by phone', () => {
      const c = db.listConversations()[3];
      const phone = db.getContact(c.contactId)!.phone;
      const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 6)}-${phone.slice(6)}`;
      expect(db.findConversationByPhone(spaced)?.id).to.equal(c.id);
    });

    it('updateConversation patches and throws for an unknown id', () => {
      const agent = db.agents[2];
      const updated = db.updateConversation(convId, { assigneeId: agent.id, status: 'escalated', id: 'ignored' });
      expect(updated.id).to.equal(convId);
      expect(db.getConversation(convId)).to.include({ assigneeId: agent.id, status: 'escalated' });
      expect(() => db.updateConversation('nope', { archived: true })).to.throw();
    });

    it('setMessageStatus updates a message and keeps a reason only when failed', () => {
      const m = db.appendMessage(convId, { direction: 'outbound', kind: 'text', text: 'x' });
      expect(db.setMessageStatus(m.id, 'failed', '131047: window closed')).to.include({
        status: 'failed',
        failureReason: '131047: window closed',
      });
      expect(db.messages(convId).at(-1)).to.include({ status: 'failed', failureReason: '131047: window closed' });
      expect(db.setMessageStatus(m.id, 'read')).to.include({ status: 'read', failureReason: null });
      expect(db.setMessageStatus('nope', 'read')).to.equal(undefined);
    });

    it('reset returns to the freshly seeded state', () => {
      const fresh = ReferenceDb.seeded({ now: NOW, conversations: 20 });
      db.appendMessage(convId, { direction: 'inbound', kind: 'text', text: 'x' });
      db.updateConversation(convId, { status: 'closed' });
      db.createConversation({ phone: '+15550001111', channelId: db.channels[0].id });
      db.reset();
      expect(db.listConversations()).to.deep.equal(fresh.listConversations());
      expect(db.messages(convId)).to.deep.equal(fresh.messages(convId));
      expect(db.findConversationByPhone('+15550001111')).to.equal(undefined);
      const m = db.appendMessage(convId, { direction: 'outbound', kind: 'text' });
      expect(m.id).to.equal(fresh.appendMessage(convId, { direction: 'outbound', kind: 'text' }).id);
    });

    it('unknown ids read as empty', () => {
      expect(db.messages('nope')).to.deep.equal([]);
      expect(db.lastMessage('nope')).to.equal(undefined);
      expect(db.getConversation('nope')).to.equal(undefined);
      expect(db.windowOpen('nope')).to.equal(false);
      expect(() => db.appendMessage('nope', { direction: 'inbound', kind: 'text' })).to.throw();
    });
  });
});
