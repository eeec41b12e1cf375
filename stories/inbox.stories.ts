import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { ReferenceDb } from '../reference-backend/db.js';
import { startReferenceBackend } from '../reference-backend/browser.js';
import { hostConfig, type ReferenceDialect } from '../reference-backend/host-config.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import { AGENTS, TEMPLATES, seedConversations } from '../src/adapters/memory/fixtures.js';
import { inboxLayout } from './inbox-layout.js';

function inbox() {
  return html`${inboxLayout}
    <div class="story-inbox">
      <inbox-list></inbox-list>
      <section class="conversation" aria-label="Conversation">
        <conversation-thread>
          <inbox-conversation-actions slot="actions"></inbox-conversation-actions>
        </conversation-thread>
        <message-composer></message-composer>
      </section>
      <aside aria-label="Assignment"><assignee-picker></assignee-picker></aside>
    </div>`;
}

const meta: Meta = {
  title: 'Inbox/Composed',
};
export default meta;

type Story = StoryObj;

/** All four elements sharing one in-memory data source through `<inbox-provider>`. */
export const Composed: Story = {
  render: () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    const adapter = new MemoryAdapter({
      seed: seedConversations({ count: 40, now }),
      agents: [...AGENTS],
      templates: [...TEMPLATES],
      currentUserId: AGENTS[0].id,
    });
    return html`<inbox-provider
      .source=${adapter}
      poll-interval="0"
      current-user-id=${AGENTS[0].id}
      selected="conv-001"
    >
      ${inbox()}
    </inbox-provider>`;
  },
};

/** The same inbox in the dark theme, set once on the provider. */
export const Dark: Story = {
  render: () => {
    const adapter = new MemoryAdapter({
      seed: seedConversations({ count: 40 }),
      agents: [...AGENTS],
      templates: [...TEMPLATES],
    });
    return html`<div style="background:#0b141a;padding:8px">
      <inbox-provider .source=${adapter} poll-interval="0" theme="dark" selected="conv-001">${inbox()}</inbox-provider>
    </div>`;
  },
};

function live(dialect: ReferenceDialect): Story {
  return {
    // runs against the reference backend through a service worker: browsed by people, not by the story test run
    tags: ['!test'],
    loaders: [
      async () => {
        const backend = await startReferenceBackend({ db: ReferenceDb.seeded() });
        return { config: hostConfig(backend.db, dialect) };
      },
    ],
    render: (_args, { loaded }) => {
      const { config } = loaded as { config: ReturnType<typeof hostConfig> };
      return html`<inbox-provider
        backend=${config.backend}
        base-url=${config.baseUrl}
        .options=${config.options}
        current-user-id=${config.currentUserId}
        poll-interval="15"
        >${inbox()}</inbox-provider
      >`;
    },
  };
}

/** Live on the reference backend, Switchbord dialect: offset paging, summary counts, no assignment. */
export const LiveSwitchbord = live('switchbord');
/** Live, Qlara dialect: unread filter, mark read, archive, assign with the backend's agents, async replies. */
export const LiveQlara = live('qlara');
/** Live, Cloove dialect: filters and search on the server, idempotent sends, templates by phone. */
export const LiveCloove = live('cloove');
/** Live, SuperWaba dialect: close with a resolution, assign, older messages by cursor. */
export const LiveSuperwaba = live('superwaba');
/** Live, Vobiz dialect: cursor-paged messages, templates with language and parameters. */
export const LiveVobiz = live('vobiz');
