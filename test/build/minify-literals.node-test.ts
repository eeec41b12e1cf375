/// <reference types="node" />
/**
 * scripts/vite-minify-literals.ts, the build-time minifier of Lit's `css`,
 * `html` and `svg` templates: small cases in Node, then every template of
 * src/ minified and compared in Chromium with the original, the CSS as the
 * style rules the browser parses from it, the HTML as the DOM it parses to.
 *
 *   node --import tsx --test test/build/minify-literals.node-test.ts
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  findLitTemplates,
  minifyCssParts,
  minifyHtmlParts,
  minifyLiteralsInModule,
  minifyTemplate,
  type LitTemplate,
} from '../../scripts/vite-minify-literals.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

describe('minifyCssParts', () => {
  it('drops comments and the whitespace CSS does not need, and the last `;` of a block', () => {
    assert.deepEqual(
      minifyCssParts([
        '\n  /* the list */\n  .a > .b,\n  .c :hover {\n    color: red;\n    margin: 0 auto !important;\n  }\n',
      ]),
      ['.a>.b,.c :hover{color:red;margin:0 auto!important}'],
    );
  });

  it('keeps the spaces calc() and media queries need, and one space next to each interpolation', () => {
    assert.deepEqual(minifyCssParts(['\n .a {\n  padding: calc(', ' + ', ') ', ';\n }\n']), [
      '.a{padding:calc(',
      ' + ',
      ') ',
      '}',
    ]);
    assert.deepEqual(minifyCssParts(['@media screen and (min-width: 600px) {\n  .a { inset: calc(-1 * 2px) }\n}']), [
      '@media screen and (min-width:600px){.a{inset:calc(-1 * 2px)}}',
    ]);
    assert.deepEqual(minifyCssParts(['.base {\n  ', '\n  color-scheme: dark;\n}']), ['.base{', ' color-scheme:dark}']);
  });

  it('copies strings, url() and escapes as they are', () => {
    assert.deepEqual(minifyCssParts(['.a::after { content: \'  ·  /* x */ \'; background: url("a  b.png") }']), [
      '.a::after{content:\'  ·  /* x */ \';background:url("a  b.png")}',
    ]);
    assert.deepEqual(minifyCssParts(['.a\\:b , .c { }']), ['.a\\:b,.c{}']);
  });

  it('keeps a custom property’s value token for token, only trimmed', () => {
    assert.deepEqual(minifyCssParts(['.a {\n  --x:  var(--y,  ', ') ;\n  --z: a , b;\n}']), [
      '.a{--x:var(--y, ',
      ');--z:a , b}',
    ]);
  });

  it('leaves a template alone when a comment or string is still open at an interpolation', () => {
    assert.equal(minifyCssParts([".a { content: '", "' }"]), null);
    assert.equal(minifyCssParts(['.a { /* ', ' */ }']), null);
  });
});

describe('minifyHtmlParts', () => {
  it('collapses whitespace in text and in tags, and drops it before the end of a tag', () => {
    assert.deepEqual(
      minifyHtmlParts([
        '\n  <div\n    class="a  b"\n    id="x"  >\n    <span>one</span>   <span>two</span>\n  </div>\n',
      ]),
      ['\n<div\nclass="a  b"\nid="x">\n<span>one</span> <span>two</span>\n</div>\n'],
    );
    assert.deepEqual(minifyHtmlParts(['<img alt="" />']), ['<img alt=""/>']);
    // after an unquoted value or a binding, the `/` of `/>` would become part of the value
    assert.deepEqual(minifyHtmlParts(['<input\n  type=text\n  />']), ['<input\ntype=text\n/>']);
    assert.deepEqual(minifyHtmlParts(['<input @keydown=', '\n  />']), ['<input @keydown=', '\n/>']);
  });

  it('keeps attribute values, comments, <pre> and <textarea> as they are, across interpolations', () => {
    assert.deepEqual(minifyHtmlParts(['<p  title="a  ', '  b"  >  ', '  </p>']), ['<p title="a  ', '  b"> ', ' </p>']);
    assert.deepEqual(minifyHtmlParts(['<pre>  a\n   ', '  </pre>  <textarea .value=', '>  x  </textarea>']), [
      '<pre>  a\n   ',
      '  </pre> <textarea .value=',
      '>  x  </textarea>',
    ]);
    assert.deepEqual(minifyHtmlParts(['<!--  a   b  -->   <b>  x  </b>']), ['<!--  a   b  --> <b> x </b>']);
  });

  it('leaves a template alone when it does not end in text', () => {
    assert.equal(minifyHtmlParts(['<p title="', '']), null);
    assert.equal(minifyHtmlParts(['<p ', '']), null);
  });
});

