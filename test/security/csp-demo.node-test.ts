/// <reference types="node" />
/**
 * The whole inbox under a strict Content-Security-Policy, in Debian's headless
 * Chromium driven by playwright-core: the demo of demo/csp is served with the
 * CSP header, the inbox loads, a conversation is selected, a message is typed
 * and sent, the assignee picker opens. Every `securitypolicyviolation` event,
 * console error and page error is collected; there must be none.
 *
 *   node --import tsx --test test/security/csp-demo.node-test.ts
 *
 * A control run with `trusted-types 'none'` proves the collector sees violations.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_CSP, STRICT_CSP, startCspDemo, type CspDemo } from '../../demo/csp/serve.js';
import { buildBundle, type BuiltBundle } from '../support/build-bundle.js';
import { REFERENCE_DIALECTS } from '../../reference-backend/host-config.js';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
];
const SHOTS = process.env.CSP_SCREENSHOTS ?? '';

interface Observed {
  violations: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** Collects violations (from the page, installed before any page script), console errors and page errors. */
async function observe(page: Page): Promise<() => Promise<Observed>> {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__violations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (msg) => {
    // images of the seed (avatars, media) point at hosts this sandbox cannot reach
    if (msg.type() === 'error' && !/Failed to load resource: net::ERR_/.test(msg.text()))
      consoleErrors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400)
      consoleErrors.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return async () => ({
    violations: await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    consoleErrors,
    pageErrors,
  });
}

/** With the page loaded: waits for the inbox, selects the first conversation with an open window, sends a message, opens the picker. */
async function walkInbox(page: Page, demo: CspDemo, text: string): Promise<void> {
  await page.waitForFunction(
    () => document.documentElement.dataset.ready === 'true' || document.documentElement.dataset.failed,
  );
  const failed = await page.evaluate(() => document.documentElement.dataset.failed);
  assert.equal(failed, undefined, `the host script failed: ${failed}`);
  const rows = page.locator('inbox-list [part~="item"]');
  await rows.first().waitFor({ timeout: 20_000 });
  // a conversation the composer can write to
  const open = demo.backend.db
    .listConversations()
    .filter((c) => demo.backend.db.windowOpen(c.id))
    .map((c) => c.id);
  const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  const target = ids.find((id) => open.includes(id)) ?? ids[0];
  await page.locator(`inbox-list [part~="item"][data-id="${target}"]`).click();
  await page.locator('conversation-thread [part~="message"]').first().waitFor({ timeout: 20_000 });
  const input = page.locator('message-composer textarea');
  if (await input.count()) {
    await input.fill(text);
    await input.press('Enter');
    await page.locator('conversation-thread [part~="text"]', { hasText: text }).first().waitFor({ timeout: 20_000 });
    await waitFor(
      () => demo.backend.requests.some((r) => r.method === 'POST' && JSON.stringify(r.body ?? '').includes(text)),
      'the message did not reach the backend',
    );
  }
  const trigger = page.locator('assignee-picker [part~="trigger"]');
  if ((await trigger.count()) && (await trigger.getAttribute('aria-disabled')) !== 'true') {
    await trigger.click();
    await page.locator('assignee-picker [part~="option"]').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
  }
}

