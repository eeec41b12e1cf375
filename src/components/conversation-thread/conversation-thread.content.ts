/**
 * Renders a message's content with Lit templates: formatted text from the
 * WhatsApp token tree, templates, media, locations and a labelled placeholder
 * for anything else. Untrusted text only ever goes through text bindings;
 * URLs are bound only when they are http(s).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { httpUrl } from '../../adapters/shared/lenient.js';
import type { InboxError } from '../../data/errors.js';
import type { Message } from '../../data/models.js';
import { numberFormat } from '../../internal/format.js';
import { formatString } from '../../internal/i18n.js';
import type { ConversationThreadStrings } from './conversation-thread.strings.js';
import { icon } from './conversation-thread.icons.js';
import { parseWhatsApp, type WhatsAppBlock, type WhatsAppInline } from './whatsapp-format.js';

export interface ContentContext {
  strings: ConversationThreadStrings;
  lang: string;
}

const PARSE_CACHE_LIMIT = 500;
const parseCache = new Map<string, WhatsAppBlock[]>();

/** Parses with a small cache: virtualized rows re-render often. */
function parseCached(text: string): WhatsAppBlock[] {
  let blocks = parseCache.get(text);
  if (!blocks) {
    blocks = parseWhatsApp(text);
    if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.delete(parseCache.keys().next().value as string);
    parseCache.set(text, blocks);
  }
  return blocks;
}

/**
 * The longest text node the thread renders. Chromium re-shapes the rest of a
 * long unbroken word for every line it wraps, so one 100 kB word in one text
 * node takes seconds to lay out; cut into text nodes of this size it takes
 * milliseconds, and wraps the same.
 */
export const TEXT_NODE_MAX = 256;

const graphemes =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;
const MARK = /\p{M}/u;

/** Whether the code unit at `i` continues the character before it (without Intl.Segmenter). */
function continues(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (
    (code >= 0xdc00 && code <= 0xdfff) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0x200d ||
    text.charCodeAt(i - 1) === 0x200d ||
    MARK.test(text[i])
  );
}

/** The first grapheme boundary at or after `at`, looking from `start` (a boundary). */
function boundaryFrom(text: string, start: number, at: number): number {
  if (!graphemes) {
    let i = at;
    while (i < text.length && continues(text, i)) i++;
    return i;
  }
  for (let reach = 64; ; reach *= 4) {
    const end = Math.min(text.length, at + reach);
    for (const { index } of graphemes.segment(text.slice(start, end))) {
      if (start + index >= at && start + index < end) return start + index;
    }
    if (end === text.length) return end;
  }
}

/**
 * `text` as it is, or, when long, as text nodes of about `TEXT_NODE_MAX`
 * characters each, cut between characters (never inside a surrogate pair, an
 * emoji sequence or a letter with its marks). The text reads the same.
 */
export function textNodes(text: string): string | string[] {
  if (text.length <= 2 * TEXT_NODE_MAX) return text;
  const out: string[] = [];
  let start = 0;
  while (text.length - start > 2 * TEXT_NODE_MAX) {
    const end = boundaryFrom(text, start, start + TEXT_NODE_MAX);
    out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function renderInline(nodes: WhatsAppInline[]): unknown[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'text':
        return textNodes(n.text);
      case 'bold':
        return html`<strong>${renderInline(n.children)}</strong>`;
      case 'italic':
        return html`<em>${renderInline(n.children)}</em>`;
      case 'strike':
        return html`<s>${renderInline(n.children)}</s>`;
      case 'mono':
        return html`<code class="mono">${textNodes(n.text)}</code>`;
      case 'code':
        return html`<code>${textNodes(n.text)}</code>`;
      case 'link':
        return html`<a href=${n.href} target="_blank" rel="noopener noreferrer">${textNodes(n.text)}</a>`;
    }
  });
}

function renderBlock(b: WhatsAppBlock): TemplateResult {
  switch (b.type) {
    case 'paragraph':
      return html`<div class="para">${renderInline(b.children)}</div>`;
    case 'quote':
      return html`<blockquote>${renderInline(b.children)}</blockquote>`;
    case 'list':
      return b.ordered
        ? html`<ol start=${b.start}>
            ${b.items.map((item) => html`<li>${renderInline(item)}</li>`)}
          </ol>`
        : html`<ul>
            ${b.items.map((item) => html`<li>${renderInline(item)}</li>`)}
          </ul>`;
  }
}

