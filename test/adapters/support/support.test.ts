import { expect } from '@open-wc/testing';
import type { BrowserReferenceBackend } from '../../../reference-backend/browser.js';
import { InboxError } from '../../../src/data/errors.js';
import { anyRejection, captureWarnings, rejection } from './assertions.js';
import {
  TEST_HEADERS,
  conversationWithWindow,
  lastRequestTo,
  onlyRequest,
  referenceConfig,
  requestsTo,
  useReferenceBackend,
  whatsappConversations,
} from './reference.js';

describe('adapter test support', () => {
  describe('assertions', () => {
    it('rejection returns the InboxError, fails on a resolve, and rethrows anything else', async () => {
      const error = new InboxError({ kind: 'not_found', message: 'gone', dialect: 'qlara' });
      expect(await rejection(Promise.reject(error))).to.equal(error);
      const resolved = await anyRejection(rejection(Promise.resolve(1)));
      expect(String(resolved)).to.contain('expected the call to reject');
      const other = new TypeError('boom');
      expect(await anyRejection(rejection(Promise.reject(other)))).to.equal(other);
    });

    it('anyRejection returns whatever the promise rejects with', async () => {
      const reason = new RangeError('plain');
      expect(await anyRejection(Promise.reject(reason))).to.equal(reason);
    });

    it('captureWarnings collects console.warn calls and restores console.warn', async () => {
      const original = console.warn;
      const { result, warned } = await captureWarnings(async () => {
        console.warn('one', 2);
        console.warn('three');
        return 'done';
      });
      expect(result).to.equal('done');
      expect(warned).to.deep.equal([['one', 2], ['three']]);
      expect(console.warn).to.equal(original);
      await anyRejection(captureWarnings(() => Promise.reject(new Error('x'))));
      expect(console.warn).to.equal(original);
    });
  });

  describe('reference backend', () => {
    let backend: BrowserReferenceBackend;
    useReferenceBackend((started) => (backend = started));

    it('builds a config that points the dialect at the backend with its test headers', () => {
      const config = referenceConfig(backend, 'vobiz', { generation: 'C' });
      expect(config).to.deep.equal({
        backend: 'vobiz',
        baseUrl: backend.baseUrl('vobiz'),
        headers: TEST_HEADERS.vobiz,
        generation: 'C',
      });
      expect(config.headers).not.to.equal(TEST_HEADERS.vobiz);
    });

    it('the test headers pass every dialect’s auth', async () => {
      const paths = {
        switchbord: '/internal/conversations',
        qlara: '/partner-gateway/v1/inbox/conversations',
        cloove: '/v1/messaging/conversations',
        superwaba: '/api/whatsapp/conversations',
        vobiz: '/v1/messaging/conversations',
      } as const;
      for (const [dialect, path] of Object.entries(paths) as [keyof typeof paths, string][]) {
        const res = await fetch(backend.baseUrl(dialect) + path, { headers: TEST_HEADERS[dialect] });
        expect(res.status, dialect).to.equal(200);
      }
    });

    it('starts each test from an empty request log and reads it by dialect', async () => {
      expect(backend.requests).to.deep.equal([]);
      await fetch(backend.baseUrl('cloove') + '/v1/messaging/conversations', { headers: TEST_HEADERS.cloove });
      expect(onlyRequest(backend).dialect).to.equal('cloove');
      await fetch(backend.baseUrl('qlara') + '/partner-gateway/v1/inbox/conversations?x=1', {
        headers: TEST_HEADERS.qlara,
      });
      await fetch(backend.baseUrl('cloove') + '/v1/messaging/conversations?page=2', { headers: TEST_HEADERS.cloove });
      expect(requestsTo(backend, 'cloove').map((r) => r.query)).to.deep.equal([{}, { page: '2' }]);
      expect(lastRequestTo(backend, 'qlara').query).to.deep.equal({ x: '1' });
      expect(() => lastRequestTo(backend, 'vobiz')).to.throw();
      expect(() => onlyRequest(backend)).to.throw();
    });

    it('finds WhatsApp conversations and one with an open or a closed window', () => {
      const all = whatsappConversations(backend);
      expect(all.length).to.be.above(0);
      for (const c of all) expect(backend.db.getChannel(c.channelId)?.kind).to.equal('WHATSAPP');
      expect(all.length).to.be.below(backend.db.listConversations().length);
      for (const open of [true, false]) {
        const c = conversationWithWindow(backend, open);
        expect(backend.db.windowOpen(c.id)).to.equal(open);
        expect(backend.db.messages(c.id).length).to.be.above(0);
      }
    });
  });
});
