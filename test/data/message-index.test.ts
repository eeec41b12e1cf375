import { expect } from '@open-wc/testing';
import { MessageIndex, orderedTimes, parseTime } from '../../src/data/message-index.js';
import type { Message } from '../../src/data/models.js';

const BASE = Date.parse('2024-05-01T10:00:00Z');

function msg(id: string, minute: number, patch: Partial<Message> = {}): Message {
  return {
    id,
    conversationId: 'c1',
    direction: 'inbound',
    kind: 'text',
    text: id,
    status: 'received',
    createdAt: new Date(BASE + minute * 60_000).toISOString(),
    ...patch,
  };
}

/** The order the store has always promised: by time, ties by id. */
function reference(messages: Message[]): string[] {
  return [...messages]
    .sort((a, b) => parseTime(a.createdAt) - parseTime(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => m.id);
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts Date.parse calls while `run` runs. */
function parsesDuring(run: () => void): number {
  const original = Date.parse;
  let parses = 0;
  Date.parse = (s: string) => {
    parses++;
    return original(s);
  };
  try {
    run();
  } finally {
    Date.parse = original;
  }
  return parses;
}

const ids = (list: readonly Message[]) => list.map((m) => m.id);

describe('MessageIndex', () => {
  it('keeps messages oldest first, ties by id, whatever order they arrive in', () => {
    const index = new MessageIndex();
    index.set('c', msg('c', 5));
    index.set('a', msg('a', 5)); // same minute as c: by id
    index.set('z', msg('z', 1));
    index.set('m', msg('m', 9));
    expect(ids(index.ordered())).to.deep.equal(['z', 'a', 'c', 'm']);
    index.set('b', msg('b', 5)); // a late arrival into the middle of a tie
    index.set('y', msg('y', 0)); // older than everything
    index.set('n', msg('n', 12)); // newer than everything
    expect(ids(index.ordered())).to.deep.equal(['y', 'z', 'a', 'b', 'c', 'm', 'n']);
  });

  it('matches a full sort under random batches, replacements, re-timings and deletions', () => {
    const rnd = random(42);
    const index = new MessageIndex();
    const live = new Map<string, Message>();
    for (let round = 0; round < 60; round++) {
      const ops = 1 + Math.floor(rnd() * 40);
      for (let k = 0; k < ops; k++) {
        const roll = rnd();
        const known = [...live.keys()];
        if (roll < 0.55 || !known.length) {
          const id = `m${Math.floor(rnd() * 5000)}`;
          // few distinct minutes, so ties are common
          const m = msg(id, Math.floor(rnd() * 30));
          index.set(id, m);
          live.set(id, m);
        } else if (roll < 0.75) {
          const id = known[Math.floor(rnd() * known.length)];
          const m = { ...live.get(id)!, status: 'read' as const }; // same time: replaced in place
          index.set(id, m);
          live.set(id, m);
        } else if (roll < 0.88) {
          const id = known[Math.floor(rnd() * known.length)];
          const m = msg(id, Math.floor(rnd() * 30)); // re-timed
          index.set(id, m);
          live.set(id, m);
        } else {
          const id = known[Math.floor(rnd() * known.length)];
          expect(index.delete(id)).to.equal(true);
          live.delete(id);
        }
      }
      const ordered = index.ordered();
      expect(ids(ordered)).to.deep.equal(reference([...live.values()]), `round ${round}`);
      // the current version of each message
      for (const m of ordered) expect(m).to.equal(live.get(m.id));
      expect(index.size).to.equal(live.size);
    }
  });

  it('merges an older page before and a newer page after', () => {
    const index = new MessageIndex();
    for (let i = 100; i < 200; i++) index.set(`m${i}`, msg(`m${i}`, i));
    index.ordered();
    for (let i = 150; i < 250; i++) index.set(`m${i}`, msg(`m${i}`, i)); // overlapping newer page
    for (let i = 50; i < 100; i++) index.set(`m${i}`, msg(`m${i}`, i)); // older page
    const expected = Array.from({ length: 200 }, (_, k) => `m${k + 50}`).sort(
      (a, b) => Number(a.slice(1)) - Number(b.slice(1)),
    );
    expect(ids(index.ordered())).to.deep.equal(expected);
  });

  it('merges a batch that straddles either end of what is placed', () => {
    const index = new MessageIndex();
    for (const m of [5, 10, 15]) index.set(`m${m}`, msg(`m${m}`, m));
    index.ordered();
    index.set('m1', msg('m1', 1)); // before the first…
    index.set('m12', msg('m12', 12)); // …and inside
    expect(ids(index.ordered())).to.deep.equal(['m1', 'm5', 'm10', 'm12', 'm15']);
    index.set('m14', msg('m14', 14)); // inside…
    index.set('m20', msg('m20', 20)); // …and after the last
    expect(ids(index.ordered())).to.deep.equal(['m1', 'm5', 'm10', 'm12', 'm14', 'm15', 'm20']);
  });

  it('returns a new array on every call, with extra messages merged in but not kept', () => {
    const index = new MessageIndex();
    index.set('a', msg('a', 1));
    index.set('c', msg('c', 3));
    const first = index.ordered();
    const second = index.ordered();
    expect(second).not.to.equal(first);
    expect(second).to.deep.equal(first);
    second.push(msg('x', 0)); // the caller's array: the index is not affected
    expect(ids(index.ordered())).to.deep.equal(['a', 'c']);
    const local = msg('local:1', 2, { direction: 'outbound', status: 'pending' });
    const late = msg('local:2', 9, { direction: 'outbound', status: 'pending' });
    expect(ids(index.ordered([late, local]))).to.deep.equal(['a', 'local:1', 'c', 'local:2']);
    expect(index.has('local:1')).to.equal(false);
    expect(ids(index.ordered())).to.deep.equal(['a', 'c']);
  });

  it('parses each createdAt once, however often messages are replaced', () => {
    const index = new MessageIndex();
    const messages = Array.from({ length: 300 }, (_, i) => msg(`m${i}`, 300 - i)); // newest first: all out of order
    const parses = parsesDuring(() => {
      for (const m of messages) index.set(m.id, m);
      index.ordered();
      for (let round = 0; round < 5; round++) {
        for (const m of messages) index.set(m.id, { ...m, status: 'read' });
        index.ordered();
      }
    });
    expect(parses).to.equal(300);
    expect(ids(index.ordered())[0]).to.equal('m299');
  });

  it('counts times that do not parse as the oldest, in id order', () => {
    const index = new MessageIndex();
    index.set('b', msg('b', 1));
    index.set('y', msg('y', 0, { createdAt: 'not a date' }));
    index.set('x', msg('x', 0, { createdAt: '' }));
    expect(ids(index.ordered())).to.deep.equal(['x', 'y', 'b']);
  });

  it('hands over the parsed time of each message it orders', () => {
    const index = new MessageIndex();
    index.set('b', msg('b', 2));
    index.set('a', msg('a', 1));
    index.set('x', msg('x', 0, { createdAt: 'not a date' }));
    const local = msg('local:1', 3);
    const list = index.ordered([local]);
    expect(ids(list)).to.deep.equal(['x', 'a', 'b', 'local:1']);
    const times = orderedTimes(list)!;
    expect(Array.from(times).map((t) => (Number.isNaN(t) ? 'NaN' : t))).to.deep.equal([
      'NaN',
      Date.parse(list[1].createdAt),
      Date.parse(list[2].createdAt),
      Date.parse(local.createdAt),
    ]);
    expect(orderedTimes([...list])).to.equal(undefined);
  });

  describe('putAll', () => {
    it('takes a first page in order as it is, and indexes it when an id is first looked up', () => {
      const page = Array.from({ length: 500 }, (_, i) => msg(`m${String(i).padStart(3, '0')}`, i));
      const index = new MessageIndex();
      const parses = parsesDuring(() => {
        index.putAll(page);
        expect(ids(index.ordered())).to.deep.equal(ids(page));
        expect(index.size).to.equal(500);
      });
      expect(parses, 'nothing parsed or indexed to order it').to.equal(0);
      expect(index.ordered()).not.to.equal(page); // a new array, as always
      let found: Message | undefined;
      expect(parsesDuring(() => (found = index.get('m042')))).to.equal(500);
      expect(found?.text).to.equal('m042');
      index.set('m000', msg('m000', 1000));
      expect(ids(index.ordered()).slice(-2)).to.deep.equal(['m499', 'm000']);
    });

    it('indexes a page out of order, with times not in the canonical form, or into an index that has messages', () => {
      const shuffled = [msg('b', 2), msg('a', 1), msg('c', 3)];
      const offset = [msg('a', 1), { ...msg('b', 2), createdAt: '2024-05-01T12:02:00+02:00' }, msg('c', 0)];
      for (const page of [shuffled, offset]) {
        const index = new MessageIndex();
        index.putAll(page);
        expect(ids(index.ordered())).to.deep.equal(reference(page));
      }
      const index = new MessageIndex();
      index.set('z', msg('z', 0));
      index.putAll([msg('a', 1), msg('b', 2)]);
      expect(ids(index.ordered())).to.deep.equal(['z', 'a', 'b']);
    });

    it('indexes a kept page ahead of need, a slice at a time while there is time, then looks up without parsing', () => {
      const page = Array.from({ length: 1200 }, (_, i) => msg(`m${String(i).padStart(4, '0')}`, i));
      const index = new MessageIndex();
      index.putAll(page);
      // one slice per call while the budget lasts: two calls of time, then none
      let calls = 0;
      const twoSlices = () => (calls++ < 2 ? 10 : 0);
      expect(
        parsesDuring(() => {
          expect(index.prepare(twoSlices)).to.equal(false);
        }),
      ).to.equal(1000);
      expect(ids(index.ordered()), 'still the page, in order').to.deep.equal(ids(page));
      expect(index.size).to.equal(1200);
      expect(
        index.prepare(() => 0),
        'no time: nothing done',
      ).to.equal(false);
      expect(
        parsesDuring(() => {
          expect(index.prepare()).to.equal(true);
        }),
        'the rest',
      ).to.equal(200);
      expect(
        parsesDuring(() => {
          expect(index.get('m0042')?.text).to.equal('m0042');
        }),
      ).to.equal(0);
      expect(index.prepare(), 'nothing left').to.equal(true);
      index.set('m0000', msg('m0000', 5000));
      expect(ids(index.ordered()).slice(-2)).to.deep.equal(['m1199', 'm0000']);
      expect(index.size).to.equal(1200);
    });

    it('finishes a partly prepared page on the first lookup or change, then merges copies as asked', () => {
      const keepRef = (prev: Message, next: Message) =>
        prev.clientRef && !next.clientRef ? { ...next, clientRef: prev.clientRef } : next;
      const page = Array.from({ length: 700 }, (_, i) => msg(`m${String(i).padStart(3, '0')}`, i));
      page[0] = { ...page[0], clientRef: 'ref-0' };
      const index = new MessageIndex();
      index.putAll(page, keepRef);
      let calls = 0;
      expect(index.prepare(() => (calls++ < 1 ? 10 : 0))).to.equal(false);
      expect(
        parsesDuring(() => {
          expect(index.has('m650')).to.equal(true);
        }),
        'the rest, at once',
      ).to.equal(200);
      expect(index.size).to.equal(700);
      // a copy of a message from the prepared slice merges over it as asked
      index.putAll([msg('m000', 649.5, { text: 'again' })], keepRef);
      expect(index.size).to.equal(700);
      expect(index.get('m000')).to.include({ text: 'again', clientRef: 'ref-0' });
      const order = ids(index.ordered());
      expect(order.indexOf('m000')).to.equal(order.indexOf('m649') + 1);
      expect(order).to.have.length(700);

      const changed = new MessageIndex();
      changed.putAll(page.slice(0, 650));
      expect(changed.prepare(() => (calls++ < 3 ? 10 : 0))).to.equal(false);
      changed.delete('m100');
      expect(changed.size).to.equal(649);
      expect(ids(changed.ordered())).to.deep.equal(ids(page.slice(0, 650)).filter((id) => id !== 'm100'));
    });

    it('keeps one message per id, merged as asked, whether the page was kept or indexed at once', () => {
      const keepRef = (prev: Message, next: Message) =>
        prev.clientRef && !next.clientRef ? { ...next, clientRef: prev.clientRef } : next;
      // the same id twice, far apart: kept, and found when indexed
      const far = [msg('a', 1, { clientRef: 'ref-a' }), msg('b', 2), msg('a', 3, { text: 'again' })];
      // the same id twice in a row: indexed at once
      const near = [msg('b', 2), msg('a', 1, { clientRef: 'ref-a' }), msg('a', 1, { text: 'again' })];
      for (const page of [far, near]) {
        const index = new MessageIndex();
        index.putAll(page, keepRef);
        expect(index.repeatedInPage).to.equal(false);
        expect(index.has('a')).to.equal(true);
        // the kept page listed the far repeat until it was indexed: its reader is told to list it again
        expect(index.repeatedInPage).to.equal(page === far);
        expect(index.size).to.equal(2);
        expect(index.get('a')).to.include({ text: 'again', clientRef: 'ref-a' });
        expect(ids(index.ordered()).sort()).to.deep.equal(['a', 'b']);
      }
    });
  });
});
