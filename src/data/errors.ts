/**
 * `InboxError`: the one error type every data source throws. Adapters map
 * HTTP status codes, vendor error bodies, network failures and timeouts onto
 * its kinds; an abort is never an InboxError (see {@link isAbortError}).
 */
import type { DialectId } from './models.js';

export const INBOX_ERROR_KINDS = [
  'not_found',
  'unauthorized',
  'forbidden',
  'validation',
  'conflict',
  'rate_limited',
  'outside_window',
  'unsupported',
  'upstream',
  'network',
  'timeout',
  'invalid_response',
  'server',
] as const;
export type InboxErrorKind = (typeof INBOX_ERROR_KINDS)[number];

export interface InboxErrorInit {
  kind: InboxErrorKind;
  message: string;
  dialect: DialectId;
  httpStatus?: number;
  /** Vendor machine code (the body's `error` / `code` field). */
  code?: string;
  retryable?: boolean;
  retryAfterMs?: number;
  fieldIssues?: Record<string, unknown>;
  raw?: unknown;
  cause?: unknown;
}

const RETRYABLE_KINDS: ReadonlySet<InboxErrorKind> = new Set([
  'rate_limited',
  'upstream',
  'network',
  'timeout',
  'server',
]);

export class InboxError extends Error {
  override readonly name = 'InboxError';
  readonly kind: InboxErrorKind;
  readonly dialect: DialectId;
  readonly httpStatus?: number;
  readonly code?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly fieldIssues?: Record<string, unknown>;
  readonly raw?: unknown;

  constructor(init: InboxErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.dialect = init.dialect;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.retryable = init.retryable ?? RETRYABLE_KINDS.has(init.kind);
    this.retryAfterMs = init.retryAfterMs;
    this.fieldIssues = init.fieldIssues;
    this.raw = init.raw;
  }
}

export function isInboxError(value: unknown): value is InboxError {
  return value instanceof InboxError || (value as { name?: unknown } | null)?.name === 'InboxError';
}

/**
 * Whether a failed action is worth offering again to the user: transient
 * failures, a refreshed session after 401, a conflict that may clear.
 */
export function canOfferRetry(error: InboxError): boolean {
  return error.retryable || error.kind === 'unauthorized' || error.kind === 'conflict';
}

/** An InboxError as is; anything else thrown becomes a `server` InboxError keeping it as `cause`. */
export function toInboxError(error: unknown, dialect: DialectId): InboxError {
  if (isInboxError(error)) return error;
  return new InboxError({
    kind: 'server',
    message: error instanceof Error ? error.message : String(error),
    dialect,
    cause: error,
  });
}

/** True for a cancelled request: not an error to show or report. */
export function isAbortError(value: unknown): boolean {
  return (value as { name?: unknown } | null)?.name === 'AbortError';
}

/** The kind an HTTP status maps to when the body says nothing more specific. */
export function kindForStatus(status: number): InboxErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'validation';
  if (status === 502 || status === 503 || status === 504) return 'upstream';
  if (status >= 500) return 'server';
  return 'validation';
}

/**
 * Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds.
 * Returns undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const WINDOW_HINT =
  /(24\s*-?\s*h|24[ -]?hour|service[_ -]?window|outside[_ -]?(the[_ -]?)?window|window[_ -]?(closed|expired)|re-?engagement|eligib)/i;

/** True when a vendor code or text says a free-form send fell outside the 24-hour window. */
export function mentionsServiceWindow(...texts: unknown[]): boolean {
  return texts.some((t) => {
    if (t == null) return false;
    const s = typeof t === 'string' ? t : JSON.stringify(t);
    return WINDOW_HINT.test(s ?? '');
  });
}
