/** Intl-based date and time formatting for the element's `lang`. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The most formatters kept; a host cycling through many languages starts afresh past this. */
const MAX_CACHED_FORMATTERS = 256;

type IntlConstructor<T, O> = new (lang: string, options?: O) => T;

/**
 * Formatters by kind, locale and options. Building an `Intl.*` object costs
 * far more than using one (a list row formats several times per render), so
 * each is built once. A locale Intl rejects is cached as `null`.
 */
const formatters = new Map<string, unknown>();

function cachedIntl<T, O extends object>(
  kind: string,
  Ctor: IntlConstructor<T, O>,
  lang: string,
  options: O | undefined,
): T | null {
  const key = `${kind}\u0000${lang}\u0000${options ? JSON.stringify(options) : ''}`;
  let value = formatters.get(key) as T | null | undefined;
  if (value === undefined) {
    try {
      value = new Ctor(lang, options);
    } catch {
      value = null; // unknown locale or options: callers fall back
    }
    if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
    formatters.set(key, value);
  }
  return value;
}

/** A shared `Intl.DateTimeFormat` for `lang` and `options` (null when Intl rejects them). */
export function dateTimeFormat(lang: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | null {
  return cachedIntl('dtf', Intl.DateTimeFormat, lang, options);
}

/** A shared `Intl.RelativeTimeFormat` for `lang` and `options` (null when Intl rejects them). */
export function relativeTimeFormat(
  lang: string,
  options?: Intl.RelativeTimeFormatOptions,
): Intl.RelativeTimeFormat | null {
  return cachedIntl('rtf', Intl.RelativeTimeFormat, lang, options);
}

/** A shared `Intl.NumberFormat` for `lang` and `options` (null when Intl rejects them). */
export function numberFormat(lang: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat | null {
  return cachedIntl('nf', Intl.NumberFormat, lang, options);
}

/** Shared `Intl.PluralRules` for `lang` and `options` (null when Intl rejects them). */
export function pluralRules(lang: string, options?: Intl.PluralRulesOptions): Intl.PluralRules | null {
  return cachedIntl('pr', Intl.PluralRules, lang, options);
}

const RELATIVE_SHORT: Intl.RelativeTimeFormatOptions = { numeric: 'auto', style: 'short' };
const RELATIVE_AUTO: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const FULL_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const SHORT_DAY: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };
const SHORT_DAY_YEAR: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', year: 'numeric' };

/** "5 min ago", "yesterday", or a date for older times. */
export function formatRelative(iso: string | undefined, lang: string, now = Date.now()): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = t - now;
  const abs = Math.abs(diff);
  const rtf = relativeTimeFormat(lang, RELATIVE_SHORT);
  if (!rtf) return new Date(t).toISOString();
  if (abs < MINUTE) return rtf.format(0, 'second');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  if (abs < 7 * DAY) return rtf.format(Math.round(diff / DAY), 'day');
  return formatDate(iso, lang, abs > 300 * DAY ? SHORT_DAY_YEAR : SHORT_DAY);
}

export function formatDate(iso: string, lang: string, options: Intl.DateTimeFormatOptions): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const dtf = dateTimeFormat(lang, options);
  if (!dtf) return d.toISOString();
  try {
    return dtf.format(d);
  } catch {
    return d.toISOString();
  }
}

/** "14:05" / "2:05 PM" as the locale writes it. */
export function formatTime(iso: string, lang: string): string {
  return formatDate(iso, lang, TIME);
}

/** Full date and time, for titles and screen readers. */
export function formatDateTime(iso: string, lang: string): string {
  return formatDate(iso, lang, DATE_TIME);
}

/** Local calendar day key (YYYY-MM-DD) of a timestamp (an ISO string or milliseconds since the epoch). */
export function dayKey(iso: string | number): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Today", "Yesterday" (localized by Intl), else a full date. */
export function formatDay(iso: string, lang: string, now = Date.now()): string {
  const start = (ms: number) => {
    const d = new Date(ms);
    d.setHours(0, 0, 0, 0);
    return d.getTime();
  };
  const days = Math.round((start(Date.parse(iso)) - start(now)) / DAY);
  if (days === 0 || days === -1) {
    const rtf = relativeTimeFormat(lang, RELATIVE_AUTO);
    if (rtf) {
      const s = rtf.format(days, 'day');
      return s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);
    }
  }
  return formatDate(iso, lang, FULL_DAY);
}

const UNIT_OPTIONS: Record<'hour' | 'minute', Intl.NumberFormatOptions> = {
  hour: { style: 'unit', unit: 'hour', unitDisplay: 'narrow' },
  minute: { style: 'unit', unit: 'minute', unitDisplay: 'narrow' },
};

/** A short duration such as "3 h 20 min", for window countdowns. */
export function formatDuration(ms: number, lang: string): string {
  const total = Math.max(0, Math.round(ms / MINUTE));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const unit = (value: number, u: 'hour' | 'minute') =>
    numberFormat(lang, UNIT_OPTIONS[u])?.format(value) ?? `${value}${u[0]}`;
  if (h && m) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  if (h) return unit(h, 'hour');
  return unit(m, 'minute');
}

/**
 * Builds the formatters a list row uses (relative times, hour and minute
 * durations, counts) for `lang` ahead of time, so the first render formats
 * with cached ones instead of building each `Intl` object in the middle of
 * it. `<inbox-list>` calls this once, when its module loads, for the page's
 * language; other languages build theirs on first use as before.
 */
export function prepareListFormatters(lang: string): void {
  relativeTimeFormat(lang, RELATIVE_SHORT);
  numberFormat(lang);
  numberFormat(lang, UNIT_OPTIONS.hour);
  numberFormat(lang, UNIT_OPTIONS.minute);
}
