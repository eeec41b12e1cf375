/**
 * The router through real fetch, against the MSW worker of browser.ts, with a
 * test-only dialect handler (no dependency on the five dialect files).
 */
import { expect } from '@open-wc/testing';
import { startReferenceBackend, type BrowserReferenceBackend } from '../../reference-backend/browser.js';
import { ReferenceDb } from '../../reference-backend/db.js';
import { json, type DialectHandler } from '../../reference-backend/router.js';

const NOW = Date.parse('2025-06-01T12:00:00.000Z');

const echo: DialectHandler = async (ctx) => {
  switch (ctx.path) {
    case '/conversations':
      return json({ count: ctx.db.listConversations().length });
    case '/echo':
      return json(
        { method: ctx.request.method, dialect: ctx.dialect, query: ctx.query.getAll('a'), body: await ctx.json() },
        201,
        { 'X-Echo': 'yes' },
      );
    case '/strict':
      await ctx.json();
      return json({ ok: true });
    case '/throw':
      throw new Error('boom');
    default:
      if (ctx.path.startsWith('/conversations/') && ctx.request.method === 'POST') {
        const id = decodeURIComponent(ctx.path.split('/')[2]);
        const message = ctx.db.appendMessage(id, { direction: 'outbound', kind: 'text', text: 'hi' });
        return json({ message }, 201);
      }
      return undefined;
  }
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('reference backend router (MSW, real fetch)', () => {
  let backend: BrowserReferenceBackend;
  let base: string;

  before(async () => {
    backend = await startReferenceBackend({
      db: ReferenceDb.seeded({ now: NOW, conversations: 12 }),
      handlers: { echo },
    });
    base = backend.baseUrl('echo');
  });

  afterEach(() => {
    backend.faults.clear();
    backend.clearRequests();
  });

  it('starts once per page', async () => {
    expect(await startReferenceBackend()).to.equal(backend);
    expect(base).to.equal(`${location.origin}/ref/echo`);
  });

  it('routes /ref/<dialect>/… to the dialect handler with the store', async () => {
    const res = await fetch(`${base}/conversations`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.include('application/json');
    expect(res.headers.get('access-control-allow-origin')).to.equal('*');
    expect(await res.json()).to.deep.equal({ count: 12 });
  });

  it('passes method, query and parsed body, and keeps the handler headers', async () => {
    const res = await fetch(`${base}/echo?a=1&a=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'héllo 👋' }),
    });
    expect(res.status).to.equal(201);
    expect(res.headers.get('x-echo')).to.equal('yes');
    expect(await res.json()).to.deep.equal({
      method: 'POST',
      dialect: 'echo',
      query: ['1', '2'],
      body: { text: 'héllo 👋' },
    });
  });

  it('answers 404 route_not_found when the handler returns undefined, and for an unknown dialect', async () => {
    const res = await fetch(`${base}/nowhere`);
    expect(res.status).to.equal(404);
    expect(await res.json()).to.deep.equal({ error: 'route_not_found' });
    const unknown = await fetch(`${location.origin}/ref/nobody/conversations`);
    expect(unknown.status).to.equal(404);
    expect(await unknown.json()).to.include({ error: 'unknown_dialect' });
  });

  it('answers 400 invalid_json for a malformed body and 500 when a handler throws', async () => {
    const bad = await fetch(`${base}/strict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"nope":',
    });
    expect(bad.status).to.equal(400);
    expect(await bad.json()).to.include({ error: 'invalid_json' });
    const empty = await fetch(`${base}/strict`, { method: 'POST' });
    expect(empty.status).to.equal(200);
    const thrown = await fetch(`${base}/throw`);
    expect(thrown.status).to.equal(500);
    expect(await thrown.json()).to.include({ error: 'internal_error' });
  });

  it('answers a CORS preflight with 204', async () => {
    const res = await fetch(`${base}/conversations`, {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(res.status).to.equal(204);
    expect(res.headers.get('access-control-allow-origin')).to.equal('*');
    expect(res.headers.get('access-control-allow-methods')).to.include('PATCH');
    expect(backend.requests).to.deep.equal([]);
  });

  it('leaves requests outside the prefix alone', async () => {
    expect(await backend.handle(new Request(`${location.origin}/reference/echo/conversations`))).to.equal(undefined);
    expect(await backend.handle(new Request(`${location.origin}/other`))).to.equal(undefined);
  });

  describe('request recording', () => {
    it('records dialect, method, path, query, lower-cased headers and the parsed body', async () => {
      await fetch(`${base}/echo?a=1&a=2&b=x`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'k-123', 'Idempotency-Key': 'ref-1' },
        body: JSON.stringify({ to: '+34600000000', kind: 'text' }),
      });
      await fetch(`${base}/conversations`);
      expect(backend.requests).to.have.length(2);
      const [post, get] = backend.requests;
      expect(post).to.deep.include({
        dialect: 'echo',
        method: 'POST',
        path: '/echo',
        query: { a: ['1', '2'], b: 'x' },
        body: { to: '+34600000000', kind: 'text' },
      });
      expect(post.headers['x-api-key']).to.equal('k-123');
      expect(post.headers['idempotency-key']).to.equal('ref-1');
      expect(get).to.deep.include({ method: 'GET', path: '/conversations', query: {}, body: undefined });
    });

    it('records a non-JSON body as text', async () => {
      await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'plain words' });
      expect(backend.requests[0].body).to.equal('plain words');
    });

    it('records before faults apply', async () => {
      backend.faults.add({ dialect: 'echo', status: 503 });
      const res = await fetch(`${base}/conversations`);
      expect(res.status).to.equal(503);
      expect(backend.requests.map((r) => r.path)).to.deep.equal(['/conversations']);
    });
  });

  describe('faults', () => {
    it('answers the fault status, body and Retry-After header instead of the handler, `times` times', async () => {
      backend.faults.add({
        dialect: 'echo',
        path: '/conversations',
        status: 429,
        retryAfter: 12,
        body: { error: 'rate_limited', retryAfter: 12 },
        times: 2,
      });
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${base}/conversations`);
        expect(res.status).to.equal(429);
        expect(res.headers.get('retry-after')).to.equal('12');
        expect(await res.json()).to.deep.equal({ error: 'rate_limited', retryAfter: 12 });
      }
      const third = await fetch(`${base}/conversations`);
      expect(third.status).to.equal(200);
      expect(await third.json()).to.deep.equal({ count: 12 });
    });

    it('matches only its dialect, method and path', async () => {
      backend.faults.add({ dialect: 'echo', method: 'POST', path: /^\/echo$/, status: 400 });
      expect((await fetch(`${base}/echo`)).status).to.equal(201);
      expect((await fetch(`${base}/conversations`, { method: 'POST' })).status).to.equal(200);
      expect((await fetch(`${base}/echo`, { method: 'POST' })).status).to.equal(400);
    });

    it('sends a string body as text and defaults the body to injected_fault', async () => {
      backend.faults.add({ path: '/conversations', status: 502, body: '<html>Bad gateway</html>', times: 1 });
      backend.faults.add({ path: '/conversations', status: 500, times: 1 });
      const html = await fetch(`${base}/conversations`);
      expect(html.status).to.equal(502);
      expect(await html.text()).to.equal('<html>Bad gateway</html>');
      const plain = await fetch(`${base}/conversations`);
      expect(plain.status).to.equal(500);
      expect(await plain.json()).to.deep.equal({ error: 'injected_fault', status: 500 });
    });

    it('drops the connection: fetch rejects', async () => {
      backend.faults.add({ path: '/conversations', drop: true, times: 1 });
      const error = await rejection(fetch(`${base}/conversations`));
      expect(error).to.be.instanceOf(TypeError);
      expect((await fetch(`${base}/conversations`)).status).to.equal(200);
    });

    it('delays by latencyMs, then lets the handler answer with the fault headers merged', async () => {
      backend.faults.add({
        path: '/conversations',
        latencyMs: 250,
        headers: { 'X-RateLimit-Remaining': '3' },
        times: 1,
      });
      const started = performance.now();
      const res = await fetch(`${base}/conversations`);
      const elapsed = performance.now() - started;
      expect(elapsed).to.be.at.least(240);
      expect(res.status).to.equal(200);
      expect(res.headers.get('x-ratelimit-remaining')).to.equal('3');
      expect(await res.json()).to.deep.equal({ count: 12 });
      expect(backend.faults.list(), 'a one-time fault is used up').to.have.length(0);
    });
  });

  describe('control endpoints', () => {
    it('POST/GET/DELETE /ref/__faults manage fault rules', async () => {
      const created = await fetch('/ref/__faults', {
        method: 'POST',
        body: JSON.stringify({ dialect: 'echo', path: '/conversations', status: 503, retryAfter: 5, times: 1 }),
      });
      expect(created.status).to.equal(201);
      const { id } = (await created.json()) as { id: number };
      expect(id).to.be.a('number');
      const listed = (await (await fetch('/ref/__faults')).json()) as { faults: Array<{ id: number; status: number }> };
      expect(listed.faults.map((f) => [f.id, f.status])).to.deep.equal([[id, 503]]);
      const faulted = await fetch(`${base}/conversations`);
      expect(faulted.status).to.equal(503);
      expect(faulted.headers.get('retry-after')).to.equal('5');
      expect((await fetch(`${base}/conversations`)).status).to.equal(200);

      await fetch('/ref/__faults', { method: 'POST', body: JSON.stringify({ status: 500 }) });
      expect((await fetch(`${base}/conversations`)).status).to.equal(500);
      const cleared = await fetch('/ref/__faults', { method: 'DELETE' });
      expect(cleared.status).to.equal(204);
      expect((await fetch(`${base}/conversations`)).status).to.equal(200);
    });

    it('rejects a malformed fault rule', async () => {
      expect((await fetch('/ref/__faults', { method: 'POST', body: '{' })).status).to.equal(400);
      expect((await fetch('/ref/__faults', { method: 'POST', body: '[1]' })).status).to.equal(400);
      expect(backend.faults.list()).to.deep.equal([]);
    });

    it('GET /ref/__requests returns the log; control calls are not logged', async () => {
      await fetch(`${base}/conversations?x=1`);
      const log = (await (await fetch('/ref/__requests')).json()) as Array<{
        dialect: string;
        path: string;
        query: unknown;
      }>;
      expect(log).to.have.length(1);
      expect(log[0]).to.deep.include({ dialect: 'echo', path: '/conversations', query: { x: '1' } });
    });

    it('POST /ref/__reset restores the seed and clears faults and the log', async () => {
      const conversation = backend.db.listConversations()[0];
      const length = backend.db.messages(conversation.id).length;
      const sent = await fetch(`${base}/conversations/${conversation.id}/messages`, { method: 'POST' });
      expect(sent.status).to.equal(201);
      expect(backend.db.messages(conversation.id)).to.have.length(length + 1);
      backend.faults.add({ path: '/nothing', status: 500 });
      const reset = await fetch('/ref/__reset', { method: 'POST' });
      expect(reset.status).to.equal(204);
      expect(backend.db.messages(conversation.id)).to.have.length(length);
      expect(backend.faults.list()).to.deep.equal([]);
      expect(backend.requests).to.deep.equal([]);
    });

    it('answers 404 for an unknown control endpoint and 405 for a wrong method', async () => {
      expect((await fetch('/ref/__nothing')).status).to.equal(404);
      expect((await fetch('/ref/__reset')).status).to.equal(405);
    });
  });
});
