/**
 * Build-time minifier for the static text of Lit's `css`, `html` and `svg`
 * tagged templates (imported from 'lit'). Used by vite.config.ts for both the
 * library build and the self-contained bundle; the sources and the tests keep
 * the readable templates.
 *
 * It is deliberately small and conservative, with no CSS or HTML parser:
 * - `css`: drops comments and whitespace next to `{ } ; , > ( ) : !` where CSS
 *   never needs it, and the `;` before `}`. Every other run of whitespace becomes
 *   one space, so combinators (`a b`, `a :hover`), `calc(a + b)`, `and (…)` and
 *   multi-word values keep their meaning. Strings and `url(…)` are copied as they are.
 * - `html`/`svg`: each run of whitespace in text and inside tags becomes one
 *   newline (if it had one) or one space, which renders the same under
 *   `white-space: normal` and `pre-line`; whitespace before a tag's `>` goes (and
 *   before `/>` after a quoted value).
 *   Attribute values, comments, and the content of `<pre>`, `<textarea>`,
 *   `<script>`, `<style>` and `<title>` are copied as they are. Whitespace-only text
 *   is never dropped: between inline elements it is a visible space.
 * Interpolations (`${…}`) are never touched, and the whitespace next to one is
 * kept as one character. A template the scanner cannot follow to its end (a
 * string or comment left open across an interpolation) is left as it was.
 */
import MagicString from 'magic-string';
import { parseAst, type Plugin } from 'vite';

type Tag = 'css' | 'html' | 'svg';

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/* ------------------------------------------------------------------ css -- */

/** No whitespace is needed before these characters… */
const CSS_TIGHT_BEFORE = new Set(['{', '}', ';', ',', '>', ')', '!']);
/** …nor after these. (Not before `(`: `and (…)` would become the function `and(`; not around `+`/`-`: calc.) */
const CSS_TIGHT_AFTER = new Set(['{', '}', ';', ',', '>', '(', ':']);

/**
 * Minifies the static parts of one `css` template (the raw source text between
 * its interpolations). Returns `null` if a part ends inside a comment, string or `url(`.
 *
 * The value of a custom property (`--x: …`) is kept token for token: it is
 * only trimmed and its runs of whitespace become one space, so that
 * `getPropertyValue()` reads the same value as before.
 */
