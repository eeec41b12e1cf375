import { expect } from '@open-wc/testing';
import {
  conversationPatch,
  mapAgent,
  mapConversation,
  mapMessage,
  mapMessages,
  parseError,
  readListBody,
  readMessagesBody,
  wireStatus,
} from '../../src/adapters/superwaba/mappers.js';
import { decodeBefore, decodePage } from '../../src/adapters/superwaba/superwaba-adapter.js';
import type { Agent } from '../../src/data/models.js';

// Recorded from docs.superwaba.com/api/conversations and /api/messages
const LIST_ITEM = {
  id: 'conv_a1b2c3d4-5678-90ab-cdef-1234567890ab',
  contactId: 'contact_f1e2d3c4-5678-90ab-cdef-abcdefabcdef',
  contact: {
    id: 'contact_f1e2d3c4-5678-90ab-cdef-abcdefabcdef',
    name: 'Ahmed Hassan',
    phone: '+971501234567',
    avatar: null,
  },
  status: 'open',
  assigneeId: 'user_12345678-abcd-efgh-ijkl-mnopqrstuvwx',
  channel: 'whatsapp',
  lastMessage: { text: 'When will my order arrive?', timestamp: '2026-05-16T14:22:00.000Z', direction: 'inbound' },
  unreadCount: 2,
  aiHandling: false,
  createdAt: '2026-05-15T09:00:00.000Z',
  updatedAt: '2026-05-16T14:22:00.000Z',
};

const AI_ITEM = {
  id: 'conv_b2c3d4e5-6789-01ab-cdef-2345678901ab',
  contactId: 'contact_e2d3c4b5',
  contact: {
    id: 'contact_e2d3c4b5',
    name: 'Sarah Johnson',
    phone: '+14155557890',
    avatar: 'https://cdn.example.com/avatars/sarah.jpg',
  },
  status: 'ai_handling',
  assigneeId: null,
  channel: 'whatsapp',
  lastMessage: { text: 'Thanks for the information!', timestamp: '2026-05-16T13:45:00.000Z', direction: 'outbound' },
  unreadCount: 0,
  aiHandling: true,
  createdAt: '2026-05-16T13:30:00.000Z',
  updatedAt: '2026-05-16T13:50:00.000Z',
};

const DETAIL = {
  ...LIST_ITEM,
  contact: { ...LIST_ITEM.contact, email: 'ahmed@example.com', labels: ['vip', 'returning'] },
  assignee: { id: 'user_12345678-abcd-efgh-ijkl-mnopqrstuvwx', name: 'Support Agent', email: 'agent@yourcompany.com' },
  metadata: { source: 'organic', firstMessageAt: '2026-05-15T09:00:00.000Z' },
};

