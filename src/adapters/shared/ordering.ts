/**
 * The orders the normalized model promises, for adapters that rebuild them
 * from the wire: conversations newest activity first, messages oldest first,
 * each with a fixed tie-break so equal dates never reorder between reads.
 *
 * Dates are the ISO strings the mappers produce. A conversation without a
 * readable `lastActivityAt` goes last. Ids tie-break as plain strings; a
 * dialect whose ids sort differently (qlara's numeric ids) keeps its own comparator.
 */
import type { Conversation, Message } from '../../data/models.js';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest first: by `createdAt`, then by id; an unreadable date compares by id alone. */
export function byCreatedAsc(a: Message, b: Message): number {
  const d = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (d !== 0 && !Number.isNaN(d)) return d;
  return compareStrings(a.id, b.id);
}

/** The items with each id once (the first one), in their order. */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

/** Messages oldest first (`createdAt`, then id), without duplicate ids; a new array. */
export function sortOldestFirst(messages: readonly Message[]): Message[] {
  return uniqueById(messages).sort(byCreatedAsc);
}

function activityMs(c: Conversation): number {
  const t = c.lastActivityAt ? Date.parse(c.lastActivityAt) : Number.NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Newest activity first; without a readable `lastActivityAt` last; 0 for equal dates. */
export function compareActivityDesc(a: Conversation, b: Conversation): number {
  const ta = activityMs(a);
  const tb = activityMs(b);
  return ta === tb ? 0 : tb - ta;
}

/** Newest activity first, equal dates by id: the order is the same whatever order the wire used. */
export function byActivityDesc(a: Conversation, b: Conversation): number {
  return compareActivityDesc(a, b) || compareStrings(a.id, b.id);
}

/**
 * Sorts `items` in place into {@link byActivityDesc} order and returns them, reading each
 * date once: comparing with `byActivityDesc` parses two dates per comparison, which for
 * a page of thousands (qlara's unpaged list, the memory adapter) is most of the sort's time.
 */
export function sortByActivityDesc<T extends Conversation>(items: T[]): T[] {
  const keyed = items.map((c) => ({ c, t: activityMs(c) }));
  keyed.sort((a, b) => (a.t === b.t ? compareStrings(a.c.id, b.c.id) : b.t - a.t));
  for (let i = 0; i < keyed.length; i++) items[i] = keyed[i].c;
  return items;
}

/** Newest activity first, equal dates in the order the backend sent them (a stable sort); a new array. */
export function sortNewestFirst(conversations: readonly Conversation[]): Conversation[] {
  return [...conversations].sort(compareActivityDesc);
}
