/**
 * The HTTP layer every adapter shares: base-URL joining, the host's header
 * hook and fetch override, a per-request timeout, an AbortSignal on every
 * call, retries with backoff for reads (honouring Retry-After), never an
 * automatic retry of a POST without an idempotency key, and errors normalized
 * into `InboxError`.
 */
import type { DataSourceConfig } from '../../data/data-source.js';
import { InboxError, kindForStatus, parseRetryAfter, type InboxErrorKind } from '../../data/errors.js';

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The dialect's documented path, appended to the base URL. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`; makes a POST safe to retry. */
  idempotencyKey?: string;
  /** `json` (default) parses the body and fails on a non-JSON or empty one; `none` ignores it (204). */
  expect?: 'json' | 'none' | 'json-or-empty';
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
}

/** What a dialect reads out of an error body. */
export interface ParsedErrorBody {
  code?: string;
  message?: string;
  retryAfterMs?: number;
  fieldIssues?: Record<string, unknown>;
  /** Overrides the kind the status would give (e.g. `outside_window`). */
  kind?: InboxErrorKind;
}

export interface HttpClientOptions {
  dialect: string;
  baseUrl: string;
  headers?: DataSourceConfig['headers'];
  fetch?: typeof fetch;
  credentials?: RequestCredentials;
  /** Per-request timeout, ms. Default 15 000. */
  timeoutMs?: number;
  /** Retries for reads (and idempotent writes). Default 2. */
  retries?: number;
  /** First backoff delay, ms; doubles per attempt with jitter. Default 500. */
  backoffMs?: number;
  /** Longest wait the client accepts from Retry-After before giving up. Default 60 000. */
  maxRetryAfterMs?: number;
  /** Reads the dialect's error body. */
  parseError?: (status: number, body: unknown, request: HttpRequest) => ParsedErrorBody;
  /** Timer used for backoff (tests pass fake timers). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const RETRY_STATUSES = new Set([429, 502, 503]);

/** The signal's reason when it is an Error (an AbortError by default), else a fresh AbortError. */
function abortReason(signal?: AbortSignal): Error {
  return signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');
}

/** Waits `ms`, rejecting with an AbortError if the signal fires first. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Joins a base URL and a path with exactly one slash, keeping the base's own path. */
export function joinUrl(baseUrl: string, path: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const rest = path.replace(/^\/+/, '');
  return rest ? `${base}/${rest}` : base;
}

/** Appends query parameters; arrays repeat the key; null/undefined/'' are left out. */
export function withQuery(url: string, query?: Record<string, QueryValue>): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value as readonly (string | number)[]) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  if (!qs) return url;
  return url + (url.includes('?') ? '&' : '?') + qs;
}

/**
 * Encodes one path segment (ids from the backend are opaque). `.` and `..`
 * (which encodeURIComponent leaves alone) would address another route once the
 * URL is resolved, so they are refused as not found.
 */
export function seg(value: string | number): string {
  const s = String(value);
  if (s === '.' || s === '..')
    throw new InboxError({ kind: 'not_found', message: `No resource "${s}"`, dialect: 'unknown' });
  return encodeURIComponent(s);
}

function abortError(): DOMException {
  return new DOMException('The request was aborted', 'AbortError');
}

export class HttpClient {
  readonly dialect: string;
  private readonly options: HttpClientOptions;

  constructor(options: HttpClientOptions) {
    this.dialect = options.dialect;
    this.options = options;
  }

