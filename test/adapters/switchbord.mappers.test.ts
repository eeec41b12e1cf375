import { expect } from '@open-wc/testing';
import {
  mapConversation,
  mapMessage,
  mapMessages,
  mapSummary,
  messagesOf,
  parseError,
} from '../../src/adapters/switchbord/mappers.js';
import { decodeOffset } from '../../src/adapters/switchbord/switchbord-adapter.js';

// Recorded shapes from docs.switchbord.ai (plus the ASSUMPTION fields of backends/README.md §1)
const MESSAGES = [
  {
    id: 'msg_2',
    conversationId: 'conv_01hx',
    direction: 'outbound',
    body: 'Your order ships today',
    status: 'delivered',
    sendMode: 'freeform',
    createdAt: '2025-01-15T10:20:00.000Z',
  },
  {
    id: 'msg_1',
    conversationId: 'conv_01hx',
    direction: 'inbound',
    body: 'Where is my order?',
    createdAt: '2025-01-15T10:00:00.000Z',
  },
  {
    id: 'msg_3',
    conversationId: 'conv_01hx',
    direction: 'outbound',
    body: 'Order update',
    status: 'queued',
    sendMode: 'template',
    templateName: 'order_update',
    createdAt: '2025-01-15T10:28:00.000Z',
  },
];

const LIST_ITEM = {
  id: 'conv_01hx',
  contactId: 'ctr_01hx',
  contact: { name: 'Ada Lovelace', phone: '+447700900123' },
  status: 'open',
  lastMessageAt: '2025-01-15T10:28:00.000Z',
  messages: MESSAGES,
};

