import { expect } from '@open-wc/testing';
import {
  bearerToken,
  isRecord,
  isUnder,
  listParam,
  newestFirst,
  pageOf,
  positiveInt,
  readJsonBody,
  segmentsBelow,
} from '../../../reference-backend/dialects/shared.js';
import { BadJsonError, json, type DialectContext } from '../../../reference-backend/router.js';

function ctxWithBody(read: () => Promise<unknown>): DialectContext {
  return { json: read } as unknown as DialectContext;
}

const withAuth = (value?: string) => new Request('http://x/', { headers: value ? { Authorization: value } : {} });

describe('reference-backend dialect helpers', () => {
  it('isRecord accepts plain objects only', () => {
    expect(isRecord({ a: 1 })).to.equal(true);
    expect(isRecord({})).to.equal(true);
    for (const v of [null, undefined, [], 'x', 3, true]) expect(isRecord(v), String(v)).to.equal(false);
  });

  it('isUnder matches the base and what lies below it, not a longer sibling', () => {
    expect(isUnder('/internal', '/internal')).to.equal(true);
    expect(isUnder('/internal/conversations', '/internal')).to.equal(true);
    expect(isUnder('/internals', '/internal')).to.equal(false);
    expect(isUnder('/other/internal', '/internal')).to.equal(false);
  });

  it('segmentsBelow decodes each segment and skips empty ones; a malformed escape throws', () => {
    expect(segmentsBelow('/v1/messaging//conversations/a%20b/', '/v1/messaging')).to.deep.equal([
      'conversations',
      'a b',
    ]);
    expect(segmentsBelow('/v1/messaging', '/v1/messaging')).to.deep.equal([]);
    expect(() => segmentsBelow('/v1/messaging/%E0%A4%A', '/v1/messaging')).to.throw(URIError);
  });

  it('bearerToken reads Authorization: Bearer <token> in any case', () => {
    expect(bearerToken(withAuth('Bearer abc.def'))).to.equal('abc.def');
    expect(bearerToken(withAuth('bearer   t0k'))).to.equal('t0k');
    expect(bearerToken(withAuth('Basic dXNlcjpwYXNz'))).to.equal(undefined);
    expect(bearerToken(withAuth('Bearer'))).to.equal(undefined);
    expect(bearerToken(withAuth())).to.equal(undefined);
  });

  describe('readJsonBody', () => {
    const malformed = () => json({ error: 'bad' }, 400);

    it('returns the parsed body, undefined for an empty one', async () => {
      expect(
        await readJsonBody(
          ctxWithBody(async () => ({ a: 1 })),
          malformed,
        ),
      ).to.deep.equal({ value: { a: 1 } });
      expect(
        await readJsonBody(
          ctxWithBody(async () => undefined),
          malformed,
        ),
      ).to.deep.equal({ value: undefined });
    });

    it('answers a malformed body with the dialect’s response', async () => {
      const result = await readJsonBody(
        ctxWithBody(() => Promise.reject(new BadJsonError())),
        malformed,
      );
      expect('response' in result && result.response.status).to.equal(400);
    });

    it('lets other errors through', async () => {
      const boom = new Error('boom');
      let caught: unknown;
      try {
        await readJsonBody(
          ctxWithBody(() => Promise.reject(boom)),
          malformed,
        );
      } catch (e) {
        caught = e;
      }
      expect(caught).to.equal(boom);
    });
  });

  it('listParam reads repeated and comma-joined values, trimmed, without empty ones', () => {
    const query = new URLSearchParams('status=open,%20closed&status=pending_customer&status=&other=x');
    expect(listParam(query, 'status')).to.deep.equal(['open', 'closed', 'pending_customer']);
    expect(listParam(query, 'missing')).to.deep.equal([]);
  });

  it('positiveInt: fallback when absent or empty, undefined unless digits ≥ 1', () => {
    expect(positiveInt(null, 20)).to.equal(20);
    expect(positiveInt('', 20)).to.equal(20);
    expect(positiveInt('7', 20)).to.equal(7);
    for (const bad of ['0', '-1', '1.5', ' 2', 'x']) expect(positiveInt(bad, 20), bad).to.equal(undefined);
  });

  it('pageOf slices 1-based pages', () => {
    const items = [1, 2, 3, 4, 5, 6, 7];
    expect(pageOf(items, 1, 3)).to.deep.equal([1, 2, 3]);
    expect(pageOf(items, 3, 3)).to.deep.equal([7]);
    expect(pageOf(items, 4, 3)).to.deep.equal([]);
  });

  it('newestFirst sorts by the timestamp descending, equal ones by id, reading each timestamp once', () => {
    const rows = [
      { id: 'b', at: '2026-01-02T00:00:00.000Z' },
      { id: 'c', at: '2026-01-01T00:00:00.000Z' },
      { id: 'a', at: '2026-01-02T00:00:00.000Z' },
      { id: 'd', at: '2026-01-03T00:00:00.000Z' },
    ];
    let reads = 0;
    const sorted = newestFirst(rows, (r) => (reads++, r.at));
    expect(sorted.map((r) => r.id)).to.deep.equal(['d', 'a', 'b', 'c']);
    expect(reads).to.equal(rows.length);
    expect(rows.map((r) => r.id)).to.deep.equal(['b', 'c', 'a', 'd']);
  });
});