  /** Sends a request; retries where safe; resolves with parsed JSON or rejects with InboxError / AbortError. */
  async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    const method = req.method ?? 'GET';
    const safeToRetry = method === 'GET' || Boolean(req.idempotencyKey);
    const retries = safeToRetry ? (this.options.retries ?? 2) : 0;
    const sleep = this.options.sleep ?? abortableSleep;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(req, method);
      } catch (error) {
        if (!(error instanceof InboxError) || attempt >= retries || !this.shouldRetry(error)) throw error;
        const wait = this.retryDelay(error, attempt);
        if (wait === undefined) throw error;
        await sleep(wait, req.signal);
      }
    }
  }

  private shouldRetry(error: InboxError): boolean {
    if (error.kind === 'network' || error.kind === 'timeout') return true;
    if (error.httpStatus !== undefined && RETRY_STATUSES.has(error.httpStatus)) return true;
    // cloove: the same idempotency key is still being processed; wait and retry
    return error.kind === 'conflict' && error.code === 'request_in_progress';
  }

  /** Milliseconds before the next attempt; undefined when Retry-After asks for longer than we wait. */
  private retryDelay(error: InboxError, attempt: number): number | undefined {
    if (error.retryAfterMs !== undefined) {
      return error.retryAfterMs > (this.options.maxRetryAfterMs ?? 60_000) ? undefined : error.retryAfterMs;
    }
    const base = (this.options.backoffMs ?? 500) * 2 ** attempt;
    return base + Math.floor(Math.random() * base * 0.25);
  }

  private async headers(req: HttpRequest): Promise<Headers> {
    const headers = new Headers({ Accept: 'application/json' });
    const hook = this.options.headers;
    const fromHost = typeof hook === 'function' ? await hook() : hook;
    for (const [k, v] of Object.entries(fromHost ?? {})) headers.set(k, v);
    for (const [k, v] of Object.entries(req.headers ?? {})) headers.set(k, v);
    if (req.body !== undefined) headers.set('Content-Type', 'application/json');
    if (req.idempotencyKey) headers.set('Idempotency-Key', req.idempotencyKey);
    return headers;
  }

  private async once<T>(req: HttpRequest, method: string): Promise<HttpResponse<T>> {
    if (req.signal?.aborted) throw abortError();
    const url = withQuery(joinUrl(this.options.baseUrl, req.path), req.query);
    const controller = new AbortController();
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    try {
      let response: Response;
      const headers = await this.headers(req);
      if (req.signal?.aborted) throw abortError();
      try {
        response = await doFetch(url, {
          method,
          headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          credentials: this.options.credentials,
          signal: controller.signal,
        });
      } catch (error) {
        if (req.signal?.aborted) throw abortError();
        if (timedOut) {
          throw new InboxError({
            kind: 'timeout',
            message: `No answer from the ${this.dialect} backend within ${Math.round(timeoutMs / 1000)} s`,
            dialect: this.dialect,
            cause: error,
          });
        }
        throw new InboxError({
          kind: 'network',
          message: `Could not reach the ${this.dialect} backend`,
          dialect: this.dialect,
          cause: error,
        });
      }
      const text = await response.text().catch((error: unknown) => {
        if (req.signal?.aborted) throw abortError();
        throw new InboxError({
          kind: timedOut ? 'timeout' : 'network',
          message: `The ${this.dialect} backend's answer was cut off`,
          dialect: this.dialect,
          cause: error,
        });
      });
      if (!response.ok) throw this.httpError(response, text, req);
      return { status: response.status, headers: response.headers, data: this.parseBody<T>(response, text, req) };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  }

  private parseBody<T>(response: Response, text: string, req: HttpRequest): T {
    const expect = req.expect ?? 'json';
    if (expect === 'none') return undefined as T;
    if (text.trim() === '') {
      if (expect === 'json-or-empty') return undefined as T;
      throw new InboxError({
        kind: 'invalid_response',
        httpStatus: response.status,
        message: `The ${this.dialect} backend sent an empty body where JSON was expected (${req.method ?? 'GET'} ${req.path})`,
        dialect: this.dialect,
      });
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new InboxError({
        kind: 'invalid_response',
        httpStatus: response.status,
        message: `The ${this.dialect} backend sent something that is not JSON (${req.method ?? 'GET'} ${req.path})`,
        dialect: this.dialect,
        raw: text.slice(0, 500),
        cause: error,
      });
    }
  }

  private httpError(response: Response, text: string, req: HttpRequest): InboxError {
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    const parsed = this.options.parseError?.(response.status, body, req) ?? {};
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After')) ?? parsed.retryAfterMs;
    const kind = parsed.kind ?? kindForStatus(response.status);
    return new InboxError({
      kind,
      httpStatus: response.status,
      code: parsed.code,
      message: parsed.message || `${this.dialect} backend answered ${response.status}`,
      retryAfterMs,
      fieldIssues: parsed.fieldIssues,
      retryable:
        kind === 'rate_limited' ||
        kind === 'upstream' ||
        kind === 'server' ||
        (kind === 'conflict' && parsed.code === 'request_in_progress'),
      dialect: this.dialect,
      raw: body,
    });
  }
}

/** The client an adapter builds from the host's config. */
export function createHttpClient(
  config: DataSourceConfig,
  dialect: string,
  parseError?: HttpClientOptions['parseError'],
): HttpClient {
  return new HttpClient({
    dialect,
    baseUrl: config.baseUrl,
    headers: config.headers,
    fetch: config.fetch,
    credentials: config.credentials,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    parseError,
  });
}
