import { expect, waitUntil } from '@open-wc/testing';
import { HttpClient, joinUrl, withQuery, type HttpClientOptions } from '../../../src/adapters/shared/http-client.js';
import { InboxError } from '../../../src/data/errors.js';
import { installFakeTimers, type FakeClock } from '../../support/fake-timers.js';
import { anyRejection } from '../support/assertions.js';

interface Call {
  url: string;
  init: RequestInit;
}

/** A scripted fetch: each call takes the next answer (a Response, an Error to throw, or 'hang'). */
function scriptedFetch(answers: (Response | Error | 'hang' | (() => Response))[]) {
  const calls: Call[] = [];
  const fetch = (url: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    calls.push({ url: url instanceof Request ? url.url : url.toString(), init });
    const next = answers.shift();
    if (next === undefined) return Promise.reject(new Error('no scripted answer left'));
    if (next === 'hang') {
      return new Promise((_, reject) => {
        if (init.signal?.aborted) reject(new DOMException('aborted', 'AbortError'));
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (next instanceof Error) return Promise.reject(next);
    return Promise.resolve(typeof next === 'function' ? next() : next);
  };
  return { fetch: fetch, calls };
}

/** A sleep the test releases by hand, recording each requested wait. */
function manualSleep() {
  const waits: number[] = [];
  let release: () => void = () => {};
  const sleep = (ms: number) => {
    waits.push(ms);
    return new Promise<void>((resolve) => {
      release = resolve;
    });
  };
  return { sleep, waits, release: () => release() };
}

const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function client(fetch: typeof globalThis.fetch, extra: Partial<HttpClientOptions> = {}) {
  return new HttpClient({ dialect: 'test', baseUrl: 'https://crm.example/proxy/x/', fetch, backoffMs: 1, ...extra });
}

describe('HttpClient', () => {
  describe('urls', () => {
    it('joins base and path with exactly one slash, keeping the base path', () => {
      expect(joinUrl('https://a.example/proxy/', '/v1/x')).to.equal('https://a.example/proxy/v1/x');
      expect(joinUrl('https://a.example/proxy', 'v1/x')).to.equal('https://a.example/proxy/v1/x');
    });

    it('repeats array keys and leaves out empty values', () => {
      expect(withQuery('/x', { a: [1, 2], b: undefined, c: '', d: false })).to.equal('/x?a=1&a=2&d=false');
    });
  });

  describe('headers', () => {
    it('merges the host hook (async function), JSON content type and the idempotency key', async () => {
      const { fetch, calls } = scriptedFetch([jsonResponse({ ok: 1 })]);
      const http = client(fetch, { headers: async () => ({ 'X-Api-Key': 'k1' }) });
      await http.request({ method: 'POST', path: '/send', body: { a: 1 }, idempotencyKey: 'ref-1' });
      const headers = new Headers(calls[0].init.headers);
      expect(headers.get('x-api-key')).to.equal('k1');
      expect(headers.get('content-type')).to.equal('application/json');
      expect(headers.get('idempotency-key')).to.equal('ref-1');
      expect(calls[0].init.body).to.equal('{"a":1}');
      expect(calls[0].url).to.equal('https://crm.example/proxy/x/send');
    });

    it('takes a plain header object and passes credentials to fetch', async () => {
      const { fetch, calls } = scriptedFetch([jsonResponse({ ok: 1 })]);
      const http = client(fetch, { headers: { 'X-Auth-ID': 'MA_1' }, credentials: 'include' });
      await http.request({ path: '/list' });
      const headers = new Headers(calls[0].init.headers);
      expect(headers.get('x-auth-id')).to.equal('MA_1');
      expect(headers.get('accept')).to.equal('application/json');
      expect(headers.has('content-type'), 'no body, no content type').to.equal(false);
      expect(calls[0].init.credentials).to.equal('include');
      expect(calls[0].init.signal).to.be.instanceOf(AbortSignal);
    });
  });

  describe('retries', () => {
    let clock: FakeClock | undefined;
    afterEach(() => {
      clock?.restore();
      clock = undefined;
    });

    it('waits the whole Retry-After: 2 on the real timer before the second GET (fake timers)', async () => {
      const { fetch, calls } = scriptedFetch([
        jsonResponse({}, 429, { 'Retry-After': '2' }),
        jsonResponse({ ok: true }),
      ]);
      clock = installFakeTimers();
      const pending = new HttpClient({ dialect: 'test', baseUrl: 'https://crm.example/', fetch }).request<{
        ok: boolean;
      }>({ path: '/list' });
      await clock.flush();
      expect(calls).to.have.length(1);
      await clock.tick(1999);
      expect(calls, 'retried before Retry-After had passed').to.have.length(1);
      await clock.tick(1);
      expect(calls).to.have.length(2);
      expect((await pending).data.ok).to.equal(true);
    });

    it('never retries a POST without an idempotency key after a 503 or a 429', async () => {
      const { fetch, calls } = scriptedFetch([jsonResponse({}, 503), jsonResponse({}, 429, { 'Retry-After': '1' })]);
      const http = client(fetch);
      const first = (await anyRejection(http.request({ method: 'POST', path: '/send', body: {} }))) as InboxError;
      expect(first.kind).to.equal('upstream');
      expect(calls).to.have.length(1);
      const second = (await anyRejection(http.request({ method: 'POST', path: '/send', body: {} }))) as InboxError;
      expect(second.kind).to.equal('rate_limited');
      expect(calls).to.have.length(2);
    });

    it('retries a GET after 503 and resolves with the second answer', async () => {
      const { fetch, calls } = scriptedFetch([jsonResponse({}, 503), jsonResponse({ n: 2 })]);
      const res = await client(fetch).request<{ n: number }>({ path: '/list' });
      expect(res.data.n).to.equal(2);
      expect(calls).to.have.length(2);
    });

    it('does not retry a 429 with Retry-After: 2 before two seconds have passed', async () => {
      const { fetch, calls } = scriptedFetch([
        jsonResponse({}, 429, { 'Retry-After': '2' }),
        jsonResponse({ ok: true }),
      ]);
      const timer = manualSleep();
      const pending = client(fetch, { sleep: timer.sleep }).request({ path: '/list' });
      await waitUntil(() => timer.waits.length > 0, 'the client never waited');
      expect(timer.waits).to.deep.equal([2000]);
      expect(calls).to.have.length(1);
      timer.release();
      await pending;
      expect(calls).to.have.length(2);
    });

    it('never retries a POST after a network error', async () => {
      const { fetch, calls } = scriptedFetch([new TypeError('Failed to fetch'), jsonResponse({})]);
      const error = await anyRejection(client(fetch).request({ method: 'POST', path: '/send', body: {} }));
      expect(error).to.be.instanceOf(InboxError);
      expect((error as InboxError).kind).to.equal('network');
      expect(calls).to.have.length(1);
    });

    it('retries a POST that carries an idempotency key', async () => {
      const { fetch, calls } = scriptedFetch([new TypeError('Failed to fetch'), jsonResponse({ id: 'm1' }, 201)]);
      const res = await client(fetch).request({ method: 'POST', path: '/send', body: {}, idempotencyKey: 'k' });
      expect(res.status).to.equal(201);
      expect(calls).to.have.length(2);
      expect(new Headers(calls[1].init.headers).get('idempotency-key')).to.equal('k');
    });

    it('gives up after the configured retries', async () => {
      const { fetch, calls } = scriptedFetch([jsonResponse({}, 502), jsonResponse({}, 502), jsonResponse({}, 502)]);
      const error = (await anyRejection(client(fetch, { retries: 2 }).request({ path: '/x' }))) as InboxError;
      expect(error.kind).to.equal('upstream');
      expect(calls).to.have.length(3);
    });

    it('does not retry a 404', async () => {
      const { fetch, calls } = scriptedFetch([jsonResponse({ error: 'nope' }, 404)]);
      const error = (await anyRejection(client(fetch).request({ path: '/x' }))) as InboxError;
      expect(error.kind).to.equal('not_found');
      expect(calls).to.have.length(1);
    });
  });

  describe('errors', () => {
    it('maps statuses to kinds and reads the dialect body', async () => {
      const { fetch } = scriptedFetch([jsonResponse({ error: 'missing_scope', message: 'Needs scope' }, 403)]);
      const http = client(fetch, {
        parseError: (_s, body) => ({
          code: (body as { error: string }).error,
          message: (body as { message: string }).message,
        }),
      });
      const error = (await anyRejection(http.request({ path: '/x' }))) as InboxError;
      expect(error.kind).to.equal('forbidden');
      expect(error.code).to.equal('missing_scope');
      expect(error.message).to.equal('Needs scope');
      expect(error.httpStatus).to.equal(403);
      expect(error.retryable).to.equal(false);
    });

    it('takes retryAfterMs from the header, else from the body parser', async () => {
      const { fetch } = scriptedFetch([jsonResponse({ retryAfter: 12 }, 429)]);
      const http = client(fetch, {
        retries: 0,
        parseError: (_s, b) => ({ retryAfterMs: (b as { retryAfter: number }).retryAfter * 1000 }),
      });
      const error = (await anyRejection(http.request({ path: '/x' }))) as InboxError;
      expect(error.kind).to.equal('rate_limited');
      expect(error.retryAfterMs).to.equal(12_000);
    });

    it('says clearly when a body is not JSON', async () => {
      const { fetch } = scriptedFetch([new Response('<html>proxy error</html>', { status: 200 })]);
      const error = (await anyRejection(client(fetch).request({ path: '/x' }))) as InboxError;
      expect(error.kind).to.equal('invalid_response');
      expect(error.message).to.contain('not JSON');
    });

    it('says clearly when a body is empty where JSON was expected, and accepts 204 where none is', async () => {
      const { fetch } = scriptedFetch([new Response('', { status: 200 }), new Response(null, { status: 204 })]);
      const http = client(fetch);
      const error = (await anyRejection(http.request({ path: '/x' }))) as InboxError;
      expect(error.kind).to.equal('invalid_response');
      expect(error.message).to.contain('empty');
      const ok = await http.request({ method: 'PATCH', path: '/read', expect: 'none' });
      expect(ok.status).to.equal(204);
    });

    it('times out a request that never answers', async () => {
      const { fetch } = scriptedFetch(['hang']);
      const error = (await anyRejection(
        client(fetch, { timeoutMs: 5, retries: 0 }).request({ path: '/x' }),
      )) as InboxError;
      expect(error.kind).to.equal('timeout');
      expect(error.retryable).to.equal(true);
    });
  });

  describe('abort', () => {
    it('rejects with an AbortError, not an InboxError', async () => {
      const { fetch } = scriptedFetch(['hang']);
      const controller = new AbortController();
      const pending = client(fetch).request({ path: '/x', signal: controller.signal });
      controller.abort();
      const error = await anyRejection(pending);
      expect((error as Error).name).to.equal('AbortError');
      expect(error).not.to.be.instanceOf(InboxError);
    });

    it('stops waiting for a retry when aborted during the backoff', async () => {
      const { fetch, calls } = scriptedFetch([jsonResponse({}, 503), jsonResponse({})]);
      const controller = new AbortController();
      const pending = client(fetch, { backoffMs: 60_000 }).request({ path: '/x', signal: controller.signal });
      await waitUntil(() => calls.length === 1);
      await waitUntil(() => true);
      controller.abort();
      const error = await anyRejection(pending);
      expect((error as Error).name).to.equal('AbortError');
      expect(calls).to.have.length(1);
    });
  });
});
