import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { AGENTS, TEMPLATES, type MemorySeed } from '../src/adapters/memory/fixtures.js';
import { MemoryAdapter, type MemoryAdapterOptions, type MemoryGate } from '../src/adapters/memory/memory-adapter.js';
import '../src/components/conversation-thread/conversation-thread.js';
import '../src/components/inbox-provider/inbox-provider.js';
import type { InboxProvider } from '../src/components/inbox-provider/inbox-provider.js';
import '../src/components/message-composer/message-composer.js';
import type { MessageComposer } from '../src/components/message-composer/message-composer.js';
import type { MessageComposerStrings } from '../src/components/message-composer/message-composer.strings.js';
import { draftKey } from '../src/controllers/draft-controller.js';
import type { Conversation, Message } from '../src/data/models.js';

/**
 * The service window counts down against the real clock, so seeds are built
 * relative to the minute the story loads: "3h 20m left" reads the same on
 * every visit.
 */
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ME = AGENTS[0].id;

/** One conversation whose customer last wrote `ago` ms before NOW, with a short history. */
function seed(id: string, ago: number, name = 'Amelia Watson', patch: Partial<Conversation> = {}): MemorySeed {
  const at = (ms: number) => new Date(NOW - ms).toISOString();
  const messages: Message[] = [
    {
      id: `${id}-1`,
      conversationId: id,
      direction: 'outbound',
      kind: 'text',
      text: 'Hello! How can we help?',
      status: 'read',
      createdAt: at(ago + 5 * MINUTE),
    },
    {
      id: `${id}-2`,
      conversationId: id,
      direction: 'inbound',
      kind: 'text',
      text: 'Is my order 1042 on its way?',
      status: 'received',
      createdAt: at(ago),
    },
  ];
  return {
    conversation: {
      id,
      dialect: 'memory',
      status: 'open',
      channel: { kind: 'whatsapp', label: 'WhatsApp · Support' },
      contact: { displayName: name, phone: '+447700900123' },
      assignee: null,
      unreadCount: 0,
      lastInboundAt: at(ago),
      lastActivityAt: at(ago),
      lastMessage: { text: messages[1].text, direction: 'inbound', createdAt: at(ago), kind: 'text' },
      ...patch,
    },
    messages,
  };
}

const OPEN = 'c-open'; // 3 h 20 min left
const CLOSING = 'c-closing'; // 35 min left
const CLOSED = 'c-closed'; // closed 6 h ago
const SEED = (): MemorySeed[] => [
  seed(OPEN, 20 * HOUR + 40 * MINUTE),
  seed(CLOSING, 23 * HOUR + 25 * MINUTE, 'Chen Wei'),
  seed(CLOSED, 30 * HOUR, 'Jonas Lindqvist'),
];

let dialects = 0;
/** Each story gets its own dialect id, so its drafts are its own. */
function adapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  dialects += 1;
  return new MemoryAdapter({
    seed: SEED(),
    templates: [...TEMPLATES],
    currentUserId: ME,
    dialect: `story-${dialects}`,
    ...options,
  });
}

/** Puts a draft in place before the composer reads it. */
function draft(source: MemoryAdapter, conversationId: string, text: string): MemoryAdapter {
  try {
    localStorage.setItem(draftKey(source.dialect, conversationId), text);
  } catch {
    /* storage blocked: the story starts empty */
  }
  return source;
}

function composerIn(
  source: MemoryAdapter,
  selected: string | null,
  inner: TemplateResult = html`<message-composer></message-composer>`,
  attrs: { theme?: string; dir?: string; lang?: string; withThread?: boolean; style?: string } = {},
): TemplateResult {
  return html`<inbox-provider
    .source=${source}
    poll-interval="0"
    current-user-id=${ME}
    .selected=${selected}
    theme=${attrs.theme ?? 'auto'}
  >
    <style>
      .composer-frame > message-composer {
        flex: none;
      }
    </style>
    <div
      class="composer-frame"
      dir=${attrs.dir ?? 'ltr'}
      lang=${attrs.lang ?? 'en'}
      style="display: flex; flex-direction: column; max-inline-size: 560px; border: 1px solid #d9dee3; ${
        attrs.withThread ? 'block-size: 480px;' : ''
      } ${attrs.style ?? ''}"
    >
      ${attrs.withThread ? html`<conversation-thread no-auto-read style="flex: 1; min-block-size: 0"></conversation-thread>` : ''}
      ${inner}
    </div>
  </inbox-provider>`;
}

