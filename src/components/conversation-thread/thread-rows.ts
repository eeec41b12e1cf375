/**
 * Helpers that turn a thread's messages (oldest first) into the flat list of
 * rows the virtualizer renders: day separators, the unread divider and
 * messages grouped by side.
 *
 * Rows are values: each message's key, time and day are worked out once per
 * message object, and a row that comes out the same as before is the same
 * object, so the virtualizer's keyed items stay stable. `ThreadRowsBuilder`
 * also keeps what it worked out per message, so after a change at the end
 * (new messages, a send confirmed, a status update) only the rows from the
 * first changed message on are built again.
 */
import type { Message } from '../../data/models.js';
import { dayKey } from '../../internal/format.js';
import type { MessageRow, ThreadRow } from './conversation-thread.types.js';

/** Messages from the same side closer than this are grouped. */
export const GROUP_WINDOW_MS = 5 * 60_000;

/** A message's stable row key: its client reference (so a confirmed send keeps the key of its optimistic copy), else its id. */
export function messageKey(m: Message): string {
  return m.clientRef ? `c:${m.clientRef}` : `m:${m.id}`;
}

/**
 * The key of the message where the agent's unread messages begin: the
 * `unreadCount`-th inbound message from the end (the first inbound message
 * loaded when there are more unread than loaded).
 */
export function unreadStartKey(messages: readonly Message[], unreadCount: number | undefined): string | undefined {
  if (!unreadCount || unreadCount <= 0) return undefined;
  let left = unreadCount;
  let earliest: Message | undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.direction !== 'inbound') continue;
    earliest = m;
    if (--left === 0) return messageKey(m);
  }
  return earliest ? messageKey(earliest) : undefined;
}

export interface BuildRowsOptions {
  /** Put the unread divider before the message with this key. */
  unreadKey?: string;
  /** The number the unread divider shows. */
  unreadCount?: number;
  /** Add the top row (older messages / start of conversation). Default true. */
  start?: boolean;
  groupWindowMs?: number;
}

type DayRow = Extract<ThreadRow, { type: 'day' }>;
type UnreadRow = Extract<ThreadRow, { type: 'unread' }>;

/** What a row needs from a message, worked out once per message object, and the rows last built for it. */
interface MessageFacts {
  key: string;
  /** Milliseconds since the epoch; NaN when `createdAt` does not parse. */
  time: number;
  /** Local calendar day (`YYYY-MM-DD`), when the time parses. */
  day?: string;
  row?: MessageRow;
  dayRow?: DayRow;
}

const facts = new WeakMap<Message, MessageFacts>();
/**
 * Local day keys by quarter hour since the epoch. Every time zone's offset
 * is a whole number of quarter hours (and so are its daylight-saving
 * switches), so local midnight falls on a quarter-hour boundary and one
 * quarter hour never spans two local days.
 */
const days = new Map<number, string>();
const QUARTER_HOUR_MS = 15 * 60_000;
/** Past this many, the day cache starts afresh (a long session that read many threads). */
const MAX_CACHED_DAYS = 50_000;
const START_ROW: ThreadRow = Object.freeze({ type: 'start', key: 'start' });

function dayOf(time: number): string {
  const quarter = Math.floor(time / QUARTER_HOUR_MS);
  let day = days.get(quarter);
  if (day === undefined) {
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    day = dayKey(time);
    days.set(quarter, day);
  }
  return day;
}

function factsOf(m: Message): MessageFacts {
  let f = facts.get(m);
  if (!f) {
    const time = Date.parse(m.createdAt);
    f = { key: messageKey(m), time, day: Number.isNaN(time) ? undefined : dayOf(time) };
    facts.set(m, f);
  }
  return f;
}

/** `messageKey(m)`, worked out once per message object. */
export function cachedMessageKey(m: Message): string {
  return factsOf(m).key;
}

const timeOf = (f: MessageFacts) => (Number.isNaN(f.time) ? 0 : f.time);

function messageRow(m: Message, f: MessageFacts, key: string, groupStart: boolean, groupEnd: boolean): MessageRow {
  const old = f.row;
  if (old && old.key === key && old.groupStart === groupStart && old.groupEnd === groupEnd) return old;
  const row: MessageRow = { type: 'message', key, message: m, groupStart, groupEnd };
  f.row = row;
  return row;
}

function dayRow(m: Message, f: MessageFacts, day: string): DayRow {
  const key = `day:${day}`;
  const old = f.dayRow;
  if (old && old.key === key) return old;
  const row: DayRow = { type: 'day', key, at: m.createdAt };
  f.dayRow = row;
  return row;
}

/**
 * Builds a thread's rows again and again as its messages change. It compares
 * the new messages with the last ones by identity: from the first message
 * that differs on (none, when only new ones were added at the end) the rows
 * are built again, the ones before are kept. Other options than last time
 * build everything afresh. Each build returns a new array.
 */
