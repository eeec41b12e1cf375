import { expect } from '@open-wc/testing';
import {
  decodeMessageCursor,
  encodeMessageCursor,
  hasMorePages,
  listItems,
  listTotal,
  mapConversation,
  mapMessage,
  nextCursor,
  parseError,
  SendBodyError,
  sendBody,
  sentMessage,
  templateParameters,
} from '../../src/adapters/vobiz/mappers.js';
import { sortOldestFirst } from '../../src/adapters/shared/ordering.js';
import { pendingMessage } from '../../src/adapters/shared/send.js';
import type { Message } from '../../src/data/models.js';
import { VOBIZ_EXCERPT_MESSAGES } from './support/vobiz-excerpt.js';

// Gen B: the excerpt (docs.vobiz.ai/whatsapp/api/conversations).
const LIST_B = {
  data: [
    {
      id: 'conv_abc123',
      channel_id: '2f8892e1-59b7-40a2-b518-e7a7c31a754d',
      contact: { id: 'cnt_xyz789', name: 'Rahul Sharma', phone: '+919876543210' },
      last_message: { body: "Yes, I'd like to proceed.", direction: 'inbound', timestamp: '2026-03-17T14:22:00Z' },
      unread_count: 2,
      status: 'open',
    },
  ],
  meta: { total: 48, page: 1 },
};
const MESSAGES_B = VOBIZ_EXCERPT_MESSAGES;
// Gen C: the newest docs (.md pages): raw objects.
const ITEM_C = {
  id: 'c7a1b2d3',
  account_id: 'MA_XXXXXXXX',
  channel_id: 'ch-1',
  contact_id: 'ct-1',
  category: 'service',
  is_billable: true,
  started_at: '2026-03-17T14:00:00Z',
  expires_at: '2026-03-18T14:00:00Z',
  status: 'closed',
};
const MESSAGE_C = {
  id: 'm-c1',
  account_id: 'MA_XXXXXXXX',
  channel_id: 'ch-1',
  contact_id: 'ct-1',
  conversation_id: 'c7a1b2d3',
  direction: 'outbound',
  type: 'text',
  status: 'delivered',
  content: 'Hello from gen C',
  meta_message_id: 'wamid.HBg',
  created_at: '2026-03-17T14:05:00Z',
};