export function minifyCssParts(parts: readonly string[]): string[] | null {
  const out: string[] = [];
  /** At the start of a declaration or rule (after `{`, `;`, `}` or at the top). */
  let statementStart = true;
  /** Inside the value of a custom property. */
  let custom = false;
  for (let p = 0; p < parts.length; p++) {
    const src = parts[p];
    const first = p === 0;
    const last = p === parts.length - 1;
    let res = '';
    /** Whitespace (or a comment) seen since the last character copied. */
    let pending = false;
    /** The last character copied was a real `;` (not part of a string or escape). */
    let semicolon = false;
    const put = (text: string, tightBefore: boolean) => {
      if (pending) {
        const prev = res.at(-1);
        const tightAfter = prev !== undefined && CSS_TIGHT_AFTER.has(prev) && !(custom && prev !== ':');
        const keep = res === '' ? !first && !tightBefore : !tightBefore && !tightAfter;
        if (keep) res += ' ';
        pending = false;
      }
      res += text;
      semicolon = false;
    };
    let i = 0;
    while (i < src.length) {
      const c = src[i];
      if (isSpace(c)) {
        pending = true;
        i++;
      } else if (c === '/' && src[i + 1] === '*') {
        const end = src.indexOf('*/', i + 2);
        if (end < 0) return null;
        pending = true;
        i = end + 2;
      } else if (c === '\\') {
        // an escape (in the JS source or in CSS): copy it and the character after it
        put(src.slice(i, i + 2), false);
        statementStart = false;
        i += 2;
      } else if (c === '"' || c === "'") {
        let j = i + 1;
        while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
        if (j >= src.length) return null;
        put(src.slice(i, j + 1), false);
        statementStart = false;
        i = j + 1;
      } else if (/^url\(/i.test(src.slice(i, i + 4)) && !/[\w-]/.test(src[i - 1] ?? '')) {
        const end = src.indexOf(')', i);
        if (end < 0) return null;
        put(src.slice(i, end + 1), false);
        statementStart = false;
        i = end + 1;
      } else if (statementStart && /^--[\w-]*\s*:/.test(src.slice(i))) {
        const name = /^--[\w-]*/.exec(src.slice(i))![0];
        put(name, false);
        i += name.length;
        while (isSpace(src[i])) i++;
        put(':', false);
        i++;
        custom = true;
        statementStart = false;
      } else {
        // the `;` before a `}` goes
        if (c === '}' && semicolon) res = res.slice(0, -1);
        // in a custom property's value, only the whitespace at its ends goes
        put(c, CSS_TIGHT_BEFORE.has(c) && (!custom || c === ';' || c === '}'));
        semicolon = c === ';';
        statementStart = c === '{' || c === ';' || c === '}';
        if (statementStart) custom = false;
        i++;
      }
    }
    if (pending && !last) {
      const prev = res.at(-1);
      if (prev === undefined ? !first : !CSS_TIGHT_AFTER.has(prev) || (custom && prev !== ':')) res += ' ';
    }
    out.push(res);
  }
  return out;
}

/* ----------------------------------------------------------------- html -- */

/** Elements whose content is copied as it is. */
const HTML_VERBATIM = new Set(['pre', 'textarea', 'script', 'style', 'title']);

type HtmlState =
  | { kind: 'text' }
  | { kind: 'tag'; name: string; closing: boolean }
  | { kind: 'value'; quote: string; tag: { name: string; closing: boolean } }
  | { kind: 'comment' }
  | { kind: 'verbatim'; name: string };

/**
 * Collapses whitespace in the static parts of one `html`/`svg` template.
 * Returns `null` if the template does not end in text (an unclosed tag, value or comment).
 */
export function minifyHtmlParts(parts: readonly string[]): string[] | null {
  let state: HtmlState = { kind: 'text' };
  const out: string[] = [];
  for (const src of parts) {
    let res = '';
    let i = 0;
    while (i < src.length) {
      const c = src[i];
      switch (state.kind) {
        case 'comment': {
          const end = src.indexOf('-->', i);
          const stop = end < 0 ? src.length : end + 3;
          res += src.slice(i, stop);
          i = stop;
          if (end >= 0) state = { kind: 'text' };
          break;
        }
        case 'verbatim': {
          const end = src.toLowerCase().indexOf(`</${state.name}`, i);
          const stop = end < 0 ? src.length : end;
          res += src.slice(i, stop);
          i = stop;
          if (end >= 0) state = { kind: 'text' };
          break;
        }
        case 'value': {
          const { quote, tag }: Extract<HtmlState, { kind: 'value' }> = state;
          const end = src.indexOf(quote, i);
          const stop = end < 0 ? src.length : end + 1;
          res += src.slice(i, stop);
          i = stop;
          if (end >= 0) state = { kind: 'tag', name: tag.name, closing: tag.closing };
          break;
        }
        case 'text':
        case 'tag': {
          if (isSpace(c)) {
            let j = i;
            while (isSpace(src[j])) j++;
            const run = src.slice(i, j);
            // not before `/>` after an unquoted value (or an interpolation): the `/` would join the value
            const beforeTagEnd =
              state.kind === 'tag' &&
              (src[j] === '>' || (src.startsWith('/>', j) && (res.endsWith('"') || res.endsWith("'"))));
            if (!beforeTagEnd) res += run.includes('\n') ? '\n' : ' ';
            i = j;
          } else if (state.kind === 'text') {
            if (src.startsWith('<!--', i)) {
              state = { kind: 'comment' };
              res += '<!--';
              i += 4;
            } else if (c === '<' && /^<\/?[a-zA-Z]/.test(src.slice(i, i + 3))) {
              const m = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(src.slice(i))!;
              state = { kind: 'tag', name: m[2].toLowerCase(), closing: m[1] === '/' };
              res += m[0];
              i += m[0].length;
            } else {
              res += c;
              i++;
            }
          } else if (c === '"' || c === "'") {
            state = { kind: 'value', quote: c, tag: { name: state.name, closing: state.closing } };
            res += c;
            i++;
          } else if (c === '>') {
            state =
              !state.closing && HTML_VERBATIM.has(state.name)
                ? { kind: 'verbatim', name: state.name }
                : { kind: 'text' };
            res += c;
            i++;
          } else {
            res += c;
            i++;
          }
          break;
        }
      }
    }
    out.push(res);
  }
  return state.kind === 'text' ? out : null;
}

/* --------------------------------------------------------------- plugin -- */

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit);
    } else if (isNode(value)) {
      walk(value, visit);
    }
  }
}

