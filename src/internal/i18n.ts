/**
 * Localization helpers: every element has a string table of defaults that a
 * host overrides with a partial `i18n` object; `lang` comes from the element
 * or its nearest ancestor (across shadow roots).
 */

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
  let rule: Intl.LDMLPluralRule = 'other';
  try {
    rule = new Intl.PluralRules(lang).select(count);
  } catch {
    /* unknown locale: 'other' */
  }
  return formatString(forms[rule] ?? forms.other, { count: formatNumber(lang, count), ...values });
}

export function formatNumber(lang: string, n: number): string {
  try {
    return new Intl.NumberFormat(lang).format(n);
  } catch {
    return String(n);
  }
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
