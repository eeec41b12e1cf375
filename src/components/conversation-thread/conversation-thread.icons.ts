/**
 * Inline SVG icons of `<conversation-thread>`, as Lit templates. Icons are
 * decorative unless a label is given; delivery icons always carry one.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DeliveryStatus } from '../../data/models.js';

const PATHS = {
  clock:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM8 3a5 5 0 1 1 0 10A5 5 0 0 1 8 3Zm-.75 1.5v4.07l3.1 1.86.77-1.29-2.37-1.42V4.5h-1.5Z',
  check: 'M13.3 4.3 6 11.6 2.7 8.3l1.06-1.06L6 9.48l6.24-6.24 1.06 1.06Z',
  doubleCheck:
    'M11.8 4.3 4.5 11.6 1.2 8.3l1.06-1.06L4.5 9.48l6.24-6.24 1.06 1.06Zm4 0-7.3 7.3-1.4-1.4 1.06-1.06.34.34 6.24-6.24 1.06 1.06Z',
  alert: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm-.75 3h1.5v4.75h-1.5V4.5Zm0 6h1.5V12h-1.5v-1.5Z',
  arrowDown: 'M7.25 2.5h1.5v8.19l3.22-3.22 1.06 1.06L8 13.56 2.97 8.53l1.06-1.06 3.22 3.22V2.5Z',
  document: 'M4 1.5h5.3L13 5.2v8.3a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1Zm.5 1.5v10h7V6H8.5V3h-4Z',
  pin: 'M8 1.5a4.5 4.5 0 0 0-4.5 4.5c0 3.2 4.5 8.5 4.5 8.5s4.5-5.3 4.5-8.5A4.5 4.5 0 0 0 8 1.5ZM8 4a2 2 0 1 1 0 4 2 2 0 0 1 0-4Z',
  media:
    'M2.5 3h11a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Zm.5 1.5v6.3l3-3 2.5 2.5 1.5-1.5 2 2V4.5H3Z',
  unknown:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 9.25a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8ZM8 4c1.4 0 2.5.95 2.5 2.2 0 1-.6 1.5-1.2 1.9-.4.3-.55.45-.55.9v.25h-1.5V9c0-1 .6-1.5 1.15-1.9.4-.28.6-.45.6-.9 0-.4-.4-.7-1-.7s-1 .35-1.05.85h-1.5C6.5 4.95 7.1 4 8 4Z',
} as const;

export type IconName = keyof typeof PATHS;

/** A 16 × 16 icon in the current colour; decorative (aria-hidden) unless `label` is given. */
export function icon(name: IconName, label?: string, part?: string): TemplateResult {
  return html`<svg
    class="icon icon-${name}"
    part=${part ?? nothing}
    viewBox="0 0 16 16"
    width="16"
    height="16"
    fill="currentColor"
    focusable="false"
    role=${label ? 'img' : nothing}
    aria-label=${label ?? nothing}
    aria-hidden=${label ? nothing : 'true'}
  >
    <path d=${PATHS[name]}></path>
  </svg>`;
}

/** The delivery icon of an outbound message, with its accessible text. */
export function deliveryIcon(status: DeliveryStatus, label: string): TemplateResult | typeof nothing {
  const name: IconName | undefined =
    status === 'pending'
      ? 'clock'
      : status === 'sent'
        ? 'check'
        : status === 'delivered' || status === 'read'
          ? 'doubleCheck'
          : status === 'failed'
            ? 'alert'
            : undefined;
  if (!name) return nothing;
  return html`<span class="delivery" data-status=${status} part="delivery" role="img" aria-label=${label}
    >${icon(name)}</span
  >`;
}
