import { expect } from '@open-wc/testing';
import { memoStrings, mergeStrings } from '../../src/internal/i18n.js';

interface Table {
  hello: string;
  bye: string;
  errors: { network: string; server: string };
}

const DEFAULTS: Table = { hello: 'Hello', bye: 'Bye', errors: { network: 'Offline', server: 'Server error' } };

describe('memoStrings (internal/i18n)', () => {
  it('returns the defaults themselves without overrides', () => {
    const strings = memoStrings(DEFAULTS);
    expect(strings(undefined)).to.equal(DEFAULTS);
    expect(strings(null)).to.equal(DEFAULTS);
  });

  it('merges once per overrides object and hands back the same table after that', () => {
    let merges = 0;
    const strings = memoStrings(DEFAULTS, (d, o) => {
      merges++;
      return mergeStrings(d, o);
    });
    const i18n = { hello: 'Hallo' };
    const first = strings(i18n);
    expect(first).to.deep.equal({ ...DEFAULTS, hello: 'Hallo' });
    for (let i = 0; i < 20; i++) expect(strings(i18n)).to.equal(first);
    expect(merges).to.equal(1);
    // another object (even with the same content) is merged on its own
    const other = strings({ hello: 'Hallo' });
    expect(other).not.to.equal(first);
    expect(other).to.deep.equal(first);
    expect(merges).to.equal(2);
    // and the first is still cached
    expect(strings(i18n)).to.equal(first);
    expect(merges).to.equal(2);
  });

  it('notices overrides edited in place, one level deep', () => {
    const strings = memoStrings(DEFAULTS, (d, o) => ({
      ...mergeStrings(d, o),
      errors: { ...d.errors, ...o.errors },
    }));
    const i18n: Partial<Table> = { hello: 'Hallo', errors: { network: 'Kein Netz', server: 'Serverfehler' } };
    const first = strings(i18n);
    expect(first.errors.network).to.equal('Kein Netz');
    i18n.hello = 'Servus';
    expect(strings(i18n).hello).to.equal('Servus');
    i18n.bye = 'Tschüss';
    expect(strings(i18n).bye).to.equal('Tschüss');
    delete i18n.bye;
    expect(strings(i18n).bye).to.equal('Bye');
    i18n.errors!.network = 'Offline (de)';
    expect(strings(i18n).errors.network).to.equal('Offline (de)');
    const settled = strings(i18n);
    expect(strings(i18n)).to.equal(settled);
  });

  it('keeps tables of different elements apart', () => {
    const a = memoStrings(DEFAULTS);
    const b = memoStrings({ ...DEFAULTS, bye: 'Ciao' });
    const i18n = { hello: 'Hi' };
    expect(a(i18n).bye).to.equal('Bye');
    expect(b(i18n).bye).to.equal('Ciao');
    expect(a(i18n)).not.to.equal(b(i18n));
  });
});
