import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import {
  conversationSeed,
  errorTexts,
  HOUR,
  input,
  newAdapter,
  part,
  press,
  renderComposer,
  sends,
  type,
} from './message-composer.helpers.js';

describe('<message-composer>', () => {
  it('is defined and registering it again does not throw', () => {
    expect(customElements.get('message-composer')).to.equal(MessageComposer);
    expect(() => MessageComposer.define('message-composer')).not.to.throw();
  });

  describe('states', () => {
    it('is initial and disabled with a visible reason when nothing is selected', async () => {
      const { el } = await renderComposer({ selected: null });
      expect(el.getAttribute('state')).to.equal('initial');
      const textarea = input(el);
      expect(textarea.disabled).to.equal(true);
      const notice = part(el, 'notice')!;
      expect(notice.textContent).to.contain('Select a conversation');
      expect(textarea.getAttribute('aria-describedby')).to.contain(notice.id);
      expect(part<HTMLButtonElement>(el, 'send')!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('is initial without a provider or source', async () => {
      const el = await fixture<MessageComposer>(html`<message-composer></message-composer>`);
      expect(el.getAttribute('state')).to.equal('initial');
      expect(input(el).disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('is ready when a conversation is selected', async () => {
      const { el } = await renderComposer();
      expect(el.getAttribute('state')).to.equal('ready');
      expect(input(el).disabled).to.equal(false);
      expect(part(el, 'notice')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('is disabled with a reason when the backend cannot send', async () => {
      const adapter = newAdapter({ capabilities: { send: { text: false, template: 'none' } } });
      const { el } = await renderComposer({ adapter });
      expect(el.getAttribute('state')).to.equal('ready');
      expect(input(el).disabled).to.equal(true);
      expect(part(el, 'notice')!.textContent).to.contain('cannot send messages');
      expect(input(el).getAttribute('aria-describedby')).to.contain('notice');
      await expect(el).to.be.accessible();
    });

    it('works with its own source and no provider', async () => {
      const adapter = newAdapter({ seed: [conversationSeed('solo', 1 * HOUR)] });
      const el = await fixture<MessageComposer>(
        html`<message-composer conversation-id="solo" .source=${adapter}></message-composer>`,
      );
      expect(el.getAttribute('state')).to.equal('ready');
      await type(el, 'Hi');
      await press(el, 'Enter');
      await waitUntil(() => sends(adapter).length === 1);
      expect(sends(adapter)[0]).to.include({ kind: 'text', conversationId: 'solo', text: 'Hi' });
    });
  });

  describe('conversation', () => {
    it('follows the provider selection', async () => {
      const { el, store, adapter } = await renderComposer();
      store.select('conv-003');
      await el.updateComplete;
      await type(el, 'For three');
      await press(el, 'Enter');
      await waitUntil(() => sends(adapter).length === 1);
      expect(sends(adapter)[0].conversationId).to.equal('conv-003');
    });

    it('writes to its conversation-id over the selection', async () => {
      const { el, adapter } = await renderComposer({
        template: html`<message-composer conversation-id="conv-005"></message-composer>`,
      });
      await type(el, 'Pinned');
      await press(el, 'Enter');
      await waitUntil(() => sends(adapter).length === 1);
      expect(sends(adapter)[0].conversationId).to.equal('conv-005');
    });
  });

  describe('length limit', () => {
    it('uses the dialect limit, lowered by max-length', async () => {
      const adapter = newAdapter({ capabilities: { send: { textMaxLength: 10 } } });
      const { el } = await renderComposer({
        adapter,
        template: html`<message-composer max-length="20"></message-composer>`,
      });
      await type(el, '123456789');
      expect(part(el, 'counter')!.textContent).to.contain('9 / 10');
    });

    it('hides the counter until the last 10 % of the limit', async () => {
      const { el } = await renderComposer({ template: html`<message-composer max-length="20"></message-composer>` });
      await type(el, '1234567890123456');
      expect(part(el, 'counter')).to.equal(null);
      await type(el, '78');
      const counter = part(el, 'counter')!;
      expect(counter.textContent).to.contain('18 / 20');
      expect(counter.textContent).to.contain('2 characters left');
      expect(input(el).getAttribute('aria-describedby')).to.contain('counter');
      expect(input(el).getAttribute('aria-invalid')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('holds the documented 4,096 characters by default, and says so over them', async () => {
      const { el, adapter } = await renderComposer();
      const textarea = input(el);
      textarea.focus();
      textarea.value = 'a'.repeat(4096);
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(part(el, 'counter')!.textContent).to.contain('4,096 / 4,096');
      await sendKeys({ type: 'b' });
      await el.updateComplete;
      expect(part(el, 'counter')!.dataset.state).to.equal('over');
      expect(part(el, 'counter')!.textContent).to.contain('4,097 / 4,096');
      await press(el, 'Enter');
      expect(errorTexts(el).join()).to.contain('4,096');
      expect(sends(adapter)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('describes an over-long message and does not send it', async () => {
      const { el, adapter } = await renderComposer({
        template: html`<message-composer max-length="5"></message-composer>`,
      });
      await type(el, 'abcdefg');
      const counter = part(el, 'counter')!;
      expect(counter.dataset.state).to.equal('over');
      expect(counter.textContent).to.contain('2 characters over the limit');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      await press(el, 'Enter');
      expect(errorTexts(el).join()).to.contain('too long');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(input(el).value).to.equal('abcdefg');
      expect(sends(adapter)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('does not send a blank message and says why', async () => {
      const { el, adapter } = await renderComposer();
      await type(el, '   ');
      await press(el, 'Enter');
      expect(errorTexts(el).join()).to.contain('Write a message');
      expect(input(el).getAttribute('aria-describedby')).to.contain('validation-error');
      expect(sends(adapter)).to.have.length(0);
      await expect(el).to.be.accessible();
      await type(el, 'x');
      expect(part(el, 'error')).to.equal(null);
    });
  });

  describe('properties', () => {
    it('replaces strings through i18n', async () => {
      const { el } = await renderComposer({ selected: null });
      el.i18n = { placeholder: 'Écrire un message', noConversation: 'Choisissez une conversation.' };
      await el.updateComplete;
      expect(input(el).placeholder).to.equal('Écrire un message');
      expect(part(el, 'notice')!.textContent).to.contain('Choisissez');
    });

    it('renders the theme on its base part', async () => {
      const { el } = await renderComposer({ template: html`<message-composer theme="dark"></message-composer>` });
      expect(part(el, 'base')!.dataset.theme).to.equal('dark');
      await expect(el).to.be.accessible();
    });

    it('keeps typed text out of the markup (no HTML parsing)', async () => {
      const { el } = await renderComposer({
        template: html`<message-composer max-length="30"></message-composer>`,
      });
      await type(el, '<img src=x onerror=alert(1)>');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('has an RTL-friendly input', async () => {
      const { el } = await renderComposer();
      const textarea = input(el);
      expect(textarea.getAttribute('dir')).to.equal('auto');
      expect(textarea.getAttribute('enterkeyhint')).to.equal('send');
      expect(textarea.tagName).to.equal('TEXTAREA');
    });
  });

  it('works with a fresh adapter of its own per element', async () => {
    const adapter = new MemoryAdapter({ dialect: 'composer-own', seed: [conversationSeed('x', HOUR)] });
    const el = await fixture<MessageComposer>(
      html`<message-composer conversation-id="x" .source=${adapter}></message-composer>`,
    );
    expect(part(el, 'window-notice')).not.to.equal(null);
  });
});
