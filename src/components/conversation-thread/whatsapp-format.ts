/**
 * A pure parser for WhatsApp's message formatting. It turns message text into
 * a small token tree that the thread renders with Lit templates, so message
 * text never reaches an HTML parser.
 *
 * What it recognises, as the WhatsApp apps render it:
 * - `*bold*`, `_italic_`, `~strikethrough~`: the opening marker follows the
 *   start of the text, a space or punctuation and is followed by a non-space;
 *   the closing one follows a non-space and is not followed by a letter or
 *   digit; a span never crosses a line break. Different markers nest.
 * - ```` ```monospace``` ```` (may span lines; nothing inside is formatted) and `` `inline code` ``.
 * - line blocks: `> quote`, `- item` / `* item` bullet lists, `1. item` numbered lists.
 * - links: only `http://` and `https://` URLs become links; trailing punctuation
 *   and unbalanced closing brackets stay outside the link.
 *
 * Anything unclosed, empty or malformed stays literal text.
 *
 * The work is linear in the length of the text (times the nesting depth, at
 * most 8): message text comes from customers and backends, and a 100 kB run of
 * `*a ` must not hold the page.
 */

export type WhatsAppInline =
  | { type: 'text'; text: string }
  | { type: 'bold' | 'italic' | 'strike'; children: WhatsAppInline[] }
  | { type: 'mono'; text: string }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; text: string };

export type WhatsAppBlock =
  | { type: 'paragraph'; children: WhatsAppInline[] }
  | { type: 'quote'; children: WhatsAppInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: WhatsAppInline[][] };

