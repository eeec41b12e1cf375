import { expect } from '@open-wc/testing';
import { createAdapter, type SwitchbordAdapter } from '../../src/adapters/switchbord/switchbord-adapter.js';
import type { BrowserReferenceBackend } from '../../reference-backend/browser.js';
import { captureWarnings, rejection } from './support/assertions.js';
import {
  conversationWithWindow,
  onlyRequest,
  referenceConfig,
  useReferenceBackend,
  whatsappConversations,
} from './support/reference.js';

describe('switchbord adapter on the wire', () => {
  let backend: BrowserReferenceBackend;
  let adapter: SwitchbordAdapter;

  useReferenceBackend((started) => (backend = started));
  beforeEach(() => {
    adapter = createAdapter(referenceConfig(backend, 'switchbord'));
  });

  const whatsapp = () => whatsappConversations(backend);
  const withWindow = (open: boolean) => conversationWithWindow(backend, open);
  const only = () => onlyRequest(backend);

  describe('listConversations', () => {
    it('asks for the first page with the default limit and maps the summary and items', async () => {
      const page = await adapter.listConversations();
      const req = only();
      expect(req).to.include({ dialect: 'switchbord', method: 'GET', path: '/internal/conversations' });
      expect(req.query).to.deep.equal({ limit: '50', offset: '0' });
      expect(req.headers.authorization).to.equal('Bearer host-session');
      expect(req.headers.accept).to.equal('application/json');

      const all = whatsapp();
      expect(page.items).to.have.length(50);
      expect(page.order).to.equal('newest-first');
      expect(page.total).to.equal(all.length);
      expect(page.summary).to.deep.equal({
        total: all.length,
        open: all.filter((c) => c.status !== 'closed').length,
        unread: all.filter((c) => c.unreadCount > 0).length,
        source: 'backend',
      });
      expect(page.hasMore).to.equal(true);
      expect(page.next).to.equal('offset:50');
      const times = page.items.map((c) => Date.parse(c.lastActivityAt!));
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);

      const c = page.items[0];
      const ref = backend.db.getConversation(c.id)!;
      const contact = backend.db.getContact(ref.contactId)!;
      expect(c.contact.id).to.equal(ref.contactId);
      expect(c.contact.phone).to.equal(contact.phone);
      if (contact.name) expect(c.contact.displayName).to.equal(contact.name);
      const messages = backend.db.messages(c.id);
      expect(c.embeddedMessages!.map((m) => m.id)).to.deep.equal(messages.map((m) => m.id));
      expect(c.lastMessage?.createdAt).to.equal(messages[messages.length - 1].createdAt);
      expect(c.assignee).to.equal(undefined);
      expect(c.unreadCount).to.equal(undefined);
    });

    it('pages by offset to the end, capping the limit at 200', async () => {
      const total = whatsapp().length;
      const first = await adapter.listConversations({ limit: 500 });
      expect(backend.requests[0].query).to.deep.equal({ limit: '200', offset: '0' });
      expect(first.items).to.have.length(Math.min(200, total));
      const last = await adapter.listConversations({ limit: 20, cursor: `offset:${total - 5}` });
      expect(backend.requests[1].query).to.deep.equal({ limit: '20', offset: String(total - 5) });
      expect(last.items).to.have.length(5);
      expect(last.hasMore).to.equal(false);
      expect(last.next).to.equal(null);
    });

    it('falls back to a full page for hasMore when the summary is missing', async () => {
      const real = (await (await fetch(`${backend.baseUrl('switchbord')}/internal/conversations?limit=3`)).json()) as {
        conversations: unknown[];
      };
      backend.faults.add({
        dialect: 'switchbord',
        path: '/internal/conversations',
        status: 200,
        body: { conversations: real.conversations },
        times: 2,
      });
      const full = await adapter.listConversations({ limit: 3 });
      expect(full.hasMore).to.equal(true);
      expect(full.next).to.equal('offset:3');
      expect(full.summary).to.equal(undefined);
      const short = await adapter.listConversations({ limit: 4 });
      expect(short.hasMore).to.equal(false);
    });

    it('skips a malformed record with one warning and returns the rest', async () => {
      const real = (await (await fetch(`${backend.baseUrl('switchbord')}/internal/conversations?limit=3`)).json()) as {
        summary: unknown;
        conversations: unknown[];
      };
      backend.faults.add({
        dialect: 'switchbord',
        path: '/internal/conversations',
        status: 200,
        body: {
          summary: real.summary,
          conversations: [real.conversations[0], { contactId: 'no-id' }, real.conversations[1]],
        },
        times: 1,
      });
      const { result: page, warned } = await captureWarnings(() => adapter.listConversations({ limit: 3 }));
      expect(page.items).to.have.length(2);
      expect(warned).to.have.length(1);
      expect(warned[0].map(String).join(' ')).to.contain('switchbord').and.contain('conversation');
    });

    it('refuses a foreign cursor without a request', async () => {
      const error = await rejection(adapter.listConversations({ cursor: 'page:2' }));
      expect(error.kind).to.equal('validation');
      expect(backend.requests).to.have.length(0);
    });
  });

  describe('getConversation', () => {
    it('gets one conversation with all its messages', async () => {
      const ref = withWindow(true);
      const c = await adapter.getConversation(ref.id);
      expect(only()).to.include({ method: 'GET', path: `/internal/conversations/${ref.id}` });
      expect(c.id).to.equal(ref.id);
      expect(c.embeddedMessages).to.have.length(backend.db.messages(ref.id).length);
      expect(c.lastInboundAt).to.equal(backend.db.lastInboundAt(ref.id));
      expect(c.window).to.include({ source: 'predicted', isOpen: true });
    });

    it('maps 404 conversation_not_found to not_found', async () => {
      const error = await rejection(adapter.getConversation('conv_missing'));
      expect(error).to.include({
        kind: 'not_found',
        httpStatus: 404,
        code: 'conversation_not_found',
        dialect: 'switchbord',
      });
    });
  });

  describe('listMessages', () => {
    it('returns every message oldest first, in one page', async () => {
      const ref = withWindow(true);
      const page = await adapter.listMessages(ref.id);
      expect(only()).to.include({ method: 'GET', path: `/internal/conversations/${ref.id}/messages` });
      expect(page.items.map((m) => m.id)).to.deep.equal(backend.db.messages(ref.id).map((m) => m.id));
      expect(page).to.include({ hasMore: false, next: null, order: 'oldest-first' });
      expect(page.items.every((m) => m.conversationId === ref.id)).to.equal(true);
    });

    it('accepts a bare array', async () => {
      const ref = withWindow(true);
      backend.faults.add({
        dialect: 'switchbord',
        path: /\/messages$/,
        status: 200,
        body: [
          { id: 'b', direction: 'outbound', body: 'later', status: 'read', createdAt: '2025-01-02T00:00:00Z' },
          { id: 'a', direction: 'inbound', body: 'first', createdAt: '2025-01-01T00:00:00Z' },
        ],
      });
      const page = await adapter.listMessages(ref.id);
      expect(page.items.map((m) => [m.id, m.status])).to.deep.equal([
        ['a', 'received'],
        ['b', 'read'],
      ]);
    });

    it('maps 404 to not_found', async () => {
      expect((await rejection(adapter.listMessages('nope'))).kind).to.equal('not_found');
    });
  });

  describe('getSummary', () => {
    it('reads the bare summary', async () => {
      const s = await adapter.getSummary();
      expect(only()).to.include({ method: 'GET', path: '/internal/inbox/summary' });
      expect(s.total).to.equal(whatsapp().length);
      expect(s.source).to.equal('backend');
    });

    it('reads the wrapped summary', async () => {
      backend.faults.add({
        dialect: 'switchbord',
        path: '/internal/inbox/summary',
        status: 200,
        body: { summary: { total: 9, open: 4, unread: 2 } },
      });
      expect(await adapter.getSummary()).to.deep.equal({ total: 9, open: 4, unread: 2, source: 'backend' });
    });
  });

  describe('send', () => {
    it('sends free text inside the window and maps the created message', async () => {
      const ref = withWindow(true);
      const result = await adapter.send({
        kind: 'text',
        conversationId: ref.id,
        clientRef: 'ref-1',
        text: 'Hello there',
      });
      const req = only();
      expect(req).to.include({ method: 'POST', path: `/internal/conversations/${ref.id}/messages` });
      expect(req.body).to.deep.equal({ body: 'Hello there', sendMode: 'freeform' });
      expect(req.headers['content-type']).to.equal('application/json');
      expect(result.accepted).to.equal('created');
      expect(result.message).to.include({
        direction: 'outbound',
        kind: 'text',
        text: 'Hello there',
        status: 'pending',
        rawStatus: 'queued',
        clientRef: 'ref-1',
      });
      const stored = backend.db.messages(ref.id).at(-1)!;
      expect(result.message.id).to.equal(stored.id);
    });

    it('sends a template by name with its preview text, or its name when there is none', async () => {
      const ref = withWindow(false);
      const withPreview = await adapter.send({
        kind: 'template',
        conversationId: ref.id,
        clientRef: 't1',
        templateName: 'we_miss_you',
        previewText: 'Hi Ana, we have not heard from you in a while.',
      });
      expect(backend.requests[0].body).to.deep.equal({
        body: 'Hi Ana, we have not heard from you in a while.',
        sendMode: 'template',
        templateName: 'we_miss_you',
      });
      expect(withPreview.message).to.include({ kind: 'template', status: 'pending' });
      expect(withPreview.message.template?.name).to.equal('we_miss_you');
      await adapter.send({
        kind: 'template',
        conversationId: ref.id,
        clientRef: 't2',
        templateName: 'order_shipped',
        previewText: '',
      });
      expect(backend.requests[1].body).to.deep.equal({
        body: 'order_shipped',
        sendMode: 'template',
        templateName: 'order_shipped',
      });
    });

    it('maps a free-text send outside the window to outside_window', async () => {
      const ref = withWindow(false);
      const before = backend.db.messages(ref.id).length;
      const error = await rejection(
        adapter.send({ kind: 'text', conversationId: ref.id, clientRef: 'w', text: 'late' }),
      );
      expect(error).to.include({
        kind: 'outside_window',
        httpStatus: 400,
        code: 'invalid_outbound_message',
        retryable: false,
      });
      expect(error.fieldIssues).to.have.property('sendMode');
      expect(backend.db.messages(ref.id)).to.have.length(before);
    });

    it('maps other 400s to validation with the issues', async () => {
      const ref = withWindow(true);
      const empty = await rejection(adapter.send({ kind: 'text', conversationId: ref.id, clientRef: 'e', text: '' }));
      expect(empty).to.include({ kind: 'validation', httpStatus: 400 });
      expect(empty.fieldIssues).to.have.property('body');
      const unknown = await rejection(
        adapter.send({ kind: 'template', conversationId: ref.id, clientRef: 'u', templateName: 'no_such_template' }),
      );
      expect(unknown.kind).to.equal('validation');
      expect(unknown.fieldIssues).to.have.property('templateName');
    });

    it('maps 404 to not_found', async () => {
      const error = await rejection(
        adapter.send({ kind: 'text', conversationId: 'missing', clientRef: 'x', text: 'hi' }),
      );
      expect(error).to.include({ kind: 'not_found', code: 'conversation_not_found' });
    });

    it('builds a pending message when the answer has none', async () => {
      const ref = withWindow(true);
      backend.faults.add({ dialect: 'switchbord', method: 'POST', status: 201, body: { appended: true } });
      const result = await adapter.send({ kind: 'text', conversationId: ref.id, clientRef: 'abc', text: 'hi' });
      expect(result.accepted).to.equal('queued');
      expect(result.message).to.include({
        id: 'pending-abc',
        status: 'pending',
        clientRef: 'abc',
        direction: 'outbound',
        text: 'hi',
      });
    });

    it('refuses media without the experimental flag and sends it with the flag', async () => {
      const ref = withWindow(true);
      const media = { url: 'https://cdn.example.com/a.pdf', mimeType: 'application/pdf', filename: 'a.pdf' };
      const error = await rejection(adapter.send({ kind: 'document', conversationId: ref.id, clientRef: 'm', media }));
      expect(error.kind).to.equal('unsupported');
      expect(backend.requests).to.have.length(0);
      expect(adapter.capabilities.send.media).to.deep.equal([]);
      const flagged = createAdapter({
        backend: 'switchbord',
        baseUrl: backend.baseUrl('switchbord'),
        experimentalMediaSend: true,
      });
      expect(flagged.capabilities.send.media).to.include('document');
      const result = await flagged.send({ kind: 'document', conversationId: ref.id, clientRef: 'm2', media });
      expect(backend.requests[0].body).to.deep.equal({ body: 'a.pdf', sendMode: 'media', media });
      expect(result.message.media?.url).to.equal(media.url);
    });

    it('does not retry a POST after a dropped connection', async () => {
      const ref = withWindow(true);
      backend.faults.add({ dialect: 'switchbord', method: 'POST', drop: true, times: 1 });
      const error = await rejection(
        adapter.send({ kind: 'text', conversationId: ref.id, clientRef: 'd', text: 'once' }),
      );
      expect(error.kind).to.equal('network');
      expect(backend.requests).to.have.length(1);
    });
  });

  describe('errors', () => {
    const cases: Array<[number, string]> = [
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [409, 'conflict'],
      [500, 'server'],
    ];
    for (const [status, kind] of cases) {
      it(`maps ${status} to ${kind}`, async () => {
        backend.faults.add({ dialect: 'switchbord', status, body: { error: `status_${status}` } });
        const error = await rejection(adapter.getSummary());
        expect(error).to.include({ kind, httpStatus: status, code: `status_${status}` });
        expect(backend.requests).to.have.length(1);
      });
    }

    it('maps 429 to rate_limited with retryAfterMs, giving up on a long wait', async () => {
      backend.faults.add({ dialect: 'switchbord', status: 429, retryAfter: 120, body: { error: 'rate_limited' } });
      const error = await rejection(adapter.listConversations());
      expect(error).to.include({ kind: 'rate_limited', httpStatus: 429, retryAfterMs: 120_000, retryable: true });
      expect(backend.requests).to.have.length(1);
    });

    it('retries a GET after a 503', async () => {
      backend.faults.add({ dialect: 'switchbord', status: 503, retryAfter: 0, times: 1 });
      const s = await adapter.getSummary();
      expect(s.total).to.be.a('number');
      expect(backend.requests.map((r) => r.path)).to.deep.equal(['/internal/inbox/summary', '/internal/inbox/summary']);
    });

    it('rejects an aborted call with an AbortError', async () => {
      const controller = new AbortController();
      controller.abort();
      try {
        await adapter.listConversations({}, { signal: controller.signal });
        expect.fail('should reject');
      } catch (error) {
        expect((error as Error).name).to.equal('AbortError');
      }
    });
  });

  it('declares only what switchbord documents', () => {
    const caps = adapter.capabilities;
    expect(caps.conversationPagination).to.equal('offset');
    expect(caps.messagePagination).to.equal('none');
    expect(caps.summary).to.equal(true);
    expect(caps.perConversationUnread).to.equal(false);
    expect(caps.send.template).to.equal('by-name');
    expect([caps.markRead, caps.archive, caps.close, caps.assign, caps.unassign, caps.listAssignees]).to.deep.equal([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(caps.filters.status || caps.filters.search || caps.filters.assignee !== 'none').to.equal(false);
    expect('close' in adapter || 'assign' in adapter || 'markRead' in adapter).to.equal(false);
  });
});
