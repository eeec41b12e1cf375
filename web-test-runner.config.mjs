// Unit, adapter and element tests in Debian's headless Chromium.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/find-chromium.mjs';

const executablePath = findChromium();
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Prints `N passed, N failed, N skipped` alone on a line, for CI logs. */
function plainSummary() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const failures = [];
      const walk = (suite, file, path) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else {
            counts.failed++;
            failures.push(`${file} › ${[...path, test.name].join(' › ')}: ${test.error?.message ?? 'failed'}`);
          }
        }
        for (const child of suite?.suites ?? []) walk(child, file, [...path, child.name]);
      };
      let broken = 0;
      for (const session of sessions) {
        const file = session.testFile.replace(process.cwd() + '/', '');
        walk(session.testResults, file, []);
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          broken++;
          for (const error of session.errors) failures.push(`${file} (the whole file): ${error.message ?? error}`);
        }
      }
      counts.failed += broken;
      const line = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
      process.stdout.write(`\nunit: ${line}\n`);
      if (process.env.INBOX_SUMMARY_FILE) {
        import('node:fs').then(({ writeFileSync }) =>
          writeFileSync(process.env.INBOX_SUMMARY_FILE, JSON.stringify({ ...counts, failures })),
        );
      }
    },
  };
}

/**
 * `executeServerCommand('bring-to-front')`: makes the calling test's page the focused one. Two
 * files run at once, each in its own window, and the clipboard API needs a focused document.
 */
function bringToFront() {
  return {
    name: 'bring-to-front',
    async executeCommand({ command, session }) {
      if (command !== 'bring-to-front') return undefined;
      await session.browser.getPage(session.id).bringToFront();
      return true;
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 240_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), bringToFront()],
  middleware: [
    async (ctx, next) => {
      if (ctx.path !== '/mockServiceWorker.js') return next();
      // Two test files run at once on one origin and share MSW's service worker. As shipped, the
      // worker unregisters itself when its last page closes, which can land while the other page
      // is registering it. Under test it stays registered (see also reference-backend/browser.ts).
      ctx.type = 'text/javascript';
      ctx.set('Service-Worker-Allowed', '/');
      ctx.body = (await readFile(new URL('./public/mockServiceWorker.js', import.meta.url), 'utf8')).replace(
        'self.registration.unregister()',
        '/* kept registered under test */',
      );
    },
  ],
  testFramework: { config: { timeout: 10_000 } },
  // WTR's own page (standards mode, as the tests need), plus test/support/setup.ts before the test
  // framework on every test page (see there why)
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head></head><body>` +
    `<script type="module" src="/test/support/setup.ts"></script>` +
    `<script type="module" src="${testFramework}"></script></body></html>`,
  // Lit's one-line dev-mode notice on every page is noise, not a finding
  filterBrowserLogs: ({ args }) => !String(args?.[0] ?? '').includes('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, args },
      // a page opened as a background tab gets no animation frames or resize callbacks,
      // and virtualized lists then render nothing: give every test file its own window
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  reporters: [defaultReporter(), plainSummary()],
  coverageConfig: {
    include: ['src/**/*.ts'],
  },
};

if (!existsSync(executablePath)) {
  throw new Error(`Chromium not found at ${executablePath}`);
}
