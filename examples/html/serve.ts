/// <reference types="node" />
/**
 * `npm run examples:html`: serves examples/html/index.html (and the built
 * bundle it loads) with a stand-in for the host's own proxy:
 *
 *   GET  /                                  examples/html/index.html
 *   GET  /dist/inbox-elements.bundle.js     the self-contained bundle (`npm run build` first)
 *   *    /proxy/<dialect>/<path>            → the reference backend's /ref/<dialect>/<path>,
 *                                             with the headers the host's proxy adds
 *
 * The page never sees a credential: the proxy adds them, as README's
 * "Auth stays with the host" describes. PORT (default 8788).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { ReferenceDb } from '../../reference-backend/db.js';
import { hostConfig, REFERENCE_DIALECTS, type ReferenceDialect } from '../../reference-backend/host-config.js';
import { createReferenceBackend } from '../../reference-backend/router.js';
import { toRequest, writeResponse } from '../../reference-backend/server.js';

const root = join(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 8788);
const db = ReferenceDb.seeded();
const backend = createReferenceBackend({ db, prefix: '/ref' });

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};
const isDialect = (v: string): v is ReferenceDialect => (REFERENCE_DIALECTS as readonly string[]).includes(v);

/** The proxy: what a host's server does in front of the vendor's API. */
async function proxy(request: Request, dialect: ReferenceDialect, rest: string): Promise<Response> {
  const url = new URL(request.url);
  const upstream = new URL(`/ref/${dialect}${rest}${url.search}`, url);
  const headers = new Headers(request.headers);
  // the browser's cookies are the host's business, never the vendor's
  headers.delete('cookie');
  const added = hostConfig(db, dialect).options.headers;
  if (added && typeof added === 'object') for (const [k, v] of Object.entries(added)) headers.set(k, v);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  const answer = await backend.handle(new Request(upstream, { method: request.method, headers, body }));
  if (answer === 'drop') return Response.error();
  return answer ?? Response.json({ error: 'not_found' }, { status: 404 });
}

async function file(path: string): Promise<Response> {
  const resolved = normalize(join(root, path));
  if (!resolved.startsWith(root)) return new Response('forbidden', { status: 403 });
  try {
    const body = await readFile(resolved);
    return new Response(body, { headers: { 'content-type': TYPES[extname(resolved)] ?? 'application/octet-stream' } });
  } catch {
    const hint = path.startsWith('dist/') ? ' (run `npm run build` first)' : '';
    return new Response(`${path} not found${hint}`, { status: 404 });
  }
}

const server = createServer((req, res) => {
  void (async () => {
    try {
      const request = await toRequest(req, `http://127.0.0.1:${port}`);
      const { pathname } = new URL(request.url);
      const match = /^\/proxy\/([^/]+)(\/.*)?$/.exec(pathname);
      let response: Response;
      if (match && isDialect(match[1])) response = await proxy(request, match[1], match[2] ?? '');
      else if (pathname === '/' || pathname === '/index.html') response = await file('examples/html/index.html');
      else if (pathname.startsWith('/dist/')) response = await file(pathname.slice(1));
      else response = new Response('not found', { status: 404 });
      if (response.type === 'error') {
        req.socket.destroy();
        return;
      }
      await writeResponse(res, response);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  })();
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Plain HTML example on http://127.0.0.1:${port}/ (proxy: /proxy/<dialect>)`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