describe('vobiz mappers', () => {
  const now = Date.parse('2026-03-17T15:00:00.000Z');

  it('reads both list generations: data|items, meta.total|total', () => {
    expect(listItems(LIST_B)).to.have.length(1);
    expect(listItems({ items: [ITEM_C] })).to.have.length(1);
    expect(listItems('nope')).to.deep.equal([]);
    expect(listTotal(LIST_B)).to.equal(48);
    expect(listTotal({ items: [], total: 3 })).to.equal(3);
    expect(listTotal({ items: [] })).to.equal(undefined);
  });

  it('maps a gen B list item: embedded contact, channel, unread, preview, predicted window', () => {
    const c = mapConversation(LIST_B.data[0], now)!;
    expect(c).to.include({ id: 'conv_abc123', dialect: 'vobiz', status: 'open', unreadCount: 2 });
    expect(c.channel).to.deep.equal({ kind: 'whatsapp', id: '2f8892e1-59b7-40a2-b518-e7a7c31a754d' });
    expect(c.contact).to.deep.equal({ id: 'cnt_xyz789', displayName: 'Rahul Sharma', phone: '+919876543210' });
    expect(c.lastMessage).to.deep.equal({
      text: "Yes, I'd like to proceed.",
      direction: 'inbound',
      createdAt: '2026-03-17T14:22:00.000Z',
      kind: 'text',
    });
    expect(c.lastActivityAt).to.equal('2026-03-17T14:22:00.000Z');
    expect(c.lastInboundAt).to.equal('2026-03-17T14:22:00.000Z');
    expect(c.window).to.deep.equal({ source: 'predicted', expiresAt: '2026-03-18T14:22:00.000Z', isOpen: true });
    expect(c.assignee).to.equal(undefined);
  });

  it('maps a gen C item: contact id only, expires_at as the backend window, started_at as activity', () => {
    const c = mapConversation(ITEM_C, now)!;
    expect(c).to.include({
      status: 'closed',
      rawStatus: 'closed',
      createdAt: '2026-03-17T14:00:00.000Z',
      lastActivityAt: '2026-03-17T14:00:00.000Z',
    });
    expect(c.contact).to.deep.equal({ id: 'ct-1', displayName: undefined, phone: undefined });
    expect(c.unreadCount).to.equal(undefined);
    expect(c.window).to.deep.equal({ source: 'backend', expiresAt: '2026-03-18T14:00:00.000Z', isOpen: true });
    expect(mapConversation(ITEM_C, Date.parse('2026-03-18T14:00:01Z'))!.window?.isOpen).to.equal(false);
    expect(mapConversation({ ...ITEM_C, status: 'snoozed' })!.status).to.equal('unknown');
  });

  it('leaves the window unknown when the last message is outbound and there is no expires_at', () => {
    const c = mapConversation(
      { id: 'x', last_message: { body: 'hi', direction: 'outbound', timestamp: '2026-03-17T14:00:00Z' } },
      now,
    )!;
    expect(c.window).to.deep.equal({ source: 'unknown' });
    expect(c.lastInboundAt).to.equal(undefined);
  });

  it('maps gen B and gen C messages', () => {
    const [b2, b1] = MESSAGES_B.data.map((m) => mapMessage(m, 'conv_abc123')!);
    expect(b2).to.include({
      id: 'msg_002',
      direction: 'outbound',
      kind: 'text',
      text: 'How can I help?',
      status: 'read',
      createdAt: '2026-03-17T14:20:00.000Z',
      conversationId: 'conv_abc123',
    });
    expect(b1).to.include({ status: 'received', direction: 'inbound' });
    const c = mapMessage(MESSAGE_C, 'other')!;
    expect(c).to.include({
      text: 'Hello from gen C',
      status: 'delivered',
      externalId: 'wamid.HBg',
      conversationId: 'c7a1b2d3',
      createdAt: '2026-03-17T14:05:00.000Z',
    });
  });

  it('reads media (gen B per-type object, gen C media object) and templates', () => {
    const img = mapMessage({
      id: 'i',
      type: 'image',
      direction: 'inbound',
      image: { url: 'https://cdn.example/a.jpg', caption: 'receipt' },
      timestamp: '2026-03-17T14:00:00Z',
    })!;
    expect(img.kind).to.equal('image');
    expect(img.media).to.include({ url: 'https://cdn.example/a.jpg', caption: 'receipt' });
    expect(img.text).to.equal('receipt');
    const doc = mapMessage({
      id: 'd',
      type: 'document',
      direction: 'outbound',
      status: 'sent',
      media: { link: 'https://cdn.example/a.pdf', filename: 'a.pdf', mime_type: 'application/pdf' },
      created_at: '2026-03-17T14:00:00Z',
    })!;
    expect(doc.media).to.include({ url: 'https://cdn.example/a.pdf', filename: 'a.pdf', mimeType: 'application/pdf' });
    const evil = mapMessage({
      id: 'e',
      type: 'image',
      direction: 'inbound',
      image: { url: 'javascript:alert(1)' },
      timestamp: '2026-03-17T14:00:00Z',
    })!;
    expect(evil.media).to.equal(undefined);
    const tpl = mapMessage({
      id: 't',
      type: 'template',
      direction: 'outbound',
      status: 'sent',
      body: 'Hi Rahul',
      template: { name: 'welcome', language: 'en', parameters: ['Rahul', { type: 'text', text: 'x' }] },
      timestamp: '2026-03-17T14:00:00Z',
    })!;
    expect(tpl.template).to.deep.equal({ name: 'welcome', language: 'en', variables: ['Rahul', 'x'] });
    const odd = mapMessage({ id: 'o', type: 'reaction', direction: 'inbound', timestamp: '2026-03-17T14:00:00Z' })!;
    expect(odd).to.include({ kind: 'unknown', rawType: 'reaction' });
  });

  it('rejects messages without id, direction or date', () => {
    expect(mapMessage({ type: 'text', direction: 'inbound', timestamp: '2026-03-17T14:00:00Z' })).to.equal(undefined);
    expect(mapMessage({ id: 'x', direction: 'inbound' })).to.equal(undefined);
    expect(mapMessage({ id: 'x', timestamp: '2026-03-17T14:00:00Z' })).to.equal(undefined);
  });

  it("sorts the excerpt's contradictory order oldest first and de-duplicates by id", () => {
    const mapped: Message[] = [...MESSAGES_B.data, MESSAGES_B.data[0]].map((m) => mapMessage(m)!);
    expect(sortOldestFirst(mapped).map((m) => m.id)).to.deep.equal(['msg_002', 'msg_001']);
  });

  it('reads cursor|next_cursor and wraps it opaquely', () => {
    expect(nextCursor(MESSAGES_B)).to.equal('msg_001');
    expect(nextCursor({ items: [], next_cursor: 'abc' })).to.equal('abc');
    expect(nextCursor({ data: [], cursor: null })).to.equal(null);
    expect(decodeMessageCursor(encodeMessageCursor('msg_001'))).to.equal('msg_001');
    expect(decodeMessageCursor(undefined)).to.equal(undefined);
  });

  it('stops paging conversations at meta.total, on an empty page, or on a short page without a total', () => {
    expect(hasMorePages(1, 20, 20, 48)).to.equal(true);
    expect(hasMorePages(3, 20, 8, 48)).to.equal(false);
    expect(hasMorePages(2, 20, 20, 40)).to.equal(false);
    expect(hasMorePages(2, 20, 0, 100)).to.equal(false);
    expect(hasMorePages(1, 20, 20, undefined)).to.equal(true);
    expect(hasMorePages(1, 20, 19, undefined)).to.equal(false);
  });

  it('orders template parameters positionally', () => {
    expect(templateParameters(['a', 'b'])).to.deep.equal(['a', 'b']);
    expect(templateParameters({ 2: 'second', 1: 'first', 10: 'tenth' })).to.deep.equal(['first', 'second', 'tenth']);
    expect(templateParameters({ name: 'Rahul', order: '42' })).to.deep.equal(['Rahul', '42']);
    expect(templateParameters(undefined)).to.deep.equal([]);
  });

  describe('send bodies', () => {
    const target = { channelId: 'ch-1', to: '+919876543210', generation: 'B' as const, language: 'en' };

    it('text and template, gen B', () => {
      expect(sendBody({ kind: 'text', conversationId: 'c', clientRef: 'r', text: 'Hi' }, target)).to.deep.equal({
        channel_id: 'ch-1',
        to: '+919876543210',
        type: 'text',
        text: { body: 'Hi', preview_url: false },
      });
      expect(
        sendBody(
          { kind: 'template', conversationId: 'c', clientRef: 'r', templateName: 'welcome', variables: ['Rahul'] },
          target,
        ),
      ).to.deep.equal({
        channel_id: 'ch-1',
        to: '+919876543210',
        type: 'template',
        template: { name: 'welcome', language: 'en', parameters: ['Rahul'] },
      });
    });

    it('media per gen B, one media object plus waba_id for gen C', () => {
      const image = {
        kind: 'image' as const,
        conversationId: 'c',
        clientRef: 'r',
        media: { url: 'https://cdn.example/a.jpg', caption: 'look' },
      };
      expect(sendBody(image, target)).to.deep.equal({
        channel_id: 'ch-1',
        to: '+919876543210',
        type: 'image',
        image: { url: 'https://cdn.example/a.jpg', caption: 'look' },
      });
      const doc = {
        kind: 'document' as const,
        conversationId: 'c',
        clientRef: 'r',
        media: { url: 'https://cdn.example/a.pdf', filename: 'a.pdf' },
      };
      expect(sendBody(doc, target).document).to.deep.equal({ url: 'https://cdn.example/a.pdf', filename: 'a.pdf' });
      expect(sendBody(image, { ...target, generation: 'C', wabaId: 'waba-1' })).to.deep.equal({
        channel_id: 'ch-1',
        to: '+919876543210',
        waba_id: 'waba-1',
        type: 'image',
        media: { link: 'https://cdn.example/a.jpg', caption: 'look' },
      });
      expect(
        sendBody(
          { kind: 'text', conversationId: 'c', clientRef: 'r', text: 'x' },
          { ...target, generation: 'C', wabaId: 'w' },
        ).waba_id,
      ).to.equal('w');
    });

    it('sends audio and stickers as gen C media objects only', () => {
      const audio = {
        kind: 'audio' as const,
        conversationId: 'c',
        clientRef: 'r',
        media: { url: 'https://cdn.example/a.ogg', caption: 'not for audio' },
      };
      expect(sendBody(audio, { ...target, generation: 'C', wabaId: 'w' })).to.deep.equal({
        channel_id: 'ch-1',
        to: '+919876543210',
        waba_id: 'w',
        type: 'audio',
        media: { link: 'https://cdn.example/a.ogg' },
      });
      const sticker = { kind: 'sticker' as const, conversationId: 'c', clientRef: 'r', media: { mediaId: 'meta-9' } };
      expect(sendBody(sticker, { ...target, generation: 'C', wabaId: 'w' }).media).to.deep.equal({ id: 'meta-9' });
      expect(() => sendBody(audio, target))
        .to.throw(SendBodyError)
        .with.property('kind', 'unsupported');
    });

    it('refuses what Vobiz cannot express', () => {
      const noUrl = { kind: 'video' as const, conversationId: 'c', clientRef: 'r', media: { mediaId: '123' } };
      expect(() => sendBody(noUrl, target)).to.throw(SendBodyError);
      expect(() => sendBody({ kind: 'interactive', conversationId: 'c', clientRef: 'r', payload: {} }, target))
        .to.throw(SendBodyError)
        .with.property('kind', 'unsupported');
    });
  });

  it('reads the send response: {data: message}, a bare message, or only an id', () => {
    expect(sentMessage({ data: { ...MESSAGES_B.data[0] } }, 'c').message?.id).to.equal('msg_002');
    expect(sentMessage(MESSAGE_C, 'c').message?.conversationId).to.equal('c7a1b2d3');
    expect(sentMessage({ id: 'only-id' }, 'c')).to.deep.equal({ id: 'only-id' });
    expect(sentMessage(undefined, 'c')).to.deep.equal({ id: undefined });
    const pending = pendingMessage({ kind: 'text', conversationId: 'c', clientRef: 'r1', text: 'hi' }, 'only-id');
    expect(pending).to.include({ id: 'only-id', status: 'pending', clientRef: 'r1', text: 'hi' });
  });

  it('parses error bodies; a window message maps to outside_window', () => {
    expect(
      parseError(400, { error: 'outside_window', message: '24-hour window closed; use a template' }).kind,
    ).to.equal('outside_window');
    expect(parseError(401, { error: 'unauthorized', message: 'Missing X-Auth-ID' })).to.deep.equal({
      code: 'unauthorized',
      message: 'Missing X-Auth-ID',
    });
    expect(parseError(400, { error: { code: 'invalid_param', message: 'to is required' } })).to.deep.equal({
      code: 'invalid_param',
      message: 'to is required',
    });
    expect(parseError(500, 'oops')).to.deep.equal({ code: undefined, message: 'oops' });
  });
});
