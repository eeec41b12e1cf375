/**
 * Template placeholders named like Object.prototype members (`{{constructor}}`,
 * `{{toString}}`, `{{__proto__}}`) are plain keys: the composer renders the
 * form, takes the values and sends them, and nothing leaks in from the prototype.
 */
import { expect, waitUntil } from '@open-wc/testing';
import {
  previewSegments,
  templateVariables,
  validateTemplate,
} from '../../src/components/message-composer/template-fill.js';
import type { SendRequest, Template } from '../../src/data/models.js';
import {
  conversationSeed,
  newAdapter,
  part,
  parts,
  renderComposer,
  sends,
  HOUR,
} from '../components/message-composer.helpers.js';
import { PROTOTYPE_KEYS } from './hostile-strings.js';
import { installTraps, prototypePolluted } from './sweep-support.js';

const KEYS = PROTOTYPE_KEYS.filter((k) => k !== '__proto__');
const TEMPLATE: Template = {
  name: 'prototype_keys',
  language: 'en',
  body: KEYS.map((k) => `${k}={{${k}}}`).join(' ') + ' proto={{__proto__}}',
  variables: [...KEYS, '__proto__'].map((key) => ({ key })),
};

describe('security: template placeholders named like prototype members', () => {
  it('template-fill treats them as plain keys (no values from Object.prototype)', () => {
    const empty: Record<string, string> = {};
    expect(() => previewSegments(TEMPLATE, empty)).to.not.throw();
    const problems = validateTemplate(TEMPLATE, empty);
    expect(Object.keys(problems).sort()).to.deep.equal([...KEYS, '__proto__'].sort());
    const values = Object.fromEntries([...KEYS, '__proto__'].map((k) => [k, `v-${k}`]));
    const vars = templateVariables(TEMPLATE, values, 'by-name-with-variables') as Record<string, string>;
    for (const k of [...KEYS, '__proto__']) {
      expect(Object.prototype.hasOwnProperty.call(vars, k), k).to.equal(true);
      expect(vars[k], k).to.equal(`v-${k}`);
    }
    expect(prototypePolluted()).to.equal(false);
  });

  it('the composer renders the form for them, sends their values, and nothing runs', async () => {
    const traps = installTraps();
    try {
      const adapter = newAdapter({ seed: [conversationSeed('closed', 30 * HOUR)], templates: [TEMPLATE] });
      const { el } = await renderComposer({ adapter, selected: 'closed' });
      await waitUntil(() => {
        const select = part<HTMLSelectElement>(el, 'templates');
        return select && !select.disabled;
      }, 'no template picker');
      const select = part<HTMLSelectElement>(el, 'templates')!;
      select.value = '0';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      const fields = parts<HTMLInputElement>(el, 'variable');
      expect(fields, 'one input per placeholder').to.have.length(KEYS.length + 1);
      for (const f of fields) expect(f.value, 'inputs start empty').to.equal('');
      for (const [i, f] of fields.entries()) {
        f.value = `value-${i}`;
        f.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await el.updateComplete;
      part<HTMLButtonElement>(el, 'send')!.click();
      await waitUntil(() => sends(adapter).length === 1, 'the template was not sent');
      const request = sends(adapter)[0] as Extract<SendRequest, { kind: 'template' }>;
      const vars = request.variables as Record<string, string>;
      for (const k of [...KEYS, '__proto__']) expect(Object.prototype.hasOwnProperty.call(vars, k), k).to.equal(true);
      expect(traps.hits).to.deep.equal([]);
      expect(traps.errors).to.deep.equal([]);
      expect(prototypePolluted()).to.equal(false);
      expect(el.state).to.not.equal('error');
    } finally {
      traps.restore();
    }
  });
});
