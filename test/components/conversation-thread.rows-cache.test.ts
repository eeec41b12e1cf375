import { expect } from '@open-wc/testing';
import type { MessageRow, ThreadRow } from '../../src/components/conversation-thread/conversation-thread.types.js';
import {
  buildRows,
  GROUP_WINDOW_MS,
  messageKey,
  ThreadRowsBuilder,
  type BuildRowsOptions,
} from '../../src/components/conversation-thread/thread-rows.js';
import { MessageIndex } from '../../src/data/message-index.js';
import type { Message } from '../../src/data/models.js';
import { dayKey } from '../../src/internal/format.js';

const base = new Date(2026, 2, 10, 9, 0, 0).getTime(); // local time, so day keys are predictable
const MIN = 60_000;

function m(id: string, minutes: number, direction: Message['direction'], partial: Partial<Message> = {}): Message {
  return {
    id,
    direction,
    kind: 'text',
    text: id,
    status: direction === 'inbound' ? 'received' : 'read',
    createdAt: new Date(base + minutes * MIN).toISOString(),
    ...partial,
  };
}

/** The rows as the thread built them before any caching: the oracle the cached builds must match. */
function referenceRows(messages: readonly Message[], options: BuildRowsOptions = {}): unknown[] {
  const time = (x: Message) => (Number.isNaN(Date.parse(x.createdAt)) ? 0 : Date.parse(x.createdAt));
  const rows: Array<Record<string, unknown>> = [];
  if (options.start ?? true) rows.push({ type: 'start', key: 'start' });
  const window = options.groupWindowMs ?? GROUP_WINDOW_MS;
  const used = new Set<string>();
  let prevDay: string | undefined;
  let prev: Message | undefined;
  let prevRow: Record<string, unknown> | undefined;
  for (const x of messages) {
    const valid = !Number.isNaN(Date.parse(x.createdAt));
    const day = valid ? dayKey(x.createdAt) : (prevDay ?? 'unknown');
    let breakGroup = false;
    if (day !== prevDay) {
      rows.push({ type: 'day', key: `day:${day}`, at: x.createdAt });
      prevDay = day;
      breakGroup = true;
    }
    let key = messageKey(x);
    if (used.has(key)) key = `m:${x.id}`;
    for (let n = 2; used.has(key); n++) key = `m:${x.id}#${n}`;
    used.add(key);
    if (options.unreadKey && key === options.unreadKey) {
      rows.push({ type: 'unread', key: 'unread', count: options.unreadCount ?? 0 });
      breakGroup = true;
    }
    const groupStart =
      breakGroup ||
      !prev ||
      prev.direction !== x.direction ||
      (x.direction === 'outbound' && Boolean(prev.senderId && x.senderId) && prev.senderId !== x.senderId) ||
      Math.abs(time(x) - time(prev)) > window;
    if (prevRow && groupStart) prevRow.groupEnd = true;
    const row = { type: 'message', key, message: x, groupStart, groupEnd: false };
    rows.push(row);
    prev = x;
    prevRow = row;
  }
  if (prevRow) prevRow.groupEnd = true;
  return rows;
}

/** Rows as plain data, with messages by identity (their id and a stable index), for deep comparison. */
function shape(rows: readonly unknown[], messages: readonly Message[]): unknown[] {
  const index = new Map(messages.map((x, i) => [x, i]));
  return rows.map((r) => {
    const row = r as Record<string, unknown>;
    return row.type === 'message' ? { ...row, message: index.get(row.message as Message) } : { ...row };
  });
}

const msgRow = (rows: ThreadRow[], id: string) =>
  rows.find((r): r is MessageRow => r.type === 'message' && r.message.id === id)!;

