/**
 * What the adapter tests share to run against the reference backend (MSW in
 * the browser): the headers each dialect's auth wants, the adapter config
 * pointing at the backend, the mocha hooks that start, reset and stop it, and
 * readers of what it recorded and holds.
 */
import { expect } from '@open-wc/testing';
import { startReferenceBackend, type BrowserReferenceBackend } from '../../../reference-backend/browser.js';
import type { RefConversation } from '../../../reference-backend/model.js';
import type { RecordedRequest } from '../../../reference-backend/router.js';
import type { DataSourceConfig } from '../../../src/data/data-source.js';

/** Headers that pass each dialect's auth check on the reference backend. */
export const TEST_HEADERS = {
  switchbord: { Authorization: 'Bearer host-session' },
  qlara: { 'X-Api-Key': 'test-key' },
  cloove: { Authorization: 'Bearer clv_test_sk_0123456789abcdef0123456789abcdef' },
  superwaba: { 'x-org-id': 'org-test', Authorization: 'Bearer test-token' },
  vobiz: { 'X-Auth-ID': 'MA_TEST0001', 'X-Auth-Token': 'test-token' },
} as const satisfies Record<string, Readonly<Record<string, string>>>;

export type TestDialect = keyof typeof TEST_HEADERS;

/** `{ backend, baseUrl, headers }` for `dialect` on the reference backend, with `extra` laid over it. */
export function referenceConfig(
  backend: BrowserReferenceBackend,
  dialect: TestDialect,
  extra: Partial<DataSourceConfig> = {},
): DataSourceConfig {
  return { backend: dialect, baseUrl: backend.baseUrl(dialect), headers: { ...TEST_HEADERS[dialect] }, ...extra };
}

/** The reference backend, started if it is not yet and reset to its seed (data, faults, request log). */
export async function freshReferenceBackend(): Promise<BrowserReferenceBackend> {
  const backend = await startReferenceBackend();
  backend.reset();
  return backend;
}

/**
 * Registers the hooks of a suite on the reference backend: start it before
 * the suite (handing it to `onStart`), reset its data, faults and request log
 * before each test, and stop it after the suite.
 */
export function useReferenceBackend(onStart: (backend: BrowserReferenceBackend) => void): void {
  let backend: BrowserReferenceBackend | undefined;
  before(async () => {
    backend = await startReferenceBackend();
    onStart(backend);
  });
  beforeEach(() => backend!.reset());
  after(() => backend?.stop());
}

/** The requests the backend recorded for `dialect`, oldest first. */
export function requestsTo(backend: BrowserReferenceBackend, dialect: TestDialect): RecordedRequest[] {
  return backend.requests.filter((r) => r.dialect === dialect);
}

/** The newest request recorded for `dialect`; fails the test when there is none. */
export function lastRequestTo(backend: BrowserReferenceBackend, dialect: TestDialect): RecordedRequest {
  const all = requestsTo(backend, dialect);
  expect(all.length, `no ${dialect} request reached the backend`).to.be.above(0);
  return all[all.length - 1];
}

/** The one request the backend recorded; fails the test unless there is exactly one. */
export function onlyRequest(backend: BrowserReferenceBackend): RecordedRequest {
  expect(backend.requests).to.have.length(1);
  return backend.requests[0];
}

/** The conversations on WhatsApp channels. */
export function whatsappConversations(backend: BrowserReferenceBackend): RefConversation[] {
  return backend.db.listConversations().filter((c) => backend.db.getChannel(c.channelId)?.kind === 'WHATSAPP');
}

/** A WhatsApp conversation with messages whose 24-hour window is open (or closed); fails when the seed has none. */
export function conversationWithWindow(backend: BrowserReferenceBackend, open: boolean): RefConversation {
  const c = whatsappConversations(backend).find(
    (x) => backend.db.windowOpen(x.id) === open && backend.db.messages(x.id).length > 0,
  );
  if (!c) throw new Error(`no seeded conversation with the window ${open ? 'open' : 'closed'}`);
  return c;
}
