/**
 * Helpers that turn a thread's messages (oldest first) into the flat list of
 * rows the virtualizer renders: day separators, the unread divider and
 * messages grouped by side.
 *
 * Rows are values. `ThreadRowsBuilder` keeps what it worked out per message
 * (key, time, local day, grouping, row position), so after a change at the
 * end (new messages, a send confirmed, a status update) only the rows from
 * the first changed message on are built again, and a row that comes out the
 * same as before is the same object, so the virtualizer's keyed items stay
 * stable. A message's local day costs a `Date` only where a new day begins.
 */
import { orderedTimes } from '../../data/message-index.js';
import type { Message } from '../../data/models.js';
import { dayKey } from '../../internal/format.js';
import type { ThreadRow } from './conversation-thread.types.js';

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

const START_ROW: ThreadRow = Object.freeze({ type: 'start', key: 'start' });

/**
 * The local calendar day of times, remembering the bounds of the last day it
 * worked out: messages come in order, so most fall in the day before them and
 * cost two comparisons instead of a `Date`.
 */
class LocalDays {
  private start = 0;
  private end = 0;
  private key = '';

  of(time: number): string {
    if (time >= this.start && time < this.end) return this.key;
    const d = new Date(time);
    d.setHours(0, 0, 0, 0);
    this.start = d.getTime();
    d.setDate(d.getDate() + 1);
    this.end = d.getTime();
    this.key = dayKey(time);
    return this.key;
  }
}

/**
 * Builds a thread's rows again and again as its messages change. It compares
 * the new messages with the last ones by identity: from the first message
 * that differs on (none, when only new ones were added at the end) the rows
 * are built again, the ones before are kept. Other options than last time
 * build everything afresh. A row that comes out the same as last time (same
 * message object, key and grouping; same day) is the same object. Each build
 * returns a new array.
 */
export class ThreadRowsBuilder {
  private messages: readonly Message[] = [];
  private rows: ThreadRow[] = [];
  private options: BuildRowsOptions = {};
  private window = GROUP_WINDOW_MS;
  private used = new Set<string>();
  /** Per message index: its row key, time, local day, whether it starts a group, and where its row is. */
  private keys: string[] = [];
  private times: number[] = [];
  private dayKeys: string[] = [];
  private starts: boolean[] = [];
  private rowAt: number[] = [];
  private unreadRow?: UnreadRow;
  private readonly localDays = new LocalDays();
  /** The parsed times of the messages being built, when their index already had them. */
  private listTimes?: Float64Array;
  // the last build, whose rows are reused for messages that did not change
  private oldMessages: readonly Message[] = [];
  private oldRows: ThreadRow[] = [];
  private oldRowAt: number[] = [];
  private shift = 0;
  // the build in progress
  private out: ThreadRow[] = [];
  private prev?: Message;
  private prevTime = 0;
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
    this.oldMessages = this.messages;
    this.oldRows = this.rows;
    this.oldRowAt = this.rowAt;
    this.shift = messages.length - this.messages.length;
    const times = orderedTimes(messages);
    this.listTimes = times?.length === messages.length ? times : undefined;
    if (p > 0) this.resume(p);
    else this.restart();
    for (let i = p; i < messages.length; i++) this.add(messages[i], i);
    this.flush(true);
    this.messages = messages;
    this.rows = this.out;
    this.out = [];
    this.oldMessages = [];
    this.oldRows = [];
    this.oldRowAt = [];
    this.listTimes = undefined;
    return this.rows;
  }

  private restart(): void {
    this.used.clear();
    this.keys.length = this.times.length = this.dayKeys.length = this.starts.length = 0;
    this.rowAt = [];
    this.out = this.options.start === false ? [] : [START_ROW];
    this.prev = this.prevDay = undefined;
    this.prevTime = 0;
    this.pending = -1;
  }

  /** Keeps the rows of the first `p` messages (the last of them is emitted again: its group may now go on). */
  private resume(p: number): void {
    const j = p - 1;
    for (let k = p; k < this.keys.length; k++) this.used.delete(this.keys[k]);
    this.keys.length = this.times.length = this.dayKeys.length = this.starts.length = p;
    this.rowAt = this.oldRowAt.slice(0, p);
    this.out = this.rows.slice(0, this.rowAt[j]);
    this.prev = this.messages[j];
    this.prevTime = this.times[j];
    this.prevDay = this.dayKeys[j];
    this.pending = j;
    this.pendingKey = this.keys[j];
    this.pendingStart = this.starts[j];
  }

  private add(m: Message, index: number): void {
    const parsed = this.listTimes ? this.listTimes[index] : Date.parse(m.createdAt);
    const valid = !Number.isNaN(parsed);
    const time = valid ? parsed : 0;
    const day = valid ? this.localDays.of(parsed) : (this.prevDay ?? 'unknown');
    let key = messageKey(m);
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
      Math.abs(time - this.prevTime) > this.window;
    this.flush(groupStart);
    if (newDay) {
      this.out.push(this.dayRow(m, index, day));
      this.prevDay = day;
    }
    if (unread) {
      const count = this.options.unreadCount ?? 0;
      if (this.unreadRow?.count !== count) this.unreadRow = { type: 'unread', key: 'unread', count };
      this.out.push(this.unreadRow);
    }
    this.keys[index] = key;
    this.times[index] = time;
    this.dayKeys[index] = day;
    this.starts[index] = groupStart;
    this.pending = index;
    this.pendingKey = key;
    this.pendingStart = groupStart;
    this.prev = m;
    this.prevTime = time;
  }

  /** Emits the waiting message row, now that it is known whether its group ends with it. */
  private flush(groupEnd: boolean): void {
    const i = this.pending;
    if (i < 0) return;
    this.pending = -1;
    // the waiting message is the previous one added (or, when resuming, the last one kept)
    const message = this.prev!;
    const key = this.pendingKey;
    const groupStart = this.pendingStart;
    const old = this.oldRow(i, message);
    const reuse =
      old?.type === 'message' && old.key === key && old.groupStart === groupStart && old.groupEnd === groupEnd;
    this.rowAt[i] = this.out.length;
    this.out.push(reuse ? old : { type: 'message', key, message, groupStart, groupEnd });
  }

  private dayRow(m: Message, index: number, day: string): DayRow {
    const key = `day:${day}`;
    const at = this.oldRowAt[this.oldIndex(index, m)] ?? 0;
    // the last build's day row sat just before this message's row (or before its unread divider)
    for (const k of [at - 1, at - 2]) {
      const old = this.oldRows[k];
      if (old?.type === 'day' && old.key === key && old.at === m.createdAt) return old;
    }
    return { type: 'day', key, at: m.createdAt };
  }

  /** The index `m` had in the last build (same place, or moved by a page added before), or -1. */
  private oldIndex(index: number, m: Message): number {
    const old = this.oldMessages;
    if (old[index] === m) return index;
    const moved = index - this.shift;
    return moved >= 0 && old[moved] === m ? moved : -1;
  }

  private oldRow(index: number, m: Message): ThreadRow | undefined {
    const i = this.oldIndex(index, m);
    return i < 0 ? undefined : this.oldRows[this.oldRowAt[i]];
  }
}

/** Rows for the virtualized log. Day keys are local calendar days (`day:YYYY-MM-DD`). */
export function buildRows(messages: readonly Message[], options: BuildRowsOptions = {}): ThreadRow[] {
  return new ThreadRowsBuilder().build(messages, options);
}
