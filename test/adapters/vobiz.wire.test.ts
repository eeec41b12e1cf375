import { expect } from '@open-wc/testing';
import { createAdapter, type VobizAdapter } from '../../src/adapters/vobiz/vobiz-adapter.js';
import type { DataSourceConfig } from '../../src/data/data-source.js';
import type { Conversation } from '../../src/data/models.js';
import type { BrowserReferenceBackend } from '../../reference-backend/browser.js';
import type { RefConversation } from '../../reference-backend/model.js';
import { captureWarnings, rejection } from './support/assertions.js';
import {
  TEST_HEADERS,
  lastRequestTo,
  referenceConfig,
  requestsTo,
  useReferenceBackend,
  whatsappConversations,
} from './support/reference.js';
import { VOBIZ_EXCERPT_MESSAGES } from './support/vobiz-excerpt.js';

const AUTH = TEST_HEADERS.vobiz;
const GEN_C = { ...AUTH, 'X-Vobiz-Generation': 'C' };
const DAY = 24 * 60 * 60 * 1000;

describe('vobiz adapter on the wire', function () {
  this.timeout(15_000);
  let backend: BrowserReferenceBackend;
  useReferenceBackend((started) => (backend = started));

  function adapter(extra: Partial<DataSourceConfig> = {}): VobizAdapter {
    return createAdapter(referenceConfig(backend, 'vobiz', extra));
  }
  const sent = () => requestsTo(backend, 'vobiz');
  const last = () => lastRequestTo(backend, 'vobiz');
  const whatsapp = () => whatsappConversations(backend);
  const byLength = (min: number, max: number): RefConversation =>
    whatsapp().find((c) => {
      const n = backend.db.messages(c.id).length;
      return n >= min && n <= max;
    })!;

  /** Lists every conversation (filling the adapter's cache) and returns them. */
  async function listAll(source: VobizAdapter): Promise<Conversation[]> {
    const all: Conversation[] = [];
    let page = await source.listConversations({ limit: 100 });
    all.push(...page.items);
    while (page.hasMore) {
      page = await source.listConversations({ limit: 100, cursor: page.next! });
      all.push(...page.items);
    }
    return all;
  }
  const windowOpen = (c: Conversation) => backend.db.windowOpen(c.id);

  describe('listConversations', () => {
    it('GETs page 1 with the auth headers; gen B rows carry contact, preview and unread count', async () => {
      const page = await adapter().listConversations({});
      const req = last();
      expect(req.method).to.equal('GET');
      expect(req.path).to.equal('/v1/messaging/conversations');
      expect(req.query).to.deep.equal({ page: '1', limit: '20' });
      expect(req.headers['x-auth-id']).to.equal('MA_TEST0001');
      expect(req.headers['x-auth-token']).to.equal('test-token');
      expect(req.headers.accept).to.equal('application/json');
      expect(page.items).to.have.length(20);
      expect(page).to.include({ total: whatsapp().length, hasMore: true, next: 'page:2', order: 'newest-first' });
      const times = page.items.map((c) => Date.parse(c.lastActivityAt!));
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
      const c = page.items[0];
      const ref = backend.db.getConversation(c.id)!;
      const contact = backend.db.getContact(ref.contactId)!;
      expect(c.contact).to.deep.equal({ id: contact.id, displayName: contact.name ?? undefined, phone: contact.phone });
      expect(c.channel).to.deep.equal({ kind: 'whatsapp', id: ref.channelId });
      expect(c.unreadCount).to.equal(ref.unreadCount);
      expect(c.lastActivityAt).to.equal(backend.db.lastMessage(c.id)!.createdAt);
    });

    it('pages until page * pageSize reaches meta.total', async () => {
      const source = adapter();
      const ids: string[] = [];
      let page = await source.listConversations({ limit: 30 });
      ids.push(...page.items.map((c) => c.id));
      while (page.hasMore) {
        page = await source.listConversations({ limit: 30, cursor: page.next! });
        ids.push(...page.items.map((c) => c.id));
      }
      const total = whatsapp().length;
      expect(sent().map((r) => r.query.page)).to.deep.equal(
        Array.from({ length: Math.ceil(total / 30) }, (_, i) => String(i + 1)),
      );
      expect(new Set(ids).size).to.equal(total);
      expect(ids.length).to.equal(total);
    });

    it('stops at an empty page even when meta.total says more', async () => {
      backend.faults.add({
        dialect: 'vobiz',
        path: '/conversations',
        status: 200,
        body: { data: [], meta: { total: 999, page: 3 } },
      });
      const page = await adapter().listConversations({ cursor: 'page:3' });
      expect(last().query.page).to.equal('3');
      expect(page).to.include({ hasMore: false, next: null });
    });

    it('reads gen C: items, contact id only, expires_at as the backend window', async () => {
      const source = adapter({ headers: GEN_C });
      const page = await source.listConversations({ limit: 100 });
      expect(last().headers['x-vobiz-generation']).to.equal('C');
      expect(page.total).to.equal(undefined);
      expect(page.hasMore).to.equal(true);
      for (const c of page.items) {
        const ref = backend.db.getConversation(c.id)!;
        expect(c.contact).to.deep.equal({ id: ref.contactId, displayName: undefined, phone: undefined });
        expect(c.unreadCount).to.equal(undefined);
        const inbound = backend.db.lastInboundAt(c.id);
        if (inbound) {
          expect(c.window).to.deep.equal({
            source: 'backend',
            expiresAt: new Date(Date.parse(inbound) + DAY).toISOString(),
            isOpen: backend.db.windowOpen(c.id),
          });
        } else {
          expect(c.window).to.deep.equal({ source: 'unknown' });
        }
      }
      // without a total it pages until a short page
      const ids = page.items.map((c) => c.id);
      let next = page;
      while (next.hasMore) {
        next = await source.listConversations({ limit: 100, cursor: next.next! });
        ids.push(...next.items.map((c) => c.id));
      }
      expect(new Set(ids).size).to.equal(whatsapp().length);
    });

    it('skips a malformed record with one warning and keeps the rest', async () => {
      backend.faults.add({
        dialect: 'vobiz',
        path: '/conversations',
        status: 200,
        body: {
          data: [{ id: 'conv_1', status: 'open' }, { status: 'open' }, 42, { id: 'conv_2', status: 'closed' }],
          meta: { total: 4, page: 1 },
        },
      });
      const { result, warned } = await captureWarnings(() => adapter().listConversations({}));
      expect(result.items.map((c) => c.id)).to.deep.equal(['conv_1', 'conv_2']);
      expect(result.hasMore).to.equal(false);
      expect(warned).to.have.length(1);
      expect(String(warned[0][0])).to.contain('skipped 2 malformed conversation');
    });
  });

  describe('listMessages', () => {
    it('GETs the newest page, sorts it oldest first, and wraps the cursor', async () => {
      const ref = byLength(80, 1000);
      const page = await adapter().listMessages(ref.id);
      const req = last();
      expect(req.path).to.equal(`/v1/messaging/conversations/${ref.id}/messages`);
      expect(req.query).to.deep.equal({ limit: '50' });
      const expected = backend.db.messages(ref.id).slice(-50);
      expect(page.items.map((m) => m.id)).to.deep.equal(expected.map((m) => m.id));
      expect(page).to.include({ hasMore: true, next: `cursor:${expected[0].id}`, order: 'oldest-first' });
    });

    it('sorts the excerpt example (older message listed first, later cursor) by timestamp', async () => {
      backend.faults.add({
        dialect: 'vobiz',
        path: '/messages',
        status: 200,
        // the excerpt's page, with its first message repeated
        body: { ...VOBIZ_EXCERPT_MESSAGES, data: [...VOBIZ_EXCERPT_MESSAGES.data, VOBIZ_EXCERPT_MESSAGES.data[0]] },
      });
      const page = await adapter().listMessages('conv_abc123');
      expect(page.items.map((m) => m.id)).to.deep.equal(['msg_002', 'msg_001']);
      expect(page.items[1].status).to.equal('received');
      expect(page.next).to.equal('cursor:msg_001');
    });

    it('follows the opaque cursor to the start of the thread without duplicates', async () => {
      const ref = byLength(120, 1000);
      const source = adapter();
      let page = await source.listMessages(ref.id, { limit: 100 });
      const ids = page.items.map((m) => m.id);
      while (page.hasMore) {
        const cursor = page.next!;
        page = await source.listMessages(ref.id, { limit: 100, cursor });
        expect(last().query.cursor).to.equal(cursor.slice('cursor:'.length));
        ids.unshift(...page.items.map((m) => m.id));
      }
      expect(ids).to.deep.equal(backend.db.messages(ref.id).map((m) => m.id));
      expect(page.next).to.equal(null);
    });

    it('reads gen C pages (items, next_cursor, content, created_at) the same way', async () => {
      const ref = byLength(80, 1000);
      const b = await adapter().listMessages(ref.id);
      const c = await adapter({ headers: GEN_C }).listMessages(ref.id);
      expect(c.items.map((m) => [m.id, m.text, m.createdAt])).to.deep.equal(
        b.items.map((m) => [m.id, m.text, m.createdAt]),
      );
      expect(c.next).to.equal(b.next);
      expect(c.items.every((m) => m.externalId?.startsWith('wamid.'))).to.equal(true);
    });

    it('drops the boundary message an inclusive cursor repeats, and stops on a repeated cursor', async () => {
      backend.faults.add({
        dialect: 'vobiz',
        path: '/messages',
        status: 200,
        body: {
          data: [
            { id: 'm5', type: 'text', direction: 'inbound', body: 'five', timestamp: '2026-03-17T14:05:00Z' },
            { id: 'm4', type: 'text', direction: 'inbound', body: 'four', timestamp: '2026-03-17T14:04:00Z' },
          ],
          cursor: 'm5',
        },
      });
      const page = await adapter().listMessages('conv', { cursor: 'cursor:m5' });
      expect(last().query.cursor).to.equal('m5');
      expect(page.items.map((m) => m.id)).to.deep.equal(['m4']);
      expect(page).to.include({ hasMore: false, next: null });
    });

    it('stops at an empty page and maps an unknown conversation to not_found', async () => {
      backend.faults.add({
        dialect: 'vobiz',
        path: '/messages',
        status: 200,
        body: { data: [], cursor: 'more' },
        times: 1,
      });
      const empty = await adapter().listMessages('x');
      expect(empty).to.include({ hasMore: false, next: null });
      const error = await rejection(adapter().listMessages('nope'));
      expect(error).to.include({ kind: 'not_found', httpStatus: 404, code: 'not_found' });
    });
  });

  describe('send', () => {
    it('POSTs a text to the listed conversation phone on its channel, without Idempotency-Key', async () => {
      const source = adapter();
      const target = (await listAll(source)).find(windowOpen)!;
      const before = backend.db.messages(target.id).length;
      const result = await source.send({
        kind: 'text',
        conversationId: target.id,
        clientRef: 'ref-1',
        text: 'Hello Rahul',
      });
      const req = last();
      expect(req.method).to.equal('POST');
      expect(req.path).to.equal('/v1/messaging/messages');
      expect(req.body).to.deep.equal({
        channel_id: target.channel.id,
        to: target.contact.phone,
        type: 'text',
        text: { body: 'Hello Rahul', preview_url: false },
      });
      expect(req.headers['idempotency-key']).to.equal(undefined);
      expect(req.headers['content-type']).to.equal('application/json');
      expect(result.accepted).to.equal('created');
      expect(result.message).to.include({
        direction: 'outbound',
        kind: 'text',
        text: 'Hello Rahul',
        status: 'sent',
        clientRef: 'ref-1',
      });
      const stored = backend.db.messages(target.id);
      expect(stored).to.have.length(before + 1);
      expect(result.message.id).to.equal(stored[stored.length - 1].id);
    });

    it('refuses a conversation whose phone it has not seen, without a request', async () => {
      const error = await rejection(
        adapter().send({ kind: 'text', conversationId: whatsapp()[0].id, clientRef: 'r', text: 'hi' }),
      );
      expect(error).to.include({ kind: 'validation', code: 'missing_phone' });
      expect(sent()).to.have.length(0);
    });

    it('falls back to the channelId option when the conversation has no channel_id', async () => {
      const ref = whatsapp().find((c) => c.channelId === backend.db.channels[0].id && backend.db.windowOpen(c.id))!;
      const phone = backend.db.getContact(ref.contactId)!.phone;
      const row = { id: ref.id, contact: { id: ref.contactId, phone }, status: 'open' };
      backend.faults.add({
        dialect: 'vobiz',
        path: '/conversations',
        status: 200,
        body: { data: [row], meta: { total: 1, page: 1 } },
        times: 2,
      });
      const without = adapter();
      await without.listConversations({});
      const error = await rejection(without.send({ kind: 'text', conversationId: ref.id, clientRef: 'r0', text: 'x' }));
      expect(error).to.include({ kind: 'validation', code: 'missing_channel_id' });
      const source = adapter({ channelId: backend.db.channels[0].id });
      await source.listConversations({});
      await source.send({ kind: 'text', conversationId: ref.id, clientRef: 'r1', text: 'via option' });
      expect((last().body as { channel_id: string }).channel_id).to.equal(backend.db.channels[0].id);
    });

    it('maps a text outside the window to outside_window (400)', async () => {
      const source = adapter();
      const target = (await listAll(source)).find((c) => !windowOpen(c) && backend.db.messages(c.id).length > 0)!;
      const error = await rejection(
        source.send({ kind: 'text', conversationId: target.id, clientRef: 'r', text: 'late' }),
      );
      expect(error).to.include({ kind: 'outside_window', httpStatus: 400, code: 'outside_window' });
    });

    it('maps a text over 4096 characters to validation (400)', async () => {
      const source = adapter();
      const target = (await listAll(source)).find(windowOpen)!;
      const error = await rejection(
        source.send({ kind: 'text', conversationId: target.id, clientRef: 'r', text: 'x'.repeat(4097) }),
      );
      expect(error).to.include({ kind: 'validation', httpStatus: 400 });
    });

    it('sends a template by name, language and positional parameters outside the window', async () => {
      const source = adapter();
      const target = (await listAll(source)).find((c) => !windowOpen(c))!;
      const result = await source.send({
        kind: 'template',
        conversationId: target.id,
        clientRef: 'r-tpl',
        templateName: 'spring_sale',
        language: 'es',
        variables: { 2: 'SPRING20', 1: 'Ana' },
      });
      expect(last().body).to.deep.equal({
        channel_id: target.channel.id,
        to: target.contact.phone,
        type: 'template',
        template: { name: 'spring_sale', language: 'es', parameters: ['Ana', 'SPRING20'] },
      });
      expect(result.message).to.include({ kind: 'template', direction: 'outbound', status: 'sent' });
      expect(result.message.text).to.contain('SPRING20');
      expect(result.message.template).to.deep.equal({
        name: 'spring_sale',
        language: 'es',
        variables: ['Ana', 'SPRING20'],
      });
    });

    it('sends a template to an explicit phone (defaultLanguage en) and maps unknown templates to validation', async () => {
      const before = backend.db.listConversations().length;
      const source = adapter({ channelId: backend.db.channels[1].id });
      await source.send({
        kind: 'template',
        conversationId: 'new',
        to: '+4915112345678',
        clientRef: 'r',
        templateName: 'verification_code',
        variables: ['123456'],
      });
      expect((last().body as { template: { language: string } }).template.language).to.equal('en');
      expect(backend.db.listConversations()).to.have.length(before + 1);
      const error = await rejection(
        source.send({
          kind: 'template',
          conversationId: 'new',
          to: '+4915112345678',
          clientRef: 'r2',
          templateName: 'spring_sale',
          variables: ['a', 'b'],
        }),
      );
      expect(error).to.include({ kind: 'validation', httpStatus: 400, code: 'template_not_found' });
    });

    it('sends image and document media with the gen B body', async () => {
      const source = adapter();
      const target = (await listAll(source)).find(windowOpen)!;
      const image = await source.send({
        kind: 'image',
        conversationId: target.id,
        clientRef: 'r-img',
        media: { url: 'https://cdn.example/receipt.jpg', caption: 'Your receipt' },
      });
      expect(last().body).to.deep.include({
        type: 'image',
        image: { url: 'https://cdn.example/receipt.jpg', caption: 'Your receipt' },
      });
      expect(image.message).to.include({ kind: 'image', text: 'Your receipt' });
      expect(image.message.media?.url).to.equal('https://cdn.example/receipt.jpg');
      await source.send({
        kind: 'document',
        conversationId: target.id,
        clientRef: 'r-doc',
        media: { url: 'https://cdn.example/invoice.pdf', filename: 'invoice.pdf' },
      });
      expect(last().body).to.deep.include({
        type: 'document',
        document: { url: 'https://cdn.example/invoice.pdf', filename: 'invoice.pdf' },
      });
      const error = await rejection(
        source.send({
          kind: 'audio',
          conversationId: target.id,
          clientRef: 'r-aud',
          media: { url: 'https://cdn.example/a.ogg' },
        }),
      );
      expect(error.kind).to.equal('unsupported');
    });

    it('gen C: adds the waba_id it looks up once from the channels endpoint, and one media object', async () => {
      let gen = AUTH as Record<string, string>;
      const source = adapter({ generation: 'C', headers: () => gen });
      const target = (await listAll(source)).find(windowOpen)!;
      gen = GEN_C;
      const waba = backend.db.getChannel(target.channel.id!)!.wabaId;
      const text = await source.send({ kind: 'text', conversationId: target.id, clientRef: 'c1', text: 'gen C text' });
      const image = await source.send({
        kind: 'image',
        conversationId: target.id,
        clientRef: 'c2',
        media: { url: 'https://cdn.example/a.jpg' },
      });
      const calls = sent().filter((r) => r.path !== '/v1/messaging/conversations');
      expect(calls.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
        'GET /v1/messaging/channels/whatsapp',
        'POST /v1/messaging/messages',
        'POST /v1/messaging/messages',
      ]);
      expect(calls[1].body).to.deep.equal({
        channel_id: target.channel.id,
        to: target.contact.phone,
        waba_id: waba,
        type: 'text',
        text: { body: 'gen C text', preview_url: false },
      });
      expect(calls[2].body).to.deep.include({
        waba_id: waba,
        type: 'image',
        media: { link: 'https://cdn.example/a.jpg' },
      });
      expect(text.message).to.include({ text: 'gen C text', status: 'sent', conversationId: target.id });
      expect(image.message.media?.url).to.equal('https://cdn.example/a.jpg');
      expect(source.capabilities.windowSignal).to.equal('expires_at');
    });

    it('gen C: sends audio and stickers as one media object, without a caption; gen B does not offer them', async () => {
      let gen = AUTH as Record<string, string>;
      const source = adapter({ generation: 'C', wabaId: backend.db.channels[0].wabaId, headers: () => gen });
      expect(source.capabilities.send.media).to.include.members(['audio', 'sticker']);
      expect(adapter().capabilities.send.media).to.not.include.members(['audio']);
      const target = (await listAll(source)).find(windowOpen)!;
      gen = GEN_C;
      const audio = await source.send({
        kind: 'audio',
        conversationId: target.id,
        clientRef: 'c-aud',
        media: { url: 'https://cdn.example/voice.ogg', caption: 'ignored' },
      });
      expect(last().body).to.deep.include({ type: 'audio', media: { link: 'https://cdn.example/voice.ogg' } });
      expect(audio.message).to.include({ kind: 'audio', conversationId: target.id });
      expect(audio.message.media?.url).to.equal('https://cdn.example/voice.ogg');
      const sticker = await source.send({
        kind: 'sticker',
        conversationId: target.id,
        clientRef: 'c-stk',
        media: { url: 'https://cdn.example/s.webp' },
      });
      expect(last().body).to.deep.include({ type: 'sticker', media: { link: 'https://cdn.example/s.webp' } });
      expect(sticker.message.kind).to.equal('sticker');
    });

    it('gen C: uses the wabaId option without a lookup; the backend rejects a missing one', async () => {
      let gen = AUTH as Record<string, string>;
      const source = adapter({ generation: 'C', wabaId: backend.db.channels[0].wabaId, headers: () => gen });
      const target = (await listAll(source)).find(windowOpen)!;
      gen = GEN_C;
      await source.send({ kind: 'text', conversationId: target.id, clientRef: 'c1', text: 'x' });
      expect(sent().some((r) => r.path.includes('/channels'))).to.equal(false);
      const plainB = adapter({ headers: () => gen });
      gen = AUTH;
      await listAll(plainB);
      gen = GEN_C;
      const error = await rejection(
        plainB.send({ kind: 'text', conversationId: target.id, clientRef: 'c2', text: 'x' }),
      );
      expect(error).to.include({ kind: 'validation', httpStatus: 400 });
      expect(error.message).to.contain('waba_id');
    });

    it('gen C: asks resolvePhone for the phone rows with only contact_id lack', async () => {
      const asked: Array<[string, string | undefined]> = [];
      const source = adapter({
        generation: 'C',
        headers: GEN_C,
        resolvePhone: (id: string, conversation?: Conversation) => {
          asked.push([id, conversation?.contact.id]);
          return backend.db.getContact(backend.db.getConversation(id)!.contactId)!.phone;
        },
      });
      const target = (await listAll(source)).find((c) => c.window?.isOpen)!;
      expect(target.contact.phone).to.equal(undefined);
      const result = await source.send({ kind: 'text', conversationId: target.id, clientRef: 'c1', text: 'resolved' });
      const ref = backend.db.getConversation(target.id)!;
      expect(asked).to.deep.equal([[target.id, ref.contactId]]);
      expect((last().body as { to: string }).to).to.equal(backend.db.getContact(ref.contactId)!.phone);
      expect(result.message.conversationId).to.equal(target.id);
    });

    it('copes with a response of only {id}, or none: a pending, queued message', async () => {
      const source = adapter();
      const target = (await listAll(source)).find(windowOpen)!;
      backend.faults.add({ dialect: 'vobiz', method: 'POST', status: 201, body: { id: 'wamid.only' }, times: 1 });
      const onlyId = await source.send({ kind: 'text', conversationId: target.id, clientRef: 'r1', text: 'a' });
      expect(onlyId.accepted).to.equal('queued');
      expect(onlyId.message).to.include({ id: 'wamid.only', status: 'pending', text: 'a', clientRef: 'r1' });
      backend.faults.add({ dialect: 'vobiz', method: 'POST', status: 201, body: '', times: 1 });
      const none = await source.send({ kind: 'text', conversationId: target.id, clientRef: 'r2', text: 'b' });
      expect(none.message).to.include({ id: 'pending-r2', status: 'pending' });
    });

    it('does not retry a POST after a dropped connection', async () => {
      const source = adapter();
      const target = (await listAll(source)).find(windowOpen)!;
      const before = backend.db.messages(target.id).length;
      backend.clearRequests();
      backend.faults.add({ dialect: 'vobiz', method: 'POST', drop: true, times: 1 });
      const error = await rejection(
        source.send({ kind: 'text', conversationId: target.id, clientRef: 'r', text: 'lost' }),
      );
      expect(error.kind).to.equal('network');
      expect(sent()).to.have.length(1);
      expect(backend.db.messages(target.id)).to.have.length(before);
    });
  });

  describe('errors', () => {
    it('answers 401 without X-Auth-ID / X-Auth-Token', async () => {
      const error = await rejection(adapter({ headers: { 'X-Auth-ID': 'MA_TEST0001' } }).listConversations({}));
      expect(error).to.include({ kind: 'unauthorized', httpStatus: 401, code: 'unauthorized' });
    });

    it('maps 403 to forbidden and a 500 to server without retrying', async () => {
      backend.faults.add({
        dialect: 'vobiz',
        status: 403,
        body: { error: 'forbidden', message: 'Channel not allowed' },
        times: 1,
      });
      expect(await rejection(adapter().listConversations({}))).to.include({
        kind: 'forbidden',
        code: 'forbidden',
        message: 'Channel not allowed',
      });
      backend.clearRequests();
      backend.faults.add({ dialect: 'vobiz', status: 500, body: { error: 'internal', message: 'boom' } });
      expect(await rejection(adapter().listMessages('x'))).to.include({ kind: 'server', httpStatus: 500 });
      expect(sent()).to.have.length(1);
    });

    it('gives up on 429 when Retry-After is longer than it waits, keeping retryAfterMs', async () => {
      backend.faults.add({
        dialect: 'vobiz',
        status: 429,
        retryAfter: 90,
        body: { error: 'rate_limited', message: 'slow down' },
      });
      const error = await rejection(adapter().listConversations({}));
      expect(error).to.include({ kind: 'rate_limited', httpStatus: 429, retryAfterMs: 90_000 });
      expect(sent()).to.have.length(1);
    });

    it('retries a GET after a 503', async () => {
      const ref = byLength(5, 40);
      backend.faults.add({ dialect: 'vobiz', method: 'GET', status: 503, times: 1 });
      const page = await adapter().listMessages(ref.id);
      expect(page.items).to.have.length(backend.db.messages(ref.id).length);
      expect(sent()).to.have.length(2);
    });
  });
});
