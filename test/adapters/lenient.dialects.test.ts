/**
 * "Lenient in, strict out", the same promise checked for all five dialects:
 * an unknown delivery status or message type maps to `unknown` with the
 * vendor value kept (`rawStatus`, `rawType`, `raw`); dates come out as ISO
 * 8601 in UTC; a record without an id or with the wrong types is refused by
 * the mapper (the adapters then drop it with one warning, see the wire tests).
 */
import { expect } from '@open-wc/testing';
import * as cloove from '../../src/adapters/cloove/mappers.js';
import * as qlara from '../../src/adapters/qlara/mappers.js';
import * as superwaba from '../../src/adapters/superwaba/mappers.js';
import * as switchbord from '../../src/adapters/switchbord/mappers.js';
import * as vobiz from '../../src/adapters/vobiz/mappers.js';
import type { Message } from '../../src/data/models.js';

interface DialectCase {
  dialect: string;
  map: (raw: unknown) => Message | undefined;
  /** A valid outbound message with this delivery status, type and date. */
  message: (status: unknown, type: unknown, date: unknown) => Record<string, unknown>;
}

const CASES: DialectCase[] = [
  {
    dialect: 'switchbord',
    map: (raw) => switchbord.mapMessage(raw, 'c1'),
    message: (status, type, date) => ({
      id: 'm1',
      direction: 'outbound',
      body: 'hi',
      status,
      sendMode: type,
      createdAt: date,
    }),
  },
  {
    dialect: 'qlara',
    map: (raw) => qlara.mapMessage(raw, 'c1'),
    message: (status, type, date) => ({
      id: 101,
      direction: 'outbound',
      content: 'hi',
      deliveryStatus: status,
      type,
      timestamp: date,
    }),
  },
  {
    dialect: 'cloove',
    map: (raw) => cloove.mapMessage(raw, 'c1'),
    message: (status, type, date) => ({
      id: 'm1',
      direction: 'outbound',
      text: 'hi',
      deliveryStatus: status,
      messageType: type,
      createdAt: date,
    }),
  },
  {
    dialect: 'superwaba',
    map: (raw) => superwaba.mapMessage(raw, 'c1'),
    message: (status, type, date) => ({
      id: 'm1',
      conversationId: 'c1',
      direction: 'outbound',
      type,
      content: { text: 'hi' },
      status,
      timestamp: date,
    }),
  },
  {
    dialect: 'vobiz',
    map: (raw) => vobiz.mapMessage(raw, 'c1'),
    message: (status, type, date) => ({
      id: 'm1',
      direction: 'outbound',
      type,
      body: 'hi',
      status,
      timestamp: date,
    }),
  },
];

describe('lenient mapping in every dialect', () => {
  for (const { dialect, map, message } of CASES) {
    describe(dialect, () => {
      it('maps an unknown delivery status to unknown, keeping the raw value and record', () => {
        const raw = message('bounced_maybe', 'text', '2026-03-17T14:20:00Z');
        const m = map(raw)!;
        expect(m, 'the message was refused').to.exist;
        expect(m.status).to.equal('unknown');
        expect(m.rawStatus).to.equal('bounced_maybe');
        expect(m.raw).to.equal(raw);
      });

      it('maps a known status case-insensitively', () => {
        expect(map(message('DELIVERED', 'text', '2026-03-17T14:20:00Z'))!.status).to.equal('delivered');
      });

      it('maps an unknown message type to unknown, keeping the raw type', () => {
        const m = map(message('sent', 'hologram', '2026-03-17T14:20:00Z'))!;
        expect(m, 'the message was refused').to.exist;
        expect(m.kind).to.equal('unknown');
        expect(m.rawType).to.equal('hologram');
      });

      it('normalizes dates with an offset to ISO 8601 in UTC', () => {
        expect(map(message('sent', 'text', '2026-03-17T15:20:00+01:00'))!.createdAt).to.equal(
          '2026-03-17T14:20:00.000Z',
        );
      });

      it('refuses a record without an id, with a wrong-typed id, or without a readable date', () => {
        const good = message('sent', 'text', '2026-03-17T14:20:00Z');
        expect(map({ ...good, id: undefined })).to.equal(undefined);
        expect(map({ ...good, id: { nested: true } })).to.equal(undefined);
        const dateKey = Object.keys(good).find((k) => good[k] === '2026-03-17T14:20:00Z')!;
        expect(map({ ...good, [dateKey]: 'not a date' })).to.equal(undefined);
        expect(map('not a record')).to.equal(undefined);
      });
    });
  }
});
