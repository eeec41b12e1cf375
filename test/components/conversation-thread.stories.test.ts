import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import * as stories from '../../stories/conversation-thread.stories.js';
import { ignoreResizeObserverLoops } from './conversation-thread.helpers.js';

interface StoryModule {
  render: () => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

/** Every story renders its state and passes the accessibility check (light, dark, RTL, every content kind). */
describe('<conversation-thread> stories', () => {
  ignoreResizeObserverLoops();

  const expected: Record<string, string> = {
    NoSelection: 'initial',
    Loading: 'loading',
    Empty: 'empty',
    Error: 'error',
  };

  for (const [name, story] of Object.entries(stories)) {
    if (name === 'default') continue;
    it(`${name} renders and is accessible`, async () => {
      const s = story as StoryModule;
      const canvas = await fixture<HTMLElement>(s.render());
      const el = canvas.querySelector<ConversationThread>('conversation-thread')!;
      const want = expected[name];
      await waitUntil(
        () =>
          want ? el.state === want : el.state === 'ready' || (name === 'TenThousandMessages' && el.state === 'loading'),
        `${name}: state ${el.state}`,
      );
      await s.play?.({ canvasElement: canvas.parentElement! });
      await el.scrollSettled;
      await expect(el).to.be.accessible();
    });
  }
});
