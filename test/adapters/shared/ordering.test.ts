import { expect } from '@open-wc/testing';
import {
  byActivityDesc,
  byCreatedAsc,
  compareActivityDesc,
  sortByActivityDesc,
  sortNewestFirst,
  sortOldestFirst,
  uniqueById,
} from '../../../src/adapters/shared/ordering.js';
import type { Conversation, Message } from '../../../src/data/models.js';

function message(id: string, createdAt: string, text = id): Message {
  return { id, direction: 'inbound', kind: 'text', status: 'received', createdAt, text };
}

function conversation(id: string, lastActivityAt?: string): Conversation {
  const c: Conversation = { id, dialect: 'test', status: 'open', channel: { kind: 'whatsapp' }, contact: {} };
  if (lastActivityAt) c.lastActivityAt = lastActivityAt;
  return c;
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('shared ordering', () => {
  describe('messages', () => {
    it('byCreatedAsc puts the oldest first and breaks equal dates by id', () => {
      const list = [
        message('b', '2026-01-01T10:00:00.000Z'),
        message('c', '2026-01-01T09:00:00.000Z'),
        message('a', '2026-01-01T10:00:00.000Z'),
      ];
      expect(ids([...list].sort(byCreatedAsc))).to.deep.equal(['c', 'a', 'b']);
    });

    it('byCreatedAsc compares unreadable dates by id alone', () => {
      expect(byCreatedAsc(message('a', 'not a date'), message('b', '2026-01-01T10:00:00.000Z'))).to.be.below(0);
      expect(byCreatedAsc(message('b', 'not a date'), message('a', 'not a date'))).to.be.above(0);
    });

    it('uniqueById keeps the first record of each id, in order', () => {
      const list = [message('x', '2026-01-01T10:00:00.000Z', 'first'), message('y', '2026-01-01T09:00:00.000Z')];
      list.push(message('x', '2026-01-01T08:00:00.000Z', 'second'));
      const unique = uniqueById(list);
      expect(ids(unique)).to.deep.equal(['x', 'y']);
      expect(unique[0].text).to.equal('first');
    });

    it('sortOldestFirst de-duplicates, sorts, and leaves its input alone', () => {
      const list = [
        message('m2', '2026-03-17T14:20:00.000Z'),
        message('m1', '2026-03-17T14:10:00.000Z'),
        message('m2', '2026-03-17T14:20:00.000Z'),
        message('m0', '2026-03-17T14:20:00.000Z'),
      ];
      expect(ids(sortOldestFirst(list))).to.deep.equal(['m1', 'm0', 'm2']);
      expect(ids(list)).to.deep.equal(['m2', 'm1', 'm2', 'm0']);
    });
  });

  describe('conversations', () => {
    const list = [
      conversation('none'),
      conversation('old', '2026-01-01T08:00:00.000Z'),
      conversation('tie-b', '2026-01-02T08:00:00.000Z'),
      conversation('bad', 'yesterday-ish'),
      conversation('new', '2026-01-03T08:00:00.000Z'),
      conversation('tie-a', '2026-01-02T08:00:00.000Z'),
    ];

    it('byActivityDesc: newest first, no or unreadable date last, equal dates by id', () => {
      expect(ids([...list].sort(byActivityDesc))).to.deep.equal(['new', 'tie-a', 'tie-b', 'old', 'bad', 'none']);
    });

    it('sortByActivityDesc sorts in place into the byActivityDesc order, whatever order it starts in', () => {
      const reversed = [...list].reverse();
      const copy = [...list];
      expect(sortByActivityDesc(copy)).to.equal(copy);
      expect(ids(copy)).to.deep.equal(['new', 'tie-a', 'tie-b', 'old', 'bad', 'none']);
      expect(ids(sortByActivityDesc(reversed))).to.deep.equal(['new', 'tie-a', 'tie-b', 'old', 'bad', 'none']);
    });

    it('sortNewestFirst: newest first, equal dates (and missing ones) keep the order they came in', () => {
      expect(ids(sortNewestFirst(list))).to.deep.equal(['new', 'tie-b', 'tie-a', 'old', 'none', 'bad']);
      expect(ids(list)[0]).to.equal('none');
    });

    it('compareActivityDesc is 0 only for equal (or equally missing) dates', () => {
      expect(compareActivityDesc(list[2], list[5])).to.equal(0);
      expect(compareActivityDesc(list[0], list[3])).to.equal(0);
      expect(compareActivityDesc(list[4], list[1])).to.be.below(0);
      expect(compareActivityDesc(list[0], list[1])).to.be.above(0);
    });
  });
});