export class ThreadRowsBuilder {
  private messages: readonly Message[] = [];
  private rows: ThreadRow[] = [];
  private options: BuildRowsOptions = {};
  private window = GROUP_WINDOW_MS;
  private used = new Set<string>();
  /** Per message index: its row key, local day, whether it starts a group, and where its row is. */
  private keys: string[] = [];
  private dayKeys: string[] = [];
  private starts: boolean[] = [];
  private rowAt: number[] = [];
  private unreadRow?: UnreadRow;
  // the build in progress
  private out: ThreadRow[] = [];
  private prev?: Message;
  private prevFacts?: MessageFacts;
  private prevDay?: string;
  /** The message whose row waits for the next message (to tell whether its group ends): its index, or -1. */
  private pending = -1;
  private pendingKey = '';
  private pendingStart = false;

  /** Rows for `messages` (oldest first). */
  build(messages: readonly Message[], options: BuildRowsOptions = {}): ThreadRow[] {
    const same =
      this.messages.length > 0 &&
      options.unreadKey === this.options.unreadKey &&
      options.unreadCount === this.options.unreadCount &&
      (options.start ?? true) === (this.options.start ?? true) &&
      (options.groupWindowMs ?? GROUP_WINDOW_MS) === this.window;
    let p = 0;
    if (same) {
      const n = Math.min(messages.length, this.messages.length);
      while (p < n && messages[p] === this.messages[p]) p++;
    }
    if (same && p === this.messages.length && p === messages.length) {
      this.messages = messages;
      return this.rows;
    }
    this.options = { ...options };
    this.window = options.groupWindowMs ?? GROUP_WINDOW_MS;
    if (p > 0) this.resume(p);
    else this.restart();
    for (let i = p; i < messages.length; i++) this.add(messages[i], i);
    this.flush(true);
    this.messages = messages;
    this.rows = this.out;
    this.out = [];
    return this.rows;
  }

  private restart(): void {
    this.used.clear();
    this.keys.length = this.dayKeys.length = this.starts.length = this.rowAt.length = 0;
    this.out = this.options.start === false ? [] : [START_ROW];
    this.prev = this.prevFacts = this.prevDay = undefined;
    this.pending = -1;
  }

  /** Keeps the rows of the first `p` messages (the last of them is emitted again: its group may now go on). */
  private resume(p: number): void {
    const j = p - 1;
    for (let k = p; k < this.keys.length; k++) this.used.delete(this.keys[k]);
    this.keys.length = this.dayKeys.length = this.starts.length = this.rowAt.length = p;
    this.out = this.rows.slice(0, this.rowAt[j]);
    const message = this.messages[j];
    const f = factsOf(message);
    this.prev = message;
    this.prevFacts = f;
    this.prevDay = this.dayKeys[j];
    this.pending = j;
    this.pendingKey = this.keys[j];
    this.pendingStart = this.starts[j];
  }

  private add(m: Message, index: number): void {
    const f = factsOf(m);
    const day = f.day ?? this.prevDay ?? 'unknown';
    let key = f.key;
    if (this.used.has(key)) key = `m:${m.id}`;
    for (let n = 2; this.used.has(key); n++) key = `m:${m.id}#${n}`;
    this.used.add(key);
    const newDay = day !== this.prevDay;
    const unread = Boolean(this.options.unreadKey && key === this.options.unreadKey);
    const prev = this.prev;
    const groupStart =
      newDay ||
      unread ||
      !prev ||
      prev.direction !== m.direction ||
      (m.direction === 'outbound' && Boolean(prev.senderId && m.senderId) && prev.senderId !== m.senderId) ||
      Math.abs(timeOf(f) - timeOf(this.prevFacts!)) > this.window;
    this.flush(groupStart);
    if (newDay) {
      this.out.push(dayRow(m, f, day));
      this.prevDay = day;
    }
    if (unread) {
      const count = this.options.unreadCount ?? 0;
      if (this.unreadRow?.count !== count) this.unreadRow = { type: 'unread', key: 'unread', count };
      this.out.push(this.unreadRow);
    }
    this.keys[index] = key;
    this.dayKeys[index] = day;
    this.starts[index] = groupStart;
    this.pending = index;
    this.pendingKey = key;
    this.pendingStart = groupStart;
    this.prev = m;
    this.prevFacts = f;
  }

  /** Emits the waiting message row, now that it is known whether its group ends with it. */
  private flush(groupEnd: boolean): void {
    const i = this.pending;
    if (i < 0) return;
    this.rowAt[i] = this.out.length;
    // the waiting message is the previous one added (or, when resuming, the last one kept)
    this.out.push(messageRow(this.prev!, this.prevFacts!, this.pendingKey, this.pendingStart, groupEnd));
    this.pending = -1;
  }
}

/** Rows for the virtualized log. Day keys are local calendar days (`day:YYYY-MM-DD`). */
export function buildRows(messages: readonly Message[], options: BuildRowsOptions = {}): ThreadRow[] {
  return new ThreadRowsBuilder().build(messages, options);
}
