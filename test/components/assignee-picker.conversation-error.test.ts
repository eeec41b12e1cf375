import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AGENTS } from '../../src/adapters/memory/fixtures.js';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { AssigneePicker } from '../../src/components/assignee-picker/assignee-picker.js';
import '../../src/components/assignee-picker/assignee-picker.js';
import { InboxError } from '../../src/data/errors.js';
import type { Agent } from '../../src/data/models.js';
import { de } from '../../src/locales/de.js';
import { renderFailingConversation, upstream502 } from '../support/failing-conversation.js';
import { renderWithProvider } from '../support/render-with-provider.js';
import { conversationSeed } from '../support/seeds.js';

function seed(id: string, assignee: Agent | null): MemorySeed {
  return conversationSeed(id, { assignee });
}

function part(el: AssigneePicker, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}
function triggerName(el: AssigneePicker): string {
  return part(el, 'name')!.textContent.trim();
}

/** A picker with `conversation-id="c1"` and nothing listed, whose first fetch of c1 fails. */
async function renderFailing(error: InboxError | 'not_found' | 'server' = upstream502(), i18n?: object) {
  const adapter = new MemoryAdapter({ seed: [seed('c1', AGENTS[1]), seed('c2', null)] });
  return renderFailingConversation<AssigneePicker>(
    adapter,
    (onError) => html`<assignee-picker conversation-id="c1" .i18n=${i18n} @inbox-error=${onError}></assignee-picker>`,
    error,
  );
}

describe('<assignee-picker> when its conversation cannot be loaded', () => {
  it('says why with Retry, reports inbox-error and stays disabled (502)', async () => {
    const { el, errors } = await renderFailing();
    const error = part(el, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('The inbox is not answering right now.');
    expect(error.textContent).not.to.contain('RAW');
    expect(part(el, 'retry')!.textContent.trim()).to.equal('Retry');
    expect(errors.map((d) => [d.operation, d.conversationId, d.error.kind])).to.deep.equal([
      ['conversation', 'c1', 'upstream'],
    ]);

    const trigger = part(el, 'trigger')!;
    expect(trigger.getAttribute('aria-disabled')).to.equal('true');
    expect(trigger.getAttribute('aria-describedby')).to.equal(error.id);
    trigger.click();
    await el.updateComplete;
    expect(part(el, 'popup')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fetches again on Retry and then shows the conversation’s assignee', async () => {
    const { el, adapter } = await renderFailing();
    part(el, 'retry')!.click();
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(part(el, 'error')).to.equal(null);
    await waitUntil(() => el.state === 'ready', 'the picker did not recover');
    await el.updateComplete;
    expect(triggerName(el)).to.equal(AGENTS[1].displayName);
    expect(part(el, 'error')).to.equal(null);
    expect(part(el, 'trigger')!.hasAttribute('aria-disabled')).to.equal(false);
    expect(adapter.calls.filter((c) => c.op === 'getConversation')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('chooses the message by error kind, with a fallback, replaceable through i18n', async () => {
    const missing = await renderFailing('not_found');
    expect(part(missing.el, 'error')!.textContent).to.contain('This conversation could not be found.');
    await expect(missing.el).to.be.accessible();

    const other = await renderFailing('server');
    expect(part(other.el, 'error')!.textContent).to.contain('The conversation could not be loaded.');

    const german = await renderFailing('not_found', de['assignee-picker']);
    expect(part(german.el, 'error')!.textContent).to.contain(de['assignee-picker'].conversationErrors.not_found!);
    expect(part(german.el, 'retry')!.textContent.trim()).to.equal(de['assignee-picker'].retry);
  });

  it('reaches Retry with the keyboard; Enter recovers and keeps focus on the trigger', async () => {
    const { el, provider } = await renderFailing();
    provider.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'trigger'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'retry'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'ready', 'the picker did not recover');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'trigger'));
    expect(triggerName(el)).to.equal(AGENTS[1].displayName);
  });

  it('fires inbox-error again when Retry fails too', async () => {
    const { el, adapter } = await renderFailing();
    adapter.fail('getConversation', 'network', 1);
    const event = oneEvent(el, 'inbox-error');
    part(el, 'retry')!.click();
    const { detail } = await event;
    expect(detail.error.kind).to.equal('network');
    await waitUntil(() => el.state === 'error');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('no connection');
    await expect(el).to.be.accessible();
  });

  it('closes a list opened while the conversation loaded when loading it fails, focus back on the trigger', async () => {
    const adapter = new MemoryAdapter({ seed: [seed('c1', AGENTS[1])] });
    const gate = adapter.hold('getConversation');
    const { el } = await renderWithProvider<AssigneePicker>(
      html`<assignee-picker conversation-id="c1"></assignee-picker>`,
      { adapter },
    );
    await gate.reached;
    await el.updateComplete;
    part(el, 'trigger')!.click();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'search'), 'the list did not open');
    gate.fail(upstream502());
    await waitUntil(() => el.state === 'error', 'the failure did not show');
    await el.updateComplete;
    expect(part(el, 'popup')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'trigger'));
    expect(part(el, 'retry')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
