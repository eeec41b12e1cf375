/**
 * The reference backend in the browser: an MSW 2 service worker answers
 * same-origin requests under /ref/* with the shared router.
 *
 *   const backend = await startReferenceBackend();
 *   fetch(backend.baseUrl('qlara') + '/conversations');
 *
 * One worker per page: later calls return the backend already started
 * (their options are ignored) until `stop()`.
 */
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { ReferenceDb } from './db.js';
import { createReferenceBackend, type DialectHandler, type ReferenceBackend } from './router.js';

export interface StartOptions {
  db?: ReferenceDb;
  /** Default true: no MSW console output. */
  quiet?: boolean;
  /** Replaces the dialect registry (tests). */
  handlers?: Record<string, DialectHandler>;
  /** Default '/ref'. */
  prefix?: string;
}

export type BrowserReferenceBackend = ReferenceBackend & {
  stop(): void;
  /** Absolute base URL of a dialect, e.g. `http://localhost:8000/ref/qlara`. */
  baseUrl(dialect: string): string;
};

/**
 * MSW request handlers serving `backend` under `prefix`, for pages that run
 * their own worker (e.g. Storybook's msw-storybook-addon: `msw.use(...referenceBackendHandlers(backend))`).
 */
export function referenceBackendHandlers(backend: ReferenceBackend, prefix = '/ref') {
  return [
    http.all(`${prefix.replace(/\/+$/, '')}/*`, async ({ request }) => {
      const answer = await backend.handle(request);
      if (answer === 'drop') return HttpResponse.error();
      return answer;
    }),
  ];
}

const SINGLETON = Symbol.for('inbox-elements.reference-backend');
type Holder = { [SINGLETON]?: Promise<BrowserReferenceBackend> };

export function startReferenceBackend(options: StartOptions = {}): Promise<BrowserReferenceBackend> {
  const holder = globalThis as Holder;
  holder[SINGLETON] ??= start(options).catch((error: unknown) => {
    delete holder[SINGLETON];
    throw error;
  });
  return holder[SINGLETON];
}

const WORKER_URL = '/mockServiceWorker.js';

/**
 * Makes sure `worker.start()` will not reload the page. MSW reloads a page
 * that its worker does not control while a registration of the worker exists:
 * that happens to a page that loaded while another page of the origin (a test
 * file running alongside) was registering the worker, and a check for such a
 * registration followed by `start()` leaves a moment in which one can appear.
 * So an uncontrolled page registers the worker itself (or joins the
 * registration in progress) and waits until the worker claims it, which it
 * does as it activates. When that does not come, the registration is dropped
 * and `start()` registers the worker afresh.
 */
async function settleWorkerRegistration(): Promise<void> {
  const sw = navigator.serviceWorker;
  if (sw.controller) return;
  const claimed = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 3000);
    sw.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
  const registration = await sw.register(WORKER_URL).catch(() => undefined);
  if (!registration) return;
  await claimed;
  if (sw.controller) return;
  await registration.unregister();
}

/** The worker answers a control request under `prefix` (else the dev server would, with a 404). */
async function answers(prefix: string): Promise<boolean> {
  try {
    const response = await fetch(`${prefix}/__requests`, { cache: 'no-store' });
    return response.ok && (response.headers.get('content-type') ?? '').includes('json');
  } catch {
    return false;
  }
}

async function start(options: StartOptions): Promise<BrowserReferenceBackend> {
  const prefix = (options.prefix ?? '/ref').replace(/\/+$/, '');
  const backend = createReferenceBackend({ db: options.db, prefix, handlers: options.handlers });
  const worker = setupWorker(...referenceBackendHandlers(backend, prefix));
  // `start()` can resolve before the worker controls this page's requests (another page of the
  // origin may be registering or leaving it at the same moment): check, and start again if not
  for (let attempt = 1; ; attempt++) {
    await settleWorkerRegistration();
    await worker.start({
      quiet: options.quiet ?? true,
      onUnhandledRequest: 'bypass',
      serviceWorker: { url: WORKER_URL },
    });
    if (await answers(prefix)) break;
    worker.stop();
    if (attempt === 3) throw new Error('The reference backend did not take over requests to ' + prefix);
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
  return Object.assign(backend, {
    stop() {
      worker.stop();
      const holder = globalThis as Holder;
      delete holder[SINGLETON];
    },
    baseUrl(dialect: string) {
      return `${location.origin}${prefix}/${encodeURIComponent(dialect)}`;
    },
  });
}
