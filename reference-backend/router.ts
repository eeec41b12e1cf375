/**
 * The reference backend's router: one `handle(Request)` shared by the MSW
 * worker (browser.ts), the Node server (server.ts) and the Vite dev-server
 * middleware (vite-plugin.ts).
 *
 * `${prefix}/<dialect>/<path>` goes to `handlers[dialect]` (default: the
 * dialects/index.ts registry). Every dialect request is recorded first, then
 * fault rules apply, then the handler answers. Control endpoints:
 * `POST|GET|DELETE ${prefix}/__faults`, `DELETE ${prefix}/__faults/<id>`,
 * `POST ${prefix}/__reset`, `GET|DELETE ${prefix}/__requests`.
 */
import { ReferenceDb } from './db.js';
import { FaultInjector, type FaultRule } from './faults.js';

export interface DialectContext {
  request: Request;
  url: URL;
  dialect: string;
  /** The path after `/ref/<dialect>`, still percent-encoded; starts with '/'. */
  path: string;
  query: URLSearchParams;
  db: ReferenceDb;
  /** The parsed JSON body; undefined when empty; throws BadJsonError on malformed JSON. */
  json(): Promise<unknown>;
}

/** Returning undefined makes the router answer 404 `{"error":"route_not_found"}`. */
export type DialectHandler = (ctx: DialectContext) => Promise<Response | undefined> | Response | undefined;

export interface RecordedRequest {
  dialect: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
}

export interface ReferenceBackend {
  db: ReferenceDb;
  faults: FaultInjector;
  requests: RecordedRequest[];
  clearRequests(): void;
  /** db.reset + faults.clear + clearRequests */
  reset(): void;
  /** undefined: the request is not under the prefix; 'drop': drop the connection. */
  handle(request: Request): Promise<Response | 'drop' | undefined>;
}

export interface ReferenceBackendOptions {
  db?: ReferenceDb;
  /** Default '/ref'. */
  prefix?: string;
  /** Default: DIALECT_HANDLERS from dialects/index.ts. */
  handlers?: Record<string, DialectHandler>;
}

/** Thrown by `ctx.json()` on a malformed body; the router answers 400 `{"error":"invalid_json"}` if uncaught. */
export class BadJsonError extends Error {
  constructor(message = 'Malformed JSON body') {
    super(message);
    this.name = 'BadJsonError';
  }
}

