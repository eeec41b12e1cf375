import { expect } from '@open-wc/testing';
import {
  hasMorePages,
  listQuery,
  mapConversation,
  mapMessage,
  parseError,
  templateBody,
  templateVariables,
} from '../../src/adapters/cloove/mappers.js';
import { sortNewestFirst } from '../../src/adapters/shared/ordering.js';
import { decodePageCursor, encodePageCursor } from '../../src/adapters/shared/paging.js';
import { pendingMessage } from '../../src/adapters/shared/send.js';

// Recorded shapes from docs.clooveai.com/messaging-api (the excerpt), plus README §3 ASSUMPTIONs.
const LIST_ITEM = {
  id: 'cv1a2b3c',
  businessId: 'b1a2c3d4',
  customerPhone: '+2348012345678',
  customerName: 'Ada Lovelace',
  status: 'open',
  mode: 'ai',
  unreadCount: 1,
  lastInboundAt: '2026-01-15T09:58:00.000Z',
  lastOutboundAt: '2026-01-15T09:59:00.000Z',
};

const GET_ONE = {
  id: 'cv1a2b3c',
  customerPhone: '+2348012345678',
  customerName: 'Ada Lovelace',
  status: 'pending_customer',
  // newest first on the wire
  messages: [
    {
      id: 'm3',
      direction: 'outbound',
      messageType: 'template',
      text: 'Your order shipped',
      templateKey: 'order_shipped',
      variables: { order_id: '1234' },
      deliveryStatus: 'sent',
      createdAt: '2026-01-15T10:05:00.000Z',
    },
    {
      id: 'm2',
      direction: 'outbound',
      messageType: 'text',
      text: 'Checking now',
      deliveryStatus: 'read',
      createdAt: '2026-01-15T10:01:00.000Z',
    },
    {
      id: 'm1',
      direction: 'inbound',
      messageType: 'text',
      text: 'Is my order shipped?',
      deliveryStatus: 'delivered',
      createdAt: '2026-01-15T09:58:00.000Z',
    },
  ],
};

