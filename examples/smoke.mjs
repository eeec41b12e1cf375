// A smoke run of the built examples in headless Chromium (playwright-core, the
// system browser): each one must list conversations from the reference backend
// and open one, or the run exits non-zero (CI runs it). Run after
// `npm run examples:build`:
//   node examples/smoke.mjs [--out <dir for screenshots>]
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { findChromium } from '../scripts/find-chromium.mjs';

// CI runs this: a hung server or page must fail it, not stall it
setTimeout(() => {
  console.error('examples smoke: still running after 3 minutes; giving up');
  process.exit(1);
}, 180_000).unref();

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : join(root, 'test-results/examples');
mkdirSync(out, { recursive: true });

async function vitePreview(name, port) {
  const server = await preview({
    configFile: join(here, name, 'vite.config.ts'),
    preview: { port, strictPort: true, open: false },
    logLevel: 'warn',
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

async function htmlServer(port) {
  // one process (not npx → tsx → node), so close() really stops it
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'html/serve.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}`)));
    child.stdout.on('data', (chunk) => String(chunk).includes('http://') && resolve());
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')),
  };
}

const browser = await chromium.launch({
  executablePath: findChromium(), // Debian's Chromium (or CHROME_PATH); never a downloaded one
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const examples = [
  ['react', () => vitePreview('react', 4174)],
  ['vue', () => vitePreview('vue', 4175)],
  ['html', () => htmlServer(8788)],
];
let failed = 0;
for (const [name, start] of examples) {
  const server = await start();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(server.url);
    // CSS locators pierce open shadow roots
    const rows = page.locator('inbox-list [part~="item"]');
    await rows.first().waitFor({ timeout: 15_000 });
    const count = await rows.count();
    await rows.first().click();
    await page.locator('conversation-thread [part~="message"]').first().waitFor({ timeout: 15_000 });
    const shot = join(out, `${name}.png`);
    await page.screenshot({ path: shot });
    if (errors.length) throw new Error(errors.join('\n'));
    console.log(`${name}: ${count} conversation rows rendered, a thread opened (${shot})`);
  } catch (error) {
    failed++;
    await page.screenshot({ path: join(out, `${name}-failed.png`) }).catch(() => {});
    console.error(`${name}: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await page.close();
    await server.close();
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