describe('switchbord mappers', () => {
  it('maps a list item with embedded messages, oldest first, the last one as preview', () => {
    const now = Date.parse('2025-01-15T12:00:00.000Z');
    const c = mapConversation(LIST_ITEM, now)!;
    expect(c.id).to.equal('conv_01hx');
    expect(c.dialect).to.equal('switchbord');
    expect(c.status).to.equal('open');
    expect(c.rawStatus).to.equal('open');
    expect(c.contact).to.include({ id: 'ctr_01hx', displayName: 'Ada Lovelace', phone: '+447700900123' });
    expect(c.embeddedMessages!.map((m) => m.id)).to.deep.equal(['msg_1', 'msg_2', 'msg_3']);
    expect(c.lastMessage).to.deep.equal({
      text: 'Order update',
      direction: 'outbound',
      createdAt: '2025-01-15T10:28:00.000Z',
      kind: 'template',
    });
    expect(c.lastActivityAt).to.equal('2025-01-15T10:28:00.000Z');
    expect(c.lastInboundAt).to.equal('2025-01-15T10:00:00.000Z');
    expect(c.window).to.deep.equal({ source: 'predicted', expiresAt: '2025-01-16T10:00:00.000Z', isOpen: true });
    expect(c.assignee).to.equal(undefined);
    expect(c.unreadCount).to.equal(undefined);
    expect(c.raw).to.equal(LIST_ITEM);
  });

  it('predicts a closed window a day after the last inbound message', () => {
    const c = mapConversation(LIST_ITEM, Date.parse('2025-01-16T10:00:01.000Z'))!;
    expect(c.window?.isOpen).to.equal(false);
  });

  it('falls back to the contact id when no contact is embedded', () => {
    const c = mapConversation({ id: 'c1', contactId: 'ctr_9', status: 'open', messages: [] })!;
    expect(c.contact).to.deep.equal({ id: 'ctr_9', displayName: 'ctr_9' });
    expect(c.lastMessage).to.equal(undefined);
    expect(c.window).to.equal(undefined);
    expect(c.embeddedMessages).to.deep.equal([]);
  });

  it('leaves the name to the phone when only the phone is embedded', () => {
    const c = mapConversation({ id: 'c1', contactId: 'ctr_9', contact: { name: null, phone: '+15550001' } })!;
    expect(c.contact.displayName).to.equal(undefined);
    expect(c.contact.phone).to.equal('+15550001');
  });

  it('keeps unknown statuses as unknown with the raw value', () => {
    const c = mapConversation({ id: 'c1', status: 'snoozed' })!;
    expect(c.status).to.equal('unknown');
    expect(c.rawStatus).to.equal('snoozed');
    expect(mapConversation({ id: 'c2', status: 'closed' })!.status).to.equal('closed');
  });

  it('takes lastActivityAt from the newest message when lastMessageAt is missing', () => {
    const c = mapConversation({ id: 'c1', messages: MESSAGES })!;
    expect(c.lastActivityAt).to.equal('2025-01-15T10:28:00.000Z');
  });

  it('rejects a conversation without an id', () => {
    expect(mapConversation({ contactId: 'x' })).to.equal(undefined);
    expect(mapConversation('nope')).to.equal(undefined);
  });

  it('maps message kinds, statuses and templates', () => {
    const [inbound, sent, template] = mapMessages(MESSAGES);
    expect(inbound).to.include({ kind: 'text', status: 'received', text: 'Where is my order?', direction: 'inbound' });
    expect(sent).to.include({ kind: 'text', status: 'delivered', rawStatus: 'delivered', rawType: 'freeform' });
    expect(template).to.include({ kind: 'template', status: 'pending', rawStatus: 'queued' });
    expect(template.template).to.deep.equal({ name: 'order_update' });
    const weird = mapMessage({
      id: 'm',
      direction: 'outbound',
      status: 'bounced',
      sendMode: 'carousel',
      createdAt: 1736935200,
    })!;
    expect(weird.status).to.equal('unknown');
    expect(weird.rawStatus).to.equal('bounced');
    expect(weird.kind).to.equal('unknown');
    expect(weird.rawType).to.equal('carousel');
    expect(weird.createdAt).to.equal('2025-01-15T10:00:00.000Z');
  });

  it('sorts messages by date then id and drops malformed ones with one warning', () => {
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const list = mapMessages([
        { id: 'b', direction: 'inbound', body: 'x', createdAt: '2025-01-01T00:00:00Z' },
        { id: 'a', direction: 'inbound', body: 'y', createdAt: '2025-01-01T00:00:00Z' },
        { id: 'bad', direction: 'sideways', createdAt: '2025-01-01T00:00:00Z' },
        { direction: 'inbound', createdAt: '2025-01-01T00:00:00Z' },
        { id: 'c', direction: 'inbound', createdAt: 'not a date' },
      ]);
      expect(list.map((m) => m.id)).to.deep.equal(['a', 'b']);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('skipped 3');
    } finally {
      console.warn = warn;
    }
  });

  it('drops non-http media URLs', () => {
    const m = mapMessage({
      id: 'm',
      direction: 'inbound',
      sendMode: 'media',
      createdAt: '2025-01-01T00:00:00Z',
      media: { url: 'javascript:alert(1)', mimeType: 'image/png' },
    })!;
    expect(m.media).to.deep.equal({ mimeType: 'image/png' });
  });

  it('reads the summary wrapped and bare', () => {
    expect(mapSummary({ summary: { total: 142, open: 18, unread: 7 } })).to.deep.equal({
      total: 142,
      open: 18,
      unread: 7,
      source: 'backend',
    });
    expect(mapSummary({ total: 3, open: 1, unread: 0 })).to.deep.equal({
      total: 3,
      open: 1,
      unread: 0,
      source: 'backend',
    });
    expect(mapSummary({ nothing: true })).to.equal(undefined);
  });

  it('reads the messages endpoint as { messages } or a bare array', () => {
    expect(messagesOf({ messages: [1, 2] })).to.deep.equal([1, 2]);
    expect(messagesOf([3])).to.deep.equal([3]);
    expect(messagesOf({})).to.deep.equal([]);
  });

  it('maps window issues to outside_window and other 400s to validation', () => {
    const window = parseError(400, {
      error: 'invalid_outbound_message',
      issues: { body: ['Outside the 24-hour service window; use an approved template'] },
    });
    expect(window.kind).to.equal('outside_window');
    expect(window.code).to.equal('invalid_outbound_message');
    const other = parseError(400, { error: 'invalid_outbound_message', issues: { body: ['Required'] } });
    expect(other.kind).to.equal('validation');
    expect(other.fieldIssues).to.deep.equal({ body: ['Required'] });
    const missing = parseError(404, { error: 'conversation_not_found' });
    expect(missing.kind).to.equal(undefined);
    expect(missing.code).to.equal('conversation_not_found');
    expect(missing.message).to.equal('Conversation not found');
  });

  it('decodes offset cursors and refuses foreign ones', () => {
    expect(decodeOffset(undefined)).to.equal(0);
    expect(decodeOffset('offset:150')).to.equal(150);
    expect(() => decodeOffset('page:2')).to.throw();
  });
});
