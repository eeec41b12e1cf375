import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxConversationActions } from '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import { InboxError } from '../../src/data/errors.js';
import { renderWithProvider } from '../support/render-with-provider.js';
import { conversationSeed as seed } from '../support/seeds.js';
import { actions, button, buttons, part } from '../support/actions-parts.js';

const SEEDS = () => [
  seed('c1', { unreadCount: 2 }),
  seed('c2', { status: 'archived' }),
  seed('c3', { status: 'closed' }),
  seed('c4'),
];

type El = InboxConversationActions;

async function render(selected: string | null = 'c1', options: MemoryAdapterOptions = {}) {
  const adapter = new MemoryAdapter({ seed: SEEDS(), ...options });
  const result = await renderWithProvider<El>(html`<inbox-conversation-actions></inbox-conversation-actions>`, {
    adapter,
    selected,
  });
  await settled(result.el);
  return result;
}

async function settled(el: El) {
  await el.updateComplete;
  await waitUntil(() => el.state !== 'loading', 'the actions never left loading');
  await el.updateComplete;
}

describe('<inbox-conversation-actions>', () => {
  describe('buttons', () => {
    it('offers whichever actions fit an unread open conversation, in a labelled group', async () => {
      const { el } = await render('c1');
      expect(el.state).to.equal('ready');
      expect(actions(el)).to.deep.equal(['mark-read', 'archive', 'close']);
      expect(buttons(el).map((b) => b.textContent.trim())).to.deep.equal(['Mark as read', 'Archive', 'Close']);
      expect(button(el, 'archive').getAttribute('part')).to.equal('action archive');
      const base = part(el, 'base')!;
      expect(base.getAttribute('role')).to.equal('group');
      expect(base.getAttribute('aria-label')).to.equal('Conversation actions');
      const resolution = part(el, 'resolution') as HTMLSelectElement;
      expect(resolution.value).to.equal('resolved');
      expect([...resolution.options].map((o) => o.textContent)).to.deep.equal(['Resolved', 'No response', 'Spam']);
      await expect(el).to.be.accessible();
    });

    it('offers Unarchive and Mark as unread for an archived, read conversation', async () => {
      const { el } = await render('c2');
      expect(actions(el)).to.deep.equal(['mark-unread', 'unarchive', 'close']);
      await expect(el).to.be.accessible();
    });

    it('leaves out Close for a closed conversation', async () => {
      const { el } = await render('c3');
      expect(actions(el)).to.deep.equal(['mark-unread', 'archive']);
      expect(part(el, 'resolution')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows only what the backend supports (Qlara: no close)', async () => {
      const { el } = await render('c1', { capabilities: { close: false, markUnread: false } });
      expect(actions(el)).to.deep.equal(['mark-read', 'archive']);
      await expect(el).to.be.accessible();
    });

    it('shows only what the backend supports (SuperWaba: close only)', async () => {
      const { el } = await render('c1', {
        capabilities: { markRead: false, markUnread: false, archive: false },
      });
      expect(actions(el)).to.deep.equal(['close']);
      await expect(el).to.be.accessible();
    });

    it('renders nothing, quietly, when no action is supported', async () => {
      const { el } = await render('c1', {
        capabilities: { markRead: false, markUnread: false, archive: false, close: false },
      });
      expect(el.state).to.equal('empty');
      expect(buttons(el)).to.have.length(0);
      expect(part(el, 'base')!.hasAttribute('role')).to.equal(false);
      expect(el.getBoundingClientRect().height).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('is initial with nothing selected, and follows the selection unless conversation-id is set', async () => {
      const { el, store } = await render(null);
      expect(el.state).to.equal('initial');
      expect(buttons(el)).to.have.length(0);
      await expect(el).to.be.accessible();
      store.select('c2');
      await settled(el);
      expect(actions(el)).to.include('unarchive');
      el.conversationId = 'c1';
      await settled(el);
      expect(actions(el)).to.include('archive');
      store.select('c3');
      await settled(el);
      expect(actions(el)).to.include('archive');
    });

    it('is loading while an unknown conversation is fetched', async () => {
      const adapter = new MemoryAdapter({ seed: SEEDS() });
      const gate = adapter.hold('getConversation');
      const { el } = await renderWithProvider<El>(
        html`<inbox-conversation-actions conversation-id="c2"></inbox-conversation-actions>`,
        { adapter },
      );
      await gate.reached;
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(buttons(el)).to.have.length(0);
      await expect(el).to.be.accessible();
      gate.release();
      await settled(el);
      expect(actions(el)).to.deep.equal(['mark-unread', 'unarchive', 'close']);
    });
  });

  describe('events', () => {
    it('fires a cancelable inbox-conversation-update, calls the backend, then inbox-conversation-updated', async () => {
      const { el, adapter, store } = await render('c1');
      const update = oneEvent(el, 'inbox-conversation-update');
      const updated = oneEvent(el, 'inbox-conversation-updated');
      button(el, 'archive').click();
      const before = await update;
      expect(before.detail).to.deep.equal({ conversationId: 'c1', action: 'archive' });
      expect(before.cancelable).to.equal(true);
      expect(before.bubbles && before.composed).to.equal(true);
      const after = await updated;
      expect(after.detail.conversationId).to.equal('c1');
      expect(after.detail.action).to.equal('archive');
      expect(after.detail.conversation!.status).to.equal('archived');
      expect(adapter.calls.filter((c) => c.op === 'archive').map((c) => c.args)).to.deep.equal([['c1']]);
      expect(store.getConversation('c1')!.status).to.equal('archived');
      await el.updateComplete;
      expect(actions(el)).to.deep.equal(['mark-read', 'unarchive', 'close']);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Conversation archived');
    });

    it('closes with the chosen resolution', async () => {
      const { el, adapter } = await render('c1');
      const select = part(el, 'resolution') as HTMLSelectElement;
      select.value = 'spam';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const update = oneEvent(el, 'inbox-conversation-update');
      const updated = oneEvent(el, 'inbox-conversation-updated');
      button(el, 'close').click();
      expect((await update).detail).to.deep.equal({ conversationId: 'c1', action: 'close', resolution: 'spam' });
      expect((await updated).detail.conversation!.status).to.equal('closed');
      expect(adapter.calls.filter((c) => c.op === 'close').map((c) => c.args)).to.deep.equal([
        ['c1', { resolution: 'spam' }],
      ]);
      await el.updateComplete;
      expect(actions(el)).to.deep.equal(['mark-read', 'archive']);
    });

    it('closes with "resolved" by default, and without one when no resolutions are offered', async () => {
      const { el, adapter, store } = await render('c1');
      button(el, 'close').click();
      await waitUntil(() => adapter.calls.some((c) => c.op === 'close'));
      expect(adapter.calls.find((c) => c.op === 'close')!.args).to.deep.equal(['c1', { resolution: 'resolved' }]);
      el.resolutions = [];
      store.select('c4');
      await settled(el);
      expect(part(el, 'resolution')).to.equal(null);
      const update = oneEvent(el, 'inbox-conversation-update');
      button(el, 'close').click();
      expect((await update).detail).to.deep.equal({ conversationId: 'c4', action: 'close' });
      await waitUntil(() => adapter.calls.filter((c) => c.op === 'close').length === 2);
      const [id, opts] = adapter.calls.filter((c) => c.op === 'close')[1].args as [string, { resolution?: string }];
      expect(id).to.equal('c4');
      expect(opts.resolution).to.equal(undefined);
    });

    it('marks read and unread', async () => {
      const { el, adapter, store } = await render('c1');
      const updated = oneEvent(el, 'inbox-conversation-updated');
      button(el, 'mark-read').click();
      expect((await updated).detail.action).to.equal('mark-read');
      expect(store.getConversation('c1')!.unreadCount).to.equal(0);
      await el.updateComplete;
      const again = oneEvent(el, 'inbox-conversation-updated');
      button(el, 'mark-unread').click();
      expect((await again).detail.action).to.equal('mark-unread');
      expect(store.getConversation('c1')!.unreadCount).to.be.above(0);
      expect(adapter.calls.filter((c) => c.op === 'markRead' || c.op === 'markUnread').map((c) => c.op)).to.deep.equal([
        'markRead',
        'markUnread',
      ]);
    });

    it('does not call the backend when the event is cancelled', async () => {
      const { el, adapter, store } = await render('c1');
      el.addEventListener('inbox-conversation-update', (e) => e.preventDefault());
      for (const action of ['mark-read', 'archive', 'close']) button(el, action).click();
      await el.updateComplete;
      expect(adapter.calls.some((c) => ['markRead', 'archive', 'close'].includes(c.op))).to.equal(false);
      expect(store.getConversation('c1')!.status).to.equal('open');
      expect(actions(el)).to.deep.equal(['mark-read', 'archive', 'close']);
    });
  });

  describe('busy and failures', () => {
    it('marks the button busy and ignores double clicks while the call runs', async () => {
      const { el, adapter, store } = await render('c1');
      const gate = adapter.hold('archive');
      button(el, 'archive').click();
      await gate.reached;
      await el.updateComplete;
      // optimistic: the store already shows it archived, the button stays "Archive" while busy
      expect(store.getConversation('c1')!.status).to.equal('archived');
      const busy = button(el, 'archive');
      expect(busy.getAttribute('aria-busy')).to.equal('true');
      expect(busy.getAttribute('aria-disabled')).to.equal('true');
      expect(button(el, 'mark-read').hasAttribute('aria-busy')).to.equal(false);
      await expect(el).to.be.accessible();
      busy.click();
      busy.click();
      await el.updateComplete;
      expect(adapter.calls.filter((c) => c.op === 'archive')).to.have.length(1);
      gate.release();
      await waitUntil(() => actions(el).includes('unarchive'));
      expect(button(el, 'unarchive').hasAttribute('aria-busy')).to.equal(false);
    });

    it('rolls back with an inline alert by error kind, and reports inbox-error', async () => {
      const { el, adapter, store } = await render('c1');
      adapter.fail(
        'archive',
        new InboxError({ kind: 'forbidden', message: 'RAW backend text', dialect: 'memory', httpStatus: 403 }),
        1,
      );
      const failed = oneEvent(el, 'inbox-error');
      button(el, 'archive').click();
      const { detail } = await failed;
      expect(detail.operation).to.equal('archive');
      expect(detail.conversationId).to.equal('c1');
      expect(detail.error.kind).to.equal('forbidden');
      await el.updateComplete;
      expect(store.getConversation('c1')!.status).to.equal('open');
      expect(actions(el)).to.deep.equal(['mark-read', 'archive', 'close']);
      expect(el.state).to.equal('error');
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain(
        'The conversation could not be archived. You are not allowed to change this conversation.',
      );
      expect(error.textContent).not.to.contain('RAW');
      expect(part(el, 'retry')).to.equal(null);
      await expect(el).to.be.accessible();
      part(el, 'dismiss')!.click();
      await el.updateComplete;
      expect(part(el, 'error')).to.equal(null);
      expect(el.state).to.equal('ready');
    });

    it('offers Retry for a transient failure', async () => {
      const { el, adapter, store } = await render('c1');
      adapter.fail('markRead', 'upstream', 1);
      button(el, 'mark-read').click();
      await waitUntil(() => part(el, 'error'));
      expect(store.getConversation('c1')!.unreadCount).to.equal(2);
      expect(part(el, 'retry')).not.to.equal(null);
      await expect(el).to.be.accessible();
      const updated = oneEvent(el, 'inbox-conversation-updated');
      part(el, 'retry')!.click();
      await updated;
      await el.updateComplete;
      expect(adapter.calls.filter((c) => c.op === 'markRead')).to.have.length(2);
      expect(part(el, 'error')).to.equal(null);
      expect(store.getConversation('c1')!.unreadCount).to.equal(0);
    });

    it('keeps each conversation’s failure to itself', async () => {
      const { el, adapter, store } = await render('c1');
      adapter.fail('close', 'server', 1);
      button(el, 'close').click();
      await waitUntil(() => part(el, 'error'));
      store.select('c4');
      await settled(el);
      expect(part(el, 'error')).to.equal(null);
      expect(el.state).to.equal('ready');
      store.select('c1');
      await settled(el);
      expect(part(el, 'error')!.textContent).to.contain('could not be closed');
    });
  });

  describe('keyboard', () => {
    it('runs an action with Enter and Space, keeping focus on the button', async () => {
      const { el, adapter } = await render('c1');
      button(el, 'archive').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => actions(el).includes('unarchive'), 'archive did not finish');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'unarchive'));
      await sendKeys({ press: 'Space' });
      await waitUntil(() => actions(el).includes('archive'), 'unarchive did not finish');
      expect(adapter.calls.filter((c) => c.op === 'archive' || c.op === 'unarchive').map((c) => c.op)).to.deep.equal([
        'archive',
        'unarchive',
      ]);
    });

    it('moves focus to the remaining buttons when Close goes away', async () => {
      const { el } = await render('c1');
      button(el, 'close').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !actions(el).includes('close'), 'close did not finish');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[0]);
    });

    it('chooses a resolution from the keyboard', async () => {
      const { el, adapter } = await render('c1');
      (part(el, 'resolution') as HTMLSelectElement).focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect((part(el, 'resolution') as HTMLSelectElement).value).to.equal('no_response');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'close'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => adapter.calls.some((c) => c.op === 'close'));
      expect(adapter.calls.find((c) => c.op === 'close')!.args).to.deep.equal(['c1', { resolution: 'no_response' }]);
    });
  });

  describe('theming and i18n', () => {
    it('replaces strings through i18n and follows a dark theme', async () => {
      const adapter = new MemoryAdapter({ seed: SEEDS() });
      const { el } = await renderWithProvider<El>(
        html`<inbox-conversation-actions
          theme="dark"
          .i18n=${{ archive: 'Archivar', resolutions: { resolved: 'Resuelta' } }}
        ></inbox-conversation-actions>`,
        { adapter, selected: 'c1' },
      );
      await settled(el);
      expect(button(el, 'archive').textContent.trim()).to.equal('Archivar');
      expect((part(el, 'resolution') as HTMLSelectElement).options[0].textContent).to.equal('Resuelta');
      expect((part(el, 'resolution') as HTMLSelectElement).options[1].textContent).to.equal('No response');
      expect(part(el, 'base')!.dataset.theme).to.equal('dark');
      await expect(el).to.be.accessible();
    });
  });
});
