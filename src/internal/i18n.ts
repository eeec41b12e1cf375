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
