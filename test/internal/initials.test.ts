import { expect } from '@open-wc/testing';
import { initials } from '../../src/internal/initials.js';

describe('initials (internal/initials)', () => {
  it('takes the first letter or digit of the first and last words that have one', () => {
    expect(initials('Amelia van der Watson', 'en')).to.equal('AW');
    expect(initials('  madonna  ', 'en')).to.equal('M');
    expect(initials('(Anna) — Ruiz!', 'en'), 'punctuation is skipped').to.equal('AR');
    expect(initials('24/7 support', 'en')).to.equal('2S');
    expect(initials('émile zola', 'fr')).to.equal('ÉZ');
    expect(initials('Νίκος Παππάς', 'el')).to.equal('ΝΠ');
    expect(initials('محمد علي', 'ar')).to.equal('مع');
  });

  it('falls back when the name has no letter or digit, or is missing', () => {
    expect(initials('— · !', 'en')).to.equal('#');
    expect(initials(undefined, 'en')).to.equal('#');
    expect(initials('', 'en', '?')).to.equal('?');
  });

  it('upper-cases for the language, and by default where Intl rejects the language tag', () => {
    expect(initials('ilker ışık', 'en')).to.equal('II');
    expect(initials('ilker ışık', 'tr')).to.equal('İI');
    expect(initials('ilse ray', 'en_US')).to.equal('IR');
    expect(initials('ilse ray', 'not a tag!')).to.equal('IR');
  });
});