describe('cloove mappers', () => {
  const now = Date.parse('2026-01-15T12:00:00.000Z');

  it('maps a list item: contact, mode, unread, activity from max(lastInbound, lastOutbound), predicted window', () => {
    const c = mapConversation(LIST_ITEM, now)!;
    expect(c).to.include({
      id: 'cv1a2b3c',
      dialect: 'cloove',
      status: 'open',
      rawStatus: 'open',
      handledBy: 'ai',
      unreadCount: 1,
    });
    expect(c.contact).to.deep.equal({ displayName: 'Ada Lovelace', phone: '+2348012345678' });
    expect(c.channel).to.deep.equal({ kind: 'whatsapp' });
    expect(c.lastActivityAt).to.equal('2026-01-15T09:59:00.000Z');
    expect(c.lastInboundAt).to.equal('2026-01-15T09:58:00.000Z');
    expect(c.window).to.deep.equal({ source: 'predicted', expiresAt: '2026-01-16T09:58:00.000Z', isOpen: true });
    expect(c.assignee, 'cloove has no assignee field').to.equal(undefined);
    expect(c.embeddedMessages).to.equal(undefined);
    expect(c.raw).to.equal(LIST_ITEM);
  });

  it('predicts a closed window a day after the last inbound message, and none without one', () => {
    expect(mapConversation(LIST_ITEM, Date.parse('2026-01-16T09:58:01.000Z'))!.window?.isOpen).to.equal(false);
    const noInbound = mapConversation({ id: 'c', lastOutboundAt: '2026-01-15T09:59:00Z' }, now)!;
    expect(noInbound.window).to.deep.equal({ source: 'unknown' });
    expect(noInbound.lastActivityAt).to.equal('2026-01-15T09:59:00.000Z');
  });

  it('maps statuses, keeping unknown ones raw', () => {
    expect(mapConversation({ id: 'a', status: 'pending_customer' })!.status).to.equal('pending');
    expect(mapConversation({ id: 'b', status: 'closed' })!.status).to.equal('closed');
    const odd = mapConversation({ id: 'c', status: 'snoozed', mode: 'robot' })!;
    expect(odd.status).to.equal('unknown');
    expect(odd.rawStatus).to.equal('snoozed');
    expect(odd.handledBy).to.equal(undefined);
  });

  it('turns get-one messages (newest first) into embedded messages oldest first, with the preview', () => {
    const c = mapConversation(GET_ONE, now)!;
    expect(c.status).to.equal('pending');
    expect(c.embeddedMessages!.map((m) => m.id)).to.deep.equal(['m1', 'm2', 'm3']);
    expect(c.lastMessage).to.deep.equal({
      text: 'Your order shipped',
      direction: 'outbound',
      createdAt: '2026-01-15T10:05:00.000Z',
      kind: 'template',
    });
    expect(c.lastActivityAt).to.equal('2026-01-15T10:05:00.000Z');
    expect(c.lastInboundAt, 'derived from the newest inbound message').to.equal('2026-01-15T09:58:00.000Z');
    expect(c.window?.source).to.equal('predicted');
  });

  it('maps messages: kinds, delivery statuses, templates, media URLs', () => {
    const [m1, m2, m3] = mapConversation(GET_ONE)!.embeddedMessages!;
    expect(m1).to.include({ direction: 'inbound', kind: 'text', status: 'delivered', conversationId: 'cv1a2b3c' });
    expect(m2).to.include({ status: 'read', rawStatus: 'read', rawType: 'text', text: 'Checking now' });
    expect(m3.kind).to.equal('template');
    expect(m3.template).to.deep.equal({ name: 'order_shipped', variables: { order_id: '1234' } });
    const image = mapMessage({
      id: 'i',
      direction: 'inbound',
      messageType: 'image',
      text: 'look',
      mediaUrl: 'https://cdn.example/x.jpg',
      createdAt: '2026-01-15T10:00:00Z',
    })!;
    expect(image.kind).to.equal('image');
    expect(image.media).to.deep.equal({ url: 'https://cdn.example/x.jpg', caption: 'look' });
    const unsafe = mapMessage({
      id: 'j',
      direction: 'inbound',
      messageType: 'image',
      mediaUrl: 'javascript:alert(1)',
      createdAt: '2026-01-15T10:00:00Z',
    })!;
    expect(unsafe.media).to.equal(undefined);
    const odd = mapMessage({
      id: 'k',
      direction: 'outbound',
      messageType: 'carousel',
      deliveryStatus: 'bounced',
      createdAt: 1768471200,
    })!;
    expect(odd).to.include({
      kind: 'unknown',
      rawType: 'carousel',
      status: 'unknown',
      rawStatus: 'bounced',
      createdAt: '2026-01-15T10:00:00.000Z',
    });
    const inboundNoStatus = mapMessage({
      id: 'l',
      direction: 'inbound',
      text: 'hi',
      createdAt: '2026-01-15T10:00:00Z',
    })!;
    expect(inboundNoStatus.status).to.equal('received');
  });

  it('rejects records without id, direction or date', () => {
    expect(mapMessage({ direction: 'inbound', createdAt: '2026-01-15T10:00:00Z' })).to.equal(undefined);
    expect(mapMessage({ id: 'x', direction: 'sideways', createdAt: '2026-01-15T10:00:00Z' })).to.equal(undefined);
    expect(mapMessage({ id: 'x', direction: 'inbound', createdAt: 'yesterday-ish' })).to.equal(undefined);
    expect(mapConversation({ customerName: 'no id' })).to.equal(undefined);
    expect(mapConversation(null)).to.equal(undefined);
  });

  it('drops malformed embedded messages and sorts ties by id', () => {
    const c = mapConversation({
      id: 'c',
      messages: [
        { id: 'b', direction: 'inbound', createdAt: '2026-01-15T10:00:00Z' },
        { id: 'a', direction: 'inbound', createdAt: '2026-01-15T10:00:00Z' },
        { id: 'a', direction: 'inbound', createdAt: '2026-01-15T10:00:00Z' },
        { nope: true },
      ],
    })!;
    expect(c.embeddedMessages!.map((m) => m.id)).to.deep.equal(['a', 'b']);
  });

  it('sorts conversations most recently active first, keeping the server order for ties', () => {
    const list = [
      mapConversation({ id: 'old', lastInboundAt: '2026-01-10T00:00:00Z' })!,
      mapConversation({ id: 'none' })!,
      mapConversation({ id: 'new', lastOutboundAt: '2026-01-15T00:00:00Z' })!,
      mapConversation({ id: 'old2', lastInboundAt: '2026-01-10T00:00:00Z' })!,
    ];
    expect(sortNewestFirst(list).map((c) => c.id)).to.deep.equal(['new', 'old', 'old2', 'none']);
  });

  it('encodes page cursors and reads hasMore, totalPages, or one page without meta', () => {
    expect(encodePageCursor(3)).to.equal('page:3');
    expect(decodePageCursor('page:3')).to.equal(3);
    expect(decodePageCursor(undefined)).to.equal(1);
    expect(decodePageCursor('garbage')).to.equal(1);
    expect(hasMorePages({ hasMore: true, totalPages: 1 }, 1)).to.equal(true);
    expect(hasMorePages({ hasMore: false }, 1)).to.equal(false);
    expect(hasMorePages({ totalPages: 3 }, 2)).to.equal(true);
    expect(hasMorePages({ totalPages: 3 }, 3)).to.equal(false);
    expect(hasMorePages(undefined, 1)).to.equal(false);
  });

  it('maps the documented filters onto the wire', () => {
    expect(listQuery({}, 1, 20)).to.deep.equal({ page: 1, limit: 20 });
    expect(
      listQuery({ status: ['pending', 'bot'], handledBy: 'human', assignee: 'unassigned', search: '  Ada ' }, 2, 10),
    ).to.deep.equal({
      page: 2,
      limit: 10,
      status: ['pending_customer'],
      mode: 'human',
      assigned: 'unassigned',
      search: 'Ada',
    });
    expect(listQuery({ assignee: 'me' }, 1, 5).assigned).to.equal('me');
    expect(listQuery({ assignee: { id: 'u1' } }, 1, 5, 'u1').assigned).to.equal('me');
    expect(listQuery({ assignee: { id: 'u2' } }, 1, 5, 'u1').assigned).to.equal(undefined);
  });

  it('builds the snake_case template body, turning positional variables into a named map', () => {
    expect(templateVariables(['1234', 'Friday'])).to.deep.equal({ 1: '1234', 2: 'Friday' });
    expect(templateBody('wn1', '+2348012345678', 'order_shipped', { order_id: '1234' }, 'Ada')).to.deep.equal({
      business_whatsapp_number_id: 'wn1',
      phone: '+2348012345678',
      template_key: 'order_shipped',
      customer_name: 'Ada',
      variables: { order_id: '1234' },
    });
    expect(templateBody('wn1', '+1', 'hello', undefined)).to.deep.equal({
      business_whatsapp_number_id: 'wn1',
      phone: '+1',
      template_key: 'hello',
    });
  });

  it('builds a pending message when a send returns none', () => {
    const m = pendingMessage({ kind: 'text', conversationId: 'c', clientRef: 'ref-1', text: 'hi' });
    expect(m).to.include({
      id: 'pending-ref-1',
      status: 'pending',
      direction: 'outbound',
      text: 'hi',
      clientRef: 'ref-1',
    });
  });

  it('parses error bodies and recognises 24-hour window violations', () => {
    expect(parseError(401, { error: 'invalid_api_key', message: 'Invalid API key' })).to.deep.equal({
      code: 'invalid_api_key',
      message: 'Invalid API key',
    });
    expect(parseError(422, { error: 'outside_service_window', message: 'Outside the 24-hour window' }).kind).to.equal(
      'outside_window',
    );
    expect(parseError(409, { error: 'idempotency_key_reused', message: 'different body' }).kind).to.equal(undefined);
    expect(
      parseError(422, {
        error: 'validation_error',
        message: 'text must be 1-4096 characters',
        errors: { text: 'too long' },
      }),
    ).to.deep.equal({
      code: 'validation_error',
      message: 'text must be 1-4096 characters',
      fieldIssues: { text: 'too long' },
    });
    expect(parseError(502, 'Bad gateway')).to.deep.equal({ code: undefined, message: 'Bad gateway' });
  });
});