/** The static parts of a template and where each one's raw text sits in `code`. */
function rawParts(code: string, quasis: Node[]): { start: number; end: number; raw: string }[] | null {
  const parts = [];
  for (const q of quasis) {
    const raw = (q.value as { raw: string }).raw;
    // ESTree from oxc spans the delimiters (`…${`, `}…${`, `}…`); acorn's does not
    const start = code.slice(q.start, q.start + raw.length) === raw ? q.start : q.start + 1;
    if (code.slice(start, start + raw.length) !== raw) return null;
    parts.push({ start, end: start + raw.length, raw });
  }
  return parts;
}

/** One `css`/`html`/`svg` template: its tag and the raw text of its static parts, with their offsets. */
export interface LitTemplate {
  tag: Tag;
  parts: { start: number; end: number; raw: string }[];
}

/** The templates tagged with `css`, `html` or `svg` imported from 'lit', in source order. */
export function findLitTemplates(code: string, id: string): LitTemplate[] {
  if (!/['"]lit['"]/.test(code) || !/\b(css|html|svg)\b/.test(code)) return [];
  const ast = parseAst(code, { lang: /\.tsx?$/.test(id) ? 'ts' : 'js' }) as unknown as Node;
  const tags = new Map<string, Tag>();
  for (const statement of ast.body as Node[]) {
    if (statement.type !== 'ImportDeclaration' || (statement.source as { value: string }).value !== 'lit') continue;
    for (const spec of statement.specifiers as Node[]) {
      const imported = (spec.imported as { name?: string } | undefined)?.name;
      if (spec.type === 'ImportSpecifier' && (imported === 'css' || imported === 'html' || imported === 'svg')) {
        tags.set((spec.local as { name: string }).name, imported);
      }
    }
  }
  const found: LitTemplate[] = [];
  if (tags.size === 0) return found;
  walk(ast, (node) => {
    if (node.type !== 'TaggedTemplateExpression') return;
    const tagNode = node.tag as Node & { name?: string };
    const tag = tagNode.type === 'Identifier' ? tags.get(tagNode.name!) : undefined;
    const parts = tag && rawParts(code, (node.quasi as { quasis: Node[] }).quasis);
    if (tag && parts) found.push({ tag, parts });
  });
  return found;
}

/** Minifies the static parts of one template; `null` if it is left as it is. */
export function minifyTemplate({ tag, parts }: LitTemplate): string[] | null {
  const raws = parts.map((p) => p.raw);
  return tag === 'css' ? minifyCssParts(raws) : minifyHtmlParts(raws);
}

/** Rewrites the `css`/`html`/`svg` templates of one module; `null` if nothing changed. */
export function minifyLiteralsInModule(
  code: string,
  id: string,
): { code: string; map: ReturnType<MagicString['generateMap']> } | null {
  const s = new MagicString(code);
  let changed = false;
  for (const template of findLitTemplates(code, id)) {
    const minified = minifyTemplate(template);
    if (!minified) continue;
    template.parts.forEach((part, k) => {
      if (minified[k] === part.raw) return;
      if (minified[k] === '') s.remove(part.start, part.end);
      else s.overwrite(part.start, part.end, minified[k]);
      changed = true;
    });
  }
  if (!changed) return null;
  return { code: s.toString(), map: s.generateMap({ hires: 'boundary', source: id, includeContent: true }) };
}

/** Vite plugin: minify the Lit templates of the library's own modules at build time. */
export function minifyLiterals(): Plugin {
  /** Only in library builds (Storybook's build drops `build.lib` from this config). */
  let library = false;
  return {
    name: 'inbox-elements:minify-literals',
    apply: 'build',
    configResolved(config) {
      library = Boolean(config.build.lib);
    },
    transform(code, id) {
      if (!library || id.includes('/node_modules/') || !/\.[cm]?[jt]s$/.test(id.split('?')[0])) return null;
      return minifyLiteralsInModule(code, id);
    },
  };
}
