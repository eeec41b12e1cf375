/**
 * `MessageIndex`: a thread's server messages by id, kept in display order
 * (oldest first, ties by id) as they change, so a change costs one pass over
 * the thread instead of a sort with a date parse in every comparison.
 *
 * - Each `createdAt` is parsed once (again only when it changes).
 * - `set()` of a message whose time is unchanged replaces it in place;
 *   new (or re-timed) messages wait in a batch that is sorted on its own and
 *   merged in on the next `ordered()` (appending newer or prepending older
 *   pages costs their length plus one copy).
 * - `ordered(extra)` returns a new array on every call: every message plus
 *   `extra` (optimistic sends), in order.
 *
 * Times that do not parse count as 0 (the oldest), as the thread's rows do.
 * Each array `ordered()` returns comes with the times of its messages, for
 * whoever works through it next (`orderedTimes`): they need not parse again.
 */
import type { Message } from './models.js';

interface Entry {
  id: string;
  message: Message;
  time: number;
  /** What `Date.parse` made of `createdAt` (NaN when it does not parse). */
  parsed: number;
  /** Deleted or re-timed since it was placed: dropped on the next flush. */
  removed?: boolean;
}

/** Milliseconds since the epoch of `createdAt`; 0 when it does not parse. */
export function parseTime(createdAt: string | undefined): number {
  const t = Date.parse(createdAt ?? '');
  return Number.isNaN(t) ? 0 : t;
}

/** The parsed times of the arrays `ordered()` returned, by array. */
const timesOf = new WeakMap<readonly Message[], Float64Array>();

/**
 * `Date.parse` of each message's `createdAt` (NaN where it does not parse),
 * by index, for an array a `MessageIndex` returned; undefined for any other.
 */
export function orderedTimes(messages: readonly Message[]): Float64Array | undefined {
  return timesOf.get(messages);
}

function entryOf(id: string, message: Message, parsed = Date.parse(message.createdAt)): Entry {
  return { id, message, time: Number.isNaN(parsed) ? 0 : parsed, parsed };
}

function compareKeys(at: number, aid: string, bt: number, bid: string): number {
  return at - bt || (aid < bid ? -1 : aid > bid ? 1 : 0);
}

const byEntry = (a: Entry, b: Entry) => compareKeys(a.time, a.id, b.time, b.id);