/** WhatsApp-formatted text as Lit content (never HTML strings). */
export function renderFormatted(text: string): unknown {
  const blocks = parseCached(text);
  if (blocks.length === 1 && blocks[0].type === 'paragraph') return renderInline(blocks[0].children);
  return blocks.map(renderBlock);
}

/**
 * Past this many characters a message's text is shown clamped, with a toggle
 * for the rest: laying out (and formatting) 100 kB of text holds the page.
 */
export const TEXT_CLAMP = 4096;

/** The first `max` characters of `text`, not splitting a surrogate pair. */
export function clampText(text: string, max = TEXT_CLAMP): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The longest name, address, file name or label from a backend shown whole. */
export const LABEL_MAX = 512;

/** A name, address or label from a backend, cut to `max` characters and an ellipsis. */
export function shortLabel(text: string, max = LABEL_MAX): string {
  return text.length > max ? `${clampText(text, max)}…` : text;
}

/** Messages whose full text the agent asked for, so a row keeps it when the log re-renders it (bounded). */
const expandedTexts = new Set<string>();
const EXPANDED_LIMIT = 100;

/**
 * A long message text: clamped to `TEXT_CLAMP` characters and an ellipsis,
 * with a "Show full message" button that expands it in place (and collapses
 * it again). The formatter only sees the full text once it is asked for.
 */
class LongTextDirective extends AsyncDirective {
  private text = '';
  private key = '';
  private strings?: ConversationThreadStrings;

  render(text: string, key: string, strings: ConversationThreadStrings): TemplateResult {
    this.text = text;
    this.key = key;
    this.strings = strings;
    return this.view();
  }

  private view(): TemplateResult {
    const expanded = expandedTexts.has(this.key);
    const s = this.strings!;
    // no whitespace inside the text: it is pre-wrap
    const text = renderFormatted(expanded ? this.text : clampText(this.text));
    return html`<div part="text" class="text" dir="auto">${text}${expanded ? nothing : '…'}</div>
      <button
        type="button"
        part="text-toggle"
        class="link-button text-toggle"
        aria-expanded=${expanded ? 'true' : 'false'}
        @click=${this.toggle}
      >
        ${expanded ? s.showLessText : s.showFullText}
      </button>`;
  }

  private readonly toggle = (): void => {
    if (expandedTexts.has(this.key)) {
      expandedTexts.delete(this.key);
    } else {
      if (expandedTexts.size >= EXPANDED_LIMIT) expandedTexts.delete(expandedTexts.values().next().value as string);
      expandedTexts.add(this.key);
    }
    this.setValue(this.view());
  };
}

const longText = directive(LongTextDirective);

function textPart(
  text: string | undefined,
  m: Message,
  strings: ConversationThreadStrings,
): TemplateResult | typeof nothing {
  if (!text) return nothing;
  if (text.length > TEXT_CLAMP) return html`${longText(text, `${m.conversationId}\n${m.id}`, strings)}`;
  return html`<div part="text" class="text" dir="auto">${renderFormatted(text)}</div>`;
}

/** "48 kB" / "1.2 MB" in the element's language. */
export function formatBytes(bytes: number | undefined, lang: string): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  const [value, unit] =
    bytes >= 1_000_000
      ? [bytes / 1_000_000, 'megabyte']
      : bytes >= 1_000
        ? [bytes / 1_000, 'kilobyte']
        : [bytes, 'byte'];
  const nf = numberFormat(lang, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  });
  return nf?.format(value) ?? `${Math.round(value)} ${unit}`;
}

/** The OpenStreetMap link for a location, when its coordinates are valid. */
export function mapUrl(latitude: unknown, longitude: unknown): string | undefined {
  const lat = Number(latitude);
  const lon = Number(longitude);
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}

function placeholder(label: string, name: Parameters<typeof icon>[0] = 'unknown'): TemplateResult {
  return html`<div part="placeholder" class="placeholder">${icon(name)}<span>${label}</span></div>`;
}

/** The caption of a media message: the media's own, else the message text. */
function caption(m: Message): string | undefined {
  return m.media?.caption ?? m.text ?? undefined;
}

