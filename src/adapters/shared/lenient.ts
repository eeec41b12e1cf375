/**
 * Lenient readers for vendor JSON: wrong types become undefined, dates are
 * normalized to ISO 8601, statuses map case-insensitively with an `unknown`
 * fallback, and a record that cannot be used is dropped with one warning.
 */
import type { DeliveryStatus, MessageKind } from '../../data/models.js';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, or a finite number as a string (ids); else undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A string, possibly empty (message text); else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** ISO 8601 from an ISO string, epoch seconds or epoch milliseconds; undefined when unreadable. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e12 ? value * 1000 : value;
    return new Date(ms).toISOString();
  }
  if (typeof value === 'string' && value.trim() !== '') {
    if (/^\d+$/.test(value.trim())) return isoDate(Number(value));
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  return undefined;
}

/** The latest of several optional ISO dates. */
export function latest(...dates: (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d && (!best || Date.parse(d) > Date.parse(best))) best = d;
  return best;
}

/** An array from a value that should be one; else []. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Only http(s) URLs survive; anything else (javascript:, data:, relative) becomes undefined. */
export function httpUrl(value: unknown): string | undefined {
  const s = str(value);
  if (!s) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const DELIVERY: Record<string, DeliveryStatus> = {
  queued: 'pending',
  pending: 'pending',
  accepted: 'pending',
  sending: 'pending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  seen: 'read',
  failed: 'failed',
  undelivered: 'failed',
  error: 'failed',
  rejected: 'failed',
};

/** Delivery status, case-insensitive; inbound messages without one are `received`. */
export function deliveryStatus(value: unknown, direction: 'inbound' | 'outbound'): DeliveryStatus {
  const s = str(value)?.toLowerCase();
  if (!s) return direction === 'inbound' ? 'received' : 'unknown';
  return DELIVERY[s] ?? 'unknown';
}

export function direction(value: unknown): 'inbound' | 'outbound' | undefined {
  const s = str(value)?.toLowerCase();
  if (s === 'inbound' || s === 'in' || s === 'incoming' || s === 'received') return 'inbound';
  if (s === 'outbound' || s === 'out' || s === 'outgoing' || s === 'sent') return 'outbound';
  return undefined;
}

const KINDS = new Set<MessageKind>([
  'text',
  'template',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
]);

export function messageKind(value: unknown): MessageKind {
  const s = str(value)?.toLowerCase();
  if (!s) return 'text';
  if (s === 'freeform') return 'text';
  if (s === 'media') return 'document';
  if (s === 'file') return 'document';
  if (s === 'voice') return 'audio';
  return KINDS.has(s as MessageKind) ? (s as MessageKind) : 'unknown';
}

/**
 * Maps each record, dropping (with one console warning per call) those the
 * mapper rejects by returning undefined or throwing.
 */
export function mapLenient<T>(
  items: unknown[],
  map: (item: unknown) => T | undefined,
  what: string,
  dialect: string,
): T[] {
  const out: T[] = [];
  let dropped = 0;
  for (const item of items) {
    let mapped: T | undefined;
    try {
      mapped = map(item);
    } catch {
      mapped = undefined;
    }
    if (mapped === undefined) dropped++;
    else out.push(mapped);
  }
  if (dropped > 0) {
    console.warn(`[inbox-elements] ${dialect}: skipped ${dropped} malformed ${what} record(s)`);
  }
  return out;
}
