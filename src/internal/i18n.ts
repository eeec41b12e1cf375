/**
 * Localization helpers: every element has a string table of defaults that a
 * host overrides with a partial `i18n` object; `lang` comes from the element
 * or its nearest ancestor (across shadow roots).
 */
import { numberFormat, pluralRules } from './format.js';

/** Merges a host's partial overrides over an element's defaults. */
export function mergeStrings<T extends object>(defaults: T, overrides?: Partial<T> | null): T {
  return overrides ? { ...defaults, ...overrides } : defaults;
}

type Snapshot = Record<string, unknown>;

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A copy of `o` one level deep (string tables nest one level: `sendErrors`, `resolutions`…). */
function snapshot(o: object): Snapshot {
  const copy: Snapshot = {};
  for (const [k, v] of Object.entries(o)) copy[k] = isTable(v) ? { ...v } : v;
  return copy;
}

function sameShallow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k] || !(k in b)) return false;
  return true;
}

/** True while `o` still holds what `snap` recorded (so an override edited in place is noticed). */
function unchanged(o: object, snap: Snapshot): boolean {
  const entries = Object.entries(o);
  if (entries.length !== Object.keys(snap).length) return false;
  for (const [k, v] of entries) {
    const was = snap[k];
    if (isTable(v)) {
      if (!isTable(was) || !sameShallow(v, was)) return false;
    } else if (v !== was || !(k in snap)) {
      return false;
    }
  }
  return true;
}

/**
 * Memoizes an element's string table: returns a function that merges a
 * host's `i18n` overrides over `defaults` once per overrides object, and
 * hands back the same merged table on every later call (elements read their
 * strings many times per render: once per row and label). An overrides
 * object edited in place (one level deep) is merged again on the next call.
 * Without overrides the defaults themselves are returned. The merged tables
 * are shared: treat them as read-only.
 */
export function memoStrings<T extends object>(
  defaults: T,
  merge: (defaults: T, overrides: Partial<T>) => T = (d, o) => ({ ...d, ...o }),
): (overrides?: Partial<T> | null) => T {
  const cache = new WeakMap<object, { snap: Snapshot; merged: T }>();
  return (overrides) => {
    if (!overrides) return defaults;
    const hit = cache.get(overrides);
    if (hit && unchanged(overrides, hit.snap)) return hit.merged;
    const merged = merge(defaults, overrides);
    cache.set(overrides, { snap: snapshot(overrides), merged });
    return merged;
  };
}

/** Replaces `{name}` placeholders. */
export function formatString(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}

/** Picks `one`/`other` (etc.) by Intl plural rules, then formats `{count}`. */
export function plural(
  lang: string,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
  count: number,
  values: Record<string, string | number> = {},
): string {
  // unknown locale: 'other'
  const rule: Intl.LDMLPluralRule = pluralRules(lang)?.select(count) ?? 'other';
  return formatString(forms[rule] ?? forms.other, { count: formatNumber(lang, count), ...values });
}

export function formatNumber(lang: string, n: number): string {
  return numberFormat(lang)?.format(n) ?? String(n);
}

/** The nearest `attr` value on the element or an ancestor, crossing shadow roots. */
export function closestAttribute(el: Element, attr: string): string | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute(attr)) return node.getAttribute(attr);
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/** The element's language: its own or an ancestor's `lang`, else the browser's. */
export function resolveLang(el: Element): string {
  const lang = closestAttribute(el, 'lang');
  if (lang) return lang;
  return typeof navigator !== 'undefined' ? navigator.language : 'en';
}
