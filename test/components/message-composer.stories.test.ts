/** Every story of `<message-composer>` renders, plays, ends in the state it names and passes the accessibility audit. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { TemplateResult } from 'lit';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import * as stories from '../../stories/message-composer.stories.js';

type Playable = { render?: () => TemplateResult; play?: (context: { canvasElement: HTMLElement }) => Promise<void> };

interface Expected {
  /** The reflected `state`. */
  state: 'initial' | 'ready' | 'error';
  /** What the composer offers (`data-mode` on its base part). */
  mode: 'text' | 'template' | 'blocked' | 'disabled';
  /** The window notice's `data-state`, or null for none. */
  window: 'open' | 'closing' | 'closed' | null;
  /** A check of what makes the story the story. */
  check?: (el: MessageComposer, root: ShadowRoot) => boolean;
}

const part = (root: ShadowRoot, name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);
const textOf = (root: ShadowRoot, name: string) => part(root, name)?.textContent?.replace(/\s+/g, ' ') ?? '';
const inputValue = (root: ShadowRoot) => root.querySelector('textarea')?.value ?? '';

const EXPECTED: Record<string, Expected> = {
  Default: { state: 'ready', mode: 'text', window: 'open', check: (_, r) => inputValue(r) === '' },
  Empty: { state: 'initial', mode: 'disabled', window: null, check: (_, r) => part(r, 'notice') !== null },
  Loading: {
    state: 'ready',
    mode: 'template',
    window: 'closed',
    check: (_, r) => r.querySelector<HTMLSelectElement>('select')!.disabled && /Loading/.test(r.textContent ?? ''),
  },
  Typing: { state: 'ready', mode: 'text', window: 'open', check: (_, r) => inputValue(r).startsWith('Hi Amelia') },
  NearTheLimit: {
    state: 'ready',
    mode: 'text',
    window: 'open',
    check: (_, r) => part(r, 'counter')?.dataset.state === 'near',
  },
  OverTheLimit: {
    state: 'ready',
    mode: 'text',
    window: 'open',
    check: (_, r) => part(r, 'counter')?.dataset.state === 'over' && textOf(r, 'error').includes('too long'),
  },
  Sending: {
    state: 'ready',
    mode: 'text',
    window: 'open',
    check: (_, r) => inputValue(r) === '' && textOf(r, 'status').includes('Sending'),
  },
  Error: {
    state: 'error',
    mode: 'text',
    window: 'open',
    check: (_, r) => inputValue(r) === 'Your refund was issued today.' && part(r, 'retry') !== null,
  },
  ConversationError: {
    state: 'error',
    mode: 'disabled',
    window: null,
    check: (_, r) =>
      r.querySelector('textarea')!.disabled &&
      part(r, 'retry') !== null &&
      textOf(r, 'error').includes('not answering'),
  },
  WindowOpen: { state: 'ready', mode: 'text', window: 'open' },
  WindowClosing: { state: 'ready', mode: 'text', window: 'closing' },
  WindowClosedWithTemplates: {
    state: 'ready',
    mode: 'template',
    window: 'closed',
    check: (_, r) => textOf(r, 'template-preview').includes('Jonas'),
  },
  BackendWithoutTemplates: {
    state: 'ready',
    mode: 'blocked',
    window: 'closed',
    check: (_, r) =>
      r.querySelector('textarea')!.disabled && textOf(r, 'window-notice').includes('cannot send templates'),
  },
  Disabled: {
    state: 'ready',
    mode: 'disabled',
    window: 'open',
    check: (_, r) => r.querySelector('textarea')!.disabled && part(r, 'notice') !== null,
  },
  LongContent: {
    state: 'ready',
    mode: 'text',
    window: 'open',
    check: (_, r) => inputValue(r).split('\n').length === 14,
  },
  RightToLeft: {
    state: 'ready',
    mode: 'text',
    window: 'open',
    check: (el, r) => getComputedStyle(el).direction === 'rtl' && inputValue(r).startsWith('مرحباً'),
  },
  Dark: { state: 'ready', mode: 'text', window: 'closing', check: (_, r) => part(r, 'base')?.dataset.theme === 'dark' },
  Theming: { state: 'ready', mode: 'text', window: 'open', check: (_, r) => inputValue(r) === 'Branded composer' },
};

describe('message-composer stories', () => {
  // the stories with a thread lay out a virtualized log, whose resize notifications may loop once
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });
  const entries = Object.entries(stories).filter(([name]) => name !== 'default') as Array<[string, Playable]>;

  it('covers every state the issue lists', () => {
    expect(entries.map(([name]) => name)).to.have.members(Object.keys(EXPECTED));
  });

  for (const [name, story] of entries) {
    it(`${name} renders in state "${EXPECTED[name]?.state}" and is accessible`, async () => {
      const expected = EXPECTED[name];
      const canvasElement = await fixture<HTMLElement>(html`<div>${story.render!()}</div>`);
      const el = canvasElement.querySelector('message-composer')!;
      const root = el.shadowRoot!;
      if (expected.state !== 'initial') {
        await waitUntil(() => el.state !== 'initial', 'the composer never connected');
      }
      await waitUntil(
        () => part(root, 'window-notice')?.dataset.state === (expected.window ?? undefined),
        `window notice is ${part(root, 'window-notice')?.dataset.state}`,
      );
      await story.play?.({ canvasElement });
      await waitUntil(() => el.state === expected.state, `state is ${el.state}`);
      await waitUntil(
        () => part(root, 'base')?.dataset.mode === expected.mode,
        `mode is ${part(root, 'base')?.dataset.mode}`,
      );
      if (expected.check) await waitUntil(() => expected.check!(el, root), `${name} does not show what it names`);
      await el.updateComplete;
      await expect(canvasElement).to.be.accessible();
    });
  }
});