describe('minifyLiteralsInModule', () => {
  it("rewrites only the templates tagged with Lit's own css/html/svg, under any local name, with a source map", () => {
    const code = [
      "import { css as style, html } from 'lit';",
      "import { html as other } from './elsewhere.js';",
      'export const a = style`\n  .a {\n    color: red;\n  }\n`;',
      'export const b = html`\n  <p>  ${a}  </p>\n`;',
      'export const c = other`\n  <p>  x  </p>\n`;',
      'export const d = `\n  <p>  plain  </p>\n`;',
    ].join('\n');
    const result = minifyLiteralsInModule(code, '/src/x.ts');
    assert.ok(result);
    assert.equal(
      result.code,
      [
        "import { css as style, html } from 'lit';",
        "import { html as other } from './elsewhere.js';",
        'export const a = style`.a{color:red}`;',
        'export const b = html`\n<p> ${a} </p>\n`;',
        'export const c = other`\n  <p>  x  </p>\n`;',
        'export const d = `\n  <p>  plain  </p>\n`;',
      ].join('\n'),
    );
    assert.deepEqual(result.map.sources, ['/src/x.ts']);
    assert.ok(result.map.mappings.length > 0);
    assert.equal(
      minifyLiteralsInModule("import { html } from 'lit';\nexport const e = html`<p>x</p>`;", '/src/y.ts'),
      null,
    );
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

interface Case {
  where: string;
  tag: LitTemplate['tag'];
  original: string[];
  minified: string[];
}

/** The template's static parts as a JS array literal of template literals, for the browser to cook. */
const cookable = (parts: string[]): string => `[${parts.map((p) => '`' + p + '`').join(',')}]`;

describe('every template in src/, minified', { timeout: 120_000 }, () => {
  let browser: Browser;
  let page: Page;
  const cases: Case[] = [];

  before(async () => {
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const code = readFileSync(file, 'utf8');
      for (const template of findLitTemplates(code, file)) {
        const minified = minifyTemplate(template);
        if (!minified) continue;
        const line = code.slice(0, template.parts[0].start).split('\n').length;
        const original = template.parts.map((p) => p.raw);
        cases.push({ where: `${relative(ROOT, file)}:${line}`, tag: template.tag, original, minified });
      }
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    page = await browser.newPage();
    // tsx (esbuild, keepNames) wraps the named functions inside page.evaluate callbacks in __name()
    await page.evaluate('globalThis.__name = (fn) => fn');
  });
  after(async () => {
    await browser?.close();
  });

  it('finds the templates and makes them smaller', () => {
    const count = (tag: string) => cases.filter((c) => c.tag === tag).length;
    assert.ok(count('css') >= 8, `css templates: ${count('css')}`);
    assert.ok(count('html') >= 100, `html templates: ${count('html')}`);
    const size = (key: 'original' | 'minified') => cases.reduce((n, c) => n + c[key].join('').length, 0);
    assert.ok(size('minified') < size('original') * 0.8, `${size('minified')} of ${size('original')} characters`);
  });

  it('parses to the same style rules (the CSS) and the same DOM (the HTML, whitespace runs as one)', async () => {
    for (const c of cases) {
      const [original, minified] = [
        await page.evaluate(cookable(c.original)),
        await page.evaluate(cookable(c.minified)),
      ] as string[][];
      const parsed = await page.evaluate(
        ({ tag, original, minified }) => {
          const css = (parts: string[]) => {
            // an interpolation in a block stands for declarations, anywhere else for a value
            const text = parts.reduce((acc, part, i) => {
              const head = parts.slice(0, i).join('').trimEnd();
              const hole = head === '' || /[{;}]$/.test(head) ? '--hole:0;' : 'var(--hole)';
              return acc + hole + part;
            });
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(text);
            // values with var() are kept as written: compare them with whitespace runs as one,
            // and none after `,` or `(` or before `)` (where CSS never needs it)
            return Array.from(sheet.cssRules, (r) => r.cssText)
              .join('\n')
              .replace(/\s+/g, ' ')
              .replace(/ ?, ?/g, ',')
              .replace(/\( /g, '(')
              .replace(/ \)/g, ')');
          };
          const dom = (parts: string[]) => {
            const markup = parts.join('lit$hole$');
            const doc = new DOMParser().parseFromString(
              `<template>${tag === 'svg' ? `<svg>${markup}</svg>` : markup}</template>`,
              'text/html',
            );
            const shape = (node: Node, verbatim: boolean): unknown => {
              if (node instanceof Element) {
                const keep = verbatim || ['pre', 'textarea', 'script', 'style', 'title'].includes(node.localName);
                const kids = node instanceof HTMLTemplateElement ? node.content.childNodes : node.childNodes;
                return [
                  node.namespaceURI,
                  node.localName,
                  Array.from(node.attributes, (a) => `${a.name}=${a.value}`),
                  Array.from(kids, (k) => shape(k, keep)),
                ];
              }
              if (node instanceof Comment) return ['#comment', node.data];
              const text = node.textContent ?? '';
              return verbatim ? text : text.replace(/\s+/g, ' ');
            };
            return JSON.stringify(shape(doc.querySelector('template')!, false));
          };
          const parse = tag === 'css' ? css : dom;
          return [parse(original), parse(minified)];
        },
        { tag: c.tag, original, minified },
      );
      assert.equal(parsed[1], parsed[0], `${c.where}: the minified ${c.tag} template parses differently`);
    }
  });
});