/** A message's content. */
export function renderContent(m: Message, { strings, lang }: ContentContext): TemplateResult | typeof nothing {
  const url = httpUrl(m.media?.url);
  switch (m.kind) {
    case 'text':
      return textPart(m.text ?? '', m, strings);
    case 'template': {
      const name = m.template?.name;
      const heading = name ? formatString(strings.template, { name: shortLabel(name) }) : '';
      return html`<div part="template" class="template">
        ${heading ? html`<div class="template-name" dir="auto">${heading}</div>` : nothing}
        ${textPart(m.text, m, strings)}
      </div>`;
    }
    case 'image':
    case 'sticker': {
      const label = m.kind === 'image' ? strings.image : strings.sticker;
      const text = caption(m);
      return html`${
        url
          ? html`<img
              part="media"
              class="media ${m.kind}"
              src=${url}
              alt=${text ? shortLabel(text) : label}
              loading="lazy"
              decoding="async"
              referrerpolicy="no-referrer"
            />`
          : placeholder(label, 'media')
      }${textPart(text, m, strings)}`;
    }
    case 'video':
      // referrerpolicy on <video>/<audio> is not implemented by browsers yet (Chromium
      // has no IDL attribute for it): the host page's Referrer-Policy is what applies
      return html`${
        url
          ? html`<video
              part="media"
              class="media video"
              src=${url}
              controls
              preload="none"
              referrerpolicy="no-referrer"
              aria-label=${strings.video}
            ></video>`
          : placeholder(strings.video, 'media')
      }${textPart(caption(m), m, strings)}`;
    case 'audio':
      return html`${
        url
          ? html`<audio
              part="media"
              class="media audio"
              src=${url}
              controls
              preload="none"
              referrerpolicy="no-referrer"
              aria-label=${strings.audio}
            ></audio>`
          : placeholder(strings.audio, 'media')
      }${textPart(m.media?.caption ?? m.text, m, strings)}`;
    case 'document': {
      const name = shortLabel(m.media?.filename || strings.document);
      const size = formatBytes(m.media?.sizeBytes, lang);
      const body = html`${icon('document')}<span class="doc-text"
          ><span class="doc-name" dir="auto">${name}</span
          >${size ? html`<span class="doc-size">${size}</span>` : nothing}</span
        >`;
      return html`${
        url
          ? html`<a
              part="media"
              class="media document"
              href=${url}
              target="_blank"
              rel="noopener noreferrer"
              title=${formatString(strings.download, { name })}
              >${body}</a
            >`
          : html`<div part="media" class="media document unavailable">${body}</div>`
      }${textPart(m.media?.caption, m, strings)}`;
    }
    case 'location': {
      const loc = m.location;
      const href = mapUrl(loc?.latitude, loc?.longitude);
      return html`<div part="media" class="media location">
        ${icon('pin')}
        <div class="loc-text">
          <span class="loc-name" dir="auto">${shortLabel(loc?.name || strings.location)}</span>
          ${loc?.address ? html`<span class="loc-address" dir="auto">${shortLabel(loc.address)}</span>` : nothing}
          ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${strings.openMap}</a>` : nothing}
        </div>
      </div>`;
    }
    case 'contacts':
      return html`${placeholder(strings.contacts)}${textPart(m.text, m, strings)}`;
    case 'interactive':
      return html`${placeholder(strings.interactive)}${textPart(m.text, m, strings)}`;
    default:
      return html`${placeholder(formatString(strings.unsupported, { type: shortLabel(m.rawType || m.kind || 'unknown') }))}${textPart(
        m.text,
        m,
        strings,
      )}`;
  }
}

/** Why a message failed, in words, by error kind (never the backend's raw text). */
export function failureReason(error: InboxError | undefined, strings: ConversationThreadStrings): string {
  switch (error?.kind) {
    case 'outside_window':
      return strings.failedOutsideWindow;
    case 'conflict':
      return error.code === 'request_in_progress' ? strings.failedInProgress : strings.failedRejected;
    case 'validation':
    case 'forbidden':
    case 'unsupported':
      return strings.failedRejected;
    case 'network':
      return strings.failedNetwork;
    case 'timeout':
      return strings.failedTimeout;
    case 'rate_limited':
      return strings.failedRateLimited;
    case 'unauthorized':
      return strings.failedUnauthorized;
    case 'upstream':
    case 'server':
    case 'not_found':
    case 'invalid_response':
      return strings.failedUndeliverable;
    default:
      return strings.failedDefault;
  }
}
