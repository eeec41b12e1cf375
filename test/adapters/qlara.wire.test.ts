import { expect } from '@open-wc/testing';
import type { BrowserReferenceBackend } from '../../reference-backend/browser.js';
import type { RefConversation } from '../../reference-backend/model.js';
import { createAdapter, type QlaraAdapter } from '../../src/adapters/qlara/qlara-adapter.js';
import { createDataSource } from '../../src/adapters/create-data-source.js';
import type { DataSourceConfig } from '../../src/data/data-source.js';
import { captureWarnings, rejection } from './support/assertions.js';
import { TEST_HEADERS, lastRequestTo, referenceConfig, requestsTo, useReferenceBackend } from './support/reference.js';

const BASE = '/partner-gateway/v1/inbox/conversations';
const HEADERS = TEST_HEADERS.qlara;

describe('qlara adapter on the wire', () => {
  let backend: BrowserReferenceBackend;
  useReferenceBackend((started) => (backend = started));

  function adapter(extra: Partial<DataSourceConfig> = {}): QlaraAdapter {
    return createAdapter(referenceConfig(backend, 'qlara', extra));
  }
  const sent = () => requestsTo(backend, 'qlara');
  const lastRequest = () => lastRequestTo(backend, 'qlara');

  function visible(): RefConversation[] {
    return backend.db.listConversations().filter((c) => !c.archived);
  }

  function whatsapp(c: RefConversation): boolean {
    return backend.db.getChannel(c.channelId)?.kind === 'WHATSAPP';
  }

  /** A conversation with `count` messages at least (appends inbound ones). */
  function longThread(count: number): string {
    const id = visible()[0].id;
    while (backend.db.messages(id).length < count) {
      backend.db.appendMessage(id, {
        direction: 'inbound',
        kind: 'text',
        text: `filler ${backend.db.messages(id).length}`,
      });
    }
    return id;
  }

  describe('createDataSource', () => {
    it('loads the qlara adapter by id', async () => {
      const source = await createDataSource({ backend: 'qlara', baseUrl: backend.baseUrl('qlara'), headers: HEADERS });
      expect(source.dialect).to.equal('qlara');
      expect(source.capabilities.messagePagination).to.equal('id-range');
    });
  });

  describe('listConversations', () => {
    it('asks for the whole list newest first with the host headers and returns it sorted', async () => {
      const page = await adapter().listConversations();
      const req = lastRequest();
      expect(req.method).to.equal('GET');
      expect(req.path).to.equal(BASE);
      expect(req.query).to.deep.equal({ orderBy: '-lastMessageDate' });
      expect(req.headers['x-api-key']).to.equal('test-key');
      expect(page.order).to.equal('newest-first');
      expect(page.hasMore).to.equal(false);
      expect(page.next).to.equal(null);
      expect(page.items.map((c) => c.id).sort()).to.deep.equal(
        visible()
          .map((c) => c.id)
          .sort(),
      );
      expect(page.total).to.equal(visible().length);
      const times = page.items.map((c) => Date.parse(c.lastActivityAt!));
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    });

    it('maps the records: contact, channel kind, unread counter, assignee, open status', async () => {
      const page = await adapter().listConversations();
      const ref = visible().find((c) => c.assigneeId && c.unreadCount > 0) ?? visible()[0];
      const c = page.items.find((x) => x.id === ref.id)!;
      expect(c.status).to.equal('open');
      expect(c.dialect).to.equal('qlara');
      expect(c.unreadCount).to.equal(ref.unreadCount);
      expect(c.contact.phone).to.equal(backend.db.getContact(ref.contactId)!.phone);
      expect(c.channel.id).to.equal(ref.channelId);
      expect(c.channel.kind).to.equal(backend.db.getChannel(ref.channelId)!.kind.toLowerCase());
      if (ref.assigneeId) expect(c.assignee?.id).to.equal(ref.assigneeId);
      else expect(c.assignee).to.equal(null);
      expect(c.lastActivityAt).to.equal(new Date(backend.db.lastMessage(ref.id)!.createdAt).toISOString());
      const kinds = new Set(page.items.map((x) => x.channel.kind));
      expect(kinds.has('sms'), 'the seed has an SMS channel').to.equal(true);
    });

    it('maps updatedSince, channelIds (repeated key) and unreadOnly onto the wire', async () => {
      const channels = backend.db.channels.slice(0, 2).map((c) => c.id);
      const since = new Date(backend.db.now - 3 * 24 * 3600_000).toISOString();
      const page = await adapter().listConversations({ updatedSince: since, channelIds: channels, unreadOnly: true });
      expect(lastRequest().query).to.deep.equal({
        orderBy: '-lastMessageDate',
        dateFrom: since,
        channelIds: channels,
        unreadOnly: 'true',
      });
      const expected = visible().filter(
        (c) =>
          channels.includes(c.channelId) &&
          c.unreadCount > 0 &&
          Date.parse(backend.db.lastMessage(c.id)?.createdAt ?? c.updatedAt) > Date.parse(since),
      );
      expect(expected.length, 'the filter keeps some conversations').to.be.greaterThan(0);
      expect(page.items.map((c) => c.id).sort()).to.deep.equal(expected.map((c) => c.id).sort());
    });

    it('comma-joins channelIds with channelIdsStyle "comma"; the backend reads both', async () => {
      const channels = backend.db.channels.slice(0, 2).map((c) => c.id);
      const repeated = await adapter().listConversations({ channelIds: channels });
      const joined = await adapter({ channelIdsStyle: 'comma' }).listConversations({ channelIds: channels });
      expect(lastRequest().query.channelIds).to.equal(channels.join(','));
      expect(joined.items.map((c) => c.id)).to.deep.equal(repeated.items.map((c) => c.id));
      expect(joined.items.every((c) => channels.includes(c.channel.id!))).to.equal(true);
    });

    it('reads a {content, totalElements} wrapper', async () => {
      backend.faults.add({
        dialect: 'qlara',
        method: 'GET',
        path: /\/conversations$/,
        status: 200,
        times: 1,
        body: {
          content: [{ chatId: 'w-1', channel: 'RCS', lastMessageDate: '2026-01-01T00:00:00Z' }],
          totalElements: 31,
        },
      });
      const page = await adapter().listConversations();
      expect(page.items.map((c) => c.id)).to.deep.equal(['w-1']);
      expect(page.items[0].channel.kind).to.equal('rcs');
      expect(page.total).to.equal(31);
    });

    it('skips a malformed record with one warning and returns the rest', async () => {
      backend.faults.add({
        dialect: 'qlara',
        method: 'GET',
        path: /\/conversations$/,
        status: 200,
        times: 1,
        body: [
          { chatId: 'ok-1', lastMessageDate: '2026-01-02T00:00:00Z' },
          { channel: 'SMS', unreadCount: 3 },
          { chatId: 'ok-2', lastMessageDate: '2026-01-03T00:00:00Z' },
        ],
      });
      const { result, warned } = await captureWarnings(() => adapter().listConversations());
      expect(result.items.map((c) => c.id)).to.deep.equal(['ok-2', 'ok-1']);
      expect(warned).to.have.length(1);
      expect(String(warned[0][0])).to.contain('qlara');
    });
  });

  describe('getConversation', () => {
    it('GETs one conversation by its encoded id', async () => {
      const ref = visible()[0];
      const c = await adapter().getConversation(ref.id);
      expect(lastRequest()).to.include({ method: 'GET', path: `${BASE}/${ref.id}` });
      expect(c.id).to.equal(ref.id);
      expect(c.unreadCount).to.equal(ref.unreadCount);
    });

    it('encodes ids and refuses ids that would address another route', async () => {
      const error = await rejection(adapter().getConversation('a/b c'));
      expect(error.kind).to.equal('not_found');
      expect(lastRequest().path).to.equal(`${BASE}/a%2Fb%20c`);
      backend.clearRequests();
      expect((await rejection(adapter().getConversation('assignable-users'))).kind).to.equal('not_found');
      expect((await rejection(adapter().markRead('..'))).kind).to.equal('not_found');
      expect(sent()).to.have.length(0);
    });
  });

  describe('listMessages', () => {
    it('fetches the first page without parameters, oldest first, with newer and older cursors', async () => {
      const id = longThread(60);
      const refs = backend.db.messages(id);
      const page = await adapter().listMessages(id);
      const req = lastRequest();
      expect(req).to.include({ method: 'GET', path: `${BASE}/${id}/messages` });
      expect(req.query).to.deep.equal({});
      expect(page.order).to.equal('oldest-first');
      expect(page.items.map((m) => m.id)).to.deep.equal(refs.slice(-50).map((m) => String(m.seq)));
      expect(page.hasMore).to.equal(true);
      expect(page.next).to.equal(`idTo:${refs[refs.length - 50].seq - 1}`);
      expect(page.newer).to.equal(`idFrom:${refs[refs.length - 1].seq}`);
    });

    it('pages to older messages with idTo = lowest id − 1, without duplicates, to the start', async () => {
      const id = longThread(120);
      const source = adapter();
      let page = await source.listMessages(id);
      const ids = page.items.map((m) => m.id);
      const queries: unknown[] = [];
      while (page.hasMore && page.next) {
        page = await source.listMessages(id, { cursor: page.next });
        queries.push(lastRequest().query);
        ids.unshift(...page.items.map((m) => m.id));
      }
      const all = backend.db.messages(id).map((m) => String(m.seq));
      expect(ids).to.deep.equal(all);
      expect(queries[0]).to.deep.equal({ idTo: String(Number(all[all.length - 50]) - 1) });
      expect(new Set(ids).size).to.equal(ids.length);
    });

    it('polls newer messages with idFrom = highest id and drops the inclusive boundary', async () => {
      const id = visible()[0].id;
      const source = adapter();
      const first = await source.listMessages(id);
      const added = backend.db.appendMessage(id, { direction: 'inbound', kind: 'text', text: 'new one' });
      const newer = await source.listMessages(id, { cursor: first.newer! });
      const highest = first.items[first.items.length - 1].id;
      expect(lastRequest().query).to.deep.equal({ idFrom: highest });
      expect(newer.items.map((m) => m.id)).to.deep.equal([String(added.seq)]);
      expect(newer.items[0]).to.include({ direction: 'inbound', text: 'new one', status: 'received' });
      expect(newer.newer).to.equal(`idFrom:${added.seq}`);
      const again = await source.listMessages(id, { cursor: newer.newer! });
      expect(again.items).to.deep.equal([]);
      expect(again.newer).to.equal(newer.newer);
    });

    it('maps uppercase delivery statuses', async () => {
      const id = visible().find((c) => backend.db.messages(c.id).some((m) => m.status === 'delivered'))!.id;
      const page = await adapter().listMessages(id);
      const ref = backend.db.messages(id).find((m) => m.status === 'delivered')!;
      const m = page.items.find((x) => x.id === String(ref.seq))!;
      expect(m.rawStatus).to.equal('DELIVERED');
      expect(m.status).to.equal('delivered');
    });

    it('answers 404 for an unknown conversation', async () => {
      const error = await rejection(adapter().listMessages('no-such-chat'));
      expect(error).to.include({ kind: 'not_found', httpStatus: 404 });
      expect(error.message).to.contain('not found');
    });
  });

  describe('send', () => {
    it('POSTs {chatId, text} to the literal reply path and returns a pending, queued message', async () => {
      const ref = visible().find((c) => backend.db.windowOpen(c.id))!;
      const result = await adapter().send({
        kind: 'text',
        conversationId: ref.id,
        clientRef: 'ref-1',
        text: 'Hello there',
      });
      const req = lastRequest();
      expect(req).to.include({ method: 'POST', path: `${BASE}/reply` });
      expect(req.body).to.deep.equal({ chatId: ref.id, text: 'Hello there' });
      expect(req.headers['content-type']).to.contain('application/json');
      expect(req.headers['idempotency-key']).to.equal(undefined);
      expect(result.accepted).to.equal('queued');
      expect(result.message).to.include({
        id: 'pending:ref-1',
        clientRef: 'ref-1',
        conversationId: ref.id,
        direction: 'outbound',
        status: 'pending',
        text: 'Hello there',
      });
      const thread = await adapter().listMessages(ref.id);
      const stored = thread.items[thread.items.length - 1];
      expect(stored).to.include({ text: 'Hello there', direction: 'outbound', status: 'sent', rawStatus: 'SENT' });
    });

    it('uses the configured reply field names', async () => {
      const ref = visible()[0];
      const error = await rejection(
        adapter({ replyChatIdField: 'conversationId', replyTextField: 'message' }).send({
          kind: 'text',
          conversationId: ref.id,
          clientRef: 'r',
          text: 'hi',
        }),
      );
      expect(lastRequest().body).to.deep.equal({ conversationId: ref.id, message: 'hi' });
      // the reference backend implements the {chatId, text} assumption
      expect(error).to.include({ kind: 'validation', httpStatus: 400 });
    });

    it('is accepted outside the 24-hour window and later reads as FAILED → outside_window', async () => {
      const ref = visible().find((c) => whatsapp(c) && !backend.db.windowOpen(c.id))!;
      expect(ref, 'the seed has a closed WhatsApp window').to.not.equal(undefined);
      const result = await adapter().send({
        kind: 'text',
        conversationId: ref.id,
        clientRef: 'late',
        text: 'Too late?',
      });
      expect(result.accepted).to.equal('queued');
      expect(result.message.status).to.equal('pending');
      const thread = await adapter().listMessages(ref.id);
      const stored = thread.items.find((m) => m.text === 'Too late?')!;
      expect(stored.status).to.equal('failed');
      expect(stored.rawStatus).to.equal('FAILED');
      expect(stored.error?.kind).to.equal('outside_window');
      expect(stored.error?.message).to.match(/24-hour/);
    });

    it('rejects missing text with 400 → validation', async () => {
      const error = await rejection(
        adapter().send({ kind: 'text', conversationId: visible()[0].id, clientRef: 'x', text: '   ' }),
      );
      expect(error).to.include({
        kind: 'validation',
        httpStatus: 400,
        code: 'Bad Request',
        message: 'text is required',
      });
    });

    it('rejects an unknown chatId with 404 → not_found', async () => {
      const error = await rejection(
        adapter().send({ kind: 'text', conversationId: 'nope', clientRef: 'x', text: 'hi' }),
      );
      expect(error).to.include({ kind: 'not_found', httpStatus: 404 });
    });

    it('refuses templates without a request (not part of the Inbox API)', async () => {
      const error = await rejection(
        adapter().send({ kind: 'template', conversationId: visible()[0].id, clientRef: 't', templateName: 'hello' }),
      );
      expect(error.kind).to.equal('unsupported');
      expect(sent()).to.have.length(0);
    });

    it('does not retry a POST after a dropped connection', async () => {
      backend.faults.add({ dialect: 'qlara', method: 'POST', path: '/reply', drop: true, times: 1 });
      const error = await rejection(
        adapter().send({ kind: 'text', conversationId: visible()[0].id, clientRef: 'd', text: 'once' }),
      );
      expect(error.kind).to.equal('network');
      expect(sent().filter((r) => r.method === 'POST')).to.have.length(1);
    });
  });

  describe('conversation actions', () => {
    it('marks read with PATCH …/read (204), idempotently', async () => {
      const ref = visible().find((c) => c.unreadCount > 0)!;
      const source = adapter();
      await source.markRead(ref.id);
      expect(lastRequest()).to.include({ method: 'PATCH', path: `${BASE}/${ref.id}/read` });
      expect(backend.db.getConversation(ref.id)!.unreadCount).to.equal(0);
      await source.markRead(ref.id);
      expect(sent()).to.have.length(2);
    });

    it('archives (the conversation leaves the list, reads as archived) and unarchives', async () => {
      const ref = visible()[0];
      const source = adapter();
      await source.archive(ref.id);
      expect(lastRequest()).to.include({ method: 'PATCH', path: `${BASE}/${ref.id}/archive` });
      expect((await source.listConversations()).items.some((c) => c.id === ref.id)).to.equal(false);
      expect((await source.getConversation(ref.id)).status).to.equal('archived');
      await source.unarchive(ref.id);
      expect(lastRequest()).to.include({ method: 'PATCH', path: `${BASE}/${ref.id}/unarchive` });
      expect((await source.listConversations()).items.find((c) => c.id === ref.id)?.status).to.equal('open');
      expect((await source.getConversation(ref.id)).status).to.equal('open');
    });

    it('answers 404 for actions on an unknown conversation', async () => {
      for (const call of [adapter().markRead('x-1'), adapter().archive('x-1'), adapter().unassign('x-1')]) {
        expect((await rejection(call)).kind).to.equal('not_found');
      }
    });

    it('assigns with POST …/assignee {userId} and unassigns with DELETE, idempotently', async () => {
      const ref = visible()[0];
      const agent = backend.db.agents[0];
      const source = adapter();
      await source.assign(ref.id, agent.id);
      expect(lastRequest()).to.deep.include({
        method: 'POST',
        path: `${BASE}/${ref.id}/assignee`,
        body: { userId: agent.id },
      });
      expect(backend.db.getConversation(ref.id)!.assigneeId).to.equal(agent.id);
      expect((await source.getConversation(ref.id)).assignee?.id).to.equal(agent.id);
      await source.unassign(ref.id);
      expect(lastRequest()).to.include({ method: 'DELETE', path: `${BASE}/${ref.id}/assignee` });
      expect(backend.db.getConversation(ref.id)!.assigneeId).to.equal(null);
      await source.unassign(ref.id);
      expect((await source.getConversation(ref.id)).assignee).to.equal(null);
    });

    it('maps an unknown user to not_found and an empty userId to validation', async () => {
      const ref = visible()[0];
      expect(await rejection(adapter().assign(ref.id, 'no-such-user'))).to.include({
        kind: 'not_found',
        httpStatus: 404,
      });
      expect(await rejection(adapter().assign(ref.id, ''))).to.include({ kind: 'validation', httpStatus: 400 });
    });
  });

  describe('listAssignees', () => {
    it('GETs the literal assignable-users path and maps the users', async () => {
      const agents = await adapter().listAssignees();
      expect(lastRequest()).to.include({ method: 'GET', path: `${BASE}/assignable-users` });
      expect(agents.map((a) => a.id)).to.deep.equal(backend.db.agents.map((a) => a.id));
      expect(agents[0].displayName).to.equal(backend.db.agents[0].name);
    });

    it('retries a transient 502 from the profile service', async () => {
      backend.faults.add({ dialect: 'qlara', path: '/assignable-users', status: 502, times: 1 });
      const agents = await adapter().listAssignees();
      expect(agents).to.have.length(backend.db.agents.length);
      expect(sent()).to.have.length(2);
    });

    it('reports a persistent 502 as upstream (retryable)', async () => {
      backend.faults.add({
        dialect: 'qlara',
        path: '/assignable-users',
        status: 502,
        body: { status: 502, error: 'Bad Gateway', message: 'User profile service unavailable' },
      });
      const error = await rejection(adapter({ retries: 0 }).listAssignees());
      expect(error).to.include({
        kind: 'upstream',
        httpStatus: 502,
        retryable: true,
        message: 'User profile service unavailable',
      });
    });
  });

  describe('errors', () => {
    it('answers 401 without X-Api-Key or Basic auth → unauthorized', async () => {
      const error = await rejection(adapter({ headers: {} }).listConversations());
      expect(error).to.include({ kind: 'unauthorized', httpStatus: 401, code: 'Unauthorized' });
      expect(error.message).to.contain('API key');
    });

    it('accepts Basic auth instead of an API key', async () => {
      const page = await adapter({ headers: { Authorization: `Basic ${btoa('user:secret')}` } }).listConversations();
      expect(page.items.length).to.be.greaterThan(0);
      expect(lastRequest().headers.authorization).to.equal(`Basic ${btoa('user:secret')}`);
    });

    it('maps 429 with the body retryAfter to rate_limited, 12 000 ms', async () => {
      backend.faults.add({
        dialect: 'qlara',
        status: 429,
        body: {
          status: 429,
          error: 'Too Many Requests',
          message: 'Rate limit exceeded. Please retry after 12 seconds.',
          retryAfter: 12,
        },
      });
      const error = await rejection(adapter({ retries: 0 }).listConversations());
      expect(error).to.include({ kind: 'rate_limited', httpStatus: 429, retryAfterMs: 12_000, retryable: true });
      expect(error.message).to.equal('Rate limit exceeded. Please retry after 12 seconds.');
    });

    it('prefers the Retry-After header over the body', async () => {
      backend.faults.add({ dialect: 'qlara', status: 429, retryAfter: 3, body: { status: 429, retryAfter: 12 } });
      const error = await rejection(adapter({ retries: 0 }).markRead(visible()[0].id));
      expect(error).to.include({ kind: 'rate_limited', retryAfterMs: 3000 });
    });

    it('maps injected 403, 409 and 500 answers, falling back to the HTTP status', async () => {
      const id = visible()[0].id;
      backend.faults.add({
        dialect: 'qlara',
        status: 403,
        times: 1,
        body: { status: 403, error: 'Forbidden', message: 'No access' },
      });
      expect(await rejection(adapter().getConversation(id))).to.include({ kind: 'forbidden', message: 'No access' });
      backend.faults.add({
        dialect: 'qlara',
        status: 409,
        times: 1,
        body: { status: 409, error: 'Conflict', message: 'Busy' },
      });
      expect(await rejection(adapter().archive(id))).to.include({ kind: 'conflict', httpStatus: 409 });
      backend.faults.add({ dialect: 'qlara', status: 500, times: 1, body: '' });
      const server = await rejection(adapter().getConversation(id));
      expect(server).to.include({ kind: 'server', httpStatus: 500 });
      expect(server.message).to.contain('500');
    });

    it('retries a GET after 503 (two requests)', async () => {
      backend.faults.add({ dialect: 'qlara', method: 'GET', status: 503, times: 1 });
      const page = await adapter().listConversations();
      expect(page.items.length).to.be.greaterThan(0);
      expect(sent()).to.have.length(2);
    });

    it('passes the abort signal on', async () => {
      const controller = new AbortController();
      backend.faults.add({ dialect: 'qlara', latencyMs: 200 });
      const pending = adapter().listConversations({}, { signal: controller.signal });
      controller.abort();
      let caught: unknown;
      try {
        await pending;
      } catch (error) {
        caught = error;
      }
      expect((caught as Error | undefined)?.name).to.equal('AbortError');
    });
  });
});
