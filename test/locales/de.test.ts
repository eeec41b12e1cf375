import { expect, html, waitUntil } from '@open-wc/testing';
import { ASSIGNEE_PICKER_STRINGS } from '../../src/components/assignee-picker/assignee-picker.strings.js';
import { CONVERSATION_THREAD_STRINGS } from '../../src/components/conversation-thread/conversation-thread.strings.js';
import { INBOX_CONVERSATION_ACTIONS_STRINGS } from '../../src/components/inbox-conversation-actions/inbox-conversation-actions.strings.js';
import type { InboxList } from '../../src/components/inbox-list/inbox-list.js';
import { INBOX_LIST_STRINGS } from '../../src/components/inbox-list/inbox-list.strings.js';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import { MESSAGE_COMPOSER_STRINGS } from '../../src/components/message-composer/message-composer.strings.js';
import '../../src/index.js';
import { applyStrings, de } from '../../src/locales/de.js';
import { swallowResizeObserverLoop } from '../security/sweep-support.js';
import { renderWithProvider } from '../support/render-with-provider.js';

const ENGLISH: Record<keyof typeof de, object> = {
  'inbox-list': INBOX_LIST_STRINGS,
  'conversation-thread': CONVERSATION_THREAD_STRINGS,
  'message-composer': MESSAGE_COMPOSER_STRINGS,
  'assignee-picker': ASSIGNEE_PICKER_STRINGS,
  'inbox-conversation-actions': INBOX_CONVERSATION_ACTIONS_STRINGS,
};

/** `[key path, value]` for every string, nested tables included. */
function flatten(table: object, prefix = ''): [string, unknown][] {
  return Object.entries(table).flatMap(([key, value]): [string, unknown][] =>
    value && typeof value === 'object' ? flatten(value as object, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

/** The `{name}` placeholders of a string, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales/de', () => {
  // the browser's benign "ResizeObserver loop" report (layout settles next frame) is not a failure
  let restore: () => void;
  before(() => (restore = swallowResizeObserverLoop()));
  after(() => restore());

  for (const tag of Object.keys(ENGLISH) as (keyof typeof de)[]) {
    it(`translates every ${tag} string, keeping its placeholders`, () => {
      const english = flatten(ENGLISH[tag]);
      const german = new Map(flatten(de[tag]));
      expect([...german.keys()].sort()).to.deep.equal(english.map(([key]) => key).sort());
      for (const [key, value] of english) {
        const translated = german.get(key);
        expect(translated, key).to.be.a('string');
        expect(placeholders(translated as string), key).to.deep.equal(placeholders(value as string));
        // an empty English string (nothing shown) stays empty; every other one is translated
        if (value === '') expect(translated, key).to.equal('');
        else expect(translated, key).not.to.equal('');
      }
    });
  }

  it('applyStrings sets each element’s table, and the elements render German', async () => {
    const { provider } = await renderWithProvider<InboxList>(
      html`<div lang="de">
        <inbox-list style="height: 400px"></inbox-list>
        <message-composer></message-composer>
        <span class="other"></span>
      </div>`,
      { selected: 'conv-001' },
    );
    applyStrings(provider, de);
    const list = provider.querySelector('inbox-list')!;
    const composer = provider.querySelector<MessageComposer>('message-composer')!;
    expect(list.i18n).to.equal(de['inbox-list']);
    expect(composer.i18n).to.equal(de['message-composer']);
    expect((provider.querySelector('.other') as HTMLElement & { i18n?: unknown }).i18n).to.equal(undefined);

    await waitUntil(
      () => list.shadowRoot?.querySelector('[role="listbox"]')?.getAttribute('aria-label') === 'Unterhaltungen',
      'the list did not take the German table',
    );
    await waitUntil(
      () => composer.shadowRoot?.querySelector('textarea')?.getAttribute('placeholder') === 'Nachricht schreiben',
      'the composer did not take the German table',
    );
  });

  it('applyStrings applies to the root itself and leaves tags it has no table for', async () => {
    const { provider } = await renderWithProvider<InboxList>(html`<inbox-list style="height: 400px"></inbox-list>`);
    const list = provider.querySelector('inbox-list')!;
    applyStrings(list, { 'message-composer': de['message-composer'] });
    expect(list.i18n).to.equal(undefined);
    applyStrings(list, de);
    expect(list.i18n).to.equal(de['inbox-list']);
  });
});