const STYLE_MARKERS: Record<string, 'bold' | 'italic' | 'strike'> = { '*': 'bold', _: 'italic', '~': 'strike' };
const FENCE = '```';
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
/** Characters that end a URL (besides whitespace). */
const URL_STOP = /[\s<>"'`]/u;
/** Trailing characters that belong to the sentence, not the URL. */
const URL_TRAILING = /[.,;:!?*_~'")\]}>]/u;
/** The longest URL we link; anything longer stays text. */
const MAX_URL = 2048;

/**
 * Steps the parser took since the last reset: one per character of every
 * table it builds and per character it walks. Tests use it to bound the work
 * (a count, not a time).
 * @internal
 */
export const whatsAppFormatWork = { steps: 0 };

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** The href for a URL the parser found: only http(s) with a host survive. */
export function safeHttpUrl(candidate: string): string | undefined {
  try {
    const url = new URL(candidate);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

interface UrlMatch {
  start: number;
  end: number;
  href: string;
}

/**
 * What `urlAt` needs to know about `s`, each answered in constant time from
 * tables built once per text: where the next character that ends a URL is,
 * where a run of trailing punctuation before a position starts, and how many
 * brackets open and close before a position. With them, every URL candidate
 * costs the same however long the text, instead of a walk over up to
 * `MAX_URL` characters each.
 */
class UrlTables {
  /** `nextStop[p]`: the first index ≥ p that ends a URL (`URL_STOP`), or `s.length`. */
  private readonly nextStop: Int32Array;
  /** `runStart[e]`: the start of the run of `URL_TRAILING` characters that ends at `e`. */
  private readonly runStart: Int32Array;
  /** `opens[p]` / `closes[p]`: how many `(` / `)` come before p. */
  private readonly opens: Int32Array;
  private readonly closes: Int32Array;
  /** The index of every `)`, in order: the k-th is `closeAt[k]`. */
  private readonly closeAt: Int32Array;

  constructor(private readonly s: string) {
    const n = s.length;
    whatsAppFormatWork.steps += n;
    this.nextStop = new Int32Array(n + 1);
    this.runStart = new Int32Array(n + 1);
    this.opens = new Int32Array(n + 1);
    this.closes = new Int32Array(n + 1);
    this.nextStop[n] = n;
    for (let p = n - 1; p >= 0; p--) this.nextStop[p] = URL_STOP.test(s[p]) ? p : this.nextStop[p + 1];
    for (let p = 0; p < n; p++) {
      const ch = s[p];
      this.runStart[p + 1] = URL_TRAILING.test(ch) ? this.runStart[p] : p + 1;
      this.opens[p + 1] = this.opens[p] + (ch === '(' ? 1 : 0);
      this.closes[p + 1] = this.closes[p] + (ch === ')' ? 1 : 0);
    }
    this.closeAt = new Int32Array(this.closes[n]);
    for (let p = 0, k = 0; p < n; p++) if (s[p] === ')') this.closeAt[k++] = p;
  }

  /** The http(s) URL whose scheme (`http://`, `https://`) runs from `i` to `schemeEnd`, if any. */
  urlAt(i: number, schemeEnd: number): UrlMatch | undefined {
    const s = this.s;
    if (i > 0 && (isWord(s[i - 1]) || s[i - 1] === '/' || s[i - 1] === '@')) return undefined;
    // the URL needs a host right after the scheme; trimming never reaches back past it
    const first = s[schemeEnd];
    if (first === undefined || first === '/' || first === '?' || first === '#' || URL_STOP.test(first)) {
      return undefined;
    }
    let end = Math.min(this.nextStop[schemeEnd], i + MAX_URL);
    // trim sentence punctuation and closing brackets the URL did not open: the
    // trailing run [from, end) holds no `(`, so the j-th `)` in it stays (with
    // everything before it) while the URL closes no more brackets than it opens
    const from = Math.max(this.runStart[end], i);
    const closesInRun = this.closes[end] - this.closes[from];
    const canClose = this.opens[from] - this.opens[i] - (this.closes[from] - this.closes[i]);
    const keep = Math.min(closesInRun, canClose);
    end = keep >= 1 ? this.closeAt[this.closes[from] + keep - 1] + 1 : from;
    const text = s.slice(i, end);
    if (!/^https?:\/\/[^/?#]/i.test(text)) return undefined;
    const href = safeHttpUrl(text);
    return href ? { start: i, end, href } : undefined;
  }
}

/** Every URL in `s`, in order and not overlapping. */
function findUrls(s: string): UrlMatch[] {
  const out: UrlMatch[] = [];
  const scheme = /https?:\/\//gi;
  let tables: UrlTables | undefined;
  for (let found = scheme.exec(s); found; found = scheme.exec(s)) {
    tables ??= new UrlTables(s);
    const m = tables.urlAt(found.index, found.index + found[0].length);
    if (m) {
      out.push(m);
      scheme.lastIndex = m.end;
    }
  }
  return out;
}

type StyleMarker = '*' | '_' | '~';
const MARKERS: readonly StyleMarker[] = ['*', '_', '~'];

/**
 * For each marker, `closeFrom[p]`: the index of the marker that closes a span
 * when the search for it starts at p, or -1. A search walks right: it stops
 * at a line break (spans never cross one), skips a one-line ```monospace```
 * run whole, and ignores markers inside URLs and markers that cannot close
 * (after a space, before a letter, digit or the same marker). Whether an index
 * closes does not depend on where the span opened, so one pass from the end
 * answers every opener: a span opened at i closes at `closeFrom[i + 2]`.
 */
function closerTables(s: string, urls: UrlMatch[]): Record<StyleMarker, Int32Array> {
  const n = s.length;
  whatsAppFormatWork.steps += n;
  const tables = { '*': new Int32Array(n + 1), _: new Int32Array(n + 1), '~': new Int32Array(n + 1) };
  for (const m of MARKERS) tables[m][n] = -1;
  /** `nextFence[p]`: the first index ≥ p where ``` starts, or -1 (room for p up to n + 2). */
  const nextFence = new Int32Array(n + 3).fill(-1);
  let newline = n;
  let u = urls.length - 1;
  for (let p = n - 1; p >= 0; p--) {
    const ch = s[p];
    nextFence[p] = ch === '`' && s.startsWith(FENCE, p) ? p : nextFence[p + 1];
    if (ch === '\n') {
      newline = p;
      for (const m of MARKERS) tables[m][p] = -1;
      continue;
    }
    if (nextFence[p] === p) {
      const k = nextFence[p + 3];
      if (k > p + 3 && newline >= k) {
        // a monospace run inside the span is skipped whole
        for (const m of MARKERS) tables[m][p] = tables[m][k + 3];
        continue;
      }
    }
    for (const m of MARKERS) tables[m][p] = tables[m][p + 1];
    if (ch === '*' || ch === '_' || ch === '~') {
      while (u >= 0 && urls[u].start > p) u--;
      const inUrl = u >= 0 && p < urls[u].end;
      if (!inUrl && !isSpace(s[p - 1]) && !isWord(s[p + 1]) && s[p + 1] !== ch) tables[ch][p] = p;
    }
  }
  return tables;
}

function canOpen(s: string, i: number, marker: string): boolean {
  const prev = s[i - 1];
  const next = s[i + 1];
  if (i > 0 && (isWord(prev) || prev === marker)) return false;
  return next !== undefined && !isSpace(next) && next !== marker;
}

/** Parses one run of text (no block structure) into inline tokens. */
export function parseInline(s: string, depth = 0): WhatsAppInline[] {
  const out: WhatsAppInline[] = [];
  const urls = findUrls(s);
  let closers: Record<StyleMarker, Int32Array> | undefined;
  let buf = '';
  const flush = () => {
    if (buf) out.push({ type: 'text', text: buf });
    buf = '';
  };
  let u = 0;
  let i = 0;
  while (i < s.length) {
    whatsAppFormatWork.steps++;
    while (u < urls.length && urls[u].start < i) u++;
    const url = urls[u];
    if (url && url.start === i) {
      flush();
      out.push({ type: 'link', href: url.href, text: s.slice(url.start, url.end) });
      i = url.end;
      continue;
    }
    const ch = s[i];
    if (ch === '`') {
      if (s.startsWith(FENCE, i)) {
        const close = s.indexOf(FENCE, i + 3);
        if (close > i + 3) {
          flush();
          out.push({ type: 'mono', text: s.slice(i + 3, close) });
          i = close + 3;
          continue;
        }
        buf += FENCE;
        i += 3;
        continue;
      }
      const close = s.indexOf('`', i + 1);
      if (close > i + 1 && !s.slice(i + 1, close).includes('\n')) {
        flush();
        out.push({ type: 'code', text: s.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
    }
    const style = STYLE_MARKERS[ch];
    if (style && depth < 8 && canOpen(s, i, ch)) {
      closers ??= closerTables(s, urls);
      const close = i + 2 <= s.length ? closers[ch as StyleMarker][i + 2] : -1;
      if (close > i + 1) {
        flush();
        out.push({ type: style, children: parseInline(s.slice(i + 1, close), depth + 1) });
        i = close + 1;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  flush();
  return out;
}

function countFences(s: string): number {
  let n = 0;
  for (let i = s.indexOf(FENCE); i >= 0; i = s.indexOf(FENCE, i + 3)) n++;
  return n;
}

/** Lines, with a ``` run that spans lines kept together as one logical line. */
function logicalLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  // a fence never spans a line break, so a joined run has the sum of its lines' fences
  const fences = lines.map(countFences);
  whatsAppFormatWork.steps += lines.length;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (fences[i] % 2 === 1) {
      // join following lines while a later one closes the fence
      let j = i + 1;
      let open = fences[i];
      while (j < lines.length) {
        whatsAppFormatWork.steps++;
        open += fences[j];
        if (open % 2 === 0) break;
        j++;
      }
      if (j < lines.length) {
        line = lines.slice(i, j + 1).join('\n');
        i = j;
      }
    }
    out.push(line);
  }
  return out;
}

type LineKind = 'plain' | 'quote' | 'bullet' | 'ordered';

function classify(line: string): { kind: LineKind; content: string; number?: number } {
  if (line.startsWith('> ')) return { kind: 'quote', content: line.slice(2) };
  let m = /^[-*] (.*\S.*)$/su.exec(line);
  if (m) return { kind: 'bullet', content: m[1] };
  m = /^(\d{1,9})\. (.*\S.*)$/su.exec(line);
  if (m) return { kind: 'ordered', content: m[2], number: Number(m[1]) };
  return { kind: 'plain', content: line };
}

/** Drops blank lines at the edges of a paragraph group that borders another block. */
function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end);
}

/** Parses message text into blocks of inline tokens. */
export function parseWhatsApp(text: string): WhatsAppBlock[] {
  if (!text) return [];
  const classified = logicalLines(text).map(classify);
  const groups: Array<{ kind: LineKind; lines: Array<{ content: string; number?: number }> }> = [];
  for (const line of classified) {
    const last = groups[groups.length - 1];
    if (last && last.kind === line.kind) last.lines.push(line);
    else groups.push({ kind: line.kind, lines: [line] });
  }
  const onlyPlain = groups.length === 1 && groups[0].kind === 'plain';
  const blocks: WhatsAppBlock[] = [];
  for (const g of groups) {
    if (g.kind === 'plain') {
      const lines = onlyPlain ? g.lines.map((l) => l.content) : trimBlankEdges(g.lines.map((l) => l.content));
      if (!lines.length) continue;
      blocks.push({ type: 'paragraph', children: parseInline(lines.join('\n')) });
    } else if (g.kind === 'quote') {
      blocks.push({ type: 'quote', children: parseInline(g.lines.map((l) => l.content).join('\n')) });
    } else {
      blocks.push({
        type: 'list',
        ordered: g.kind === 'ordered',
        start: g.lines[0].number ?? 1,
        items: g.lines.map((l) => parseInline(l.content)),
      });
    }
  }
  return blocks;
}

function inlineText(nodes: WhatsAppInline[]): string {
  return nodes.map((n) => ('children' in n ? inlineText(n.children) : n.text)).join('');
}

/** The text as a reader sees it, without formatting markers (for announcements and labels). */
export function plainText(text: string): string {
  return parseWhatsApp(text)
    .map((b) => {
      if (b.type === 'list') {
        return b.items.map((item, n) => `${b.ordered ? `${b.start + n}.` : '•'} ${inlineText(item)}`).join('\n');
      }
      return inlineText(b.children);
    })
    .join('\n');
}
