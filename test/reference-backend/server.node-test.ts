/// <reference types="node" />
/**
 * The reference backend as a real HTTP server (what `npm run backend` runs):
 * every dialect answers its own wire format over a socket, with its auth check,
 * its documented errors and the fault injection of the browser (MSW) backend.
 *
 *   node --import tsx --test test/reference-backend/server.node-test.ts
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../reference-backend/server.js';

const AUTH = {
  switchbord: { Authorization: 'Bearer host-session' },
  qlara: { 'X-Api-Key': 'test-key' },
  cloove: { Authorization: 'Bearer clv_test_sk_0123456789abcdef0123456789abcdef' },
  superwaba: { 'x-org-id': 'org-test', Authorization: 'Bearer test-token' },
  vobiz: { 'X-Auth-ID': 'MA_TEST0001', 'X-Auth-Token': 'test-token' },
} as const;

/** The documented list path of each dialect and how to find the rows in its answer. */
const LISTS: Record<keyof typeof AUTH, { path: string; rows: (body: Record<string, unknown>) => unknown }> = {
  switchbord: { path: '/internal/conversations?limit=5&offset=0', rows: (b) => b.conversations },
  qlara: { path: '/partner-gateway/v1/inbox/conversations?orderBy=-lastMessageDate', rows: (b) => b },
  cloove: { path: '/v1/messaging/conversations?page=1&limit=5', rows: (b) => b.data },
  superwaba: {
    path: '/api/whatsapp/conversations?page=1&limit=5',
    rows: (b) => (b.data as Record<string, unknown>).conversations,
  },
  vobiz: { path: '/v1/messaging/conversations?page=1&limit=5', rows: (b) => b.data },
};

describe('reference backend over HTTP', () => {
  let running: RunningServer;

  before(async () => {
    running = await startServer(0);
  });
  beforeEach(async () => {
    await fetch(`${running.origin}/ref/__reset`, { method: 'POST' });
  });
  after(async () => {
    await running.close();
  });

  for (const dialect of Object.keys(LISTS) as (keyof typeof AUTH)[]) {
    it(`${dialect}: lists conversations in its wire format with its auth, and refuses a request without it`, async () => {
      const { path, rows } = LISTS[dialect];
      const res = await fetch(`${running.baseUrl(dialect)}${path}`, { headers: AUTH[dialect] });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const list = rows((await res.json()) as Record<string, unknown>);
      assert.ok(Array.isArray(list) && list.length > 0, `${dialect}: no rows`);
      const bare = await fetch(`${running.baseUrl(dialect)}${path}`);
      if (dialect !== 'switchbord') assert.equal(bare.status, 401, `${dialect} without auth`);
    });
  }

  it('answers the documented error body (switchbord 404 conversation_not_found)', async () => {
    const res = await fetch(`${running.baseUrl('switchbord')}/internal/conversations/nope`, {
      headers: AUTH.switchbord,
    });
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { error: 'conversation_not_found' });
  });

  it('injects a 429 with Retry-After, then answers normally; and records what it received', async () => {
    const rule = { dialect: 'cloove', path: '/v1/messaging/conversations', status: 429, retryAfter: 2, times: 1 };
    const added = await fetch(`${running.origin}/ref/__faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(rule),
    });
    assert.ok(added.ok, `fault rule refused: ${added.status}`);
    const url = `${running.baseUrl('cloove')}/v1/messaging/conversations?page=1&limit=5`;
    const limited = await fetch(url, { headers: AUTH.cloove });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '2');
    assert.equal((await fetch(url, { headers: AUTH.cloove })).status, 200);
    const log = (await (await fetch(`${running.origin}/ref/__requests`)).json()) as unknown;
    const requests = (Array.isArray(log) ? log : (log as { requests: unknown[] }).requests) as {
      dialect: string;
      method: string;
      path: string;
      query: Record<string, unknown>;
    }[];
    const cloove = requests.filter((r) => r.dialect === 'cloove');
    assert.equal(cloove.length, 2);
    assert.equal(cloove[0].method, 'GET');
    assert.equal(cloove[0].path, '/v1/messaging/conversations');
    assert.deepEqual(cloove[0].query, { page: '1', limit: '5' });
  });

  it('drops the connection when told to', async () => {
    await fetch(`${running.origin}/ref/__faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ dialect: 'vobiz', path: '/v1/messaging/conversations', drop: true, times: 1 }),
    });
    await assert.rejects(fetch(`${running.baseUrl('vobiz')}/v1/messaging/conversations`, { headers: AUTH.vobiz }));
  });
});
