import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { TEMPLATES } from '../../src/adapters/memory/fixtures.js';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import type { SendTemplate, Template } from '../../src/data/models.js';
import type { InboxMessageSendDetail } from '../../src/events/events.js';
import {
  conversationSeed,
  errorTexts,
  HOUR,
  input,
  MINUTE,
  newAdapter,
  part,
  parts,
  press,
  renderComposer,
  sends,
  type,
} from './message-composer.helpers.js';

const seed = () => [
  conversationSeed('open', 20 * HOUR + 40 * MINUTE), // 3 h 20 min left
  conversationSeed('closing', 23 * HOUR + 25 * MINUTE), // 35 min left
  conversationSeed('closed', 30 * HOUR),
  conversationSeed('unknown', undefined),
];

async function pickTemplate(el: MessageComposer, name: string): Promise<void> {
  await waitUntil(
    () => part<HTMLSelectElement>(el, 'templates') && !part<HTMLSelectElement>(el, 'templates')!.disabled,
  );
  const select = part<HTMLSelectElement>(el, 'templates')!;
  const option = [...select.options].find((o) => o.textContent.includes(name))!;
  select.value = option.value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function fill(el: MessageComposer, index: number, text: string): Promise<void> {
  parts<HTMLInputElement>(el, 'variable')[index].focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<message-composer> service window', () => {
  it('counts down while the window is open', async () => {
    const { el } = await renderComposer({ adapter: newAdapter({ seed: seed() }), selected: 'open' });
    const notice = part(el, 'window-notice')!;
    expect(notice.dataset.state).to.equal('open');
    expect(notice.textContent).to.match(/Window open · 3\s?h 20\s?m(in)? left/);
    expect(input(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('warns in the last hour', async () => {
    const { el } = await renderComposer({ adapter: newAdapter({ seed: seed() }), selected: 'closing' });
    const notice = part(el, 'window-notice')!;
    expect(notice.dataset.state).to.equal('closing');
    expect(notice.textContent).to.match(/closes in 3[45]\s?m/);
    expect(input(el).getAttribute('aria-describedby')).to.contain('window-notice');
    await expect(el).to.be.accessible();
  });

  it('stays permissive when the window is unknown', async () => {
    const { el, adapter } = await renderComposer({ adapter: newAdapter({ seed: seed() }), selected: 'unknown' });
    expect(part(el, 'window-notice')).to.equal(null);
    await expect(el).to.be.accessible();
    await type(el, 'Anyone there?');
    await press(el, 'Enter');
    await waitUntil(() => sends(adapter).length === 1);
    expect(sends(adapter)[0].kind).to.equal('text');
  });

  it('takes the window from the backend over the prediction', async () => {
    const now = Date.now();
    const closedByBackend = conversationSeed('backend-closed', 2 * HOUR);
    closedByBackend.conversation.window = {
      source: 'backend',
      isOpen: false,
      expiresAt: new Date(now - MINUTE).toISOString(),
    };
    const openByBackend = conversationSeed('backend-open', 30 * HOUR);
    openByBackend.conversation.window = {
      source: 'backend',
      isOpen: true,
      expiresAt: new Date(now + 2 * HOUR + 10 * MINUTE).toISOString(),
    };
    const adapter = newAdapter({ seed: [closedByBackend, openByBackend] });
    const { el, store } = await renderComposer({ adapter, selected: 'backend-closed' });
    // the last inbound message (2 h ago) predicts an open window; the backend says it closed
    expect(part(el, 'window-notice')!.dataset.state).to.equal('closed');
    expect(part(el, 'input')).to.equal(null);
    await waitUntil(() => part(el, 'templates'));
    store.select('backend-open');
    await waitUntil(() => part(el, 'input'));
    // predicted closed (30 h ago), open by the backend for another 2 h 10 min
    const notice = part(el, 'window-notice')!;
    expect(notice.dataset.state).to.equal('open');
    expect(notice.textContent).to.match(/2\s?h (9|10)\s?m(in)? left/);
    expect(notice.hasAttribute('title')).to.equal(false); // not marked as a prediction
    await expect(el).to.be.accessible();
  });

  describe('closed, with templates', () => {
    let el: MessageComposer;
    let adapter: ReturnType<typeof newAdapter>;

    beforeEach(async () => {
      ({ el, adapter } = await renderComposer({ adapter: newAdapter({ seed: seed() }), selected: 'closed' }));
      await waitUntil(
        () => part<HTMLSelectElement>(el, 'templates') && !part<HTMLSelectElement>(el, 'templates')!.disabled,
      );
    });

    it('blocks free text, explains why and offers the approved templates', async () => {
      const notice = part(el, 'window-notice')!;
      expect(notice.dataset.state).to.equal('closed');
      expect(notice.textContent).to.contain('window is closed');
      expect(notice.textContent).to.contain('approved template');
      expect(part(el, 'input')).to.equal(null);
      const options = [...part<HTMLSelectElement>(el, 'templates')!.options].map((o) => o.textContent.trim());
      expect(options).to.include('order_update · en');
      expect(adapter.calls.some((c) => c.op === 'listTemplates')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('validates required variables and patterns before sending', async () => {
      await pickTemplate(el, 'order_update');
      expect(part(el, 'template-preview')!.textContent).to.contain('[Customer name]');
      part<HTMLButtonElement>(el, 'send')!.click();
      await el.updateComplete;
      const fields = parts<HTMLInputElement>(el, 'variable');
      expect(fields.map((f) => f.getAttribute('aria-invalid'))).to.deep.equal(['true', 'true']);
      expect(errorTexts(el).join()).to.contain('Fill in');
      expect(sends(adapter)).to.have.length(0);
      await fill(el, 0, 'Amelia');
      await fill(el, 1, 'A-1');
      part<HTMLButtonElement>(el, 'send')!.click();
      await el.updateComplete;
      expect(fields[1].getAttribute('aria-invalid')).to.equal('true');
      expect(
        el.shadowRoot!.getElementById(fields[1].getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent,
      ).to.contain('wrong format');
      expect(sends(adapter)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('previews and sends the filled template with a map of variables', async () => {
      await pickTemplate(el, 'order_update');
      await fill(el, 0, 'Amelia');
      await fill(el, 1, '1042');
      const preview = part(el, 'template-preview')!.textContent.replace(/\s+/g, ' ');
      expect(preview).to.contain('Hi Amelia, your order 1042 is on its way.');
      // the bubble keeps white space (pre-wrap): it holds the message and nothing of the markup's own
      const bubble = part(el, 'template-preview')!.querySelector('.preview-bubble')!;
      expect(bubble.textContent).to.equal(
        'Hi Amelia, your order 1042 is on its way. Reply to this message if you have any questions.',
      );
      const fired = oneEvent(el, 'inbox-message-send');
      part<HTMLButtonElement>(el, 'send')!.click();
      const event = (await fired) as CustomEvent<InboxMessageSendDetail>;
      expect(event.cancelable).to.equal(true);
      await waitUntil(() => sends(adapter).length === 1);
      const request = sends(adapter)[0] as SendTemplate;
      expect(request).to.include({
        kind: 'template',
        conversationId: 'closed',
        templateName: 'order_update',
        language: 'en',
      });
      expect(request.variables).to.deep.equal({ 1: 'Amelia', 2: '1042' });
      expect(request.previewText).to.contain('Hi Amelia, your order 1042');
      expect(request.clientRef).to.equal(event.detail.request.clientRef);
      await el.updateComplete;
      expect(part<HTMLSelectElement>(el, 'templates')!.value).to.equal('-1');
      await expect(el).to.be.accessible();
    });

    it('sends nothing when the template send is cancelled', async () => {
      el.addEventListener('inbox-message-send', (e) => e.preventDefault());
      await pickTemplate(el, 'follow_up');
      part<HTMLButtonElement>(el, 'send')!.click();
      await el.updateComplete;
      expect(sends(adapter)).to.have.length(0);
    });

    it('asks for a template before sending', async () => {
      const form = el.shadowRoot!.querySelector('form')!;
      form.requestSubmit();
      await el.updateComplete;
      expect(errorTexts(el).join()).to.contain('Choose a template');
      expect(sends(adapter)).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  it('sends positional variables where the backend takes parameters', async () => {
    const adapter = newAdapter({ seed: seed(), capabilities: { send: { template: 'by-name-language-params' } } });
    const { el } = await renderComposer({ adapter, selected: 'closed' });
    await pickTemplate(el, 'order_update');
    await fill(el, 0, 'Amelia');
    await fill(el, 1, '7');
    part<HTMLButtonElement>(el, 'send')!.click();
    await waitUntil(() => sends(adapter).length === 1);
    expect((sends(adapter)[0] as SendTemplate).variables).to.deep.equal(['Amelia', '7']);
  });

  it('offers the provider templates where the backend cannot list them', async () => {
    const own: Template[] = [{ name: 'custom_hello', language: 'pt_BR', body: 'Olá {{1}}!' }];
    const adapter = newAdapter({ seed: seed(), templates: own, capabilities: { listTemplates: false } });
    const { el, provider, store } = await renderComposer({ adapter, selected: 'closed' });
    provider.options = { templates: own };
    await waitUntil(() => provider.inboxStore && provider.inboxStore !== store);
    await waitUntil(
      () => part<HTMLSelectElement>(el, 'templates') && !part<HTMLSelectElement>(el, 'templates')!.disabled,
    );
    const options = [...part<HTMLSelectElement>(el, 'templates')!.options].map((o) => o.textContent.trim());
    expect(options).to.include('custom_hello · pt_BR');
    expect(adapter.calls.some((c) => c.op === 'listTemplates')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says so when the backend cannot send templates', async () => {
    const adapter = newAdapter({ seed: seed(), capabilities: { send: { template: 'none' } } });
    const { el } = await renderComposer({ adapter, selected: 'closed' });
    expect(part(el, 'window-notice')!.textContent).to.contain('cannot send templates');
    expect(input(el).disabled).to.equal(true);
    expect(input(el).getAttribute('aria-describedby')).to.contain('window-notice');
    expect(part(el, 'templates')).to.equal(null);
    expect(part(el, 'template-toggle')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('switches to templates when a send fails outside the window', async () => {
    const adapter = newAdapter({ seed: seed() });
    const { el } = await renderComposer({ adapter, selected: 'open' });
    adapter.fail('send', 'outside_window', 1);
    await type(el, 'Too late');
    await press(el, 'Enter');
    await waitUntil(() => part(el, 'templates'));
    expect(part(el, 'window-notice')!.dataset.state).to.equal('closed');
    expect(errorTexts(el).join()).to.contain('24-hour window has closed');
    expect(el.getAttribute('state')).to.equal('error');
    await expect(el).to.be.accessible();
  });

  it('reopens free text when the customer writes after an outside-window failure', async () => {
    const adapter = newAdapter({ seed: seed() });
    const { el, store } = await renderComposer({ adapter, selected: 'open' });
    adapter.fail('send', 'outside_window', 1);
    await type(el, 'Too late');
    await press(el, 'Enter');
    await waitUntil(() => part(el, 'templates'));
    const message = adapter.receive('open', 'I am back');
    store.ingest({ type: 'message', conversationId: 'open', message });
    await el.updateComplete;
    expect(part(el, 'input')).not.to.equal(null);
    expect(input(el).value).to.equal('Too late');
    await expect(el).to.be.accessible();
  });

  it('lets the agent pick a template while the window is open, and go back', async () => {
    const { el } = await renderComposer({ adapter: newAdapter({ seed: seed() }), selected: 'open' });
    await type(el, 'kept');
    part<HTMLButtonElement>(el, 'template-toggle')!.click();
    await el.updateComplete;
    expect(part(el, 'input')).to.equal(null);
    expect(part(el, 'templates')).not.to.equal(null);
    await waitUntil(() => !part<HTMLSelectElement>(el, 'templates')!.disabled);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'template-toggle')!.click();
    await el.updateComplete;
    expect(input(el).value).to.equal('kept');
  });

  it('reports a failure to load templates and offers a retry', async () => {
    const adapter = newAdapter({ seed: seed() });
    adapter.fail('listTemplates', 'upstream', 1);
    const errors: string[] = [];
    const { el } = await renderComposer({
      adapter,
      selected: 'closed',
      template: html`<message-composer
        @inbox-error=${(e: CustomEvent<{ operation: string }>) => errors.push(e.detail.operation)}
      ></message-composer>`,
    });
    await waitUntil(() => errorTexts(el).join().includes('templates could not be loaded'));
    expect(errors).to.include('templates');
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'retry')!.click();
    await waitUntil(
      () => part<HTMLSelectElement>(el, 'templates') && !part<HTMLSelectElement>(el, 'templates')!.disabled,
    );
    expect([...part<HTMLSelectElement>(el, 'templates')!.options].length).to.equal(TEMPLATES.length + 1);
  });
});
