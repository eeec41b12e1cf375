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
const URL_START = /https?:\/\//iy;
/** Characters that end a URL (besides whitespace). */
const URL_STOP = /[\s<>"'`]/u;
/** Trailing characters that belong to the sentence, not the URL. */
const URL_TRAILING = /[.,;:!?*_~'")\]}>]/u;
/** The longest URL we link; anything longer stays text. */
const MAX_URL = 2048;

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

/** The http(s) URL starting exactly at `i`, if any. */
function urlAt(s: string, i: number): UrlMatch | undefined {
  if (i > 0 && (isWord(s[i - 1]) || s[i - 1] === '/' || s[i - 1] === '@')) return undefined;
  URL_START.lastIndex = i;
  if (!URL_START.test(s)) return undefined;
  let end = URL_START.lastIndex;
  while (end < s.length && end - i < MAX_URL && !URL_STOP.test(s[end])) end++;
  // trim sentence punctuation and closing brackets the URL did not open
  while (end > i) {
    const ch = s[end - 1];
    if (!URL_TRAILING.test(ch)) break;
    if (ch === ')') {
      const body = s.slice(i, end);
      const opens = body.split('(').length - 1;
      const closes = body.split(')').length - 1;
      if (closes <= opens) break;
    }
    end--;
  }
  const text = s.slice(i, end);
  if (!/^https?:\/\/[^/?#]/i.test(text)) return undefined;
  const href = safeHttpUrl(text);
  return href ? { start: i, end, href } : undefined;
}

/** Every URL in `s`, in order and not overlapping. */
function findUrls(s: string): UrlMatch[] {
  const out: UrlMatch[] = [];
  const scheme = /https?:\/\//gi;
  for (let found = scheme.exec(s); found; found = scheme.exec(s)) {
    const m = urlAt(s, found.index);
    if (m) {
      out.push(m);
      scheme.lastIndex = m.end;
    }
  }
  return out;
}

function insideUrl(urls: UrlMatch[], j: number): boolean {
  return urls.some((u) => j >= u.start && j < u.end);
}

/** The index of the marker that closes a span opened at `open`, or -1. */
function findClose(s: string, open: number, marker: string, urls: UrlMatch[]): number {
  for (let j = open + 2; j < s.length; j++) {
    const ch = s[j];
    if (ch === '\n') return -1;
    if (ch === '`' && s.startsWith(FENCE, j)) {
      // a monospace run inside the span is skipped whole
      const k = s.indexOf(FENCE, j + 3);
      if (k > j + 3 && !s.slice(j, k).includes('\n')) {
        j = k + 2;
        continue;
      }
    }
    if (ch !== marker || insideUrl(urls, j)) continue;
    if (isSpace(s[j - 1]) || isWord(s[j + 1]) || s[j + 1] === marker) continue;
    return j;
  }
  return -1;
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
  let buf = '';
  const flush = () => {
    if (buf) out.push({ type: 'text', text: buf });
    buf = '';
  };
  let u = 0;
  let i = 0;
  while (i < s.length) {
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
      const close = findClose(s, i, ch, urls);
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
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (countFences(line) % 2 === 1) {
      // join following lines while a later one closes the fence
      let j = i + 1;
      let joined = line;
      while (j < lines.length) {
        joined += `\n${lines[j]}`;
        if (countFences(joined) % 2 === 0) break;
        j++;
      }
      if (j < lines.length) {
        line = joined;
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
