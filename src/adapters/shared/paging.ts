/**
 * The cursors and page sizes the adapters hand to the store. A cursor is
 * opaque to the store but readable here: `page:N` (1-based page),
 * `offset:N` (items to skip) and `before:<message id>` (older than that
 * message). The `read…` functions return undefined for anything that is not
 * their kind of cursor; whether that is page 1 or a validation error is the
 * caller's (the dialect's) rule.
 */
import type { PageCursor } from '../../data/models.js';

const PAGE = /^page:(\d+)$/;
const OFFSET = /^offset:(\d+)$/;
const BEFORE = /^before:(.+)$/;

/** The cursor of page `page` (1-based): `page:N`. */
export function encodePageCursor(page: number): PageCursor {
  return `page:${page}`;
}

/** N of a `page:N` cursor when N ≥ 1; else undefined. */
export function readPageCursor(cursor: string | undefined): number | undefined {
  const m = PAGE.exec(cursor ?? '');
  const page = m ? Number(m[1]) : 0;
  return page >= 1 ? page : undefined;
}

/** The page a cursor names; page 1 for a missing or unreadable one. */
export function decodePageCursor(cursor: string | undefined): number {
  return readPageCursor(cursor) ?? 1;
}

/** The cursor that skips `offset` items: `offset:N`. */
export function encodeOffsetCursor(offset: number): PageCursor {
  return `offset:${offset}`;
}

/** N of an `offset:N` cursor; else undefined. */
export function readOffsetCursor(cursor: string | undefined): number | undefined {
  const m = OFFSET.exec(cursor ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The cursor of the messages older than `messageId`: `before:<id>`. */
export function encodeBeforeCursor(messageId: string): PageCursor {
  return `before:${messageId}`;
}

/** The message id of a `before:<id>` cursor; else undefined. */
export function readBeforeCursor(cursor: string | undefined): string | undefined {
  return BEFORE.exec(cursor ?? '')?.[1];
}

/** A page size: the requested one (else `fallback`), rounded down, at least 1 and at most `max`. */
export function clampLimit(requested: number | undefined, fallback: number, max = Number.POSITIVE_INFINITY): number {
  return Math.min(max, Math.max(1, Math.floor(requested ?? fallback)));
}
