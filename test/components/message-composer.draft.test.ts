import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import type { InboxProvider } from '../../src/components/inbox-provider/inbox-provider.js';
import { input, newAdapter, press, renderComposer, sends, type } from './message-composer.helpers.js';

const key = (dialect: string, id: string) => `inbox-elements:draft:${dialect}:${id}`;

describe('<message-composer> drafts', () => {
  afterEach(() => {
    for (const k of Object.keys(localStorage))
      if (k.startsWith('inbox-elements:draft:composer-test-')) localStorage.removeItem(k);
  });

  it('never shows a draft in another conversation, and restores it on return', async () => {
    const { el, store } = await renderComposer();
    await type(el, 'Draft for A');
    store.select('conv-002');
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    store.select('conv-003');
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    store.select('conv-001');
    await el.updateComplete;
    expect(input(el).value).to.equal('Draft for A');
    await expect(el).to.be.accessible();
  });

  it('keeps each conversation its own draft', async () => {
    const { el, store } = await renderComposer();
    await type(el, 'A text');
    store.select('conv-003');
    await el.updateComplete;
    await type(el, 'C text');
    store.select('conv-001');
    await el.updateComplete;
    expect(input(el).value).to.equal('A text');
    store.select('conv-003');
    await el.updateComplete;
    expect(input(el).value).to.equal('C text');
  });

  it('writes the draft to localStorage under the dialect and conversation when the conversation changes', async () => {
    const { el, store, adapter } = await renderComposer();
    await type(el, 'Stored');
    store.select('conv-003');
    await el.updateComplete;
    expect(localStorage.getItem(key(adapter.dialect, 'conv-001'))).to.equal('Stored');
    expect(localStorage.getItem(key(adapter.dialect, 'conv-003'))).to.equal(null);
  });

  it('writes the draft after a pause in typing', async () => {
    const { el, adapter } = await renderComposer();
    await type(el, 'Debounced');
    await waitUntil(() => localStorage.getItem(key(adapter.dialect, 'conv-001')) === 'Debounced', 'not written', {
      timeout: 3000,
    });
  });

  it('restores the draft in a new element (a page reload)', async () => {
    const adapter = newAdapter();
    const first = await renderComposer({ adapter });
    await type(first.el, 'Survives reload');
    first.provider.remove(); // disconnecting writes the pending draft
    const second = await renderComposer({ adapter });
    expect(input(second.el).value).to.equal('Survives reload');
  });

  it('restores into a different provider with the same dialect only for the same conversation', async () => {
    const adapter = newAdapter();
    const first = await renderComposer({ adapter });
    await type(first.el, 'Only conv-001');
    first.provider.remove();
    const second = await renderComposer({ adapter, selected: 'conv-004' });
    expect(input(second.el).value).to.equal('');
  });

  it('clears the draft when the message is sent', async () => {
    const { el, store, adapter } = await renderComposer();
    await type(el, 'Send me');
    store.select('conv-003');
    await el.updateComplete;
    store.select('conv-001');
    await el.updateComplete;
    expect(localStorage.getItem(key(adapter.dialect, 'conv-001'))).to.equal('Send me');
    input(el).focus();
    await press(el, 'Enter');
    await waitUntil(() => sends(adapter).length === 1);
    expect(localStorage.getItem(key(adapter.dialect, 'conv-001'))).to.equal(null);
    store.select('conv-003');
    await el.updateComplete;
    store.select('conv-001');
    await el.updateComplete;
    expect(input(el).value).to.equal('');
  });

  it('puts a failed text back into its conversation draft after the agent moved on', async () => {
    const { el, store, adapter } = await renderComposer();
    const gate = adapter.hold('send');
    await type(el, 'Lost?');
    await press(el, 'Enter');
    store.select('conv-003');
    await el.updateComplete;
    await gate.reached;
    gate.fail('network');
    await waitUntil(() => localStorage.getItem(key(adapter.dialect, 'conv-001')) === 'Lost?');
    expect(input(el).value).to.equal('');
    store.select('conv-001');
    await el.updateComplete;
    expect(input(el).value).to.equal('Lost?');
    expect(el.getAttribute('state')).to.equal('error');
  });

  it('keeps drafts apart between two composers pinned to different conversations', async () => {
    const adapter = newAdapter();
    const provider = await fixture<InboxProvider>(
      html`<inbox-provider .source=${adapter} poll-interval="0">
        <message-composer conversation-id="conv-001"></message-composer>
        <message-composer conversation-id="conv-003"></message-composer>
      </inbox-provider>`,
    );
    await waitUntil(() => provider.inboxStore);
    const [a, b] = [...provider.querySelectorAll('message-composer')] as MessageComposer[];
    await a.updateComplete;
    await b.updateComplete;
    await type(a, 'Only in A');
    expect(input(b).value).to.equal('');
  });
});
