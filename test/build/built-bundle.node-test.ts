/// <reference types="node" />
/**
 * The built self-contained bundle, with its minified templates, against the
 * sources: the strict-CSP demo (demo/csp) is opened twice in Chromium, once with
 * the elements built from src/ as written and once with
 * the self-contained bundle built fresh for this test (into a temporary
 * directory, so a stale dist/ is never what is tested). Both must render the
 * same inbox: the same rows, the same style rules in every element, and the
 * same computed styles on every element of every shadow root.
 *
 *   node --import tsx --test test/build/built-bundle.node-test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { STRICT_CSP, startCspDemo, type CspDemo } from '../../demo/csp/serve.js';
import { buildBundle, type BuiltBundle } from '../support/build-bundle.js';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];
const TAGS = [
  'inbox-provider',
  'inbox-list',
  'conversation-thread',
  'inbox-conversation-actions',
  'message-composer',
  'assignee-picker',
];
/** Computed properties that follow from the style sheets alone, not from layout. */
const PROPERTIES = [
  'display',
  'position',
  'box-sizing',
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'white-space',
  'overflow-x',
  'overflow-y',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-left-width',
  'border-top-left-radius',
  'row-gap',
  'column-gap',
  'grid-template-areas',
  'flex-direction',
  'align-items',
  'justify-content',
  'text-overflow',
  'cursor',
  'opacity',
  'visibility',
  'outline-style',
  'animation-name',
  'transition-duration',
  'clip-path',
  'content',
];

interface Rendered {
  rows: string[];
  /** Tag → its style rules (`elementStyles`), as the browser serializes them. */
  rules: Record<string, string>;
  /** Path of each element in the shadow roots → its computed style. */
  styles: Record<string, string>;
}

/** Loads the demo, opens the first conversation and reads what the elements rendered. */
async function render(page: Page, url: string): Promise<Rendered> {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // tsx (esbuild, keepNames) wraps the named functions inside page.evaluate callbacks in __name()
  await page.addInitScript('globalThis.__name = (fn) => fn');
  // no transitions: a computed colour must not be read halfway through one
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  await page.waitForFunction(
    () => document.documentElement.dataset.ready === 'true' || document.documentElement.dataset.failed,
  );
  assert.equal(await page.evaluate(() => document.documentElement.dataset.failed), undefined);
  const rows = page.locator('inbox-list [part~="item"]');
  await rows.first().waitFor({ timeout: 20_000 });
  await rows.first().click();
  await page.locator('conversation-thread [part~="message"]').first().waitFor({ timeout: 20_000 });
  await page.locator('message-composer textarea, message-composer [part~="template-picker"]').first().waitFor();
  await page.locator('assignee-picker [part~="trigger"]').waitFor();
  // every element has rendered its data and nothing is pending
  await page.waitForFunction(
    (tags) =>
      tags.every((tag) =>
        Array.from(document.querySelectorAll(tag)).every((el) => {
          const state = el.getAttribute('state');
          return state === null || state === 'ready' || state === 'empty';
        }),
      ),
    TAGS,
  );
  const read = await page.evaluate(
    ({ tags, properties }) => {
      const rules: Record<string, string> = {};
      for (const tag of tags) {
        const element = customElements.get(tag) as unknown as { elementStyles: { styleSheet?: CSSStyleSheet }[] };
        rules[tag] = element.elementStyles
          .flatMap((style) => Array.from(style.styleSheet!.cssRules, (rule) => rule.cssText))
          .join('\n');
      }
      const styles: Record<string, string> = {};
      const visit = (root: ShadowRoot, path: string) => {
        Array.from(root.querySelectorAll('*')).forEach((el, i) => {
          const at = `${path} > ${el.localName}#${i}`;
          const cs = getComputedStyle(el);
          styles[at] = properties.map((p) => `${p}: ${cs.getPropertyValue(p)}`).join('; ');
          if (el.shadowRoot) visit(el.shadowRoot, at);
        });
      };
      for (const tag of tags) document.querySelectorAll(tag).forEach((el, i) => visit(el.shadowRoot!, `${tag}#${i}`));
      const rows = Array.from(
        document.querySelector('inbox-list')!.shadowRoot!.querySelectorAll('[part~="item"]'),
        (row) => row.getAttribute('data-id') ?? '',
      );
      return { rows, rules, styles };
    },
    { tags: TAGS, properties: PROPERTIES },
  );
  assert.deepEqual(pageErrors, []);
  return read;
}

/** Values with var() are kept as written: compare them with whitespace runs as one, none after `,`/`(` or before `)`. */
const normalized = (cssText: string) =>
  cssText.replace(/\s+/g, ' ').replace(/ ?, ?/g, ',').replace(/\( /g, '(').replace(/ \)/g, ')');

describe('the built bundle (minified templates) renders like the sources', { timeout: 180_000 }, () => {
  let bundle: BuiltBundle | undefined;
  let demo: CspDemo;
  let browser: Browser;

  before(async () => {
    bundle = buildBundle();
    demo = await startCspDemo({ policy: STRICT_CSP, bundleFile: bundle.file });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    bundle?.remove();
  });

  it('the same rows, style rules and computed styles, with no page errors', async () => {
    const open = async (elements: 'sources' | 'bundle') => {
      demo.backend.reset();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        return await render(page, `${demo.origin}/?backend=switchbord${elements === 'bundle' ? '&elements=dist' : ''}`);
      } finally {
        await page.close();
      }
    };
    const sources = await open('sources');
    const bundle = await open('bundle');

    assert.ok(sources.rows.length > 0, 'no rows rendered');
    assert.deepEqual(bundle.rows, sources.rows);
    for (const tag of TAGS) {
      assert.ok(sources.rules[tag].length > 0, `${tag} has no style rules`);
      assert.equal(normalized(bundle.rules[tag]), normalized(sources.rules[tag]), `${tag}: style rules`);
    }
    // the styles are applied, not only equal: a row is laid out by the list's grid
    assert.ok(
      Object.values(bundle.styles).some((s) => s.includes('grid-template-areas: "avatar name time"')),
      'no inbox-list row has its grid areas in the bundle',
    );
    assert.deepEqual(Object.keys(bundle.styles), Object.keys(sources.styles), 'the shadow DOM differs');
    assert.ok(Object.keys(sources.styles).length > 100, `only ${Object.keys(sources.styles).length} elements`);
    for (const [path, style] of Object.entries(sources.styles)) {
      assert.equal(bundle.styles[path], style, `${path}: computed style`);
    }
  });
});
