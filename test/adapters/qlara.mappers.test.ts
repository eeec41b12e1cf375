import { expect } from '@open-wc/testing';
import {
  byCreatedThenId,
  channelKind,
  compareIds,
  listItems,
  mapAgent,
  mapConversation,
  mapMessage,
  newerCursor,
  olderCursor,
  parseCursor,
  parseError,
  unwrapRecord,
} from '../../src/adapters/qlara/mappers.js';
import { isInboxError } from '../../src/data/errors.js';
import type { Message } from '../../src/data/models.js';

/** Recorded-style fixtures in the shapes backends/README.md §2 assumes. */
const CONVERSATION = {
  chatId: 'c-100',
  channelId: 'ch-wa-1',
  channel: 'WHATSAPP',
  contact: { name: 'Ada Lovelace', phone: '+393331234567' },
  lastMessage: { text: 'Is my order shipped?', date: '2026-11-20T10:15:00Z', direction: 'inbound' },
  lastMessageDate: '2026-11-20T10:15:00Z',
  unreadCount: 2,
  assignee: { userId: 'u-7', name: 'Grace Hopper' },
};

const MESSAGE = {
  id: 1234,
  direction: 'outbound',
  timestamp: '2026-11-20T10:16:00Z',
  content: 'Yes, today',
  deliveryStatus: 'DELIVERED',
};

