import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { SendText } from '../../src/data/models.js';
import type { InboxErrorDetail, InboxMessageSendDetail, InboxMessageSentDetail } from '../../src/events/events.js';
import { errorTexts, input, newAdapter, part, press, renderComposer, sends, type } from './message-composer.helpers.js';

describe('<message-composer> sending', () => {
  describe('optimistic send', () => {
    it('clears the input at once and shows the message as pending, then sent', async () => {
      const { el, adapter, store } = await renderComposer();
      const gate = adapter.hold('send');
      await type(el, 'Hello there');
      await press(el, 'Enter');
      expect(input(el).value).to.equal('');
      const pending = store.getThreadState('conv-001').messages.find((m) => m.text === 'Hello there');
      expect(pending?.status).to.equal('pending');
      expect(part(el, 'status')!.textContent).to.contain('Sending');
      await expect(el).to.be.accessible();
      await gate.reached;
      const sent = oneEvent(el, 'inbox-message-sent');
      gate.release();
      const event = (await sent) as CustomEvent<InboxMessageSentDetail>;
      expect(event.detail.message.text).to.equal('Hello there');
      expect(event.bubbles && event.composed).to.equal(true);
      const after = store.getThreadState('conv-001').messages.find((m) => m.clientRef === pending?.clientRef);
      expect(after?.status).to.equal('sent');
      await el.updateComplete;
      expect(part(el, 'status')!.textContent).to.equal('');
      expect(el.getAttribute('state')).to.equal('ready');
    });

    it('sends with the send button', async () => {
      const { el, adapter } = await renderComposer();
      await type(el, 'By click');
      part<HTMLButtonElement>(el, 'send')!.click();
      await waitUntil(() => sends(adapter).length === 1);
      expect(sends(adapter)[0]).to.include({ kind: 'text', conversationId: 'conv-001', text: 'By click' });
    });
  });

  describe('inbox-message-send', () => {
    it('is cancelable with the request in its detail', async () => {
      const { el } = await renderComposer();
      await type(el, 'Check me');
      const fired = oneEvent(el, 'inbox-message-send');
      await press(el, 'Enter');
      const event = (await fired) as CustomEvent<InboxMessageSendDetail>;
      expect(event.cancelable).to.equal(true);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.conversationId).to.equal('conv-001');
      expect(event.detail.text).to.equal('Check me');
      expect(event.detail.request).to.include({ kind: 'text', conversationId: 'conv-001', text: 'Check me' });
      expect((event.detail.request as SendText).clientRef).to.match(/^\S+$/);
    });

    it('sends nothing when cancelled and keeps the text', async () => {
      const { el, adapter } = await renderComposer();
      el.addEventListener('inbox-message-send', (e) => e.preventDefault());
      await type(el, 'Stop me');
      await press(el, 'Enter');
      expect(sends(adapter)).to.have.length(0);
      expect(input(el).value).to.equal('Stop me');
    });

    it('sends the text a listener assigned to detail.text', async () => {
      const { el, adapter, store } = await renderComposer();
      el.addEventListener('inbox-message-send', (e) => {
        e.detail.text = `${e.detail.text ?? ''} (signed: Sam)`;
      });
      await type(el, 'Thanks');
      await press(el, 'Enter');
      await waitUntil(() => sends(adapter).length === 1);
      expect((sends(adapter)[0] as SendText).text).to.equal('Thanks (signed: Sam)');
      expect(store.getThreadState('conv-001').messages.some((m) => m.text === 'Thanks (signed: Sam)')).to.equal(true);
    });
  });

  describe('never twice', () => {
    it('sends once on a double click', async () => {
      const { el, adapter } = await renderComposer();
      const gate = adapter.hold('send');
      await type(el, 'Once');
      const button = part<HTMLButtonElement>(el, 'send')!;
      button.click();
      button.click();
      await gate.reached;
      gate.release();
      await waitUntil(() => !part(el, 'status')!.textContent);
      expect(sends(adapter)).to.have.length(1);
      expect(errorTexts(el)).to.deep.equal([]);
    });

    it('sends once when Enter is pressed twice', async () => {
      const { el, adapter } = await renderComposer();
      const gate = adapter.hold('send');
      await type(el, 'Twice?');
      await press(el, 'Enter');
      await press(el, 'Enter');
      await gate.reached;
      gate.release();
      await waitUntil(() => !part(el, 'status')!.textContent);
      expect(sends(adapter)).to.have.length(1);
      expect(errorTexts(el)).to.deep.equal([]);
    });
  });

  describe('failure and retry', () => {
    it('restores the text, shows the error, reports it and does not retry by itself', async () => {
      const { el, adapter, store } = await renderComposer();
      adapter.fail('send', 'network', 1);
      await type(el, 'Will fail');
      const reported = oneEvent(el, 'inbox-error');
      await press(el, 'Enter');
      const event = (await reported) as CustomEvent<InboxErrorDetail>;
      expect(event.detail.operation).to.equal('send');
      expect(event.detail.error.kind).to.equal('network');
      expect(event.detail.conversationId).to.equal('conv-001');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('error');
      expect(input(el).value).to.equal('Will fail');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(errorTexts(el).join()).to.contain('no connection');
      expect(part(el, 'retry')).not.to.equal(null);
      const failed = store.getThreadState('conv-001').messages.find((m) => m.text === 'Will fail');
      expect(failed?.status).to.equal('failed');
      expect(sends(adapter)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('retries with the same clientRef and clears the error', async () => {
      const { el, adapter, store } = await renderComposer();
      adapter.fail('send', 'timeout', 1);
      await type(el, 'Again');
      await press(el, 'Enter');
      await waitUntil(() => el.getAttribute('state') === 'error');
      const sent = oneEvent(el, 'inbox-message-sent');
      part<HTMLButtonElement>(el, 'retry')!.click();
      await sent;
      await el.updateComplete;
      const [first, second] = sends(adapter);
      expect(sends(adapter)).to.have.length(2);
      expect(second.clientRef).to.equal(first.clientRef);
      expect((second as SendText).text).to.equal('Again');
      expect(el.getAttribute('state')).to.equal('ready');
      expect(part(el, 'error')).to.equal(null);
      expect(input(el).value).to.equal('');
      const messages = store.getThreadState('conv-001').messages.filter((m) => m.text === 'Again');
      expect(messages).to.have.length(1);
      expect(messages[0].status).to.equal('sent');
    });

    it('sends a retry once when Retry is clicked twice', async () => {
      const { el, adapter } = await renderComposer();
      adapter.fail('send', 'server', 1);
      await type(el, 'Retry twice');
      await press(el, 'Enter');
      await waitUntil(() => el.getAttribute('state') === 'error');
      const gate = adapter.hold('send');
      const retry = part<HTMLButtonElement>(el, 'retry')!;
      retry.click();
      retry.click();
      await gate.reached;
      gate.release();
      await waitUntil(() => el.getAttribute('state') === 'ready' && !part(el, 'status')!.textContent);
      const all = sends(adapter);
      expect(all).to.have.length(2);
      expect(all[1].clientRef).to.equal(all[0].clientRef);
    });

    it('resends the restored text with the same clientRef when Enter is pressed on it', async () => {
      const { el, adapter } = await renderComposer();
      adapter.fail('send', 'network', 1);
      await type(el, 'Restored');
      await press(el, 'Enter');
      await waitUntil(() => el.getAttribute('state') === 'error');
      input(el).focus();
      await press(el, 'Enter');
      await waitUntil(() => el.getAttribute('state') === 'ready' && !part(el, 'status')!.textContent);
      const all = sends(adapter);
      expect(all).to.have.length(2);
      expect(all[1].clientRef).to.equal(all[0].clientRef);
      expect(input(el).value).to.equal('');
    });

    it('does not overwrite text typed while the send was in flight', async () => {
      const { el, adapter } = await renderComposer();
      const gate = adapter.hold('send');
      await type(el, 'First');
      await press(el, 'Enter');
      await type(el, 'Second');
      await gate.reached;
      gate.fail('network');
      await waitUntil(() => el.getAttribute('state') === 'error');
      expect(input(el).value).to.equal('Second');
      expect(part(el, 'retry')).not.to.equal(null);
    });

    it('shows a localized message by error kind, never the backend text', async () => {
      const { el, adapter } = await renderComposer();
      el.i18n = { sendErrors: { rate_limited: 'Trop de messages.' } };
      adapter.fail('send', 'rate_limited', 1);
      await type(el, 'Fast');
      await press(el, 'Enter');
      await waitUntil(() => el.getAttribute('state') === 'error');
      expect(errorTexts(el).join()).to.contain('Trop de messages.');
      await expect(el).to.be.accessible();
    });

    it('keeps a failure to its own conversation', async () => {
      const { el, adapter, store } = await renderComposer();
      adapter.fail('send', 'network', 1);
      await type(el, 'Only here');
      await press(el, 'Enter');
      await waitUntil(() => el.getAttribute('state') === 'error');
      store.select('conv-003');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('ready');
      expect(part(el, 'error')).to.equal(null);
      expect(input(el).value).to.equal('');
      store.select('conv-001');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('error');
      expect(input(el).value).to.equal('Only here');
      await expect(el).to.be.accessible();
    });

    it('clears the error when the thread retries the message itself', async () => {
      const { el, adapter, store } = await renderComposer();
      adapter.fail('send', 'network', 1);
      await type(el, 'Thread retry');
      await press(el, 'Enter');
      await waitUntil(() => el.getAttribute('state') === 'error');
      const failed = store.getThreadState('conv-001').messages.find((m) => m.status === 'failed')!;
      await store.retrySend(failed.clientRef!);
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('ready');
      expect(sends(adapter)[1].clientRef).to.equal(sends(adapter)[0].clientRef);
    });
  });

  it('fires inbox-message-send before a retry too, and cancelling it stops the retry', async () => {
    const adapter = newAdapter();
    const { el } = await renderComposer({ adapter, template: html`<message-composer></message-composer>` });
    adapter.fail('send', 'network', 1);
    await type(el, 'Hold on');
    await press(el, 'Enter');
    await waitUntil(() => el.getAttribute('state') === 'error');
    const stop = (e: Event) => e.preventDefault();
    el.addEventListener('inbox-message-send', stop);
    part<HTMLButtonElement>(el, 'retry')!.click();
    await el.updateComplete;
    expect(sends(adapter)).to.have.length(1);
    el.removeEventListener('inbox-message-send', stop);
  });
});
