import { expect } from '@open-wc/testing';
import { createAdapter, type SuperwabaAdapter } from '../../src/adapters/superwaba/superwaba-adapter.js';
import type { DataSourceConfig } from '../../src/data/data-source.js';
import type { BrowserReferenceBackend } from '../../reference-backend/browser.js';
import { captureWarnings, rejection } from './support/assertions.js';
import {
  TEST_HEADERS,
  conversationWithWindow,
  onlyRequest,
  referenceConfig,
  useReferenceBackend,
  whatsappConversations,
} from './support/reference.js';

const HEADERS = TEST_HEADERS.superwaba;
const NO_SUCH_UUID = '00000000-0000-4000-8000-000000000000';

describe('superwaba adapter on the wire', () => {
  let backend: BrowserReferenceBackend;
  let adapter: SuperwabaAdapter;
  const make = (extra: Partial<DataSourceConfig> = {}) => createAdapter(referenceConfig(backend, 'superwaba', extra));

  useReferenceBackend((started) => (backend = started));
  beforeEach(() => {
    adapter = make();
  });

  const whatsapp = () => whatsappConversations(backend);
  const withWindow = (open: boolean) => conversationWithWindow(backend, open);
  const only = () => onlyRequest(backend);

  it('sends the host headers; without them the backend answers 401 Unauthorized', async () => {
    await adapter.listConversations();
    expect(only().headers).to.include({ 'x-org-id': 'org-test', authorization: 'Bearer test-token' });
    const bare = createAdapter({ backend: 'superwaba', baseUrl: backend.baseUrl('superwaba') });
    const error = await rejection(bare.listConversations());
    expect(error).to.include({ kind: 'unauthorized', httpStatus: 401, message: 'Unauthorized' });
  });

  describe('listConversations', () => {
    it('asks for page 1 with limit 20 and maps the envelope', async () => {
      const page = await adapter.listConversations();
      const req = only();
      expect(req).to.include({ method: 'GET', path: '/api/whatsapp/conversations' });
      expect(req.query).to.deep.equal({ page: '1', limit: '20' });
      const total = whatsapp().length;
      expect(page.items).to.have.length(20);
      expect(page).to.include({ total, hasMore: true, next: 'page:2', order: 'newest-first' });
      const times = page.items.map((c) => Date.parse(c.lastActivityAt!));
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
      for (const c of page.items) {
        const ref = backend.db.getConversation(c.id)!;
        expect(c.unreadCount).to.equal(ref.unreadCount);
        if (ref.assigneeId) expect(c.assignee).to.deep.equal({ id: ref.assigneeId, displayName: ref.assigneeId });
        else expect(c.assignee).to.equal(null);
        expect(c.contact.id).to.equal(ref.contactId);
        if (ref.status === 'ai_handling') expect(c).to.include({ status: 'bot', handledBy: 'ai' });
      }
    });

    it('names list assignees from config.agents', async () => {
      const agents = backend.db.agents.map((a) => ({ id: a.id, displayName: a.name }));
      const named = make({ agents });
      const page = await named.listConversations({ limit: 100 });
      const assigned = page.items.find((c) => c.assignee);
      expect(assigned, 'an assigned conversation').to.not.equal(undefined);
      expect(assigned!.assignee!.displayName).to.equal(backend.db.getAgent(assigned!.assignee!.id)!.name);
    });

    it('pages to the end, capping the limit at 100', async () => {
      const total = whatsapp().length;
      const first = await adapter.listConversations({ limit: 500 });
      expect(backend.requests[0].query).to.deep.equal({ page: '1', limit: '100' });
      expect(first.items).to.have.length(Math.min(100, total));
      const lastPage = Math.ceil(total / 30);
      const last = await adapter.listConversations({ limit: 30, cursor: `page:${lastPage}` });
      expect(backend.requests[1].query).to.deep.equal({ page: String(lastPage), limit: '30' });
      expect(last.items).to.have.length(total - (lastPage - 1) * 30);
      expect(last).to.include({ hasMore: false, next: null });
    });

    it('maps a single status onto the wire (bot → ai_handling)', async () => {
      const page = await adapter.listConversations({ status: ['bot'] });
      expect(only().query).to.deep.equal({ page: '1', limit: '20', status: 'ai_handling' });
      expect(page.items.length).to.be.above(0);
      expect(page.items.every((c) => c.status === 'bot')).to.equal(true);
      expect(page.total).to.equal(whatsapp().filter((c) => c.status === 'ai_handling').length);
    });

    it('filters several statuses on the client, and answers statuses SuperWaba lacks without a request', async () => {
      const page = await adapter.listConversations({ status: ['open', 'escalated'], limit: 100 });
      expect(only().query).to.deep.equal({ page: '1', limit: '100' });
      expect(page.items.every((c) => c.status === 'open' || c.status === 'escalated')).to.equal(true);
      expect(page.total).to.equal(undefined);
      backend.clearRequests();
      const none = await adapter.listConversations({ status: ['pending'] });
      expect(none.items).to.deep.equal([]);
      expect(backend.requests).to.have.length(0);
    });

    it('filters by assignee id, by me (currentUserId), and unassigned on the client', async () => {
      const agent = backend.db.getAgent(whatsapp().find((c) => c.assigneeId)!.assigneeId!)!;
      const byId = await adapter.listConversations({ assignee: { id: agent.id } });
      expect(backend.requests[0].query).to.include({ assignee: agent.id });
      expect(byId.items.length).to.be.above(0);
      expect(byId.items.every((c) => c.assignee?.id === agent.id)).to.equal(true);

      const mine = make({ currentUserId: agent.id });
      await mine.listConversations({ assignee: 'me' });
      expect(backend.requests[1].query).to.include({ assignee: agent.id });

      const noMe = await rejection(adapter.listConversations({ assignee: 'me' }));
      expect(noMe.kind).to.equal('unsupported');
      expect(backend.requests).to.have.length(2);

      const unassigned = await adapter.listConversations({ assignee: 'unassigned', limit: 100 });
      expect(backend.requests[2].query).to.deep.equal({ page: '1', limit: '100' });
      expect(unassigned.items.length).to.be.above(0);
      expect(unassigned.items.every((c) => c.assignee === null)).to.equal(true);
    });

    it('skips a malformed record with one warning and returns the rest', async () => {
      const real = (await (
        await fetch(`${backend.baseUrl('superwaba')}/api/whatsapp/conversations?limit=2`, { headers: HEADERS })
      ).json()) as { data: { conversations: unknown[] } };
      backend.faults.add({
        dialect: 'superwaba',
        path: '/api/whatsapp/conversations',
        status: 200,
        body: {
          success: true,
          data: {
            conversations: [real.data.conversations[0], 'garbage', real.data.conversations[1]],
            total: 3,
            page: 1,
            limit: 20,
            hasNext: false,
          },
        },
      });
      const { result: page, warned } = await captureWarnings(() => adapter.listConversations());
      expect(page.items).to.have.length(2);
      expect(page.hasMore).to.equal(false);
      expect(warned).to.have.length(1);
      expect(warned[0].map(String).join(' ')).to.contain('superwaba');
    });
  });

  describe('getConversation', () => {
    it('maps the detail: assignee object, email, labels', async () => {
      const ref = whatsapp().find((c) => c.assigneeId)!;
      const c = await adapter.getConversation(ref.id);
      expect(only()).to.include({ method: 'GET', path: `/api/whatsapp/conversations/${ref.id}` });
      const agent = backend.db.getAgent(ref.assigneeId!)!;
      const contact = backend.db.getContact(ref.contactId)!;
      expect(c.assignee).to.include({ id: agent.id, displayName: agent.name, email: agent.email });
      expect(c.contact.labels).to.deep.equal(contact.labels);
      if (contact.email) expect(c.contact.email).to.equal(contact.email);
    });

    it('maps 400 Invalid conversation ID to validation and an unknown UUID to not_found', async () => {
      const invalid = await rejection(adapter.getConversation('not-a-uuid'));
      expect(invalid).to.include({ kind: 'validation', httpStatus: 400, message: 'Invalid conversation ID' });
      const missing = await rejection(adapter.getConversation(NO_SUCH_UUID));
      expect(missing).to.include({ kind: 'not_found', httpStatus: 404, message: 'Conversation not found' });
    });
  });

  describe('close and assign', () => {
    it('closes with a resolution and returns the updated conversation', async () => {
      const page = await adapter.listConversations({ status: ['open'] });
      const target = page.items[0];
      backend.clearRequests();
      const closed = await adapter.close(target.id, { resolution: 'resolved' });
      const req = only();
      expect(req).to.include({ method: 'POST', path: `/api/whatsapp/conversations/${target.id}/close` });
      expect(req.body).to.deep.equal({ resolution: 'resolved' });
      const ref = backend.db.getConversation(target.id)!;
      expect(ref.status).to.equal('closed');
      expect(closed).to.include({ id: target.id, status: 'closed', rawStatus: 'closed', closedAt: ref.closedAt });
      expect(closed.contact).to.deep.equal(target.contact);
    });

    it('closes a conversation it has not seen yet by fetching it after the close', async () => {
      const ref = whatsapp().find((c) => c.status === 'open')!;
      const closed = await adapter.close(ref.id);
      expect(backend.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
        `POST /api/whatsapp/conversations/${ref.id}/close`,
        `GET /api/whatsapp/conversations/${ref.id}`,
      ]);
      expect(backend.requests[0].body).to.deep.equal({});
      expect(closed.status).to.equal('closed');
      expect(closed.contact.id).to.equal(ref.contactId);
    });

    it('assigns and returns the named assignee', async () => {
      const target = (await adapter.listConversations()).items[0];
      const agent = backend.db.agents[3];
      backend.clearRequests();
      const assigned = await adapter.assign(target.id, agent.id);
      expect(only()).to.deep.include({
        method: 'POST',
        path: `/api/whatsapp/conversations/${target.id}/assign`,
        body: { userId: agent.id },
      });
      expect(assigned.assignee).to.include({ id: agent.id, displayName: agent.name, email: agent.email });
      expect(backend.db.getConversation(target.id)!.assigneeId).to.equal(agent.id);
    });

    it('maps 403 for a user outside the organization to forbidden', async () => {
      const target = (await adapter.listConversations()).items[0];
      const error = await rejection(adapter.assign(target.id, NO_SUCH_UUID));
      expect(error).to.include({
        kind: 'forbidden',
        httpStatus: 403,
        message: 'User is not a member of this organization',
      });
    });

    it('has no unassign and no assignable-users list', () => {
      expect(adapter.capabilities).to.include({ close: true, assign: true, unassign: false, listAssignees: false });
      expect('unassign' in adapter || 'listAssignees' in adapter).to.equal(false);
    });
  });

  describe('listMessages', () => {
    const long = () => {
      const c = whatsapp().find((x) => backend.db.messages(x.id).length > 12);
      if (!c) throw new Error('no long thread');
      return c;
    };

    it('asks for the newest 50 and returns them oldest first', async () => {
      const ref = long();
      const page = await adapter.listMessages(ref.id);
      const req = only();
      expect(req).to.include({ method: 'GET', path: '/api/whatsapp/messages' });
      expect(req.query).to.deep.equal({ conversationId: ref.id, limit: '50' });
      const all = backend.db.messages(ref.id);
      expect(page.items.map((m) => m.id)).to.deep.equal(all.slice(-50).map((m) => m.id));
      expect(page.order).to.equal('oldest-first');
      expect(page.total).to.equal(all.length);
      expect(page.hasMore).to.equal(all.length > 50);
    });

    it('pages to older messages with before=<oldest id>, without overlap', async () => {
      const ref = long();
      const all = backend.db.messages(ref.id);
      const newest = await adapter.listMessages(ref.id, { limit: 5 });
      expect(newest.next).to.equal(`before:${newest.items[0].id}`);
      const older = await adapter.listMessages(ref.id, { limit: 5, cursor: newest.next! });
      expect(backend.requests[1].query).to.deep.equal({
        conversationId: ref.id,
        limit: '5',
        before: newest.items[0].id,
      });
      expect(older.items.map((m) => m.id)).to.deep.equal(all.slice(-10, -5).map((m) => m.id));
    });

    it('drops the boundary message when a backend treats before as inclusive', async () => {
      backend.faults.add({
        dialect: 'superwaba',
        path: '/api/whatsapp/messages',
        status: 200,
        body: {
          success: true,
          data: {
            data: [
              {
                id: 'm1',
                direction: 'inbound',
                type: 'text',
                content: { text: 'a' },
                timestamp: '2026-05-16T10:00:00Z',
              },
              {
                id: 'm2',
                direction: 'outbound',
                type: 'text',
                content: { text: 'b' },
                status: 'read',
                timestamp: '2026-05-16T10:01:00Z',
              },
            ],
            hasNext: true,
          },
        },
      });
      const page = await adapter.listMessages(withWindow(true).id, { cursor: 'before:m2' });
      expect(page.items.map((m) => m.id)).to.deep.equal(['m1']);
      expect(page.next).to.equal('before:m1');
    });

    it('maps the content of every seeded media type', async () => {
      const ref = whatsapp().find((c) => backend.db.messages(c.id).some((m) => m.kind === 'location'))!;
      const page = await adapter.listMessages(ref.id, { limit: 100 });
      const kinds = new Set(page.items.map((m) => m.kind));
      expect([...kinds]).to.include.members(['text', 'image', 'location']);
      const image = page.items.find((m) => m.kind === 'image')!;
      expect(image.media?.url).to.match(/^https?:/);
      const location = page.items.find((m) => m.kind === 'location')!;
      expect(location.location?.latitude).to.be.a('number');
      const inbound = page.items.find((m) => m.direction === 'inbound')!;
      expect(inbound.status).to.equal('received');
      expect(inbound.externalId).to.match(/^wamid\./);
    });

    it('maps 400 and 404 for the conversation id', async () => {
      expect((await rejection(adapter.listMessages('bad id'))).kind).to.equal('validation');
      expect((await rejection(adapter.listMessages(NO_SUCH_UUID))).kind).to.equal('not_found');
    });
  });

  describe('send', () => {
    it('sends text inside the window', async () => {
      const ref = withWindow(true);
      const result = await adapter.send({ kind: 'text', conversationId: ref.id, clientRef: 'r1', text: 'On it!' });
      const req = only();
      expect(req).to.include({ method: 'POST', path: '/api/whatsapp/messages' });
      expect(req.body).to.deep.equal({ conversationId: ref.id, type: 'text', content: { text: 'On it!' } });
      expect(req.headers).to.include({ 'x-org-id': 'org-test', 'content-type': 'application/json' });
      expect(result.accepted).to.equal('created');
      expect(result.message).to.include({
        direction: 'outbound',
        kind: 'text',
        text: 'On it!',
        status: 'sent',
        clientRef: 'r1',
      });
      expect(result.message.id).to.equal(backend.db.messages(ref.id).at(-1)!.id);
    });

    it('maps the window rejection to outside_window', async () => {
      const ref = withWindow(false);
      const error = await rejection(
        adapter.send({ kind: 'text', conversationId: ref.id, clientRef: 'w', text: 'late' }),
      );
      expect(error).to.include({
        kind: 'outside_window',
        httpStatus: 400,
        message: 'Outside the 24-hour customer service window',
      });
    });

    it('refuses templates and media without a request', async () => {
      const ref = withWindow(false);
      const template = await rejection(
        adapter.send({ kind: 'template', conversationId: ref.id, clientRef: 't', templateName: 'we_miss_you' }),
      );
      expect(template.kind).to.equal('unsupported');
      expect(template.message).to.contain('Developer API');
      const media = await rejection(
        adapter.send({ kind: 'image', conversationId: ref.id, clientRef: 'i', media: { url: 'https://x.test/a.png' } }),
      );
      expect(media.kind).to.equal('unsupported');
      expect(backend.requests).to.have.length(0);
      expect(adapter.capabilities.send.template).to.equal('none');
    });

    it('does not retry a POST after a dropped connection', async () => {
      backend.faults.add({ dialect: 'superwaba', method: 'POST', drop: true, times: 1 });
      const error = await rejection(
        adapter.send({ kind: 'text', conversationId: withWindow(true).id, clientRef: 'd', text: 'x' }),
      );
      expect(error.kind).to.equal('network');
      expect(backend.requests).to.have.length(1);
    });
  });

  describe('errors', () => {
    const cases: Array<[number, string, string]> = [
      [401, 'unauthorized', 'Unauthorized'],
      [403, 'forbidden', 'Forbidden'],
      [409, 'conflict', 'Conflict'],
      [500, 'server', 'Internal server error'],
    ];
    for (const [status, kind, text] of cases) {
      it(`maps ${status} to ${kind}`, async () => {
        backend.faults.add({ dialect: 'superwaba', status, body: { success: false, error: text } });
        const error = await rejection(adapter.listConversations());
        expect(error).to.include({ kind, httpStatus: status, message: text });
        expect(backend.requests).to.have.length(1);
      });
    }

    it('maps 429 Rate limit exceeded to rate_limited with retryAfterMs', async () => {
      backend.faults.add({
        dialect: 'superwaba',
        status: 429,
        retryAfter: 90,
        body: { success: false, error: 'Rate limit exceeded' },
      });
      const error = await rejection(adapter.listConversations());
      expect(error).to.include({
        kind: 'rate_limited',
        httpStatus: 429,
        retryAfterMs: 90_000,
        message: 'Rate limit exceeded',
      });
    });

    it('reads message/code/fix bodies', async () => {
      backend.faults.add({
        dialect: 'superwaba',
        status: 429,
        retryAfter: 3600,
        body: {
          success: false,
          message: 'Monthly event cap reached',
          code: 'API_LIMIT_REACHED',
          fix: 'Upgrade your plan',
        },
      });
      const error = await rejection(adapter.listConversations());
      expect(error).to.include({
        kind: 'rate_limited',
        code: 'API_LIMIT_REACHED',
        message: 'Monthly event cap reached (Upgrade your plan)',
      });
    });

    it('retries a GET after a 503', async () => {
      backend.faults.add({ dialect: 'superwaba', status: 503, retryAfter: 0, times: 1 });
      const page = await adapter.listConversations();
      expect(page.items.length).to.be.above(0);
      expect(backend.requests).to.have.length(2);
    });
  });
});
