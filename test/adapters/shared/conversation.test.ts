import { expect } from '@open-wc/testing';
import { messagePreview, newestInboundAt, predictWindow } from '../../../src/adapters/shared/conversation.js';
import type { Message } from '../../../src/data/models.js';

function message(
  id: string,
  direction: Message['direction'],
  createdAt: string,
  extra: Partial<Message> = {},
): Message {
  return { id, direction, kind: 'text', status: direction === 'inbound' ? 'received' : 'sent', createdAt, ...extra };
}

describe('shared conversation fields', () => {
  describe('predictWindow', () => {
    const inbound = '2026-01-15T09:00:00.000Z';

    it('is open for 24 hours after the last inbound message', () => {
      const now = Date.parse('2026-01-16T08:59:59.999Z');
      expect(predictWindow(inbound, now)).to.deep.equal({
        source: 'predicted',
        expiresAt: '2026-01-16T09:00:00.000Z',
        isOpen: true,
      });
    });

    it('is closed from the 24th hour on', () => {
      expect(predictWindow(inbound, Date.parse('2026-01-16T09:00:00.000Z')).isOpen).to.equal(false);
      expect(predictWindow(inbound, Date.parse('2026-02-01T00:00:00.000Z')).isOpen).to.equal(false);
    });

    it('normalizes the expiry to UTC ISO and is unknown without an inbound date', () => {
      expect(predictWindow('2026-01-15T10:00:00+01:00', 0).expiresAt).to.equal('2026-01-16T09:00:00.000Z');
      expect(predictWindow(undefined, 0)).to.deep.equal({ source: 'unknown' });
      expect(predictWindow('', 0)).to.deep.equal({ source: 'unknown' });
    });

    it('measures against the clock when no time is given', () => {
      const recent = new Date(Date.now() - 60_000).toISOString();
      const old = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
      expect(predictWindow(recent).isOpen).to.equal(true);
      expect(predictWindow(old).isOpen).to.equal(false);
    });
  });

  describe('messagePreview', () => {
    it('keeps text, direction, date and kind, and nothing else', () => {
      const m = message('m1', 'outbound', '2026-01-15T10:05:00.000Z', {
        kind: 'template',
        text: 'Your order shipped',
        template: { name: 'shipped' },
        raw: { x: 1 },
      });
      expect(messagePreview(m)).to.deep.equal({
        text: 'Your order shipped',
        direction: 'outbound',
        createdAt: '2026-01-15T10:05:00.000Z',
        kind: 'template',
      });
    });
  });

  describe('newestInboundAt', () => {
    it('is the date of the last inbound message of an oldest-first thread', () => {
      const thread = [
        message('a', 'inbound', '2026-01-15T08:00:00.000Z'),
        message('b', 'inbound', '2026-01-15T09:00:00.000Z'),
        message('c', 'outbound', '2026-01-15T10:00:00.000Z'),
      ];
      expect(newestInboundAt(thread)).to.equal('2026-01-15T09:00:00.000Z');
    });

    it('is undefined for an outbound-only or empty thread', () => {
      expect(newestInboundAt([message('c', 'outbound', '2026-01-15T10:00:00.000Z')])).to.equal(undefined);
      expect(newestInboundAt([])).to.equal(undefined);
    });
  });
});
