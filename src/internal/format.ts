/** Intl-based date and time formatting for the element's `lang`. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** "5 min ago", "yesterday", or a date for older times. */
export function formatRelative(iso: string | undefined, lang: string, now = Date.now()): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = t - now;
  const abs = Math.abs(diff);
  const rtf = safe(() => new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' }), null);
  if (!rtf) return new Date(t).toISOString();
  if (abs < MINUTE) return rtf.format(0, 'second');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  if (abs < 7 * DAY) return rtf.format(Math.round(diff / DAY), 'day');
  return formatDate(iso, lang, { month: 'short', day: 'numeric', year: abs > 300 * DAY ? 'numeric' : undefined });
}

export function formatDate(iso: string, lang: string, options: Intl.DateTimeFormatOptions): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return safe(() => new Intl.DateTimeFormat(lang, options).format(d), d.toISOString());
}

/** "14:05" / "2:05 PM" as the locale writes it. */
export function formatTime(iso: string, lang: string): string {
  return formatDate(iso, lang, { hour: 'numeric', minute: '2-digit' });
}

/** Full date and time, for titles and screen readers. */
export function formatDateTime(iso: string, lang: string): string {
  return formatDate(iso, lang, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Local calendar day key (YYYY-MM-DD) of a timestamp. */
export function dayKey(iso: string): string {
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
    const rtf = safe(() => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }), null);
    if (rtf) {
      const s = rtf.format(days, 'day');
      return s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);
    }
  }
  return formatDate(iso, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** A short duration such as "3 h 20 min", for window countdowns. */
export function formatDuration(ms: number, lang: string): string {
  const total = Math.max(0, Math.round(ms / MINUTE));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const unit = (value: number, u: 'hour' | 'minute') =>
    safe(
      () => new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(value),
      `${value}${u[0]}`,
    );
  if (h && m) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  if (h) return unit(h, 'hour');
  return unit(m, 'minute');
}
