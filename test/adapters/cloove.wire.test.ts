import { expect } from '@open-wc/testing';
import { createAdapter, type ClooveAdapter } from '../../src/adapters/cloove/cloove-adapter.js';
import type { DataSourceConfig } from '../../src/data/data-source.js';
import { InboxStore } from '../../src/data/store.js';
import type { BrowserReferenceBackend } from '../../reference-backend/browser.js';
import { captureWarnings, rejection } from './support/assertions.js';
import {
  TEST_HEADERS,
  conversationWithWindow,
  lastRequestTo,
  referenceConfig,
  requestsTo,
  useReferenceBackend,
  whatsappConversations,
} from './support/reference.js';

const AUTH = TEST_HEADERS.cloove;

describe('cloove adapter on the wire', function () {
  this.timeout(15_000);
  let backend: BrowserReferenceBackend;
  useReferenceBackend((started) => (backend = started));

  function adapter(extra: Partial<DataSourceConfig> = {}): ClooveAdapter {
    return createAdapter(
      referenceConfig(backend, 'cloove', { businessWhatsappNumberId: backend.db.channels[0].id, ...extra }),
    );
  }
  const sent = () => requestsTo(backend, 'cloove');
  const last = () => lastRequestTo(backend, 'cloove');
  const whatsapp = () => whatsappConversations(backend);
  const withWindow = (open: boolean) => conversationWithWindow(backend, open);

  describe('listConversations', () => {
    it('GETs the first page with auth and returns it most recently active first', async () => {
      const page = await adapter().listConversations({});
      const req = last();
      expect(req.method).to.equal('GET');
      expect(req.path).to.equal('/v1/messaging/conversations');
      expect(req.query).to.deep.equal({ page: '1', limit: '20' });
      expect(req.headers.authorization).to.equal(AUTH.Authorization);
      expect(req.headers.accept).to.equal('application/json');
      expect(page.items).to.have.length(20);
      expect(page.total).to.equal(whatsapp().length);
      expect(page.hasMore).to.equal(true);
      expect(page.next).to.equal('page:2');
      expect(page.order).to.equal('newest-first');
      const times = page.items.map((c) => Date.parse(c.lastActivityAt!));
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
      const first = page.items[0];
      const ref = backend.db.getConversation(first.id)!;
      expect(first.contact.phone).to.equal(backend.db.getContact(ref.contactId)!.phone);
      expect(first.assignee).to.equal(undefined);
      expect(first.handledBy).to.equal(ref.aiHandling ? 'ai' : 'human');
      expect(first.window?.source).to.equal('predicted');
    });

    it('maps status, mode, assigned and search onto the wire and gets filtered rows back', async () => {
      const page = await adapter().listConversations({
        status: ['pending'],
        handledBy: 'human',
        assignee: 'unassigned',
        limit: 50,
      });
      expect(last().query).to.deep.equal({
        page: '1',
        limit: '50',
        status: 'pending_customer',
        mode: 'human',
        assigned: 'unassigned',
      });
      expect(page.items).to.have.length.above(0);
      for (const c of page.items) {
        expect(c.status).to.equal('pending');
        expect(c.handledBy).to.equal('human');
        expect(backend.db.getConversation(c.id)!.assigneeId).to.equal(null);
      }
    });

    it('filters assigned=me to the key owner and searches by name', async () => {
      const me = backend.db.agents[0].id;
      const mine = await adapter().listConversations({ assignee: 'me', limit: 100 });
      expect(last().query.assigned).to.equal('me');
      expect(mine.items).to.have.length.above(0);
      expect(mine.items.every((c) => backend.db.getConversation(c.id)!.assigneeId === me)).to.equal(true);
      const named = whatsapp()
        .map((c) => backend.db.getContact(c.contactId)!)
        .find((c) => c.name)!;
      const found = await adapter().listConversations({ search: named.name! });
      expect(last().query.search).to.equal(named.name);
      expect(found.items.some((c) => c.contact.displayName === named.name)).to.equal(true);
    });

    it('pages to the end with page/limit until meta.hasMore is false', async () => {
      const source = adapter();
      const ids: string[] = [];
      let page = await source.listConversations({ limit: 40 });
      ids.push(...page.items.map((c) => c.id));
      while (page.hasMore) {
        page = await source.listConversations({ limit: 40, cursor: page.next! });
        ids.push(...page.items.map((c) => c.id));
      }
      const pages = Math.ceil(whatsapp().length / 40);
      expect(sent().map((r) => r.query.page)).to.deep.equal(Array.from({ length: pages }, (_, i) => String(i + 1)));
      expect(new Set(ids).size).to.equal(ids.length);
      expect(ids.length).to.equal(whatsapp().length);
      expect(page.next).to.equal(null);
    });

    it('treats a list without meta as one page', async () => {
      backend.faults.add({
        dialect: 'cloove',
        path: '/v1/messaging/conversations',
        status: 200,
        body: {
          message: 'Conversations retrieved',
          data: [{ id: 'cv1', customerName: 'Ada', status: 'open', lastInboundAt: '2026-01-15T09:58:00.000Z' }],
        },
      });
      const page = await adapter().listConversations({});
      expect(page.items.map((c) => c.id)).to.deep.equal(['cv1']);
      expect(page.hasMore).to.equal(false);
      expect(page.next).to.equal(null);
      expect(page.total).to.equal(undefined);
    });

    it('skips a malformed record with one warning and keeps the rest', async () => {
      backend.faults.add({
        dialect: 'cloove',
        path: '/v1/messaging/conversations',
        status: 200,
        body: {
          message: 'Conversations retrieved',
          data: [
            { id: 'good', status: 'open' },
            { customerName: 'no id' },
            'garbage',
            { id: 'good2', status: 'closed' },
          ],
          meta: { total: 4, page: 1, perPage: 20, totalPages: 1, hasMore: false },
        },
      });
      const { result, warned } = await captureWarnings(() => adapter().listConversations({}));
      expect(result.items.map((c) => c.id)).to.deep.equal(['good', 'good2']);
      expect(warned).to.have.length(1);
      expect(String(warned[0][0])).to.contain('skipped 2 malformed conversation');
    });
  });

  describe('getConversation and listMessages', () => {
    it('GETs one conversation with its recent messages, oldest first', async () => {
      const ref = whatsapp().find((c) => backend.db.messages(c.id).length > 60)!;
      const c = await adapter().getConversation(ref.id);
      expect(last().method).to.equal('GET');
      expect(last().path).to.equal(`/v1/messaging/conversations/${ref.id}`);
      expect(c.id).to.equal(ref.id);
      const expected = backend.db
        .messages(ref.id)
        .slice(-50)
        .map((m) => m.id);
      expect(c.embeddedMessages!.map((m) => m.id)).to.deep.equal(expected);
    });

    it('lists messages through get-one, with no older pages', async () => {
      const ref = withWindow(true);
      const page = await adapter().listMessages(ref.id);
      expect(last().path).to.equal(`/v1/messaging/conversations/${ref.id}`);
      expect(page.order).to.equal('oldest-first');
      expect(page.hasMore).to.equal(false);
      expect(page.next).to.equal(null);
      expect(page.items.map((m) => m.id)).to.deep.equal(
        backend.db
          .messages(ref.id)
          .slice(-50)
          .map((m) => m.id),
      );
      const before = sent().length;
      const older = await adapter().listMessages(ref.id, { cursor: 'page:2' });
      expect(older.items).to.deep.equal([]);
      expect(sent().length, 'no request for a cursor').to.equal(before);
    });

    it('maps an unknown id to not_found', async () => {
      const error = await rejection(adapter().getConversation('nope'));
      expect(error).to.include({ kind: 'not_found', httpStatus: 404, code: 'not_found' });
    });
  });

  describe('send text', () => {
    it('POSTs {text} with the clientRef as Idempotency-Key and returns the created message', async () => {
      const ref = withWindow(true);
      const before = backend.db.messages(ref.id).length;
      const result = await adapter().send({
        kind: 'text',
        conversationId: ref.id,
        clientRef: 'ref-text-1',
        text: 'Your order shipped',
      });
      const req = last();
      expect(req.method).to.equal('POST');
      expect(req.path).to.equal(`/v1/messaging/conversations/${ref.id}/messages`);
      expect(req.body).to.deep.equal({ text: 'Your order shipped' });
      expect(req.headers['idempotency-key']).to.equal('ref-text-1');
      expect(req.headers['content-type']).to.equal('application/json');
      expect(result.accepted).to.equal('created');
      expect(result.replayed).to.equal(false);
      expect(result.message).to.include({
        direction: 'outbound',
        kind: 'text',
        text: 'Your order shipped',
        status: 'sent',
        clientRef: 'ref-text-1',
      });
      const stored = backend.db.messages(ref.id);
      expect(stored).to.have.length(before + 1);
      expect(result.message.id).to.equal(stored[stored.length - 1].id);
    });

    it('replays a repeated send: Idempotency-Replayed, same message, ONE stored message', async () => {
      const ref = withWindow(true);
      const before = backend.db.messages(ref.id).length;
      const request = { kind: 'text' as const, conversationId: ref.id, clientRef: 'ref-dup', text: 'Once only' };
      const first = await adapter().send(request);
      const second = await adapter().send(request);
      expect(second.replayed).to.equal(true);
      expect(first.replayed).to.equal(false);
      expect(second.message.id).to.equal(first.message.id);
      expect(backend.db.messages(ref.id)).to.have.length(before + 1);
    });

    it('shows a replayed send once in the store thread', async () => {
      const ref = withWindow(true);
      const store = new InboxStore(adapter(), { pollInterval: 0 });
      await store.loadThread(ref.id);
      const request = { kind: 'text' as const, conversationId: ref.id, clientRef: 'ref-store', text: 'Shown once' };
      const a = await store.send(request);
      const b = await store.send(request);
      expect(b.id).to.equal(a.id);
      const shown = store.getThreadState(ref.id).messages.filter((m) => m.text === 'Shown once');
      expect(shown).to.have.length(1);
      expect(shown[0].status).to.equal('sent');
      store.destroy();
    });

    it('rejects the same key with a different body as conflict, without retrying', async () => {
      const ref = withWindow(true);
      await adapter().send({ kind: 'text', conversationId: ref.id, clientRef: 'ref-reuse', text: 'first' });
      const error = await rejection(
        adapter().send({ kind: 'text', conversationId: ref.id, clientRef: 'ref-reuse', text: 'second' }),
      );
      expect(error).to.include({ kind: 'conflict', httpStatus: 409, code: 'idempotency_key_reused', retryable: false });
      expect(sent().filter((r) => r.method === 'POST')).to.have.length(2);
    });

    it('retries request_in_progress until the first request finishes, then gets its replay', async () => {
      const ref = withWindow(true);
      const before = backend.db.messages(ref.id).length;
      let calls = 0;
      const source = adapter({
        headers: () => ({ ...AUTH, ...(calls++ === 0 ? { 'X-Ref-Processing-Ms': '300' } : {}) }),
      });
      const request = { kind: 'text' as const, conversationId: ref.id, clientRef: 'ref-flight', text: 'In flight' };
      const [a, b] = await Promise.all([source.send(request), source.send(request)]);
      expect(b.message.id).to.equal(a.message.id);
      expect(b.replayed).to.equal(true);
      const posts = sent().filter((r) => r.method === 'POST');
      expect(posts).to.have.length(3);
      expect(posts.every((r) => r.headers['idempotency-key'] === 'ref-flight')).to.equal(true);
      expect(backend.db.messages(ref.id)).to.have.length(before + 1);
    });

    it('retries an injected 409 request_in_progress', async () => {
      const ref = withWindow(true);
      backend.faults.add({
        dialect: 'cloove',
        method: 'POST',
        status: 409,
        body: { error: 'request_in_progress', message: 'wait' },
        times: 1,
      });
      const result = await adapter().send({
        kind: 'text',
        conversationId: ref.id,
        clientRef: 'ref-409',
        text: 'after 409',
      });
      expect(result.message.text).to.equal('after 409');
      expect(sent().filter((r) => r.method === 'POST')).to.have.length(2);
    });

    it('retries a dropped POST with the same Idempotency-Key and stores it once', async () => {
      const ref = withWindow(true);
      const before = backend.db.messages(ref.id).length;
      backend.faults.add({ dialect: 'cloove', method: 'POST', drop: true, times: 1 });
      await adapter().send({ kind: 'text', conversationId: ref.id, clientRef: 'ref-drop', text: 'after drop' });
      const posts = sent().filter((r) => r.method === 'POST');
      expect(posts.map((r) => r.headers['idempotency-key'])).to.deep.equal(['ref-drop', 'ref-drop']);
      expect(backend.db.messages(ref.id)).to.have.length(before + 1);
    });

    it('maps a send outside the 24-hour window to outside_window', async () => {
      const ref = withWindow(false);
      const before = backend.db.messages(ref.id).length;
      const error = await rejection(
        adapter().send({ kind: 'text', conversationId: ref.id, clientRef: 'ref-late', text: 'hello?' }),
      );
      expect(error).to.include({ kind: 'outside_window', httpStatus: 422, code: 'outside_service_window' });
      expect(backend.db.messages(ref.id)).to.have.length(before);
    });

    it('maps texts over 4096 characters and empty texts to validation (422)', async () => {
      const ref = withWindow(true);
      const long = await rejection(
        adapter().send({ kind: 'text', conversationId: ref.id, clientRef: 'ref-long', text: 'x'.repeat(4097) }),
      );
      expect(long).to.include({ kind: 'validation', httpStatus: 422, code: 'validation_error' });
      const empty = await rejection(
        adapter().send({ kind: 'text', conversationId: ref.id, clientRef: 'ref-empty', text: '' }),
      );
      expect(empty.kind).to.equal('validation');
      const ok = await adapter().send({
        kind: 'text',
        conversationId: ref.id,
        clientRef: 'ref-max',
        text: 'y'.repeat(4096),
      });
      expect(ok.message.text).to.have.length(4096);
    });

    it('refuses media: Cloove sends text and templates only', async () => {
      const error = await rejection(
        adapter().send({
          kind: 'image',
          conversationId: 'c',
          clientRef: 'r',
          media: { url: 'https://cdn.example/a.jpg' },
        }),
      );
      expect(error.kind).to.equal('unsupported');
      expect(sent()).to.have.length(0);
    });
  });

  describe('send template', () => {
    it('POSTs the snake_case body to the phone of a listed conversation', async () => {
      const source = adapter();
      const page = await source.listConversations({ limit: 100 });
      const target = page.items.find((c) => c.window?.isOpen === false && c.contact.phone)!;
      const result = await source.send({
        kind: 'template',
        conversationId: target.id,
        clientRef: 'ref-tpl',
        templateName: 'order_shipped',
        variables: ['Ada', '#1234', 'Friday'],
      });
      const req = last();
      expect(req.method).to.equal('POST');
      expect(req.path).to.equal('/v1/messaging/messages/template');
      expect(req.headers['idempotency-key']).to.equal('ref-tpl');
      const expected: Record<string, unknown> = {
        business_whatsapp_number_id: backend.db.channels[0].id,
        phone: target.contact.phone,
        template_key: 'order_shipped',
        variables: { 1: 'Ada', 2: '#1234', 3: 'Friday' },
      };
      if (target.contact.displayName) expected.customer_name = target.contact.displayName;
      expect(req.body).to.deep.equal(expected);
      expect(result.accepted).to.equal('created');
      expect(result.message).to.include({ kind: 'template', direction: 'outbound', status: 'sent' });
      expect(result.message.text).to.contain('#1234');
      expect(result.message.template?.name).to.equal('order_shipped');
    });

    it('looks the phone up with get-one when the conversation was not listed', async () => {
      const ref = withWindow(false);
      const phone = backend.db.getContact(ref.contactId)!.phone;
      await adapter().send({
        kind: 'template',
        conversationId: ref.id,
        clientRef: 'ref-lookup',
        templateName: 'we_miss_you',
        variables: ['Ada'],
      });
      expect(sent().map((r) => `${r.method} ${r.path}`)).to.deep.equal([
        `GET /v1/messaging/conversations/${ref.id}`,
        'POST /v1/messaging/messages/template',
      ]);
      expect((last().body as { phone: string }).phone).to.equal(phone);
    });

    it('sends to an explicit phone and opens a conversation for it', async () => {
      const before = backend.db.listConversations().length;
      const result = await adapter().send({
        kind: 'template',
        conversationId: '',
        to: '+4915112345678',
        clientRef: 'ref-new',
        templateName: 'verification_code',
        variables: { 1: '424242' },
      });
      expect(sent()).to.have.length(1);
      expect(backend.db.listConversations()).to.have.length(before + 1);
      expect(result.message.conversationId).to.equal(backend.db.findConversationByPhone('+4915112345678')!.id);
    });

    it('needs businessWhatsappNumberId: a validation error without a request', async () => {
      const error = await rejection(
        adapter({ businessWhatsappNumberId: undefined }).send({
          kind: 'template',
          conversationId: 'c',
          to: '+15550001',
          clientRef: 'r',
          templateName: 'we_miss_you',
        }),
      );
      expect(error).to.include({ kind: 'validation', code: 'missing_business_whatsapp_number_id' });
      expect(sent()).to.have.length(0);
    });

    it('maps an unknown template and missing variables to validation (422)', async () => {
      const unknown = await rejection(
        adapter().send({
          kind: 'template',
          conversationId: '',
          to: '+4915112345678',
          clientRef: 'r1',
          templateName: 'nope',
        }),
      );
      expect(unknown).to.include({ kind: 'validation', httpStatus: 422, code: 'template_not_found' });
      const missing = await rejection(
        adapter().send({
          kind: 'template',
          conversationId: '',
          to: '+4915112345678',
          clientRef: 'r2',
          templateName: 'order_shipped',
          variables: ['only one'],
        }),
      );
      expect(missing).to.include({ kind: 'validation', httpStatus: 422 });
    });
  });

  describe('errors', () => {
    it('answers 401 invalid_api_key without the Authorization header', async () => {
      const error = await rejection(adapter({ headers: {} }).listConversations({}));
      expect(error).to.include({ kind: 'unauthorized', httpStatus: 401, code: 'invalid_api_key' });
      expect(last().headers.authorization).to.equal(undefined);
    });

    it('maps expired keys to unauthorized and scope/IP/origin refusals to forbidden', async () => {
      backend.faults.add({
        dialect: 'cloove',
        status: 401,
        body: { error: 'expired_api_key', message: 'This API key has expired' },
        times: 1,
      });
      expect(await rejection(adapter().listConversations({}))).to.include({
        kind: 'unauthorized',
        code: 'expired_api_key',
        message: 'This API key has expired',
      });
      for (const code of ['missing_scope', 'ip_not_allowed', 'origin_not_allowed']) {
        backend.faults.add({ dialect: 'cloove', status: 403, body: { error: code, message: code }, times: 1 });
        const error = await rejection(adapter().getConversation(whatsapp()[0].id));
        expect(error).to.include({ kind: 'forbidden', httpStatus: 403, code });
      }
    });

    it('gives up on 429 when Retry-After is longer than it waits, keeping retryAfterMs', async () => {
      backend.faults.add({
        dialect: 'cloove',
        status: 429,
        retryAfter: 120,
        body: { error: 'rate_limited', message: 'Too many requests' },
      });
      const error = await rejection(adapter().listConversations({}));
      expect(error).to.include({ kind: 'rate_limited', httpStatus: 429, retryAfterMs: 120_000, retryable: true });
      expect(sent()).to.have.length(1);
    });

    it('retries a GET after a 503 and succeeds', async () => {
      backend.faults.add({ dialect: 'cloove', method: 'GET', status: 503, times: 1 });
      const page = await adapter().listConversations({});
      expect(page.items).to.have.length.above(0);
      expect(sent()).to.have.length(2);
    });

    it('maps a 500 to server without retrying', async () => {
      backend.faults.add({ dialect: 'cloove', status: 500, body: { error: 'internal_error', message: 'boom' } });
      const error = await rejection(adapter().listConversations({}));
      expect(error).to.include({ kind: 'server', httpStatus: 500 });
      expect(sent()).to.have.length(1);
    });
  });
});
