import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/components/inbox-provider/inbox-provider.js';
import '../src/components/inbox-list/inbox-list.js';
import type { InboxList } from '../src/components/inbox-list/inbox-list.js';
import type { InboxListStrings } from '../src/components/inbox-list/inbox-list.strings.js';
import type { InboxProvider } from '../src/components/inbox-provider/inbox-provider.js';
import { MemoryAdapter, type MemoryAdapterOptions, type MemorySeed } from '../src/adapters/memory/memory-adapter.js';
import { AGENTS, seedConversations } from '../src/adapters/memory/fixtures.js';
import type { Conversation } from '../src/data/models.js';

/**
 * Seeds are built relative to the minute the story loads, so relative times
 * and window chips ("2 min ago", "23h left") read the same on every visit.
 */
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ME = AGENTS[0].id;

function adapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ seed: seedConversations({ count: 40, now: NOW }), currentUserId: ME, ...options });
}

function frame(content: TemplateResult, style = ''): TemplateResult {
  return html`<div style="block-size: 600px; max-inline-size: 400px; border: 1px solid #d9dee3; ${style}">
    ${content}
  </div>`;
}

function listIn(source: MemoryAdapter, list: TemplateResult = html`<inbox-list></inbox-list>`): TemplateResult {
  return frame(
    html`<inbox-provider .source=${source} poll-interval="0" current-user-id=${ME}>${list}</inbox-provider>`,
  );
}

/** A conversation of our own for the content stories. */
function conversation(
  id: string,
  ago: number,
  patch: Omit<Partial<Conversation>, 'lastMessage'> & {
    lastMessage?: Partial<NonNullable<Conversation['lastMessage']>>;
  },
): MemorySeed {
  const at = new Date(NOW - ago).toISOString();
  return {
    conversation: {
      id,
      dialect: 'memory',
      status: 'open',
      channel: { kind: 'whatsapp', label: 'WhatsApp · Support' },
      contact: {},
      assignee: null,
      unreadCount: 0,
      lastActivityAt: at,
      lastInboundAt: at,
      ...patch,
      lastMessage: { direction: 'inbound', createdAt: at, kind: 'text', ...patch.lastMessage },
    },
    messages: [],
  };
}