/** A JSON response (no body for 204/205/304). */
export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  const noBody = status === 204 || status === 205 || status === 304;
  return new Response(noBody ? null : JSON.stringify(body ?? null), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Keeps the request log bounded while a demo polls for hours. */
const MAX_RECORDED = 2000;

const EXPOSED_HEADERS = [
  '*',
  'Retry-After',
  'Idempotency-Replayed',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Location',
].join(', ');

export function createReferenceBackend(options: ReferenceBackendOptions = {}): ReferenceBackend {
  const db = options.db ?? ReferenceDb.seeded();
  const prefix = normalizePrefix(options.prefix ?? '/ref');
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  let handlers = options.handlers;

  async function resolveHandlers(): Promise<Record<string, DialectHandler>> {
    // Loaded lazily so that router.ts and the dialect files (which import
    // router.ts) never form a static import cycle.
    handlers ??= (await import('./dialects/index.js')).DIALECT_HANDLERS;
    return handlers;
  }

  function record(entry: RecordedRequest): void {
    requests.push(entry);
    if (requests.length > MAX_RECORDED) requests.splice(0, requests.length - MAX_RECORDED);
  }

  const backend: ReferenceBackend = {
    db,
    faults,
    requests,
    clearRequests() {
      requests.length = 0;
    },
    reset() {
      db.reset();
      faults.clear();
      requests.length = 0;
    },
    async handle(request) {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return undefined;
      }
      const pathname = url.pathname;
      if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
      if (request.method === 'OPTIONS') return withCors(new Response(null, { status: 204 }), request);
      try {
        const answer = await route(url, request);
        return answer === 'drop' ? answer : withCors(answer, request);
      } catch (error) {
        return withCors(json({ error: 'internal_error', message: String(error) }, 500), request);
      }
    },
  };

  async function route(url: URL, request: Request): Promise<Response | 'drop'> {
    const rest = url.pathname.slice(prefix.length);
    const match = /^\/([^/]+)(\/.*)?$/.exec(rest);
    if (!match) return json({ error: 'route_not_found' }, 404);
    const dialect = decodeURIComponent(match[1]);
    const path = match[2] ?? '/';
    const method = request.method.toUpperCase();
    if (dialect.startsWith('__')) return control(dialect, path, method, request);

    const text = request.body === null ? '' : await request.clone().text();
    record({
      dialect,
      method,
      path,
      query: queryRecord(url.searchParams),
      headers: headerRecord(request.headers),
      body: recordedBody(text, request.headers.get('content-type')),
    });

    const fault = faults.match(dialect, method, path);
    if (fault?.latencyMs) await delay(fault.latencyMs);
    if (fault?.drop) return 'drop';
    if (fault?.status !== undefined) return faultResponse(fault);

    const table = await resolveHandlers();
    const handler = Object.prototype.hasOwnProperty.call(table, dialect) ? table[dialect] : undefined;
    let response: Response | undefined;
    if (!handler) {
      response = json({ error: 'unknown_dialect', dialect }, 404);
    } else {
      const ctx: DialectContext = {
        request,
        url,
        dialect,
        path,
        query: url.searchParams,
        db,
        json() {
          if (text.trim() === '') return Promise.resolve(undefined);
          try {
            return Promise.resolve(JSON.parse(text) as unknown);
          } catch (error) {
            return Promise.reject(new BadJsonError(error instanceof Error ? error.message : undefined));
          }
        },
      };
      try {
        response = (await handler(ctx)) ?? json({ error: 'route_not_found' }, 404);
      } catch (error) {
        response =
          error instanceof BadJsonError
            ? json({ error: 'invalid_json', message: error.message }, 400)
            : json({ error: 'internal_error', message: String(error) }, 500);
      }
    }
    if (fault) response = withHeaders(response, faultHeaders(fault));
    return response;
  }

  async function control(name: string, path: string, method: string, request: Request): Promise<Response> {
    switch (name) {
      case '__faults': {
        if (path === '/' && method === 'GET') return json({ faults: faults.list() });
        if (path === '/' && method === 'DELETE') {
          faults.clear();
          return new Response(null, { status: 204 });
        }
        if (path === '/' && method === 'POST') {
          const text = await request.text();
          let rule: unknown;
          try {
            rule = text.trim() === '' ? {} : JSON.parse(text);
          } catch {
            return json({ error: 'invalid_json' }, 400);
          }
          if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
            return json({ error: 'invalid_fault', message: 'Expected a JSON object' }, 400);
          }
          const id = faults.add(rule);
          return json({ id }, 201);
        }
        const idMatch = /^\/(\d+)$/.exec(path);
        if (idMatch && method === 'DELETE') {
          faults.remove(Number(idMatch[1]));
          return new Response(null, { status: 204 });
        }
        break;
      }
      case '__reset':
        if (path === '/' && method === 'POST') {
          backend.reset();
          return new Response(null, { status: 204 });
        }
        break;
      case '__requests':
        if (path === '/' && method === 'GET') return json(requests);
        if (path === '/' && method === 'DELETE') {
          requests.length = 0;
          return new Response(null, { status: 204 });
        }
        break;
      default:
        return json({ error: 'route_not_found' }, 404);
    }
    return json({ error: 'method_not_allowed' }, 405);
  }

  return backend;
}

function normalizePrefix(prefix: string): string {
  let p = prefix.startsWith('/') ? prefix : `/${prefix}`;
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function recordedBody(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  const trimmed = text.trim();
  if ((contentType ?? '').includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function faultHeaders(rule: FaultRule): Record<string, string> {
  const headers: Record<string, string> = { ...rule.headers };
  if (rule.retryAfter !== undefined) headers['Retry-After'] = String(rule.retryAfter);
  return headers;
}

function faultResponse(rule: FaultRule): Response {
  const status = rule.status ?? 500;
  const headers = faultHeaders(rule);
  if (typeof rule.body === 'string') {
    const noBody = status === 204 || status === 205 || status === 304;
    return new Response(noBody ? null : rule.body, {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
    });
  }
  return json(rule.body === undefined ? { error: 'injected_fault', status } : rule.body, status, headers);
}

function withHeaders(response: Response, extra: Record<string, string>): Response {
  if (Object.keys(extra).length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function withCors(response: Response, request: Request): Response {
  const headers = new Headers(response.headers);
  headers.set('Access-Control-Allow-Origin', '*');
  headers.set('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD');
  // `*` does not cover Authorization, so echo what the preflight asked for.
  headers.set('Access-Control-Allow-Headers', request.headers.get('Access-Control-Request-Headers') || '*');
  headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  headers.set('Access-Control-Max-Age', '600');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
