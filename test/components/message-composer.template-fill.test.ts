import { expect } from '@open-wc/testing';
import { TEMPLATES } from '../../src/adapters/memory/fixtures.js';
import {
  checkValue,
  compilePattern,
  placeholderKeys,
  previewSegments,
  previewText,
  templateFields,
  templateVariables,
  validateTemplate,
} from '../../src/components/message-composer/template-fill.js';
import type { Template } from '../../src/data/models.js';

const order = TEMPLATES.find((t) => t.name === 'order_update')!;
const delivery = TEMPLATES.find((t) => t.name === 'delivery_window')!;

describe('template-fill', () => {
  describe('placeholderKeys', () => {
    it('lists each placeholder once, in order, with spaces allowed', () => {
      expect(placeholderKeys('Hi {{2}} and {{ 1 }}, {{2}} again, {{customer.name}}')).to.deep.equal([
        '2',
        '1',
        'customer.name',
      ]);
      expect(placeholderKeys(undefined)).to.deep.equal([]);
      expect(placeholderKeys('No variables {here}')).to.deep.equal([]);
    });
  });

  describe('templateFields', () => {
    it('uses the declared variables and adds undeclared placeholders as required', () => {
      const t: Template = { name: 't', body: 'A {{2}} B {{1}} C {{3}}', variables: [{ key: '1', label: 'First' }] };
      const fields = templateFields(t);
      expect(fields.map((f) => f.key)).to.deep.equal(['1', '2', '3']);
      expect(fields[0].label).to.equal('First');
    });

    it('has nothing to fill when the backend sends by name only', () => {
      expect(templateFields(order, 'by-name')).to.deep.equal([]);
      expect(templateFields(order, 'none')).to.deep.equal([]);
    });
  });

  describe('validation', () => {
    it('requires values unless a variable is optional', () => {
      expect(validateTemplate(delivery, {})).to.deep.equal({ customer_name: 'required', start_time: 'required' });
      expect(validateTemplate(delivery, { customer_name: 'Ana', start_time: '9' })).to.deep.equal({});
    });

    it('treats whitespace as empty', () => {
      expect(checkValue({ key: '1' }, '   ')).to.equal('required');
    });

    it('checks the pattern against the whole value', () => {
      expect(validateTemplate(order, { 1: 'Amelia', 2: 'A-42' })).to.deep.equal({ 2: 'pattern' });
      expect(validateTemplate(order, { 1: 'Amelia', 2: '42' })).to.deep.equal({});
      expect(checkValue({ key: 'x', pattern: '[0-9]+' }, '12a')).to.equal('pattern');
      expect(checkValue({ key: 'x', pattern: '[0-9]+' }, '12')).to.equal(undefined);
    });

    it('ignores a pattern that does not compile', () => {
      expect(compilePattern('([')).to.equal(null);
      expect(checkValue({ key: 'x', pattern: '([' }, 'anything')).to.equal(undefined);
    });

    it('does not check the pattern of an empty optional value', () => {
      expect(checkValue({ key: 'x', pattern: '[0-9]+', required: false }, '')).to.equal(undefined);
    });
  });

  describe('preview', () => {
    it('fills the values typed so far and marks the rest', () => {
      const segments = previewSegments(order, { 1: 'Amelia' });
      expect(segments.filter((s) => s.key !== undefined)).to.deep.equal([
        { key: '1', value: 'Amelia', filled: true },
        { key: '2', value: '', filled: false },
      ]);
      expect(previewText(order, { 1: 'Amelia', 2: '1042' })).to.equal(
        'Hi Amelia, your order 1042 is on its way. Reply to this message if you have any questions.',
      );
    });

    it('leaves an empty optional value out of the text', () => {
      expect(previewText(delivery, { customer_name: 'Ana', start_time: '09:00' })).to.equal(
        'Hi Ana, your delivery is scheduled between 09:00 and .',
      );
    });

    it('keeps placeholders as written when sending by name only', () => {
      expect(previewText(order, { 1: 'ignored' }, 'by-name')).to.equal(order.body);
    });

    it('uses the name when there is no body', () => {
      expect(previewText({ name: 'hello_world' }, {})).to.equal('hello_world');
    });
  });

  describe('templateVariables', () => {
    it('gives a key → value map for by-name-with-variables, without empty optional values', () => {
      expect(templateVariables(order, { 1: ' Amelia ', 2: '1042' }, 'by-name-with-variables')).to.deep.equal({
        1: 'Amelia',
        2: '1042',
      });
      expect(
        templateVariables(delivery, { customer_name: 'Ana', start_time: '9', end_time: '' }, 'by-name-with-variables'),
      ).to.deep.equal({ customer_name: 'Ana', start_time: '9' });
    });

    it('gives a positional array for by-name-language-params ({{1}} first)', () => {
      const t: Template = { name: 't', body: '{{2}} then {{1}}', variables: [{ key: '2' }, { key: '1' }] };
      expect(templateVariables(t, { 1: 'one', 2: 'two' }, 'by-name-language-params')).to.deep.equal(['one', 'two']);
    });

    it('keeps positions of named variables in field order, with empty optional ones as empty strings', () => {
      expect(
        templateVariables(delivery, { customer_name: 'Ana', start_time: '9' }, 'by-name-language-params'),
      ).to.deep.equal(['Ana', '9', '']);
    });

    it('gives nothing for by-name, none, or a template without variables', () => {
      expect(templateVariables(order, { 1: 'x' }, 'by-name')).to.equal(undefined);
      expect(templateVariables(order, { 1: 'x' }, 'none')).to.equal(undefined);
      const followUp = TEMPLATES.find((t) => t.name === 'follow_up')!;
      expect(templateVariables(followUp, {}, 'by-name-with-variables')).to.equal(undefined);
    });
  });
});
