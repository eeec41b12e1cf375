/**
 * Renders a message's content with Lit templates: formatted text from the
 * WhatsApp token tree, templates, media, locations and a labelled placeholder
 * for anything else. Untrusted text only ever goes through text bindings;
 * URLs are bound only when they are http(s).
 */
import { html, nothing, type TemplateResult } from 'lit';
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

function renderInline(nodes: WhatsAppInline[]): unknown[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'bold':
        return html`<strong>${renderInline(n.children)}</strong>`;
      case 'italic':
        return html`<em>${renderInline(n.children)}</em>`;
      case 'strike':
        return html`<s>${renderInline(n.children)}</s>`;
      case 'mono':
        return html`<code class="mono">${n.text}</code>`;
      case 'code':
        return html`<code>${n.text}</code>`;
      case 'link':
        return html`<a href=${n.href} target="_blank" rel="noopener noreferrer">${n.text}</a>`;
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

function textPart(text: string | undefined): TemplateResult | typeof nothing {
  if (!text) return nothing;
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
      return textPart(m.text ?? '');
    case 'template': {
      const name = m.template?.name;
      return html`<div part="template" class="template">
        ${name ? html`<div class="template-name" dir="auto">${formatString(strings.template, { name })}</div>` : nothing}
        ${textPart(m.text)}
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
              alt=${text || label}
              loading="lazy"
              decoding="async"
              referrerpolicy="no-referrer"
            />`
          : placeholder(label, 'media')
      }${textPart(text)}`;
    }
    case 'video':
      return html`${
        url
          ? html`<video
              part="media"
              class="media video"
              src=${url}
              controls
              preload="none"
              aria-label=${strings.video}
            ></video>`
          : placeholder(strings.video, 'media')
      }${textPart(caption(m))}`;
    case 'audio':
      return html`${
        url
          ? html`<audio
              part="media"
              class="media audio"
              src=${url}
              controls
              preload="none"
              aria-label=${strings.audio}
            ></audio>`
          : placeholder(strings.audio, 'media')
      }${textPart(m.media?.caption ?? m.text)}`;
    case 'document': {
      const name = m.media?.filename || strings.document;
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
      }${textPart(m.media?.caption)}`;
    }
    case 'location': {
      const loc = m.location;
      const href = mapUrl(loc?.latitude, loc?.longitude);
      return html`<div part="media" class="media location">
        ${icon('pin')}
        <div class="loc-text">
          <span class="loc-name" dir="auto">${loc?.name || strings.location}</span>
          ${loc?.address ? html`<span class="loc-address" dir="auto">${loc.address}</span>` : nothing}
          ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${strings.openMap}</a>` : nothing}
        </div>
      </div>`;
    }
    case 'contacts':
      return html`${placeholder(strings.contacts)}${textPart(m.text)}`;
    case 'interactive':
      return html`${placeholder(strings.interactive)}${textPart(m.text)}`;
    default:
      return html`${placeholder(formatString(strings.unsupported, { type: m.rawType || m.kind || 'unknown' }))}${textPart(
        m.text,
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