async function waitFor(check: () => boolean, message: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(message);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the inbox under a strict Content-Security-Policy', { timeout: 240_000 }, () => {
  let demo: CspDemo;
  let browser: Browser;
  let bundle: BuiltBundle | undefined;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (set CHROME_PATH)`);
    bundle = buildBundle();
    demo = await startCspDemo({ bundleFile: bundle.file });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    bundle?.remove();
  });

  for (const [label, policy] of [
    ["the issue's policy", DEFAULT_CSP],
    ["a stricter policy (default-src 'self', trusted-types lit-html)", STRICT_CSP],
  ] as const) {
    for (const dialect of REFERENCE_DIALECTS) {
      it(`${dialect}, ${label}: loads, selects, sends and assigns with no violation`, async () => {
        demo.setPolicy(policy);
        demo.backend.reset();
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        try {
          const collected = await observe(page);
          const response = await page.goto(`${demo.origin}/?backend=${dialect}`);
          assert.equal(response?.headers()['content-security-policy'], policy);
          await walkInbox(page, demo, `Hello under CSP (${dialect})`);
          if (SHOTS)
            await page.screenshot({ path: `${SHOTS}/csp-${dialect}${policy === STRICT_CSP ? '-strict' : ''}.png` });
          const seen = await collected();
          assert.deepEqual(seen.violations, [], 'securitypolicyviolation events');
          assert.deepEqual(seen.pageErrors, [], 'page errors');
          assert.deepEqual(seen.consoleErrors, [], 'console errors');
        } finally {
          await page.close();
        }
      });
    }
  }

  it('the self-contained bundle, built afresh, under the stricter policy', async () => {
    demo.setPolicy(STRICT_CSP);
    demo.backend.reset();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      const collected = await observe(page);
      await page.goto(`${demo.origin}/?backend=qlara&elements=dist`);
      await walkInbox(page, demo, 'Hello from the bundle');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/csp-dist-bundle.png` });
      const seen = await collected();
      assert.deepEqual(seen.violations, [], 'securitypolicyviolation events');
      assert.deepEqual(seen.pageErrors, [], 'page errors');
      assert.deepEqual(seen.consoleErrors, [], 'console errors');
    } finally {
      await page.close();
    }
  });

  for (const [policy, works] of [
    [STRICT_CSP, false],
    [`${STRICT_CSP} 'allow-duplicates'`, true],
  ] as const) {
    it(`two copies of Lit on one page (the bundle next to the sources) ${works ? 'work' : 'get the second lit-html policy refused'} with "${policy.split('; ').pop()}"`, async () => {
      demo.setPolicy(policy);
      const page = await browser.newPage();
      try {
        const collected = await observe(page);
        await page.goto(`${demo.origin}/?backend=cloove&elements=both`);
        await page.waitForFunction(
          () => document.documentElement.dataset.ready === 'true' || document.documentElement.dataset.failed,
        );
        const seen = await collected();
        if (works) {
          assert.deepEqual(seen.violations, []);
          await page.locator('inbox-list [part~="item"]').first().waitFor({ timeout: 20_000 });
        } else {
          assert.ok(
            seen.violations.some((v) => v.startsWith('trusted-types')),
            `expected a duplicate lit-html policy to be refused, got ${JSON.stringify(seen.violations)}`,
          );
        }
      } finally {
        await page.close();
      }
    });
  }

  it("control: trusted-types 'none' forbids Lit's policy, and the collector reports it", async () => {
    demo.setPolicy(`${DEFAULT_CSP}; trusted-types 'none'`);
    const page = await browser.newPage();
    try {
      const collected = await observe(page);
      await page.goto(`${demo.origin}/?backend=cloove`);
      await page.waitForFunction(
        () => (window as unknown as { __violations: string[] }).__violations.length > 0,
        null,
        {
          timeout: 20_000,
        },
      );
      const seen = await collected();
      assert.ok(
        seen.violations.some((v) => v.startsWith('trusted-types')),
        `expected a trusted-types violation, got ${JSON.stringify(seen.violations)}`,
      );
      assert.equal(await page.locator('inbox-list [part~="item"]').count(), 0, 'nothing renders without lit-html');
    } finally {
      await page.close();
    }
  });

  it('control: a string handler attribute is refused and reported', async () => {
    demo.setPolicy(DEFAULT_CSP);
    const page = await browser.newPage();
    try {
      const collected = await observe(page);
      await page.goto(`${demo.origin}/?backend=cloove`);
      const thrown = await page.evaluate(() => {
        try {
          // a string where a TrustedScript is required: refused by require-trusted-types-for
          document.body.setAttribute('onclick', 'void 0');
          return 'not refused';
        } catch (error) {
          return String(error);
        }
      });
      assert.match(thrown, /TrustedScript/);
      await page.waitForFunction(
        () => (window as unknown as { __violations: string[] }).__violations.length > 0,
        null,
        {
          timeout: 10_000,
        },
      );
      const seen = await collected();
      assert.ok(
        seen.violations.some((v) => v.startsWith('require-trusted-types-for')),
        JSON.stringify(seen.violations),
      );
    } finally {
      await page.close();
    }
  });
});
