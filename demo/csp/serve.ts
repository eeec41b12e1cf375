/// <reference types="node" />
/**
 * Serves the strict-CSP demo: demo/csp/index.html and its style sheet, the
 * host script and the elements built from the sources with esbuild (ES
 * modules, split chunks for the lazily imported adapters), the reference
 * backend under /ref/*, and /host-config.json — every response with the
 * Content-Security-Policy header.
 *
 *   npx tsx demo/csp/serve.ts            # http://127.0.0.1:8788/?backend=cloove
 *   CSP="..." npx tsx demo/csp/serve.ts  # try another policy
 *
 * `?elements=dist` loads dist/inbox-elements.bundle.js (run `npm run build` first;
 * tests pass `bundleFile`, a bundle they built)
 * instead of the elements built from the sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ReferenceDb } from '../../reference-backend/db.js';
import { hostConfig, REFERENCE_DIALECTS, type ReferenceDialect } from '../../reference-backend/host-config.js';
import { createReferenceBackend, type ReferenceBackend } from '../../reference-backend/router.js';
import { createNodeHandler } from '../../reference-backend/server.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

/**
 * The policy the demo is served with: what the issue asks for. Lit renders
 * through its own Trusted Types policy (`lit-html`), so no `trusted-types`
 * directive is needed; hosts that list allowed policies must allow `lit-html`
 * (see STRICT_CSP).
 */
export const DEFAULT_CSP = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/** A stricter policy that also works: everything same-origin, only the `lit-html` policy, images over https. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "media-src 'self' https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

export interface CspDemo {
  origin: string;
  backend: ReferenceBackend;
  /** The policy served from now on. */
  setPolicy(policy: string): void;
  close(): Promise<void>;
}

export interface CspDemoOptions {
  /** Default 0 (any free port). */
  port?: number;
  host?: string;
  policy?: string;
  db?: ReferenceDb;
  /** What `/vendor/inbox-elements.bundle.js` serves (`?elements=dist`); default dist/inbox-elements.bundle.js. */
  bundleFile?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Builds demo/csp/main.ts and elements.ts into memory: URL path → file contents. */
async function bundle(): Promise<Map<string, Uint8Array>> {
  const outdir = resolve(HERE, '.build');
  const result = await build({
    entryPoints: { main: resolve(HERE, 'main.ts'), elements: resolve(HERE, 'elements.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const files = new Map<string, Uint8Array>();
  for (const file of result.outputFiles)
    files.set(`/assets/${relative(outdir, file.path).split('\\').join('/')}`, file.contents);
  return files;
}

export async function startCspDemo(options: CspDemoOptions = {}): Promise<CspDemo> {
  let policy = options.policy ?? DEFAULT_CSP;
  const backend = createReferenceBackend({ db: options.db ?? ReferenceDb.seeded(), prefix: '/ref' });
  const api = createNodeHandler(backend);
  const assets = await bundle();
  const page = readFileSync(resolve(HERE, 'index.html'));
  const css = readFileSync(resolve(HERE, 'csp-demo.css'));
  const demoCss = readFileSync(resolve(HERE, '../demo.css'));
  const distBundle = options.bundleFile ?? resolve(ROOT, 'dist/inbox-elements.bundle.js');

  const send = (res: ServerResponse, status: number, type: string, body?: Uint8Array | string) => {
    res.writeHead(status, {
      'content-type': type,
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/ref/')) return api(req, res);
    if (path === '/' || path === '/index.html') return send(res, 200, TYPES['.html'], page);
    if (path === '/csp-demo.css') return send(res, 200, TYPES['.css'], css);
    if (path === '/demo.css') return send(res, 200, TYPES['.css'], demoCss);
    if (path === '/favicon.ico') return send(res, 204, 'image/x-icon');
    const asset = assets.get(path);
    if (asset) return send(res, 200, TYPES['.js'], asset);
    if (path === '/vendor/inbox-elements.bundle.js' && existsSync(distBundle)) {
      return send(res, 200, TYPES['.js'], readFileSync(distBundle));
    }
    if (path === '/host-config.json') {
      const dialect = url.searchParams.get('backend') ?? 'switchbord';
      if (!REFERENCE_DIALECTS.includes(dialect as ReferenceDialect))
        return send(res, 404, TYPES['.json'], '{"error":"unknown_dialect"}');
      return send(res, 200, TYPES['.json'], JSON.stringify(hostConfig(backend.db, dialect as ReferenceDialect)));
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    backend,
    setPolicy(next) {
      policy = next;
    },
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const demo = await startCspDemo({ port: Number(process.env.PORT ?? 8788), policy: process.env.CSP || DEFAULT_CSP });
  console.log(`Strict-CSP demo on ${demo.origin}/?backend=cloove`);
  console.log(`Content-Security-Policy: ${process.env.CSP || DEFAULT_CSP}`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
