/** Every story of `<assignee-picker>` renders, plays and passes the accessibility audit. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../stories/assignee-picker.stories.js';

type Playable = { render?: () => TemplateResult; play?: (context: { canvasElement: HTMLElement }) => Promise<void> };

const EXPECTED_STATE: Record<string, string> = {
  Default: 'ready',
  Unassigned: 'ready',
  AssignedToMe: 'ready',
  Open: 'ready',
  LongAgentList: 'ready',
  Loading: 'loading',
  Error: 'error',
  ConversationError: 'error',
  Empty: 'empty',
  AssignmentRejected: 'error',
  AssignmentUnavailable: 'error',
  BackendWithoutAssignment: 'ready',
  Initial: 'initial',
  LongContent: 'ready',
  Theming: 'ready',
};

describe('assignee-picker stories', () => {
  const entries = Object.entries(stories).filter(([name]) => name !== 'default') as Array<[string, Playable]>;

  it('covers every state the issue lists', () => {
    expect(entries.map(([name]) => name)).to.have.members(Object.keys(EXPECTED_STATE));
  });

  for (const [name, story] of entries) {
    it(`${name} renders in state "${EXPECTED_STATE[name]}" and is accessible`, async () => {
      const canvasElement = await fixture<HTMLElement>(html`<div>${story.render!()}</div>`);
      const el = canvasElement.querySelector('assignee-picker')!;
      await waitUntil(() => el.state !== 'initial' || name === 'Initial', 'the picker never connected');
      await waitUntil(() => el.state !== 'loading' || name === 'Loading', 'the picker never loaded');
      await story.play?.({ canvasElement });
      await waitUntil(() => el.state === EXPECTED_STATE[name], `state is ${el.state}`);
      await el.updateComplete;
      await expect(canvasElement).to.be.accessible();
    });
  }
});
