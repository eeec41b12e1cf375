/**
 * Ids from a backend are opaque, and `encodeURIComponent` leaves `.` and `..`
 * alone: a conversation whose id is a dot segment must not make an adapter
 * request another route (`/conversations/..` resolves to the collection,
 * `/conversations/../messages` to a different endpoint). For every dialect, the
 * list is served with such ids and every URL handed to fetch is checked.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { InboxProvider } from '../../src/components/inbox-provider/inbox-provider.js';
import type { DataSourceConfig } from '../../src/data/data-source.js';
import { startReferenceBackend, type BrowserReferenceBackend } from '../../reference-backend/browser.js';
import { ReferenceDb } from '../../reference-backend/db.js';
import { hostConfig, REFERENCE_DIALECTS } from '../../reference-backend/host-config.js';
import { swallowResizeObserverLoop } from './sweep-support.js';

const DOT_IDS = ['..', '.'];

/** Path segments of a URL as the adapter wrote it (before the URL parser resolves them). */
function dotSegments(url: string): string[] {
  const path = url.split(/[?#]/)[0].replace(/^[a-z]+:\/\/[^/]+/i, '');
  return path.split('/').filter((s) => /^(\.|%2e){1,2}$/i.test(s));
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Renames the first records (found by a known id value) to the dot ids; returns the field name. */
function renameFirst(body: unknown, ids: Set<string>): boolean {
  let done = false;
  const visit = (v: unknown) => {
    if (done) return;
    if (Array.isArray(v)) {
      const records = v.filter(isObject);
      const key = records.length ? Object.keys(records[0]).find((k) => ids.has(String(records[0][k]))) : undefined;
      if (key && records.length >= DOT_IDS.length) {
        DOT_IDS.forEach((id, i) => (records[i][key] = id));
        done = true;
        return;
      }
      v.forEach(visit);
    } else if (isObject(v)) Object.values(v).forEach(visit);
  };
  visit(body);
  return done;
}

describe('security: ids that are dot segments', function () {
  this.timeout(60_000);
  let backend: BrowserReferenceBackend;
  let unswallow: () => void;

  before(async () => {
    unswallow = swallowResizeObserverLoop();
    backend = await startReferenceBackend({ db: ReferenceDb.seeded({ conversations: 6 }) });
  });
  beforeEach(() => backend.reset());
  after(() => unswallow());

  for (const dialect of REFERENCE_DIALECTS) {
    it(`${dialect}: selecting, reading and replying to them requests no other route`, async () => {
      const config = hostConfig(backend.db, dialect);
      const fetched: string[] = [];
      const spy: typeof fetch = (input, init) => {
        fetched.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        return fetch(input, init);
      };
      const options: Partial<DataSourceConfig> = { ...config.options, fetch: spy };
      const render = () =>
        fixture<InboxProvider>(html`
          <inbox-provider backend=${dialect} base-url=${config.baseUrl} poll-interval="0" .options=${options}>
            <inbox-list></inbox-list>
            <conversation-thread></conversation-thread>
            <message-composer></message-composer>
          </inbox-provider>
        `);
      // the real list answer, with the first two conversations renamed
      const probe = await render();
      const list = probe.querySelector('inbox-list')!;
      await waitUntil(() => list.state === 'ready', 'the list did not load', { timeout: 20_000 });
      const request = backend.requests.find(
        (r) => r.dialect === dialect && r.method === 'GET' && /\/conversations\/?$/.test(r.path),
      )!;
      probe.remove();
      const url = new URL(backend.baseUrl(dialect) + request.path);
      for (const [k, v] of Object.entries(request.query)) for (const one of [v].flat()) url.searchParams.append(k, one);
      const answer = await backend.handle(new Request(url, { headers: request.headers }));
      const body = (await (answer as Response).json()) as unknown;
      expect(renameFirst(body, new Set(backend.db.listConversations().map((c) => c.id)))).to.equal(true);
      backend.faults.add({ dialect, method: 'GET', path: new RegExp(`^${request.path}$`), status: 200, body });

      const provider = await render();
      await waitUntil(() => provider.querySelector('inbox-list')!.state === 'ready', 'no list', { timeout: 20_000 });
      fetched.length = 0;
      for (const id of DOT_IDS) {
        if (!provider.inboxStore!.getConversation(id)) continue;
        provider.selected = id;
        const thread = provider.querySelector('conversation-thread')!;
        await waitUntil(() => thread.state !== 'loading' && thread.state !== 'initial', 'the thread did not settle', {
          timeout: 20_000,
        });
        const composer = provider.querySelector('message-composer')!;
        const input = composer.shadowRoot!.querySelector('textarea');
        if (input && !input.disabled) {
          input.value = 'hello';
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
          await composer.updateComplete;
          const before = fetched.length;
          composer.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="send"]')?.click();
          await waitUntil(() => fetched.length > before || composer.state === 'error', 'no send', {
            timeout: 5_000,
          }).catch(() => undefined);
        }
      }
      const offending = fetched.filter((u) => dotSegments(u).length > 0);
      expect(offending, 'URLs with dot segments').to.deep.equal([]);
    });
  }
});
