/**
 * Helpers the dialect handlers share: routing below a dialect's base path,
 * reading a JSON body, bearer tokens, query parameters, and the list order and
 * page slices their list endpoints serve. What a dialect answers on failure
 * (its error body, status and wording) stays in the dialect: the helpers take
 * that answer or report the failure.
 */
import { BadJsonError, type DialectContext } from '../router.js';

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `path` is the dialect's `base` or below it. */
export function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/** The percent-decoded, non-empty segments of `path` below `base`; throws URIError on a malformed escape. */
export function segmentsBelow(path: string, base: string): string[] {
  return path.slice(base.length).split('/').filter(Boolean).map(decodeURIComponent);
}

/** The token of an `Authorization: Bearer <token>` header (any case); undefined without one. */
export function bearerToken(request: Request): string | undefined {
  return /^Bearer\s+(\S+)/i.exec(request.headers.get('authorization') ?? '')?.[1];
}

/**
 * The request's JSON body (undefined when empty), or the dialect's answer to
 * a malformed one (`malformed()`). Other errors propagate.
 */
export async function readJsonBody(
  ctx: DialectContext,
  malformed: () => Response,
): Promise<{ value: unknown } | { response: Response }> {
  try {
    return { value: await ctx.json() };
  } catch (e) {
    if (e instanceof BadJsonError) return { response: malformed() };
    throw e;
  }
}

/** Every value of a list parameter, repeated (`a=1&a=2`) or comma-joined (`a=1,2`), trimmed, empty ones dropped. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A positive integer parameter: `fallback` when absent or empty, undefined when not digits or < 1. */
export function positiveInt(value: string | null, fallback: number): number | undefined {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/** The items of 1-based page `page` of `limit` items each. */
export function pageOf<T>(items: readonly T[], page: number, limit: number): T[] {
  return items.slice((page - 1) * limit, page * limit);
}

/**
 * The items most recent first by an ISO timestamp (`at`, read once per item
 * and compared as text), equal timestamps by id ascending; a new array.
 */
export function newestFirst<T extends { id: string }>(items: readonly T[], at: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, at: at(item) }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0))
    .map(({ item }) => item);
}
