/// <reference types="node" />
/**
 * The reference backend as a real HTTP server on 127.0.0.1 (PORT, default 8787):
 *
 *   npm run backend            # tsx reference-backend/server.ts
 *   curl -s localhost:8787/ref/__requests
 *
 * Also exports `startServer(port)` for scripts and the Node helpers the Vite
 * plugin reuses (`createNodeHandler`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { ReferenceDb } from './db.js';
import { createReferenceBackend, type DialectHandler, type ReferenceBackend } from './router.js';

export interface StartServerOptions {
  db?: ReferenceDb;
  handlers?: Record<string, DialectHandler>;
  prefix?: string;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningServer {
  server: Server;
  backend: ReferenceBackend;
  /** e.g. http://127.0.0.1:8787 */
  origin: string;
  baseUrl(dialect: string): string;
  close(): Promise<void>;
}

/** Builds a Fetch API Request from a Node request (body buffered). */
export async function toRequest(req: IncomingMessage, fallbackOrigin: string): Promise<Request> {
  const origin = req.headers.host ? `http://${req.headers.host}` : fallbackOrigin;
  const url = new URL(req.url ?? '/', origin);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  let body: ArrayBuffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    if (chunks.length > 0) {
      const buffer = Buffer.concat(chunks);
      body = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    }
  }
  return new Request(url, { method, headers, body });
}

/** Writes a Fetch API Response to a Node response. */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') headers[name] = [...((headers[name] as string[] | undefined) ?? []), value];
    else headers[name] = value;
  });
  res.writeHead(response.status, response.statusText || undefined, headers);
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.end(body);
}

/**
 * A Node/connect-style handler: answers requests under the backend's prefix,
 * calls `next()` (or answers 404) for the rest, destroys the socket on 'drop'.
 */
export function createNodeHandler(backend: ReferenceBackend, fallbackOrigin = 'http://127.0.0.1') {
  return async (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> => {
    try {
      const request = await toRequest(req, fallbackOrigin);
      const answer = await backend.handle(request);
      if (answer === 'drop') {
        req.socket.destroy();
        return;
      }
      if (answer === undefined) {
        if (next) next();
        else
          await writeResponse(
            res,
            Response.json({ error: 'not_found' }, { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } }),
          );
        return;
      }
      await writeResponse(res, answer);
    } catch (error) {
      if (next) next(error);
      else if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal_error', message: String(error) }));
      } else res.destroy();
    }
  };
}

export async function startServer(
  port = Number(process.env.PORT ?? 8787),
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const prefix = (options.prefix ?? '/ref').replace(/\/+$/, '');
  const backend = createReferenceBackend({ db: options.db, handlers: options.handlers, prefix });
  const handler = createNodeHandler(backend, `http://${host}:${port}`);
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${host}:${address.port}`;
  return {
    server,
    backend,
    origin,
    baseUrl: (dialect) => `${origin}${prefix}/${encodeURIComponent(dialect)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function main(): Promise<void> {
  const running = await startServer();
  const { DIALECT_HANDLERS } = await import('./dialects/index.js');
  const dialects = Object.keys(DIALECT_HANDLERS);
  console.log(`Reference backend listening on ${running.origin}`);
  if (dialects.length === 0) console.log('  (no dialect handlers registered yet)');
  for (const dialect of dialects) console.log(`  ${dialect.padEnd(12)} ${running.baseUrl(dialect)}`);
  console.log(`  control      ${running.origin}/ref/__requests  /ref/__faults  /ref/__reset`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
