/**
 * The sweep's own checks can fail: each detector flags a planted problem and
 * passes a clean element.
 */
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import { HOSTILE_STRINGS, HOSTILE_URLS, MALFORMED_BODIES, NOT_RECORDS, WRONG_TYPES } from './hostile-strings.js';
import { auditDom, deepText, installTraps, isHttpUrl, prototypePolluted, squash } from './sweep-support.js';

class SweepProbe extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  static override properties = { text: {} };
  text = '';

  override render() {
    return html`<p>${this.text}</p>`;
  }
}
customElements.define('sweep-probe', SweepProbe);

async function probe(props: { text?: string }): Promise<SweepProbe> {
  const el = await fixture<SweepProbe>(testHtml`<div><sweep-probe></sweep-probe></div>`);
  const p = el.querySelector('sweep-probe') as SweepProbe;
  Object.assign(p, props);
  await p.updateComplete;
  return p;
}

describe('security sweep support', () => {
  it('has a corpus of at least 60 hostile strings in every category, with unique ids', () => {
    expect(HOSTILE_STRINGS.length).to.be.at.least(60);
    expect(new Set(HOSTILE_STRINGS.map((h) => h.id)).size).to.equal(HOSTILE_STRINGS.length);
    const categories = new Set(HOSTILE_STRINGS.map((h) => h.category));
    for (const c of [
      'script',
      'event-handler',
      'svg-mathml',
      'frame-object',
      'url',
      'css',
      'bidi-zero-width',
      'long',
      'lit-marker',
      'prototype-key',
    ]) {
      expect(categories, c).to.include(c);
    }
    expect(HOSTILE_STRINGS.some((h) => h.value.length >= 100_000)).to.equal(true);
    expect(HOSTILE_URLS.filter((u) => /^\s*javascript/i.test(u)).length).to.be.at.least(3);
    expect(WRONG_TYPES.length).to.be.at.least(8);
    expect(NOT_RECORDS.length).to.be.at.least(10);
    expect(MALFORMED_BODIES.length).to.be.at.least(8);
  });

  it('flags elements, handlers, styles and URLs a payload could inject', async () => {
    const el = await probe({ text: 'x' });
    const make = (tag: string, attrs: Record<string, string> = {}, ns?: string) => {
      const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      return node;
    };
    const svg = make('svg', {}, 'http://www.w3.org/2000/svg');
    svg.append(make('animate', { attributeName: 'x' }, 'http://www.w3.org/2000/svg'));
    el.shadowRoot!.append(
      make('b'),
      make('a', { href: 'javascript:void 0' }),
      make('img', { src: 'data:image/png;base64,AA==' }),
      make('style'),
      svg,
      make('math', {}, 'http://www.w3.org/1998/Math/MathML'),
      make('iframe', { srcdoc: 'x' }),
      make('div', { style: 'background:url(javascript:void 0)' }),
      make('object', { data: 'x' }),
      make('span', { onclick: 'void 0' }),
    );
    const problems = auditDom(el.parentElement!).join('\n');
    for (const expected of [
      'forbidden element <b>',
      'href="javascript:void 0"',
      'src="data:image/png',
      'forbidden element <style>',
      'foreign SVG element <animate>',
      'MathML element <math>',
      'forbidden element <iframe>',
      'srcdoc on <iframe>',
      'style attribute',
      'forbidden element <object>',
      'inline handler onclick',
    ]) {
      expect(problems).to.include(expected);
    }
  });

  it('flags a style sheet adopted from elsewhere', async () => {
    const el = await probe({ text: 'x' });
    const foreign = new CSSStyleSheet();
    el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, foreign];
    expect(auditDom(el).join('\n')).to.include("adopted style sheet that is not sweep-probe's own");
  });

  it('passes text bindings of every hostile string', async () => {
    for (const h of HOSTILE_STRINGS.slice(0, 40)) {
      const el = await probe({ text: h.value });
      expect(auditDom(el), `payload ${h.id}`).to.deep.equal([]);
      expect(squash(deepText(el))).to.equal(squash(h.value));
    }
  });

  it('traps payloads that run', () => {
    const traps = installTraps();
    try {
      (window as unknown as { __pwned: (id: number) => void }).__pwned(7);
      window.alert('XSS');
      expect(traps.hits).to.deep.equal(['__pwned(7)', 'alert(XSS)']);
    } finally {
      traps.restore();
    }
  });

  it('tells http(s) URLs from the rest and sees prototype pollution', () => {
    expect(isHttpUrl('https://example.com/a.png')).to.equal(true);
    for (const bad of ['javascript:x', ' https://x', '//x.example', 'data:,x', 'https://', 'blob:https://x/1']) {
      expect(isHttpUrl(bad), bad).to.equal(false);
    }
    expect(prototypePolluted()).to.equal(false);
    (Object.prototype as Record<string, unknown>).polluted = true;
    try {
      expect(prototypePolluted()).to.equal(true);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });
});