describe('qlara mappers', () => {
  describe('mapConversation', () => {
    it('maps the documented fields and keeps raw', () => {
      const c = mapConversation(CONVERSATION)!;
      expect(c.id).to.equal('c-100');
      expect(c.dialect).to.equal('qlara');
      expect(c.status).to.equal('open');
      expect(c.rawStatus).to.equal(undefined);
      expect(c.channel).to.deep.equal({ kind: 'whatsapp', id: 'ch-wa-1' });
      expect(c.contact.displayName).to.equal('Ada Lovelace');
      expect(c.contact.phone).to.equal('+393331234567');
      expect(c.assignee).to.include({ id: 'u-7', displayName: 'Grace Hopper' });
      expect(c.unreadCount).to.equal(2);
      expect(c.lastActivityAt).to.equal('2026-11-20T10:15:00.000Z');
      expect(c.lastMessage).to.deep.equal({
        text: 'Is my order shipped?',
        direction: 'inbound',
        createdAt: '2026-11-20T10:15:00.000Z',
        kind: 'text',
      });
      expect(c.raw).to.equal(CONVERSATION);
    });

    it('predicts the window from an inbound last message', () => {
      const c = mapConversation(CONVERSATION)!;
      expect(c.lastInboundAt).to.equal('2026-11-20T10:15:00.000Z');
      expect(c.window).to.include({ source: 'predicted', expiresAt: '2026-11-21T10:15:00.000Z' });
    });

    it('predicts nothing when the last message is outbound or has no direction', () => {
      const out = mapConversation({ ...CONVERSATION, lastMessage: { text: 'x', date: '2026-11-20T10:15:00Z' } })!;
      expect(out.window).to.equal(undefined);
      expect(out.lastInboundAt).to.equal(undefined);
      expect(out.lastMessage?.direction).to.equal('outbound');
    });

    it('is unassigned (null) without an assignee, and reads a bare assigneeId', () => {
      expect(mapConversation({ ...CONVERSATION, assignee: null })!.assignee).to.equal(null);
      expect(mapConversation({ chatId: 1 })!.assignee).to.equal(null);
      expect(mapConversation({ chatId: 1, assigneeId: 'u-9' })!.assignee).to.include({ id: 'u-9', displayName: 'u-9' });
    });

    it('is archived only when told so', () => {
      expect(mapConversation(CONVERSATION, { archived: true })!.status).to.equal('archived');
      expect(mapConversation({ ...CONVERSATION, archived: true })!.status).to.equal('archived');
      expect(mapConversation({ ...CONVERSATION, archived: true }, { archived: false })!.status).to.equal('open');
    });

    it('maps SMS and RCS channels and channel objects; unknown kinds become other', () => {
      expect(mapConversation({ chatId: 'a', channel: 'SMS' })!.channel.kind).to.equal('sms');
      expect(mapConversation({ chatId: 'a', channel: 'rcs' })!.channel.kind).to.equal('rcs');
      expect(
        mapConversation({ chatId: 'a', channel: { id: 'x', type: 'WHATSAPP', name: 'Sales' } })!.channel,
      ).to.deep.equal({
        kind: 'whatsapp',
        id: 'x',
        label: 'Sales',
      });
      expect(channelKind('TELEGRAM')).to.equal('other');
    });

    it('accepts a numeric chatId and normalizes dates', () => {
      const c = mapConversation({ chatId: 42, lastMessageDate: 1763633700 })!;
      expect(c.id).to.equal('42');
      expect(c.lastActivityAt).to.equal(new Date(1763633700 * 1000).toISOString());
    });

    it('rejects a record without a chatId', () => {
      expect(mapConversation({ channel: 'SMS' })).to.equal(undefined);
      expect(mapConversation('nope')).to.equal(undefined);
    });

    it('keeps only http(s) avatar URLs', () => {
      const c = mapConversation({
        chatId: 'a',
        assignee: { userId: 'u', name: 'U', avatarUrl: 'javascript:alert(1)' },
      })!;
      expect(c.assignee?.avatarUrl).to.equal(null);
    });
  });

  describe('mapMessage', () => {
    it('maps the documented fields, uppercase status case-insensitively', () => {
      const m = mapMessage(MESSAGE, 'c-100')!;
      expect(m).to.include({
        id: '1234',
        conversationId: 'c-100',
        direction: 'outbound',
        kind: 'text',
        text: 'Yes, today',
        status: 'delivered',
        rawStatus: 'DELIVERED',
        createdAt: '2026-11-20T10:16:00.000Z',
      });
      expect(m.raw).to.equal(MESSAGE);
      expect(mapMessage({ ...MESSAGE, deliveryStatus: 'Read' })!.status).to.equal('read');
      expect(mapMessage({ ...MESSAGE, deliveryStatus: 'QUEUED' })!.status).to.equal('pending');
    });

    it('marks inbound messages without a status as received; unknown statuses as unknown', () => {
      expect(
        mapMessage({ id: 1, direction: 'inbound', timestamp: '2026-11-20T10:00:00Z', content: 'hi' })!.status,
      ).to.equal('received');
      const odd = mapMessage({ ...MESSAGE, deliveryStatus: 'BOUNCED_MAYBE' })!;
      expect(odd.status).to.equal('unknown');
      expect(odd.rawStatus).to.equal('BOUNCED_MAYBE');
    });

    it('maps a FAILED message whose reason mentions the window to outside_window', () => {
      const m = mapMessage({
        ...MESSAGE,
        deliveryStatus: 'FAILED',
        failureReason: 'Outside the 24-hour customer service window',
      })!;
      expect(m.status).to.equal('failed');
      expect(isInboxError(m.error)).to.equal(true);
      expect(m.error?.kind).to.equal('outside_window');
      expect(m.error?.message).to.equal('Outside the 24-hour customer service window');
    });

    it('maps any other FAILED message to a plain failure with its reason', () => {
      const m = mapMessage({ ...MESSAGE, deliveryStatus: 'failed', failureReason: 'Handset unreachable' })!;
      expect(m.status).to.equal('failed');
      expect(m.error?.kind).to.not.equal('outside_window');
      expect(m.error?.message).to.equal('Handset unreachable');
      expect(m.error?.retryable).to.equal(false);
      expect(mapMessage({ ...MESSAGE, deliveryStatus: 'FAILED' })!.error?.message)
        .to.be.a('string')
        .with.length.above(0);
    });

    it('reads media as an http(s) URL with the content as caption', () => {
      const m = mapMessage({
        ...MESSAGE,
        type: 'IMAGE',
        mediaUrl: 'https://cdn.example.com/a.jpg',
        mimeType: 'image/jpeg',
      })!;
      expect(m.kind).to.equal('image');
      expect(m.rawType).to.equal('IMAGE');
      expect(m.media).to.deep.equal({
        url: 'https://cdn.example.com/a.jpg',
        mimeType: 'image/jpeg',
        caption: 'Yes, today',
      });
      expect(mapMessage({ ...MESSAGE, type: 'IMAGE', mediaUrl: 'data:image/png;base64,xx' })!.media).to.equal(
        undefined,
      );
    });

    it('rejects records without an id or a readable timestamp', () => {
      expect(mapMessage({ ...MESSAGE, id: undefined })).to.equal(undefined);
      expect(mapMessage({ ...MESSAGE, timestamp: 'yesterday-ish' })).to.equal(undefined);
    });
  });

  describe('ordering and cursors', () => {
    it('compares numeric ids numerically and others as strings', () => {
      expect(compareIds('9', '10')).to.be.lessThan(0);
      expect(compareIds('12345678901234567890', '12345678901234567891')).to.be.lessThan(0);
      expect(compareIds('b', 'a')).to.be.greaterThan(0);
    });

    it('sorts by createdAt then id', () => {
      const at = '2026-11-20T10:00:00Z';
      const msgs = [
        mapMessage({ id: 10, direction: 'inbound', timestamp: at })!,
        mapMessage({ id: 9, direction: 'inbound', timestamp: at })!,
        mapMessage({ id: 1, direction: 'inbound', timestamp: '2026-11-20T11:00:00Z' })!,
      ];
      expect(msgs.sort(byCreatedThenId).map((m: Message) => m.id)).to.deep.equal(['9', '10', '1']);
    });

    it('builds older cursors below the lowest numeric id, inclusive boundary for other ids', () => {
      expect(olderCursor('1234')).to.equal('idTo:1233');
      expect(parseCursor('idTo:1233')).to.deep.equal({ param: 'idTo', value: '1233', dropBoundary: false });
      expect(parseCursor(olderCursor('msg-b'))).to.deep.equal({ param: 'idTo', value: 'msg-b', dropBoundary: true });
      expect(parseCursor(newerCursor('1300'))).to.deep.equal({ param: 'idFrom', value: '1300', dropBoundary: true });
      expect(() => parseCursor('page:2')).to.throw();
    });
  });

  describe('lists and records', () => {
    it('accepts a bare array and content/items/data wrappers with their totals', () => {
      expect(listItems([1, 2], 'x')).to.deep.equal({ items: [1, 2] });
      expect(listItems({ content: [1], totalElements: 7 }, 'x')).to.deep.equal({ items: [1], total: 7 });
      expect(listItems({ items: [1, 2] }, 'x').items).to.deep.equal([1, 2]);
      expect(listItems({ data: [3], total: 1 }, 'x')).to.deep.equal({ items: [3], total: 1 });
      expect(() => listItems({ nope: true }, 'x'))
        .to.throw()
        .with.property('kind', 'invalid_response');
    });

    it('unwraps a single record from data/content', () => {
      expect(unwrapRecord({ data: { chatId: 'a' } })).to.deep.equal({ chatId: 'a' });
      expect(unwrapRecord({ chatId: 'a', data: { x: 1 } })).to.deep.equal({ chatId: 'a', data: { x: 1 } });
    });

    it('maps assignable users', () => {
      expect(mapAgent({ userId: 'u-1', displayName: 'Ada', avatarUrl: 'https://x.test/a.png' })).to.include({
        id: 'u-1',
        displayName: 'Ada',
        avatarUrl: 'https://x.test/a.png',
      });
      expect(mapAgent({ displayName: 'no id' })).to.equal(undefined);
    });
  });

  describe('parseError', () => {
    it('reads the 429 body: message, code and retryAfter seconds', () => {
      const parsed = parseError(429, {
        status: 429,
        error: 'Too Many Requests',
        message: 'Rate limit exceeded. Please retry after 12 seconds.',
        retryAfter: 12,
      });
      expect(parsed).to.deep.equal({
        message: 'Rate limit exceeded. Please retry after 12 seconds.',
        code: 'Too Many Requests',
        retryAfterMs: 12_000,
      });
    });

    it('falls back to the message text for the retry delay', () => {
      expect(parseError(429, { status: 429, message: 'Please retry after 3 seconds.' }).retryAfterMs).to.equal(3000);
    });

    it('reads {status,error,message} and falls back when the body is not one', () => {
      expect(parseError(404, { status: 404, error: 'Not Found', message: 'Conversation not found' })).to.deep.equal({
        message: 'Conversation not found',
        code: 'Not Found',
      });
      expect(parseError(500, undefined)).to.deep.equal({});
      expect(parseError(502, '<html>Bad gateway</html>')).to.deep.equal({ message: '<html>Bad gateway</html>' });
    });

    it('maps a 4xx mentioning the 24-hour window to outside_window', () => {
      expect(parseError(400, { message: 'Outside the 24-hour customer service window' }).kind).to.equal(
        'outside_window',
      );
      expect(parseError(400, { message: 'text is required' }).kind).to.equal(undefined);
    });
  });
});
