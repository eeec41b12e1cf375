/** Every story of `<inbox-conversation-actions>` renders, plays and passes the accessibility audit. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../stories/inbox-conversation-actions.stories.js';

type Playable = { render?: () => TemplateResult; play?: (context: { canvasElement: HTMLElement }) => Promise<void> };

/** The state each story ends in, and the buttons it shows. */
const EXPECTED: Record<string, { state: string; actions: string[] }> = {
  Default: { state: 'ready', actions: ['mark-read', 'archive', 'close'] },
  Archived: { state: 'ready', actions: ['mark-unread', 'unarchive', 'close'] },
  Closed: { state: 'ready', actions: ['mark-unread', 'archive'] },
  QlaraActions: { state: 'ready', actions: ['mark-read', 'archive'] },
  SuperWabaActions: { state: 'ready', actions: ['close'] },
  Busy: { state: 'ready', actions: ['mark-read', 'archive', 'close'] },
  Failed: { state: 'error', actions: ['mark-read', 'archive', 'close'] },
  Error: { state: 'error', actions: ['mark-read', 'archive', 'close'] },
  Loading: { state: 'loading', actions: [] },
  ConversationError: { state: 'error', actions: [] },
  Empty: { state: 'empty', actions: [] },
  LongContent: { state: 'ready', actions: ['mark-read', 'archive', 'close'] },
  Theming: { state: 'ready', actions: ['mark-read', 'archive', 'close'] },
};

describe('inbox-conversation-actions stories', () => {
  const entries = Object.entries(stories).filter(([name]) => name !== 'default') as Array<[string, Playable]>;

  it('covers every state the issue lists', () => {
    expect(entries.map(([name]) => name)).to.have.members(Object.keys(EXPECTED));
  });

  for (const [name, story] of entries) {
    it(`${name} renders in state "${EXPECTED[name].state}" and is accessible`, async () => {
      const canvasElement = await fixture<HTMLElement>(html`<div>${story.render!()}</div>`);
      const el = canvasElement.querySelector('inbox-conversation-actions')!;
      await waitUntil(() => el.state !== 'initial', 'the element never connected');
      await story.play?.({ canvasElement });
      await waitUntil(() => el.state === EXPECTED[name].state, `state is ${el.state}`);
      await el.updateComplete;
      const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button[data-action]')].map(
        (b) => b.dataset.action,
      );
      expect(shown).to.deep.equal(EXPECTED[name].actions);
      if (name === 'Busy') {
        const busy = el.shadowRoot!.querySelector('button[data-action="archive"]')!;
        expect(busy.getAttribute('aria-busy')).to.equal('true');
      }
      await expect(canvasElement).to.be.accessible();
    });
  }
});