/** Counts `Date.parse` calls and `new Date(…)` constructions while `fn` runs. */
function countingDates(fn: () => void): { parses: number; constructions: number } {
  const RealDate = Date;
  const realParse = Date.parse;
  let parses = 0;
  let constructions = 0;
  class CountingDate extends RealDate {
    constructor(...args: unknown[]) {
      super(...(args as []));
      constructions++;
    }
  }
  CountingDate.parse = (s: string) => {
    parses++;
    return realParse(s);
  };
  globalThis.Date = CountingDate as DateConstructor;
  try {
    fn();
  } finally {
    globalThis.Date = RealDate;
  }
  return { parses, constructions };
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

describe('conversation-thread rows: caching and incremental builds', () => {
  it('reuses the rows that come out the same and replaces the ones that change', () => {
    const msgs = [
      m('a', 0, 'inbound'),
      m('b', 1, 'inbound'),
      m('c', 24 * 60, 'outbound'),
      m('d', 24 * 60 + 1, 'outbound'),
    ];
    const builder = new ThreadRowsBuilder();
    const first = builder.build(msgs);
    // a new message joins the last group: only the old last row changes (it no longer ends its group)
    const e = m('e', 24 * 60 + 2, 'outbound');
    const second = builder.build([...msgs, e]);
    expect(second).not.to.equal(first);
    const before = new Map(first.map((r) => [r.key, r]));
    for (const row of second) {
      if (row.key === 'm:d' || row.key === 'm:e') continue;
      expect(row, row.key).to.equal(before.get(row.key));
    }
    expect(msgRow(second, 'd')).not.to.equal(msgRow(first, 'd'));
    expect(msgRow(second, 'd').groupEnd).to.equal(false);
    expect(msgRow(second, 'e').groupEnd).to.equal(true);
    // the first build's rows are left as they were
    expect(msgRow(first, 'd').groupEnd).to.equal(true);
    // a status change is a new message object: its row is new, the others stay
    const read = { ...msgs[1], status: 'read' as const };
    const third = builder.build([msgs[0], read, msgs[2], msgs[3], e]);
    expect(msgRow(third, 'b')).not.to.equal(msgRow(second, 'b'));
    expect(msgRow(third, 'b').message).to.equal(read);
    expect(msgRow(third, 'a')).to.equal(msgRow(second, 'a'));
    expect(msgRow(third, 'e')).to.equal(msgRow(second, 'e'));
    // the same messages again: the same rows
    expect(builder.build([msgs[0], read, msgs[2], msgs[3], e])).to.equal(third);
    // an older page before them: the rows of the messages that did not change stay, day rows included
    const older = [m('z1', -100, 'inbound'), m('z2', -99, 'inbound')];
    const fourth = builder.build([...older, msgs[0], read, msgs[2], msgs[3], e]);
    for (const id of ['a', 'b', 'c', 'd', 'e']) expect(msgRow(fourth, id), id).to.equal(msgRow(third, id));
    const day = (rows: ThreadRow[], key: string) => rows.find((r) => r.key === key);
    expect(day(fourth, 'day:2026-03-11')).to.equal(day(third, 'day:2026-03-11'));
    expect(day(fourth, 'day:2026-03-10')).not.to.equal(day(third, 'day:2026-03-10')); // it now starts at z1
  });

  it('builds exactly the rows a fresh build makes, through appends, updates, prepends and option changes', () => {
    const rnd = random(7);
    const builder = new ThreadRowsBuilder();
    let messages: Message[] = [];
    let clock = 0;
    let serial = 0;
    const next = (): Message => {
      clock += Math.floor(rnd() * 8 * 60); // up to 8 hours apart: day breaks and group breaks
      const dir = rnd() < 0.5 ? 'inbound' : 'outbound';
      const extra: Partial<Message> = {};
      if (rnd() < 0.1) extra.clientRef = `ref${Math.floor(rnd() * 6)}`; // clashing references
      if (dir === 'outbound' && rnd() < 0.3) extra.senderId = `agent${Math.floor(rnd() * 2)}`;
      if (rnd() < 0.02) extra.createdAt = 'not a date';
      return m(`x${serial++}`, clock, dir, extra);
    };
    let options: BuildRowsOptions = {};
    for (let step = 0; step < 120; step++) {
      const roll = rnd();
      if (roll < 0.35) {
        const k = 1 + Math.floor(rnd() * 4);
        messages = [...messages, ...Array.from({ length: k }, next)];
      } else if (roll < 0.5 && messages.length) {
        const i = messages.length - 1 - Math.floor(rnd() * Math.min(3, messages.length));
        messages = messages.map((x, j) => (j === i ? { ...x, status: 'delivered' } : x));
      } else if (roll < 0.6 && messages.length) {
        const i = Math.floor(rnd() * messages.length);
        messages = messages.map((x, j) => (j === i ? { ...x, text: 'edited' } : x));
      } else if (roll < 0.7 && messages.length) {
        messages = messages.slice(0, -1);
      } else if (roll < 0.8) {
        const older = Array.from({ length: 3 }, (_, k) => m(`o${serial++}`, -1000 * (step + 1) - k * 3, 'inbound'));
        messages = [...older.reverse(), ...messages];
      } else if (roll < 0.9 && messages.length) {
        const pick = messages[Math.floor(rnd() * messages.length)];
        options = { unreadKey: messageKey(pick), unreadCount: 1 + Math.floor(rnd() * 5) };
      } else {
        options = rnd() < 0.5 ? {} : { ...options, start: rnd() < 0.5 };
      }
      const rows = builder.build(messages, options);
      expect(shape(rows, messages), `step ${step}`).to.deep.equal(shape(referenceRows(messages, options), messages));
      const keys = rows.map((r) => r.key);
      expect(new Set(keys).size).to.equal(keys.length);
    }
  });

  it('after new messages at the end works out only those, and keeps the rows before', () => {
    const msgs = Array.from({ length: 2_000 }, (_, i) => m(`n${i}`, i * 3, i % 3 ? 'inbound' : 'outbound'));
    const builder = new ThreadRowsBuilder();
    const first = builder.build(msgs);
    const more = [...msgs, m('n-new', 2_000 * 3, 'inbound'), m('n-new2', 2_000 * 3 + 1, 'inbound')];
    let rows: ThreadRow[] = [];
    const work = countingDates(() => {
      rows = builder.build(more);
    });
    expect(work.parses).to.equal(2);
    expect(work.constructions, 'a day per new quarter hour at most').to.be.at.most(1);
    expect(shape(rows, more)).to.deep.equal(shape(referenceRows(more), more));
    // every row up to the last old message is the same object
    for (let i = 0; i < first.length - 1; i++) expect(rows[i]).to.equal(first[i]);
  });

  it('works out a local day only where a new day begins, not once per message', () => {
    // 600 messages 10 minutes apart: 100 hours, 5 local days
    const msgs = Array.from({ length: 600 }, (_, i) => m(`p${i}`, i * 10, i % 2 ? 'inbound' : 'outbound'));
    let rows: ThreadRow[] = [];
    const work = countingDates(() => {
      rows = buildRows(msgs);
    });
    expect(work.parses).to.equal(600);
    const dayRows = rows.filter((r) => r.type === 'day').length;
    expect(dayRows).to.equal(5);
    expect(work.constructions, 'two Dates per day: its bounds and its key').to.be.at.most(2 * dayRows);
  });

  it('uses the times the store parsed for a list it ordered', () => {
    const index = new MessageIndex();
    const msgs = Array.from({ length: 300 }, (_, i) => m(`s${i}`, i * 7, i % 4 ? 'inbound' : 'outbound'));
    for (const x of msgs) index.set(x.id, x);
    const list = index.ordered();
    let rows: ThreadRow[] = [];
    const work = countingDates(() => {
      rows = buildRows(list);
    });
    expect(work.parses).to.equal(0);
    expect(shape(rows, list)).to.deep.equal(shape(referenceRows(list), list));
  });
});
