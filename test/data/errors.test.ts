import { expect } from '@open-wc/testing';
import {
  canOfferRetry,
  InboxError,
  isAbortError,
  isInboxError,
  kindForStatus,
  mentionsServiceWindow,
  parseRetryAfter,
  toInboxError,
} from '../../src/data/errors.js';

describe('InboxError', () => {
  it('maps HTTP statuses to kinds', () => {
    const table: [number, string][] = [
      [400, 'validation'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [409, 'conflict'],
      [422, 'validation'],
      [429, 'rate_limited'],
      [500, 'server'],
      [502, 'upstream'],
      [503, 'upstream'],
      [504, 'upstream'],
    ];
    expect(table.map(([status]) => [status, kindForStatus(status)])).to.deep.equal(table);
  });

  it('is retryable for transient kinds only, unless told otherwise', () => {
    const make = (kind: InboxError['kind'], retryable?: boolean) =>
      new InboxError({ kind, message: kind, dialect: 'test', retryable });
    for (const kind of ['rate_limited', 'upstream', 'network', 'timeout', 'server'] as const) {
      expect(make(kind).retryable, kind).to.equal(true);
    }
    for (const kind of ['validation', 'unauthorized', 'forbidden', 'not_found', 'outside_window'] as const) {
      expect(make(kind).retryable, kind).to.equal(false);
    }
    expect(make('conflict', true).retryable).to.equal(true);
    expect(canOfferRetry(make('unauthorized')), 'a refreshed session may help').to.equal(true);
    expect(canOfferRetry(make('validation'))).to.equal(false);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).to.equal(2000);
    expect(parseRetryAfter('0', now)).to.equal(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now), 'a past date waits nothing').to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter('', now)).to.equal(undefined);
  });

  it('tells an abort from an error, and wraps anything thrown as a server error keeping the cause', () => {
    expect(isAbortError(new DOMException('stop', 'AbortError'))).to.equal(true);
    expect(isAbortError(new TypeError('Failed to fetch'))).to.equal(false);
    const cause = new TypeError('boom');
    const wrapped = toInboxError(cause, 'cloove');
    expect(isInboxError(wrapped)).to.equal(true);
    expect(wrapped).to.include({ kind: 'server', message: 'boom', dialect: 'cloove' });
    expect(wrapped.cause).to.equal(cause);
    const own = new InboxError({ kind: 'not_found', message: 'x', dialect: 'qlara' });
    expect(toInboxError(own, 'cloove')).to.equal(own);
  });

  it('recognizes a 24-hour window rejection in codes and texts, and nothing else', () => {
    for (const text of [
      'outside_window',
      'service_window_closed',
      'Message failed to send because more than 24 hours have passed',
      'Re-engagement message required',
      { issues: { body: 'conversation is not eligible for freeform sends' } },
    ]) {
      expect(mentionsServiceWindow(text), JSON.stringify(text)).to.equal(true);
    }
    for (const text of ['text too long', 'Conversation not found', undefined, null, { issues: { body: 'required' } }]) {
      expect(mentionsServiceWindow(text), JSON.stringify(text)).to.equal(false);
    }
  });
});
