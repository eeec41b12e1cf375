/**
 * Pure helpers that turn a thread's messages (oldest first) into the flat
 * list of rows the virtualizer renders: day separators, the unread divider and
 * messages grouped by side.
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

function timeOf(m: Message): number {
  const t = Date.parse(m.createdAt);
  return Number.isNaN(t) ? 0 : t;
}

/** Rows for the virtualized log. Day keys are local calendar days (`day:YYYY-MM-DD`). */
export function buildRows(messages: readonly Message[], options: BuildRowsOptions = {}): ThreadRow[] {
  const rows: ThreadRow[] = [];
  if (options.start ?? true) rows.push({ type: 'start', key: 'start' });
  const window = options.groupWindowMs ?? GROUP_WINDOW_MS;
  const used = new Set<string>();
  let prevDay: string | undefined;
  let prev: Message | undefined;
  let prevRow: MessageRow | undefined;
  for (const m of messages) {
    const valid = !Number.isNaN(Date.parse(m.createdAt));
    const day = valid ? dayKey(m.createdAt) : (prevDay ?? 'unknown');
    let breakGroup = false;
    if (day !== prevDay) {
      rows.push({ type: 'day', key: `day:${day}`, at: m.createdAt });
      prevDay = day;
      breakGroup = true;
    }
    let key = messageKey(m);
    if (used.has(key)) key = `m:${m.id}`;
    for (let n = 2; used.has(key); n++) key = `m:${m.id}#${n}`;
    used.add(key);
    if (options.unreadKey && key === options.unreadKey) {
      rows.push({ type: 'unread', key: 'unread', count: options.unreadCount ?? 0 });
      breakGroup = true;
    }
    const groupStart =
      breakGroup ||
      !prev ||
      prev.direction !== m.direction ||
      (m.direction === 'outbound' && Boolean(prev.senderId && m.senderId) && prev.senderId !== m.senderId) ||
      Math.abs(timeOf(m) - timeOf(prev)) > window;
    if (prevRow && groupStart) prevRow.groupEnd = true;
    const row: MessageRow = { type: 'message', key, message: m, groupStart, groupEnd: false };
    rows.push(row);
    prev = m;
    prevRow = row;
  }
  if (prevRow) prevRow.groupEnd = true;
  return rows;
}
