/**
 * The composed inbox the guide pages show (Localization, Theming): all six
 * elements on one in-memory data source, timed relative to now (so reply
 * windows are open, as a reader would see them).
 */
import { html, type TemplateResult } from 'lit';
import { AGENTS, seedConversations, TEMPLATES } from '../../src/adapters/memory/fixtures.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import '../../src/index.js';
import type { InboxStringTables } from '../../src/locales/de.js';
import { inboxLayout } from '../inbox-layout.js';

export function memorySource(): MemoryAdapter {
  return new MemoryAdapter({
    seed: seedConversations({ count: 24 }),
    agents: [...AGENTS],
    templates: [...TEMPLATES],
    currentUserId: AGENTS[0].id,
  });
}

/** The four panes; `i18n` tables (by tag) and a label for the regions are optional. */
export function inboxPanes(strings: Partial<InboxStringTables> = {}, labels = ['Conversation', 'Assignment']) {
  return html`${inboxLayout}
    <div class="story-inbox" style="--story-columns: minmax(240px, 320px) 1fr 220px; --story-height: 560px">
      <inbox-list .i18n=${strings['inbox-list']}></inbox-list>
      <section class="conversation" aria-label=${labels[0]}>
        <conversation-thread .i18n=${strings['conversation-thread']}>
          <inbox-conversation-actions
            slot="actions"
            .i18n=${strings['inbox-conversation-actions']}
          ></inbox-conversation-actions>
        </conversation-thread>
        <message-composer .i18n=${strings['message-composer']}></message-composer>
      </section>
      <aside aria-label=${labels[1]}><assignee-picker .i18n=${strings['assignee-picker']}></assignee-picker></aside>
    </div>`;
}

export function inbox(content: TemplateResult, attrs: { theme?: string; className?: string } = {}): TemplateResult {
  return html`<inbox-provider
    class=${attrs.className ?? ''}
    .source=${memorySource()}
    poll-interval="0"
    current-user-id=${AGENTS[0].id}
    selected="conv-001"
    theme=${attrs.theme ?? 'auto'}
    >${content}</inbox-provider
  >`;
}
