import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { AGENTS, seedConversations } from '../src/adapters/memory/fixtures.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapters/memory/memory-adapter.js';
import '../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import '../src/components/inbox-provider/inbox-provider.js';
import { InboxError } from '../src/data/errors.js';

/** A fixed clock, so the stories look the same on every run. */
const NOW = Date.parse('2026-11-20T12:00:00Z');

// conv-001: open with unread messages; conv-007: closed; conv-008: archived.
function adapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ seed: seedConversations({ count: 14, now: NOW }), agents: [...AGENTS], ...options });
}

function actions(
  source: MemoryAdapter,
  selected: string,
  inner = html`<inbox-conversation-actions></inbox-conversation-actions>`,
): TemplateResult {
  return html`<inbox-provider .source=${source} poll-interval="0" selected=${selected}>${inner}</inbox-provider>`;
}

/** Clicks one action button, as the agent would. */
async function click(canvasElement: HTMLElement, action: string): Promise<void> {
  const el = canvasElement.querySelector('inbox-conversation-actions');
  if (!el) return;
  await el.updateComplete;
  el.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)?.click();
  await el.updateComplete;
}

const meta: Meta = {
  title: 'Elements/inbox-conversation-actions',
  component: 'inbox-conversation-actions',
  parameters: {
    actions: { handles: ['inbox-conversation-update', 'inbox-conversation-updated', 'inbox-error'] },
  },
};
export default meta;

type Story = StoryObj;

/** Every action available on an open conversation with unread messages: mark as read, archive, close with a resolution. */
export const Default: Story = {
  render: () => actions(adapter(), 'conv-001'),
};

/** An archived, read conversation offers Unarchive and Mark as unread instead. */
export const Archived: Story = {
  render: () => actions(adapter(), 'conv-008'),
};

/** A closed conversation no longer offers Close. */
export const Closed: Story = {
  render: () => actions(adapter(), 'conv-007'),
};

/** Qlara: mark read and archive, no close. */
export const QlaraActions: Story = {
  render: () => actions(adapter({ capabilities: { close: false, markUnread: false } }), 'conv-001'),
};

/** SuperWaba: close (with a resolution) only. */
export const SuperWabaActions: Story = {
  render: () => actions(adapter({ capabilities: { markRead: false, markUnread: false, archive: false } }), 'conv-001'),
};

/** Busy: the backend has not answered the archive yet, so the button spins and ignores further clicks. */
export const Busy: Story = {
  render: () => {
    const source = adapter();
    source.hold('archive');
    return actions(source, 'conv-001');
  },
  play: async ({ canvasElement }) => click(canvasElement, 'archive'),
};

/** Failed: the backend refused (403); the change rolled back and an inline alert explains why. */
export const Failed: Story = {
  render: () => {
    const source = adapter();
    source.fail(
      'archive',
      new InboxError({ kind: 'forbidden', message: 'Forbidden', dialect: 'memory', httpStatus: 403 }),
    );
    return actions(source, 'conv-001');
  },
  play: async ({ canvasElement }) => click(canvasElement, 'archive'),
};

/** A transient failure (502) offers Retry, which then succeeds. */
export const Error: Story = {
  render: () => {
    const source = adapter();
    source.fail('close', 'upstream', 1);
    return actions(source, 'conv-001');
  },
  play: async ({ canvasElement }) => click(canvasElement, 'close'),
};

/** The conversation is still loading (given by `conversation-id`, not yet known to the store). */
export const Loading: Story = {
  render: () => {
    const source = adapter();
    source.hold('getConversation');
    return actions(
      source,
      '',
      html`<inbox-conversation-actions conversation-id="conv-003"></inbox-conversation-actions>`,
    );
  },
};

/**
 * The conversation given by `conversation-id` could not be loaded (502): no action is offered,
 * a message says why, and Retry fetches it again (which works here).
 */
export const ConversationError: Story = {
  render: () => {
    const source = adapter();
    source.fail(
      'getConversation',
      new InboxError({ kind: 'upstream', message: 'Bad Gateway', dialect: 'memory', httpStatus: 502 }),
      1,
    );
    return actions(
      source,
      '',
      html`<inbox-conversation-actions conversation-id="conv-008"></inbox-conversation-actions>`,
    );
  },
};

/** No action supported by the backend (e.g. Switchbord): nothing is rendered. */
export const Empty: Story = {
  render: () =>
    actions(
      adapter({ capabilities: { close: false, archive: false, markRead: false, markUnread: false } }),
      'conv-001',
    ),
};

/** Right-to-left with long, localized labels: the buttons wrap and keep their order. */
export const LongContent: Story = {
  render: () =>
    html`<div dir="rtl" lang="ar" style="max-inline-size: 360px">
      ${actions(
        adapter(),
        'conv-001',
        html`<inbox-conversation-actions
          .i18n=${{
            label: 'إجراءات المحادثة',
            close: 'إغلاق المحادثة',
            archive: 'نقل إلى الأرشيف',
            markRead: 'تعليم كمقروءة',
            resolutionLabel: 'النتيجة',
            resolutions: { resolved: 'تم الحل', no_response: 'لا يوجد رد', spam: 'رسائل مزعجة' },
          }}
        ></inbox-conversation-actions>`,
      )}
    </div>`,
};

/** The dark theme with custom tokens and parts: a branded primary button and pill-shaped actions. */
export const Theming: Story = {
  render: () =>
    html`<style>
        .branded inbox-conversation-actions {
          --inbox-conversation-actions-primary-background: #b39dff;
          --inbox-conversation-actions-primary-color: #1a1033;
          --inbox-conversation-actions-gap: 4px;
        }
        .branded inbox-conversation-actions::part(action) {
          border-radius: 999px;
        }
      </style>
      <div class="branded" style="background: #0b141a; padding: 16px">
        <inbox-provider .source=${adapter()} poll-interval="0" selected="conv-001" theme="dark">
          <inbox-conversation-actions></inbox-conversation-actions>
        </inbox-provider>
      </div>`,
};