/** Merges two sorted runs into a new array. */
function mergeRuns(a: Entry[], b: Entry[]): Entry[] {
  if (!b.length) return a;
  if (!a.length) return b;
  // the usual cases: a newer page (or one new message) after, an older page before
  if (byEntry(a[a.length - 1], b[0]) <= 0) {
    for (const e of b) a.push(e);
    return a;
  }
  if (byEntry(b[b.length - 1], a[0]) <= 0) return b.concat(a);
  const out: Entry[] = new Array<Entry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byEntry(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** `2024-05-01T10:00:00.000Z`, roughly: for two such strings, text order is time order. */
export function canonicalIso(s: string): boolean {
  return s.length === 24 && s.charCodeAt(23) === 90 /* Z */ && s.charCodeAt(10) === 84; /* T */
}

/**
 * Whether a page can be taken as it is: every time in the canonical form,
 * oldest first, ties by id, no id twice in a row. (A repeat at another time
 * is not next to its first copy: indexing finds it, see `repeatedInPage`.)
 */
function inCanonicalOrder(messages: readonly Message[]): boolean {
  for (let i = 0; i < messages.length; i++) {
    const b = messages[i];
    if (typeof b.createdAt !== 'string' || !canonicalIso(b.createdAt) || typeof b.id !== 'string') return false;
    if (i === 0) continue;
    const a = messages[i - 1];
    if (a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id >= b.id)) return false;
  }
  return true;
}

export class MessageIndex {
  private readonly entries = new Map<string, Entry>();
  /** Placed entries, in order (may still hold removed ones until the next flush). */
  private sorted: Entry[] = [];
  /** Entries not placed yet. */
  private added: Entry[] = [];
  private stale = false;
  /**
   * A first page kept as it came (already in order), until something needs an
   * id looked up: opening a long thread then costs one pass over its times.
   */
  private page?: {
    messages: readonly Message[];
    merge?: (previous: Message, next: Message) => Message;
    /** How many of `messages` are indexed already (by `prepare`). */
    done: number;
  };

  get size(): number {
    return this.page ? this.page.messages.length : this.entries.size;
  }

  has(id: string): boolean {
    this.index();
    return this.entries.has(id);
  }

  get(id: string): Message | undefined {
    this.index();
    return this.entries.get(id)?.message;
  }

  *values(): IterableIterator<Message> {
    this.index();
    for (const e of this.entries.values()) yield e.message;
  }

  /**
   * Adds a page of messages at once. Into an empty index, a page already in
   * order (the usual first page) is kept as it is and indexed only when an id
   * is first looked up. Where an id is already there (or twice in the page),
   * the message becomes `merge(previous, next)` (default: next).
   */
  putAll(messages: readonly Message[], merge?: (previous: Message, next: Message) => Message): void {
    if (!this.page && this.entries.size === 0 && messages.length > 1 && inCanonicalOrder(messages)) {
      this.page = { messages: messages.slice(), merge, done: 0 };
      return;
    }
    this.index();
    this.putEach(messages, merge);
  }

  /**
   * True once indexing a page kept as it came found an id in it twice (at
   * different times, so `ordered()` listed it twice until then): whoever
   * showed that list should show it again.
   */
  repeatedInPage = false;

  private putEach(messages: readonly Message[], merge?: (previous: Message, next: Message) => Message): void {
    for (const m of messages) {
      const prev = this.entries.get(m.id);
      this.put(m.id, prev && merge ? merge(prev.message, m) : m);
    }
  }

  /** Indexes (the rest of) the page kept by `putAll`. */
  private index(): void {
    this.prepare();
  }

  /**
   * Indexes the page kept by `putAll` ahead of need, 500 messages at a time
   * while `timeLeft()` says there is time (the store calls it when the
   * browser is idle), so the first lookup after a long thread opens, such as
   * a new message arriving, finds the index built. Returns true when nothing
   * is left to index.
   */
  prepare(timeLeft: () => number = () => Infinity): boolean {
    const page = this.page;
    if (!page) return true;
    // detached meanwhile: put() indexes the rest first, and must not come back here
    this.page = undefined;
    const { messages, merge } = page;
    while (page.done < messages.length && timeLeft() > 1) {
      const to = Math.min(messages.length, page.done + 500);
      for (let i = page.done; i < to; i++) {
        const m = messages[i];
        const prev = this.entries.get(m.id);
        if (prev) this.repeatedInPage = true;
        this.put(m.id, prev && merge ? merge(prev.message, m) : m);
      }
      page.done = to;
    }
    if (page.done === messages.length) return true;
    this.page = page;
    return false;
  }

  /** Adds or replaces the message with this id. */
  set(id: string, message: Message): this {
    this.put(id, message);
    return this;
  }

  /** Adds or replaces the message with this id; returns the one it replaced. */
  put(id: string, message: Message): Message | undefined {
    this.index();
    const prev = this.entries.get(id);
    const parsed = prev && prev.message.createdAt === message.createdAt ? prev.parsed : Date.parse(message.createdAt);
    const time = Number.isNaN(parsed) ? 0 : parsed;
    const before = prev?.message;
    if (prev && prev.time === time) {
      prev.parsed = parsed;
      prev.message = message; // same place in the order
      return before;
    }
    if (prev) {
      prev.removed = true;
      this.stale = true;
    }
    const entry = entryOf(id, message, parsed);
    this.entries.set(id, entry);
    this.added.push(entry);
    return before;
  }

  delete(id: string): boolean {
    this.index();
    const prev = this.entries.get(id);
    if (!prev) return false;
    prev.removed = true;
    this.stale = true;
    this.entries.delete(id);
    return true;
  }

  /** A new array of every message, and `extra` (not indexed), oldest first, ties by id. */
  ordered(extra: readonly Message[] = []): Message[] {
    if (this.page && !extra.length) return this.page.messages.slice();
    this.index();
    this.flush();
    const placed = this.sorted;
    if (!extra.length) {
      const out = new Array<Message>(placed.length);
      const times = new Float64Array(placed.length);
      for (let i = 0; i < placed.length; i++) {
        times[i] = placed[i].parsed;
        out[i] = placed[i].message;
      }
      timesOf.set(out, times);
      return out;
    }
    const more = extra.map((message) => entryOf(message.id, message)).sort(byEntry);
    const n = placed.length + more.length;
    const out = new Array<Message>(n);
    const times = new Float64Array(n);
    let k = 0;
    let j = 0;
    for (const e of placed) {
      while (j < more.length && byEntry(more[j], e) < 0) {
        times[k] = more[j].parsed;
        out[k++] = more[j++].message;
      }
      times[k] = e.parsed;
      out[k++] = e.message;
    }
    for (; j < more.length; j++) {
      times[k] = more[j].parsed;
      out[k++] = more[j].message;
    }
    timesOf.set(out, times);
    return out;
  }

  /** Places the waiting entries and drops the removed ones. */
  private flush(): void {
    const stale = this.stale;
    if (stale) {
      this.sorted = this.sorted.filter((e) => !e.removed);
      this.stale = false;
    }
    if (!this.added.length) return;
    const batch = stale ? this.added.filter((e) => !e.removed) : this.added;
    this.added = [];
    // pages usually arrive in order already
    let ordered = true;
    for (let i = 1; i < batch.length && ordered; i++) {
      const a = batch[i - 1];
      const b = batch[i];
      ordered = a.time < b.time || (a.time === b.time && a.id <= b.id);
    }
    if (!ordered) batch.sort(byEntry);
    this.sorted = mergeRuns(this.sorted, batch);
  }
}
