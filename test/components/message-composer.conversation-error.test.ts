import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import { InboxError } from '../../src/data/errors.js';
import { de } from '../../src/locales/de.js';
import { renderFailingConversation, upstream502 } from '../support/failing-conversation.js';
import { conversationSeed, errorTexts, HOUR, input, newAdapter, part, sends } from './message-composer.helpers.js';

/** A composer for `conversation-id="c1"` (window open) with nothing listed, whose first fetch of c1 fails. */
async function renderFailing(error: InboxError | 'not_found' | 'server' = upstream502(), i18n?: object) {
  const adapter = newAdapter({ seed: [conversationSeed('c1', 2 * HOUR), conversationSeed('c2', HOUR)] });
  return renderFailingConversation<MessageComposer>(
    adapter,
    (onError) => html`<message-composer conversation-id="c1" .i18n=${i18n} @inbox-error=${onError}></message-composer>`,
    error,
  );
}

function sendButton(el: MessageComposer): HTMLButtonElement {
  return part<HTMLButtonElement>(el, 'send')!;
}

describe('<message-composer> when its conversation cannot be loaded', () => {
  it('says why with Retry, reports inbox-error and stays disabled (502)', async () => {
    const { el, errors, adapter } = await renderFailing();
    const error = el.shadowRoot!.querySelector<HTMLElement>('#conversation-error')!;
    expect(error.getAttribute('part')).to.equal('error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(errorTexts(el)).to.deep.equal(['The inbox is not answering right now. Try again in a moment. Retry']);
    expect(part(el, 'retry')!.textContent.trim()).to.equal('Retry');
    expect(errors.map((d) => [d.operation, d.conversationId, d.error.kind])).to.deep.equal([
      ['conversation', 'c1', 'upstream'],
    ]);
    expect(part(el, 'base')!.dataset.mode).to.equal('disabled');
    expect(input(el).disabled).to.equal(true);
    expect(input(el).getAttribute('aria-describedby')).to.equal('conversation-error');
    expect(sendButton(el).disabled).to.equal(true);
    // the error says why: no second "cannot send" notice
    expect(part(el, 'notice')).to.equal(null);
    sendButton(el).click();
    await el.updateComplete;
    expect(sends(adapter)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('fetches again on Retry, then can reply and shows the conversation’s window', async () => {
    const { el, adapter } = await renderFailing();
    part(el, 'retry')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#conversation-error')).to.equal(null);
    await waitUntil(() => el.state === 'ready', 'the composer did not recover');
    await waitUntil(() => part(el, 'window-notice'), 'the window of the loaded conversation is not shown');
    await el.updateComplete;
    expect(errorTexts(el)).to.deep.equal([]);
    expect(part(el, 'base')!.dataset.mode).to.equal('text');
    expect(input(el).disabled).to.equal(false);
    expect(part(el, 'window-notice')!.dataset.state).to.equal('open');
    expect(adapter.calls.filter((c) => c.op === 'getConversation')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('chooses the message by error kind, with a fallback, replaceable through i18n', async () => {
    const missing = await renderFailing('not_found');
    expect(errorTexts(missing.el)[0]).to.contain('This conversation could not be found.');
    await expect(missing.el).to.be.accessible();

    const other = await renderFailing('server');
    expect(errorTexts(other.el)[0]).to.contain('The conversation could not be loaded');

    const table = de['message-composer'];
    const german = await renderFailing('not_found', table);
    expect(errorTexts(german.el)[0]).to.contain(table.conversationErrors.not_found!);
    expect(part(german.el, 'retry')!.textContent.trim()).to.equal(table.retry);
  });

  it('reaches Retry with the keyboard; Enter recovers and moves focus to the input', async () => {
    const { el, provider } = await renderFailing();
    provider.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'retry'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'ready', 'the composer did not recover');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    await sendKeys({ type: 'Thanks!' });
    await el.updateComplete;
    expect(input(el).value).to.equal('Thanks!');
  });

  it('keeps focus on Retry when Retry fails too', async () => {
    const { el, adapter } = await renderFailing();
    adapter.fail('getConversation', 'network', 1);
    const event = oneEvent(el, 'inbox-error');
    part(el, 'retry')!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.error.kind).to.equal('network');
    await waitUntil(() => el.state === 'error');
    await el.updateComplete;
    expect(errorTexts(el)[0]).to.contain('no connection');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'retry'));
    await expect(el).to.be.accessible();
  });
});