/** The composer inside the story once its provider has a store. */
async function storyComposer(canvasElement: HTMLElement): Promise<MessageComposer> {
  const provider = canvasElement.querySelector<InboxProvider>('inbox-provider')!;
  const composer = canvasElement.querySelector<MessageComposer>('message-composer')!;
  for (let i = 0; i < 100 && !provider.inboxStore; i++) await new Promise((r) => setTimeout(r, 20));
  await composer.updateComplete;
  return composer;
}

function clickSend(composer: MessageComposer): void {
  composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send"]')!.click();
}

const ARABIC: Partial<MessageComposerStrings> = {
  inputLabel: 'رسالة',
  placeholder: 'اكتب رسالة',
  send: 'إرسال',
  windowOpen: 'النافذة مفتوحة · متبقٍ {time}',
  windowClosing: 'تُغلق النافذة خلال {time}',
  useTemplate: 'القوالب',
};

const meta: Meta = {
  title: 'Elements/message-composer',
  component: 'message-composer',
  parameters: {
    docs: {
      description: {
        component:
          'The reply box: Enter sends, Shift+Enter adds a line, the dialect’s length limit with a counter, optimistic ' +
          'sending with an idempotent Retry, per-conversation drafts, and the 24-hour service window with approved templates.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Window open: an empty composer with the countdown. */
export const Default: Story = {
  render: () => composerIn(adapter(), OPEN),
};

/** Nothing selected: the composer is disabled and says why (state `initial`). */
export const Empty: Story = {
  render: () => composerIn(adapter(), null),
};

/** The templates are loading (the backend's template list is held). */
export const Loading: Story = {
  render: () => {
    const source = adapter();
    source.hold('listTemplates');
    return composerIn(source, CLOSED);
  },
};

/** A draft in progress, kept for this conversation across selection changes and reloads. */
export const Typing: Story = {
  render: () => {
    const source = adapter();
    return composerIn(
      draft(source, OPEN, 'Hi Amelia! Your order 1042 left our warehouse this morning.\nTracking: '),
      OPEN,
    );
  },
};

/** In the last 10 % of the limit the counter shows (here `max-length="120"` lowers the dialect’s 4,096). */
export const NearTheLimit: Story = {
  render: () => {
    const source = adapter();
    const text = 'Thanks for waiting! Your replacement jacket ships today and should arrive by Thursday. Any...';
    return composerIn(
      draft(source, OPEN, text.padEnd(112, '.')),
      OPEN,
      html`<message-composer max-length="120"></message-composer>`,
    );
  },
};

/** Over the limit: the counter turns red, the input is invalid, and Send explains instead of sending. */
export const OverTheLimit: Story = {
  render: () => {
    const source = adapter();
    const text = 'This answer got a little long: '.padEnd(140, ' and then some more detail');
    return composerIn(draft(source, OPEN, text), OPEN, html`<message-composer max-length="120"></message-composer>`);
  },
  play: async ({ canvasElement }) => clickSend(await storyComposer(canvasElement)),
};

let sendingGate: MemoryGate | undefined;
/** A send in flight (the MemoryAdapter holds it): the thread shows it pending at once and the input is already clear. */
export const Sending: Story = {
  render: () => {
    const source = adapter();
    sendingGate?.release();
    sendingGate = source.hold('send');
    return composerIn(draft(source, OPEN, 'On it, one moment please.'), OPEN, undefined, { withThread: true });
  },
  play: async ({ canvasElement }) => clickSend(await storyComposer(canvasElement)),
};

/** The send failed: the text is back in the input, the error says why, and Retry reuses the same client reference. */
export const Error: Story = {
  render: () => {
    const source = adapter();
    source.fail('send', 'network', 1);
    return composerIn(draft(source, OPEN, 'Your refund was issued today.'), OPEN, undefined, { withThread: true });
  },
  play: async ({ canvasElement }) => clickSend(await storyComposer(canvasElement)),
};

/**
 * The conversation given by `conversation-id` could not be loaded (502), so its window is unknown: the composer
 * says why, stays disabled, and Retry fetches it again (which works here).
 */
export const ConversationError: Story = {
  render: () => {
    const source = adapter();
    source.fail('getConversation', 'upstream', 1);
    return composerIn(source, null, html`<message-composer conversation-id=${OPEN}></message-composer>`);
  },
};

/** Window open, with the countdown of the 24-hour service window (predicted from the last inbound message). */
export const WindowOpen: Story = {
  render: () => composerIn(adapter(), OPEN, undefined, { withThread: true }),
};

/** Less than an hour left: the countdown turns into a warning. */
export const WindowClosing: Story = {
  render: () => composerIn(adapter(), CLOSING),
};

/** Window closed: free text is blocked and the composer offers the approved templates, their variables and a live preview. */
export const WindowClosedWithTemplates: Story = {
  render: () => composerIn(adapter(), CLOSED, undefined, { withThread: true }),
  play: async ({ canvasElement }) => {
    const composer = await storyComposer(canvasElement);
    for (let i = 0; i < 100 && !composer.shadowRoot!.querySelector('select:enabled'); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const select = composer.shadowRoot!.querySelector('select')!;
    select.value = '0';
    select.dispatchEvent(new Event('change'));
    await composer.updateComplete;
    const first = composer.shadowRoot!.querySelector<HTMLInputElement>('[part~="variable"]')!;
    first.value = 'Jonas';
    first.dispatchEvent(new Event('input'));
  },
};

/** Window closed on a backend that cannot send templates: the composer says so and stays disabled. */
export const BackendWithoutTemplates: Story = {
  render: () => composerIn(adapter({ capabilities: { send: { template: 'none' } } }), CLOSED),
};

/** The backend cannot send messages at all: disabled, with the reason. */
export const Disabled: Story = {
  render: () => composerIn(adapter({ capabilities: { send: { text: false, template: 'none' } } }), OPEN),
};

/** A long multi-line draft grows the input to its limit, then scrolls. */
export const LongContent: Story = {
  render: () => {
    const source = adapter();
    const lines = Array.from(
      { length: 14 },
      (_, i) => `${i + 1}. A step of the return process, explained in some detail.`,
    );
    return composerIn(draft(source, OPEN, lines.join('\n')), OPEN);
  },
};

/** Right to left: Arabic strings and text; the send icon is mirrored. */
export const RightToLeft: Story = {
  render: () => {
    const source = adapter();
    return composerIn(
      draft(source, OPEN, 'مرحباً، طلبك في الطريق 🚚'),
      OPEN,
      html`<message-composer .i18n=${ARABIC}></message-composer>`,
      { dir: 'rtl', lang: 'ar' },
    );
  },
};

/** Dark theme, through the provider's `theme="dark"`. */
export const Dark: Story = {
  render: () =>
    composerIn(adapter(), CLOSING, undefined, { theme: 'dark', withThread: true, style: 'background: #0b141a' }),
};

/** Tokens and parts: a brand accent, a square field and a taller input limit. */
export const Theming: Story = {
  render: () => html`
    <style>
      .brand {
        --inbox-color-accent: #5b3cc4;
        --inbox-color-focus: #5b3cc4;
        --inbox-radius-l: 4px;
        --message-composer-max-block-size: 16lh;
        --message-composer-field-background: #ffffff;
      }
      .brand message-composer::part(window-notice) {
        font-style: italic;
      }
      .brand message-composer::part(send) {
        border-radius: 4px;
      }
    </style>
    <div class="brand">${composerIn(draft(adapter(), OPEN, 'Branded composer'), OPEN)}</div>
  `,
};
