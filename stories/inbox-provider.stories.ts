import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import { AGENTS, TEMPLATES, seedConversations } from '../src/adapters/memory/fixtures.js';

/**
 * `<inbox-provider>` renders its children as they are and hands every inbox
 * element inside it one data source, the selection and the theme.
 */
const meta: Meta = {
  title: 'Elements/inbox-provider',
  component: 'inbox-provider',
};
export default meta;

type Story = StoryObj;

const adapter = () =>
  new MemoryAdapter({ seed: seedConversations({ count: 12 }), agents: [...AGENTS], templates: [...TEMPLATES] });

const pair = html`<div style="display:grid;grid-template-columns:320px 1fr;block-size:480px;border:1px solid #d9dee3">
  <inbox-list></inbox-list>
  <conversation-thread></conversation-thread>
</div>`;

/** One source, one selection: choosing a row in the list opens it in the thread. */
export const Default: Story = {
  render: () =>
    html`<inbox-provider .source=${adapter()} poll-interval="0" selected="conv-002">${pair}</inbox-provider>`,
};

/** `theme="dark"` on the provider: every element inside follows. */
export const Dark: Story = {
  render: () =>
    html`<div style="background:#0b141a;padding:8px">
      <inbox-provider .source=${adapter()} poll-interval="0" theme="dark" selected="conv-002">${pair}</inbox-provider>
    </div>`,
};

/** Without `backend`/`base-url` or `source` the elements wait quietly in their initial state. */
export const NoSource: Story = {
  render: () => html`<inbox-provider>${pair}</inbox-provider>`,
};