describe('superwaba mappers', () => {
  it('maps a list item: status, contact, assignee by id, unread, last message and window', () => {
    const now = Date.parse('2026-05-16T15:00:00.000Z');
    const c = mapConversation(LIST_ITEM, { now })!;
    expect(c).to.include({
      id: LIST_ITEM.id,
      dialect: 'superwaba',
      status: 'open',
      rawStatus: 'open',
      handledBy: 'human',
    });
    expect(c.contact).to.include({
      id: LIST_ITEM.contactId,
      displayName: 'Ahmed Hassan',
      phone: '+971501234567',
      avatarUrl: null,
    });
    expect(c.assignee).to.deep.equal({ id: LIST_ITEM.assigneeId, displayName: LIST_ITEM.assigneeId });
    expect(c.unreadCount).to.equal(2);
    expect(c.lastMessage).to.deep.equal({
      text: 'When will my order arrive?',
      direction: 'inbound',
      createdAt: '2026-05-16T14:22:00.000Z',
      kind: 'text',
    });
    expect(c.lastActivityAt).to.equal('2026-05-16T14:22:00.000Z');
    expect(c.lastInboundAt).to.equal('2026-05-16T14:22:00.000Z');
    expect(c.window).to.deep.equal({ source: 'predicted', expiresAt: '2026-05-17T14:22:00.000Z', isOpen: true });
    expect(c.createdAt).to.equal('2026-05-15T09:00:00.000Z');
    expect(c.channel.kind).to.equal('whatsapp');
    expect(c.raw).to.equal(LIST_ITEM);
  });

  it('maps ai_handling to bot, null assignee to null, and keeps the avatar URL', () => {
    const c = mapConversation(AI_ITEM)!;
    expect(c.status).to.equal('bot');
    expect(c.rawStatus).to.equal('ai_handling');
    expect(c.handledBy).to.equal('ai');
    expect(c.assignee).to.equal(null);
    expect(c.contact.avatarUrl).to.equal('https://cdn.example.com/avatars/sarah.jpg');
    expect(c.lastInboundAt).to.equal(undefined);
    expect(c.window).to.equal(undefined);
  });

  it('names an assignee from the known agents', () => {
    const agents = new Map<string, Agent>([[LIST_ITEM.assigneeId, { id: LIST_ITEM.assigneeId, displayName: 'Grace' }]]);
    expect(mapConversation(LIST_ITEM, { agents })!.assignee).to.deep.equal({
      id: LIST_ITEM.assigneeId,
      displayName: 'Grace',
    });
  });

  it('maps the detail: assignee object, email, labels', () => {
    const c = mapConversation(DETAIL)!;
    expect(c.assignee).to.include({
      id: DETAIL.assignee.id,
      displayName: 'Support Agent',
      email: 'agent@yourcompany.com',
    });
    expect(c.contact.email).to.equal('ahmed@example.com');
    expect(c.contact.labels).to.deep.equal(['vip', 'returning']);
  });

  it('maps escalated, closed and unknown statuses; falls back to updatedAt for activity', () => {
    expect(mapConversation({ id: 'a', status: 'escalated' })!.status).to.equal('escalated');
    expect(mapConversation({ id: 'a', status: 'closed' })!.status).to.equal('closed');
    const odd = mapConversation({ id: 'a', status: 'snoozed', updatedAt: '2026-01-01T00:00:00Z' })!;
    expect(odd.status).to.equal('unknown');
    expect(odd.rawStatus).to.equal('snoozed');
    expect(odd.lastActivityAt).to.equal('2026-01-01T00:00:00.000Z');
    expect(mapConversation({ status: 'open' })).to.equal(undefined);
  });

  it('maps model statuses onto the wire filter', () => {
    expect(wireStatus('bot')).to.equal('ai_handling');
    expect(wireStatus('open')).to.equal('open');
    expect(wireStatus('escalated')).to.equal('escalated');
    expect(wireStatus('pending')).to.equal(undefined);
  });

  it('reads the close and assign answers as patches with only what they say', () => {
    const closed = conversationPatch({
      id: 'x',
      status: 'closed',
      closedAt: '2026-05-16T15:00:00.000Z',
      closedBy: 'u',
    });
    expect(closed).to.deep.equal({ status: 'closed', rawStatus: 'closed', closedAt: '2026-05-16T15:00:00.000Z' });
    const assigned = conversationPatch({
      id: 'x',
      assigneeId: 'u1',
      assignee: { id: 'u1', name: 'Support Agent', email: 'a@b.c' },
      status: 'open',
      updatedAt: '2026-05-16T15:05:00.000Z',
    });
    expect(assigned.assignee).to.include({ id: 'u1', displayName: 'Support Agent' });
    expect(assigned).to.not.have.property('contact');
    expect(assigned).to.not.have.property('lastActivityAt');
  });

  it('maps agents from objects or bare ids', () => {
    expect(mapAgent({ id: 'u', name: 'N', email: 'e@x.y' })).to.include({ id: 'u', displayName: 'N', email: 'e@x.y' });
    expect(mapAgent('u2')).to.deep.equal({ id: 'u2', displayName: 'u2' });
    expect(mapAgent(null)).to.equal(undefined);
  });

  const base = { conversationId: 'c', status: 'read', timestamp: '2026-05-16T14:00:00.000Z' };

  it('maps message content by type', () => {
    const textMsg = mapMessage({
      id: '1',
      waMessageId: 'wamid.1',
      direction: 'inbound',
      type: 'text',
      content: { text: 'hi' },
      senderId: 'contact_1',
      ...base,
    })!;
    expect(textMsg).to.include({
      kind: 'text',
      text: 'hi',
      externalId: 'wamid.1',
      senderId: 'contact_1',
      status: 'read',
    });
    const image = mapMessage({
      id: '2',
      direction: 'inbound',
      type: 'image',
      content: { url: 'https://x.test/a.jpg', mimeType: 'image/jpeg', caption: 'look' },
      ...base,
    })!;
    expect(image.kind).to.equal('image');
    expect(image.media).to.deep.equal({ url: 'https://x.test/a.jpg', mimeType: 'image/jpeg', caption: 'look' });
    const doc = mapMessage({
      id: '3',
      direction: 'outbound',
      type: 'document',
      content: { url: 'https://x.test/a.pdf', mimeType: 'application/pdf', filename: 'a.pdf' },
      senderId: null,
      ...base,
    })!;
    expect(doc.media).to.deep.equal({ url: 'https://x.test/a.pdf', mimeType: 'application/pdf', filename: 'a.pdf' });
    expect(doc.senderId).to.equal(null);
    const audio = mapMessage({
      id: '4',
      direction: 'inbound',
      type: 'audio',
      content: { url: 'https://x.test/a.ogg', mimeType: 'audio/ogg' },
      ...base,
    })!;
    expect(audio.media).to.deep.equal({ url: 'https://x.test/a.ogg', mimeType: 'audio/ogg' });
    const video = mapMessage({
      id: '5',
      direction: 'inbound',
      type: 'video',
      content: { url: 'https://x.test/a.mp4', mimeType: 'video/mp4', caption: 'v' },
      ...base,
    })!;
    expect(video.kind).to.equal('video');
    expect(video.media?.caption).to.equal('v');
    const loc = mapMessage({
      id: '6',
      direction: 'inbound',
      type: 'location',
      content: { latitude: 25.2, longitude: '55.3', name: 'Dubai Mall', address: 'Downtown' },
      ...base,
    })!;
    expect(loc.location).to.deep.equal({ latitude: 25.2, longitude: 55.3, name: 'Dubai Mall', address: 'Downtown' });
    const odd = mapMessage({
      id: '7',
      direction: 'inbound',
      type: 'reaction',
      content: { emoji: '👍' },
      status: 'weird',
      timestamp: base.timestamp,
    })!;
    expect(odd.kind).to.equal('unknown');
    expect(odd.rawType).to.equal('reaction');
    expect(odd.status).to.equal('unknown');
    expect(odd.rawStatus).to.equal('weird');
    const unsafe = mapMessage({
      id: '8',
      direction: 'inbound',
      type: 'image',
      content: { url: 'javascript:alert(1)' },
      ...base,
    })!;
    expect(unsafe.media).to.equal(undefined);
  });

  it('maps delivery statuses and inbound without status', () => {
    for (const [raw, model] of [
      ['sent', 'sent'],
      ['delivered', 'delivered'],
      ['read', 'read'],
      ['failed', 'failed'],
    ]) {
      expect(
        mapMessage({
          id: 'x',
          direction: 'outbound',
          type: 'text',
          content: { text: '' },
          status: raw,
          timestamp: base.timestamp,
        })!.status,
      ).to.equal(model);
    }
    expect(
      mapMessage({ id: 'x', direction: 'inbound', type: 'text', content: { text: 'a' }, timestamp: base.timestamp })!
        .status,
    ).to.equal('received');
  });

  it('sorts messages oldest first and drops malformed records', () => {
    const warn = console.warn;
    let warned = 0;
    console.warn = () => warned++;
    try {
      const list = mapMessages([
        { id: 'b', direction: 'inbound', type: 'text', content: { text: '2' }, timestamp: '2026-05-16T14:01:00Z' },
        { id: 'a', direction: 'inbound', type: 'text', content: { text: '1' }, timestamp: '2026-05-16T14:00:00Z' },
        { id: 'broken', type: 'text' },
      ]);
      expect(list.map((m) => m.id)).to.deep.equal(['a', 'b']);
      expect(warned).to.equal(1);
    } finally {
      console.warn = warn;
    }
  });

  it('reads the messages body with and without the success/data nesting', () => {
    const docs = readMessagesBody({ data: [{ id: '1' }], total: 48, page: 1, hasNext: false })!;
    expect(docs).to.deep.equal({ items: [{ id: '1' }], hasNext: false, total: 48 });
    const wrapped = readMessagesBody({ success: true, data: { data: [{ id: '2' }], total: 3, hasNext: true } })!;
    expect(wrapped).to.deep.equal({ items: [{ id: '2' }], hasNext: true, total: 3 });
    const wrappedMessages = readMessagesBody({ success: true, data: { messages: [{ id: '3' }], hasNext: false } })!;
    expect(wrappedMessages.items).to.deep.equal([{ id: '3' }]);
    expect(readMessagesBody([{ id: '4' }])!.items).to.deep.equal([{ id: '4' }]);
    expect(readMessagesBody({ success: true })).to.equal(undefined);
  });

  it('reads the list body', () => {
    const body = readListBody({
      success: true,
      data: { conversations: [LIST_ITEM], total: 156, page: 1, limit: 20, hasNext: true },
    })!;
    expect(body).to.deep.equal({ items: [LIST_ITEM], total: 156, page: 1, hasNext: true });
    expect(readListBody({ success: true, data: {} })).to.equal(undefined);
  });

  it('reads error bodies: error or message, code, fix; window and rate-limit kinds', () => {
    expect(parseError(404, { success: false, error: 'Conversation not found' })).to.deep.equal({
      message: 'Conversation not found',
    });
    expect(parseError(400, { success: false, message: 'Invalid conversation ID' })).to.deep.equal({
      message: 'Invalid conversation ID',
    });
    expect(
      parseError(429, { success: false, message: 'Monthly cap', code: 'API_LIMIT_REACHED', fix: 'Upgrade' }),
    ).to.deep.equal({
      code: 'API_LIMIT_REACHED',
      message: 'Monthly cap (Upgrade)',
      kind: 'rate_limited',
    });
    expect(parseError(400, { success: false, error: 'Outside the 24-hour customer service window' }).kind).to.equal(
      'outside_window',
    );
    expect(parseError(403, { success: false, error: 'User is not a member of this organization' }).kind).to.equal(
      undefined,
    );
    expect(parseError(500, 'Internal server error').message).to.equal('Internal server error');
  });

  it('decodes cursors', () => {
    expect(decodePage(undefined)).to.equal(1);
    expect(decodePage('page:3')).to.equal(3);
    expect(() => decodePage('page:0')).to.throw();
    expect(decodeBefore('before:msg_1')).to.equal('msg_1');
    expect(decodeBefore(undefined)).to.equal(undefined);
    expect(() => decodeBefore('offset:1')).to.throw();
  });
});
