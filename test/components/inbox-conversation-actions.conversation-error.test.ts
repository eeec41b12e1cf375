import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxConversationActions } from '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import { InboxError } from '../../src/data/errors.js';
import { de } from '../../src/locales/de.js';
import { renderFailingConversation, upstream502 } from '../support/failing-conversation.js';
import { conversationSeed as seed } from '../support/seeds.js';
import { actions, part } from '../support/actions-parts.js';

type El = InboxConversationActions;

/** Actions for `conversation-id="c2"` (archived) with nothing listed, whose first fetch of c2 fails. */
async function renderFailing(error: InboxError | 'not_found' | 'server' = upstream502(), i18n?: object) {
  const adapter = new MemoryAdapter({ seed: [seed('c1', { unreadCount: 2 }), seed('c2', { status: 'archived' })] });
  return renderFailingConversation<El>(
    adapter,
    (onError) =>
      html`<inbox-conversation-actions
        conversation-id="c2"
        .i18n=${i18n}
        @inbox-error=${onError}
      ></inbox-conversation-actions>`,
    error,
  );
}

describe('<inbox-conversation-actions> when its conversation cannot be loaded', () => {
  it('offers no action, says why with Retry and reports inbox-error (502)', async () => {
    const { el, errors } = await renderFailing();
    expect(actions(el)).to.deep.equal([]);
    expect(part(el, 'resolution')).to.equal(null);
    const error = part(el, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('The inbox is not answering right now.');
    expect(error.textContent).not.to.contain('RAW');
    expect(part(el, 'retry')!.textContent.trim()).to.equal('Retry');
    expect(part(el, 'dismiss')).to.equal(null);
    expect(errors.map((d) => [d.operation, d.conversationId, d.error.kind])).to.deep.equal([
      ['conversation', 'c2', 'upstream'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('fetches again on Retry and then offers the conversation’s actions', async () => {
    const { el, adapter } = await renderFailing();
    part(el, 'retry')!.click();
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(part(el, 'error')).to.equal(null);
    await waitUntil(() => el.state === 'ready', 'the actions did not recover');
    await el.updateComplete;
    expect(actions(el)).to.deep.equal(['mark-unread', 'unarchive', 'close']);
    expect(part(el, 'error')).to.equal(null);
    expect(adapter.calls.filter((c) => c.op === 'getConversation')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('chooses the message by error kind, with a fallback, replaceable through i18n', async () => {
    const missing = await renderFailing('not_found');
    expect(part(missing.el, 'error')!.textContent).to.contain('This conversation could not be found.');
    await expect(missing.el).to.be.accessible();

    const other = await renderFailing('server');
    expect(part(other.el, 'error')!.textContent).to.contain('The conversation could not be loaded.');

    const table = de['inbox-conversation-actions'];
    const german = await renderFailing('not_found', table);
    expect(part(german.el, 'error')!.textContent).to.contain(table.conversationErrors.not_found!);
    expect(part(german.el, 'retry')!.textContent.trim()).to.equal(table.retry);
  });

  it('reaches Retry with the keyboard; Enter recovers and moves focus to the first action', async () => {
    const { el, provider } = await renderFailing();
    provider.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'retry'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'ready', 'the actions did not recover');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'mark-unread'));
  });

  it('keeps Retry reachable when Retry fails too', async () => {
    const { el, adapter } = await renderFailing();
    adapter.fail('getConversation', 'network', 1);
    const event = oneEvent(el, 'inbox-error');
    part(el, 'retry')!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.error.kind).to.equal('network');
    await waitUntil(() => el.state === 'error');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('no connection');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'retry'));
    await expect(el).to.be.accessible();
  });
});
