/**
 * Mounts the reference backend in a Vite dev (and preview) server, so the
 * demo's own origin answers /ref/* with the same handlers as the MSW worker
 * and the Node server:
 *
 *   // demo/vite.config.ts
 *   import { referenceBackendPlugin } from '../reference-backend/vite-plugin.js';
 *   export default defineConfig({ plugins: [referenceBackendPlugin()] });
 */
import type { Plugin } from 'vite';
import type { ReferenceDb } from './db.js';
import { createReferenceBackend, type DialectHandler, type ReferenceBackend } from './router.js';
import { createNodeHandler } from './server.js';

export interface ReferenceBackendPluginOptions {
  db?: ReferenceDb;
  /** Default '/ref'. */
  prefix?: string;
  handlers?: Record<string, DialectHandler>;
  /** Called once the backend exists (e.g. to add faults from a script). */
  onReady?(backend: ReferenceBackend): void;
}

export function referenceBackendPlugin(options: ReferenceBackendPluginOptions = {}): Plugin {
  let backend: ReferenceBackend | undefined;
  const getBackend = (): ReferenceBackend => {
    if (!backend) {
      backend = createReferenceBackend({ db: options.db, prefix: options.prefix, handlers: options.handlers });
      options.onReady?.(backend);
    }
    return backend;
  };
  return {
    name: 'inbox-elements:reference-backend',
    configureServer(server) {
      const handler = createNodeHandler(getBackend());
      server.middlewares.use((req, res, next) => void handler(req, res, next));
    },
    configurePreviewServer(server) {
      const handler = createNodeHandler(getBackend());
      server.middlewares.use((req, res, next) => void handler(req, res, next));
    },
  };
}
