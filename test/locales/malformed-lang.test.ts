/**
 * A page whose language tag Intl rejects (`en_US` is a common slip in CMS
 * templates) still gets a working inbox: every element renders its content,
 * with the default formatting where the locale would have applied.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { AssigneePicker } from '../../src/components/assignee-picker/assignee-picker.js';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import type { InboxConversationActions } from '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import type { InboxList } from '../../src/components/inbox-list/inbox-list.js';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import '../../src/index.js';
import { swallowResizeObserverLoop } from '../security/sweep-support.js';
import { renderWithProvider } from '../support/render-with-provider.js';

describe('a malformed page language', () => {
  let restore: () => void;
  before(() => (restore = swallowResizeObserverLoop()));
  after(() => restore());

  for (const lang of ['en_US', 'not a tag!']) {
    it(`renders every element under lang="${lang}"`, async () => {
      const { provider, store } = await renderWithProvider(
        html`<div lang=${lang}>
          <inbox-list style="height: 320px"></inbox-list>
          <conversation-thread style="display: block; height: 320px" no-auto-read></conversation-thread>
          <message-composer></message-composer>
          <assignee-picker></assignee-picker>
          <inbox-conversation-actions></inbox-conversation-actions>
        </div>`,
      );
      const q = <T extends Element>(tag: string) => provider.querySelector(tag) as unknown as T;
      const list = q<InboxList>('inbox-list');
      await waitUntil(() => list.state === 'ready', 'the list never got ready');
      const rows = () => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
      await waitUntil(() => rows().length > 0, 'no rows');
      const first = rows()[0];
      expect(first.querySelector('[part~="avatar"]')!.textContent.trim()).to.match(/^\S{1,2}$/);
      expect(first.querySelector('[part~="time"]')!.textContent.trim()).not.to.equal('');

      store.select(first.dataset.id!);
      const thread = q<ConversationThread>('conversation-thread');
      await waitUntil(() => thread.state === 'ready', 'the thread never got ready');
      await waitUntil(() => thread.shadowRoot!.querySelector('.row.msg'), 'no messages');
      const composer = q<MessageComposer>('message-composer');
      const picker = q<AssigneePicker>('assignee-picker');
      const actions = q<InboxConversationActions>('inbox-conversation-actions');
      await Promise.all([composer.updateComplete, picker.updateComplete, actions.updateComplete]);
      expect(composer.shadowRoot!.querySelector('textarea, [part~="input"]')).not.to.equal(null);
      expect(picker.shadowRoot!.querySelector('[part~="trigger"], button')).not.to.equal(null);
      expect(actions.shadowRoot!.querySelector('button')).not.to.equal(null);
    });
  }
});
