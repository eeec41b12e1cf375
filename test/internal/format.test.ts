import { expect } from '@open-wc/testing';
import {
  dateTimeFormat,
  formatDate,
  formatDateTime,
  formatDay,
  formatDuration,
  formatRelative,
  formatTime,
  numberFormat,
  pluralRules,
  prepareListFormatters,
  relativeTimeFormat,
} from '../../src/internal/format.js';
import { formatNumber, plural } from '../../src/internal/i18n.js';

/** Replaces `Intl[name]` with a subclass that counts constructions, for the duration of `fn`. */
function countingConstructions(
  name: 'DateTimeFormat' | 'NumberFormat' | 'PluralRules' | 'RelativeTimeFormat',
  fn: () => void,
): number {
  const intl = Intl as unknown as Record<string, new (...args: unknown[]) => object>;
  const Original = intl[name];
  let count = 0;
  intl[name] = class extends Original {
    constructor(...args: unknown[]) {
      super(...args);
      count++;
    }
  };
  try {
    fn();
  } finally {
    intl[name] = Original;
  }
  return count;
}

describe('Intl formatter cache (internal/format)', () => {
  it('returns the same formatter for the same locale and equal options', () => {
    const a = dateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
    const b = dateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
    expect(a).to.be.instanceOf(Intl.DateTimeFormat);
    expect(b).to.equal(a);
    expect(relativeTimeFormat('de', { numeric: 'auto' })).to.equal(relativeTimeFormat('de', { numeric: 'auto' }));
    expect(numberFormat('fr')).to.equal(numberFormat('fr'));
    expect(pluralRules('ar')).to.equal(pluralRules('ar'));
  });

  it('keeps formatters apart by locale, options and kind', () => {
    const en = dateTimeFormat('en', { hour: 'numeric' });
    expect(dateTimeFormat('de', { hour: 'numeric' })).not.to.equal(en);
    expect(dateTimeFormat('en', { minute: 'numeric' })).not.to.equal(en);
    expect(dateTimeFormat('en')).not.to.equal(en);
    expect(dateTimeFormat('de', { hour: 'numeric' })!.resolvedOptions().locale).to.equal('de');
    expect(numberFormat('en', { style: 'percent' })!.format(0.5)).to.equal('50%');
    expect(numberFormat('en')!.format(0.5)).to.equal('0.5');
  });

  it('builds each formatter once however often the helpers format', () => {
    // a locale no other test uses, so the cache starts cold for it
    const lang = 'en-NZ';
    const iso = '2024-03-05T14:07:00Z';
    const built = countingConstructions('DateTimeFormat', () => {
      for (let i = 0; i < 50; i++) {
        formatTime(iso, lang);
        formatDateTime(iso, lang);
      }
    });
    expect(built).to.equal(2);
    const numbers = countingConstructions('NumberFormat', () => {
      for (let i = 0; i < 50; i++) {
        formatDuration((3 * 60 + 20) * 60_000, lang);
        formatNumber(lang, i);
      }
    });
    expect(numbers).to.equal(3); // hours, minutes, plain numbers
    const rules = countingConstructions('PluralRules', () => {
      for (let i = 0; i < 50; i++) plural(lang, { one: '# one', other: '# other' }, i);
    });
    expect(rules).to.equal(1);
  });

  it('prepares, ahead of a list render, every formatter a list row then uses', () => {
    // a locale no other test uses, so the cache starts cold for it
    const lang = 'en-IE';
    const now = Date.parse('2024-03-05T14:07:00Z');
    const prepared = countingConstructions('NumberFormat', () => prepareListFormatters(lang));
    expect(prepared).to.equal(3); // counts, hours, minutes
    const row = () => {
      formatRelative('2024-03-05T13:50:00Z', lang, now);
      formatRelative('2024-03-05T09:00:00Z', lang, now);
      formatDuration(5 * 3_600_000, lang);
      formatDuration(20 * 60_000, lang);
      formatNumber(lang, 12);
    };
    expect(countingConstructions('NumberFormat', row), 'no number formatter built while rendering').to.equal(0);
    expect(countingConstructions('RelativeTimeFormat', row), 'no relative time formatter built either').to.equal(0);
    expect(formatDuration(5 * 3_600_000, lang)).to.equal(
      new Intl.NumberFormat(lang, { style: 'unit', unit: 'hour', unitDisplay: 'narrow' }).format(5),
    );
  });

  it('formats exactly as a fresh formatter would', () => {
    const iso = '2024-03-05T14:07:00Z';
    const d = new Date(iso);
    for (const lang of ['en', 'de', 'ar-EG', 'ja']) {
      expect(formatTime(iso, lang)).to.equal(
        new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' }).format(d),
      );
      expect(formatDateTime(iso, lang)).to.equal(
        new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d),
      );
      expect(formatNumber(lang, 12345)).to.equal(new Intl.NumberFormat(lang).format(12345));
    }
    const now = Date.parse(iso);
    const rtf = new Intl.RelativeTimeFormat('de', { numeric: 'auto', style: 'short' });
    expect(formatRelative(new Date(now - 5 * 60_000).toISOString(), 'de', now)).to.equal(rtf.format(-5, 'minute'));
    expect(formatRelative(new Date(now - 3 * 3_600_000).toISOString(), 'de', now)).to.equal(rtf.format(-3, 'hour'));
    const old = new Date(now - 400 * 86_400_000).toISOString();
    expect(formatRelative(old, 'en', now)).to.equal(
      new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(old)),
    );
    const recent = new Date(now - 30 * 86_400_000).toISOString();
    expect(formatRelative(recent, 'en', now)).to.equal(
      new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).format(new Date(recent)),
    );
    expect(formatDay(iso, 'en', now)).to.equal('Today');
    expect(formatDuration((3 * 60 + 20) * 60_000, 'en')).to.equal(
      `${new Intl.NumberFormat('en', { style: 'unit', unit: 'hour', unitDisplay: 'narrow' }).format(3)} ${new Intl.NumberFormat('en', { style: 'unit', unit: 'minute', unitDisplay: 'narrow' }).format(20)}`,
    );
  });

  it('falls back where Intl rejects the locale, every time', () => {
    const iso = '2024-03-05T14:07:00Z';
    expect(dateTimeFormat('not a locale!')).to.equal(null);
    expect(dateTimeFormat('not a locale!')).to.equal(null);
    expect(formatDate(iso, 'not a locale!', { hour: 'numeric' })).to.equal(new Date(iso).toISOString());
    expect(formatDate(iso, 'not a locale!', { hour: 'numeric' })).to.equal(new Date(iso).toISOString());
    expect(formatNumber('not a locale!', 1234)).to.equal('1234');
    expect(plural('not a locale!', { one: 'one', other: '{count} other' }, 1)).to.equal('1 other');
    expect(formatDuration(20 * 60_000, 'not a locale!')).to.equal('20m');
    expect(formatDate('not a date', 'en', { hour: 'numeric' })).to.equal('');
  });
});
