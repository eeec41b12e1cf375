/**
 * The design tokens. Elements read `var(--inbox-<name>, <fallback>)`: a host
 * sets a token once on any ancestor and every element follows. Colour
 * fallbacks come from a private palette (`--_<name>`) set on each element's
 * inner `base` node, light by default and dark under `data-theme="dark"` (or
 * `auto` with `prefers-color-scheme: dark`). Elements never define `--inbox-*`.
 */
import { css, unsafeCSS, type CSSResult } from 'lit';

/** Colour tokens: [light, dark]. */
export const COLOR_TOKENS = {
  'color-surface': ['#ffffff', '#111b21'],
  'color-surface-raised': ['#f7f8fa', '#1f2c33'],
  'color-surface-sunken': ['#efeae2', '#0b141a'],
  'color-text': ['#111b21', '#e9edef'],
  'color-text-muted': ['#54656f', '#a3b0b8'],
  'color-border': ['#d9dee3', '#2f3b43'],
  'color-accent': ['#0b7a5c', '#25c08f'],
  'color-accent-contrast': ['#ffffff', '#06251b'],
  'color-hover': ['#f0f2f5', '#202c33'],
  'color-selected': ['#e3f2ec', '#1d3b33'],
  'color-focus': ['#1a5fd0', '#7cb2ff'],
  'color-inbound': ['#ffffff', '#202c33'],
  'color-inbound-text': ['#111b21', '#e9edef'],
  'color-outbound': ['#d9fdd3', '#005c4b'],
  'color-outbound-text': ['#111b21', '#e9edef'],
  'color-badge': ['#0b7a5c', '#25c08f'],
  'color-badge-text': ['#ffffff', '#06251b'],
  'color-danger': ['#b3261e', '#ff8a80'],
  'color-danger-surface': ['#fdecea', '#3b1d1b'],
  'color-warning': ['#8a5a00', '#ffcf66'],
  'color-warning-surface': ['#fff4d6', '#3a2f12'],
  'color-success': ['#0b7a5c', '#25c08f'],
  'color-link': ['#0b57d0', '#a8c7fa'],
  'color-skeleton': ['#e6e9ec', '#26343c'],
} as const;

/** Other tokens with their literal fallbacks. */
export const SCALAR_TOKENS = {
  // the platform's UI font (San Francisco, Segoe UI, Roboto, the desktop's sans on Linux); scripts it
  // lacks (Arabic, Devanagari, ...) come from the browser's per-script fallback. Every family named
  // here that is not installed costs a font lookup on first layout, so the list stays short.
  'font-family': 'system-ui, sans-serif',
  'font-family-mono': 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  'font-size-xs': '0.75rem',
  'font-size-s': '0.8125rem',
  'font-size-m': '0.9375rem',
  'font-size-l': '1.0625rem',
  'font-weight-strong': '600',
  'line-height': '1.4',
  'space-xxs': '2px',
  'space-xs': '4px',
  'space-s': '8px',
  'space-m': '12px',
  'space-l': '16px',
  'space-xl': '24px',
  'radius-s': '4px',
  'radius-m': '8px',
  'radius-l': '12px',
  'radius-pill': '999px',
  'focus-ring-width': '2px',
  'control-height': '36px',
  'row-height': '72px',
  'avatar-size': '40px',
  'shadow-raised': '0 4px 16px rgb(0 0 0 / 0.16)',
  'transition-duration': '120ms',
} as const;

export type ColorToken = keyof typeof COLOR_TOKENS;
export type ScalarToken = keyof typeof SCALAR_TOKENS;
export type Token = ColorToken | ScalarToken;

/** `var(--inbox-<name>, <fallback>)` for use inside a `css` template. */
export function token(name: Token): CSSResult {
  if (name in COLOR_TOKENS) return unsafeCSS(`var(--inbox-${name}, var(--_${name}))`);
  return unsafeCSS(`var(--inbox-${name}, ${SCALAR_TOKENS[name as ScalarToken]})`);
}

const lightPalette = Object.entries(COLOR_TOKENS)
  .map(([k, [light]]) => `--_${k}: ${light};`)
  .join('\n');
const darkPalette = Object.entries(COLOR_TOKENS)
  .map(([k, [, dark]]) => `--_${k}: ${dark};`)
  .join('\n');

/**
 * Shared host and base styles: `:host` sets only `display`; the inner `.base`
 * carries the private palette, the font and the focus ring.
 */
export const baseStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none !important;
  }
  .base {
    ${unsafeCSS(lightPalette)}
    color-scheme: light;
    box-sizing: border-box;
    font-family: ${token('font-family')};
    font-size: ${token('font-size-m')};
    line-height: ${token('line-height')};
    color: ${token('color-text')};
  }
  .base[data-theme='dark'] {
    ${unsafeCSS(darkPalette)}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    .base[data-theme='auto'] {
      ${unsafeCSS(darkPalette)}
      color-scheme: dark;
    }
  }
  .base *,
  .base *::before,
  .base *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    .base *,
    .base *::before,
    .base *::after {
      animation-duration: 0s !important;
      transition-duration: 0s !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