/** Waits for the list inside the story and for its store. */
async function storyList(canvasElement: HTMLElement): Promise<{ list: InboxList; provider: InboxProvider }> {
  const provider = canvasElement.querySelector('inbox-provider')!;
  const list = canvasElement.querySelector('inbox-list')!;
  for (let i = 0; i < 100 && (!provider.inboxStore || list.state === 'loading' || list.state === 'initial'); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await list.updateComplete;
  return { list, provider };
}

const meta: Meta = {
  title: 'Elements/inbox-list',
  component: 'inbox-list',
  parameters: {
    docs: {
      description: {
        component:
          'The conversation list. Give it a height (it fills its container and scrolls inside); rows are virtualized, so 10,000 conversations stay light.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** Forty conversations from the memory backend: every status, unread counts, windows open, closing and closed. */
export const Default: Story = {
  render: () => listIn(adapter()),
};

/** The first page never arrives: a busy list with skeleton rows after a short delay. */
export const Loading: Story = {
  render: () => {
    const source = adapter();
    source.hold('listConversations');
    return listIn(source);
  },
};

/** A backend with no conversations at all. */
export const Empty: Story = {
  render: () => listIn(adapter({ seed: [] })),
};

/** Filters that match nothing: a different message and a Clear filters button. */
export const FilteredEmpty: Story = {
  render: () => listIn(adapter()),
  play: async ({ canvasElement }) => {
    const { provider } = await storyList(canvasElement);
    await provider.inboxStore?.setQuery({ search: 'no such customer', unreadOnly: true });
  },
};

/** The list could not be loaded: a localized alert (never the backend's text) with Retry. */
export const Error: Story = {
  render: () => {
    const source = adapter();
    source.fail('listConversations', 'network');
    return listIn(source);
  },
};

/** The next page failed: the rows already shown stay, with an inline retry at the end. */
export const PageError: Story = {
  render: () => listIn(adapter({ pageSize: 12 })),
  play: async ({ canvasElement }) => {
    const { list, provider } = await storyList(canvasElement);
    const source = provider.source as MemoryAdapter;
    source.fail('listConversations', 'server', 1);
    const scroller = list.shadowRoot!.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    scroller.scrollTop = scroller.scrollHeight;
    // the inline error is appended at the end: bring it into view once it is there
    for (let i = 0; i < 100 && !list.shadowRoot!.querySelector('[part~="more-error"]'); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await list.updateComplete;
    scroller.scrollTop = scroller.scrollHeight;
  },
};

/** 10,000 conversations in one page: the DOM holds only the rows in view. */
export const TenThousand: Story = {
  render: () =>
    listIn(
      adapter({
        seed: seedConversations({ count: 10_000, now: NOW, messagesPerConversation: 1 }),
        pageSize: 10_000,
      }),
    ),
};

/** Long names and previews truncate with an ellipsis; HTML in them shows as text. */
export const LongContent: Story = {
  render: () =>
    listIn(
      adapter({
        seed: [
          conversation('long-1', 2 * MINUTE, {
            contact: { displayName: 'Maximiliana Alexandrina Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh' },
            unreadCount: 128,
            assignee: { id: 'agent-4', displayName: 'Lucía Gómez de la Fuente y Montenegro' },
            lastMessage: {
              text: 'I have been waiting for a very long time and would like to know when my order, which I placed three weeks ago, will finally arrive at my door',
            },
          }),
          conversation('long-2', 9 * MINUTE, {
            contact: { displayName: '<img src=x onerror="alert(1)"> Mallory' },
            lastMessage: { text: '<script>alert("hi")</script> just text', direction: 'outbound' },
          }),
          conversation('long-3', 40 * MINUTE, {
            contact: { displayName: 'ليلى عبد الرحمن الحداد' },
            status: 'escalated',
            lastMessage: { text: 'مرحبا، هل يمكنني تغيير عنوان التوصيل لطلبي من فضلك؟' },
          }),
          conversation('long-4', 3 * HOUR, {
            contact: { phone: '+4915123456789' },
            lastMessage: { kind: 'image' },
          }),
          conversation('long-5', 23 * HOUR, {
            contact: { displayName: 'Closing Soon' },
            lastMessage: { text: 'Is anyone there?' },
          }),
          conversation('long-6', 30 * HOUR, {
            contact: { displayName: 'Window Closed' },
            status: 'pending',
            lastMessage: { text: 'Hello?' },
          }),
        ],
      }),
    ),
};

const ARABIC: Partial<InboxListStrings> = {
  listLabel: 'المحادثات',
  searchLabel: 'ابحث في المحادثات',
  searchPlaceholder: 'بحث',
  statusAll: 'كل الحالات',
  statusLabel: 'الحالة',
  assigneeLabel: 'المسؤول',
  assigneeAll: 'الجميع',
  assigneeMe: 'مسندة إليّ',
  assigneeUnassigned: 'غير مسندة',
  unreadOnly: 'غير المقروءة فقط',
  summaryTotal: '{count} الكل',
  summaryOpen: '{count} مفتوحة',
  summaryUnread: '{count} غير مقروءة',
  youPrefix: 'أنت: {text}',
  statusOpen: 'مفتوحة',
  statusPending: 'معلقة',
  statusClosed: 'مغلقة',
  statusEscalated: 'مصعّدة',
  statusBot: 'روبوت',
  windowOpen: 'متبقٍ {time}',
  windowClosed: 'النافذة مغلقة',
  unreadBadgeSuffix: 'غير مقروءة',
};

/** Right to left with Arabic strings through `i18n`; names and previews keep their own direction. */
export const RightToLeft: Story = {
  render: () => listIn(adapter(), html`<inbox-list dir="rtl" lang="ar" .i18n=${ARABIC}></inbox-list>`),
};

/** The dark theme, and a custom look through tokens, component properties and parts. */
export const Theming: Story = {
  render: () =>
    html`<style>
        .brand inbox-list {
          --inbox-color-accent: #6d28d9;
          --inbox-color-selected: #ede9fe;
          --inbox-color-badge: #6d28d9;
          --inbox-list-row-height: 76px;
          --inbox-list-avatar-size: 44px;
        }
        .brand inbox-list::part(name) {
          letter-spacing: 0.01em;
        }
        .brand inbox-list::part(avatar) {
          border-radius: 12px;
        }
      </style>
      <div style="display: flex; gap: 16px; flex-wrap: wrap">
        ${frame(
          html`<inbox-provider .source=${adapter()} poll-interval="0" theme="dark" selected="conv-002"
            ><inbox-list></inbox-list
          ></inbox-provider>`,
          'background: #0b141a',
        )}
        <div class="brand" style="display: contents">${listIn(adapter())}</div>
      </div>`,
};

// ---- capability profiles ------------------------------------------------------

/** A backend that cannot search: the list searches the loaded rows and says so. */
export const ClientSearch: Story = {
  render: () => listIn(adapter({ capabilities: { filters: { search: false } } })),
  play: async ({ canvasElement }) => {
    const { provider } = await storyList(canvasElement);
    await provider.inboxStore?.setQuery({ search: 'order' });
  },
};

/** A backend without summary counts: the counts come from the loaded rows, labelled as such. */
export const DerivedCounts: Story = {
  render: () => listIn(adapter({ capabilities: { summary: false }, pageSize: 15 })),
};

/** A backend with no list filters at all (only the client-side search remains). */
export const NoFilters: Story = {
  render: () =>
    listIn(
      adapter({
        capabilities: {
          filters: { status: false, unreadOnly: false, assignee: 'none', search: false },
          listArchived: false,
          summary: false,
        },
      }),
    ),
};

/** A single-channel backend: no channel on the rows. */
export const SingleChannel: Story = {
  render: () => listIn(adapter({ capabilities: { multiChannel: false } })),
};

/** Filters on status values the backend names, and "assigned to me" / "unassigned" only. */
export const LimitedFilters: Story = {
  render: () =>
    listIn(
      adapter({
        capabilities: {
          filters: { statusValues: ['open', 'closed'], assignee: 'me-unassigned', unreadOnly: false },
          listArchived: false,
        },
      }),
    ),
};
