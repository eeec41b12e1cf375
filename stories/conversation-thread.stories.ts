import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { AGENTS, TEMPLATES, seedConversations, type MemorySeed } from '../src/adapters/memory/fixtures.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapters/memory/memory-adapter.js';
import '../src/components/conversation-thread/conversation-thread.js';
import '../src/components/inbox-provider/inbox-provider.js';
import type { InboxProvider } from '../src/components/inbox-provider/inbox-provider.js';
import { InboxError } from '../src/data/errors.js';
import type { Conversation, Message } from '../src/data/models.js';

/** A fixed clock, so the stories look the same on every run. */
const NOW = Date.parse('2026-11-20T12:00:00Z');
const MINUTE = 60_000;
const ME = AGENTS[0].id;

// conv-001: every kind of message and delivery state, 2 unread; conv-002: Arabic name, RTL;
// conv-006: a very long name; conv-011: 120 messages, 4 unread.
function adapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({
    seed: seedConversations({ count: 14, now: NOW }),
    agents: [...AGENTS],
    templates: [...TEMPLATES],
    currentUserId: ME,
    ...options,
  });
}

function thread(
  source: MemoryAdapter,
  selected: string | null,
  inner: TemplateResult = html`<conversation-thread no-auto-read></conversation-thread>`,
  attrs: { theme?: string; dir?: string; lang?: string; style?: string; poll?: number } = {},
): TemplateResult {
  return html`<inbox-provider
    .source=${source}
    poll-interval=${String(attrs.poll ?? 0)}
    current-user-id=${ME}
    .selected=${selected}
    theme=${attrs.theme ?? 'auto'}
  >
    <style>
      .thread-story {
        display: flex;
        flex-direction: column;
        block-size: 600px;
        max-inline-size: 760px;
      }
      .thread-story > conversation-thread {
        flex: 1;
        min-block-size: 0;
      }
    </style>
    <div class="thread-story" dir=${attrs.dir ?? 'ltr'} lang=${attrs.lang ?? 'en'} style=${attrs.style ?? ''}>
      ${inner}
    </div>
  </inbox-provider>`;
}

function conversation(id: string, partial: Partial<Conversation> = {}): Conversation {
  return {
    id,
    dialect: 'memory',
    status: 'open',
    channel: { kind: 'whatsapp', label: 'WhatsApp · Support' },
    contact: { displayName: 'Amelia Watson', phone: '+447700900123' },
    assignee: null,
    unreadCount: 0,
    lastInboundAt: new Date(NOW - 30 * MINUTE).toISOString(),
    ...partial,
  };
}

function text(
  id: string,
  n: number,
  direction: Message['direction'],
  body: string,
  minutesAgo: number,
  partial: Partial<Message> = {},
): Message {
  return {
    id: `${id}-${n}`,
    conversationId: id,
    direction,
    kind: 'text',
    text: body,
    status: direction === 'inbound' ? 'received' : 'read',
    createdAt: new Date(NOW - minutesAgo * MINUTE).toISOString(),
    ...partial,
  };
}

/** One conversation whose messages show WhatsApp formatting. */
function formattingSeed(): MemorySeed {
  const id = 'fmt';
  return {
    conversation: conversation(id),
    messages: [
      text(id, 1, 'inbound', 'Hi! Is the *blue* jacket _still_ available? ~I saw it sold out~', 40),
      text(
        id,
        2,
        'outbound',
        'Yes! Here is what we have:\n- *Blue*, size M\n- *Navy*, sizes S and L\n\nOrder here: https://shop.example.com/jackets',
        38,
      ),
      text(id, 3, 'inbound', '> Navy, sizes S and L\nI will take the navy one in L 👍', 30),
      text(
        id,
        4,
        'outbound',
        'Your order code is ```NAVY-L-1042```. Steps:\n1. Pay with the link\n2. Wait for the `shipped` message',
        25,
      ),
      text(id, 5, 'inbound', 'Nested *_bold italic_* and `code`, and an unclosed *marker stays as text', 20),
      text(
        id,
        6,
        'inbound',
        'Links are only for http(s): javascript:alert(1) and <script>alert(1)</script> stay text',
        10,
      ),
    ],
  };
}

/** One conversation with failed sends the backend reported. */
function failedSeed(): MemorySeed {
  const id = 'fail';
  const error = (kind: InboxError['kind']) =>
    new InboxError({ kind, message: 'vendor text is never shown', dialect: 'memory' });
  return {
    conversation: conversation(id, { lastInboundAt: new Date(NOW - 26 * 60 * MINUTE).toISOString() }),
    messages: [
      text(id, 1, 'inbound', 'Can you send me the invoice?', 26 * 60),
      text(id, 2, 'outbound', 'Here it is!', 25, { status: 'failed', error: error('outside_window') }),
      text(id, 3, 'outbound', 'Sending it again', 20, { status: 'failed', error: error('validation') }),
      text(id, 4, 'outbound', 'And once more', 15, { status: 'failed', error: error('upstream') }),
    ],
  };
}

/** A long thread: `count` messages, 9 minutes apart, in runs from each side. */
function longSeed(count: number): MemorySeed {
  const id = 'long';
  const lines = [
    'Hi, is my order shipped yet?',
    'Let me check that for you.',
    'Thanks a lot! 🙏',
    'Your order has been shipped and should arrive on _Thursday_.',
    'ok',
    'Tracking: https://track.example.com/AB123',
  ];
  return {
    conversation: conversation(id, { contact: { displayName: 'Oliver Bennett', phone: '+14155550123' } }),
    messages: Array.from({ length: count }, (_, i) =>
      text(
        id,
        i,
        Math.floor(i / (1 + (i % 3))) % 2 ? 'outbound' : 'inbound',
        `${lines[i % lines.length]} (#${i + 1})`,
        (count - i) * 9,
      ),
    ),
  };
}

const meta: Meta = {
  title: 'Elements/conversation-thread',
  component: 'conversation-thread',
  parameters: {
    actions: {
      handles: [
        'inbox-message-send',
        'inbox-message-sent',
        'inbox-conversation-update',
        'inbox-conversation-updated',
        'inbox-error',
      ],
    },
  },
};
export default meta;

type Story = StoryObj;

/** The showcase conversation: text with formatting, a template, image, video, audio, document, location, sticker, an unsupported type and every delivery state. */
export const Default: Story = {
  render: () => thread(adapter(), 'conv-001'),
};

/** Nothing selected: a quiet prompt. */
export const NoSelection: Story = {
  render: () => thread(adapter(), null),
};

/** While the first page loads: a skeleton after a short delay, `aria-busy` on the element. */
export const Loading: Story = {
  render: () => {
    const source = adapter();
    source.hold('listMessages');
    return thread(source, 'conv-001');
  },
};

/** A conversation without messages. */
export const Empty: Story = {
  render: () => thread(adapter({ seed: [{ conversation: conversation('empty'), messages: [] }] }), 'empty'),
};

/** The thread could not be loaded: a localized message by error kind and a Retry. */
export const Error: Story = {
  render: () => {
    const source = adapter();
    source.fail('listMessages', 'network', 1);
    return thread(source, 'conv-001');
  },
};

/** WhatsApp formatting as the phone shows it: bold, italic, strikethrough, monospace, code, quotes, lists and safe links. */
export const Formatting: Story = {
  render: () => thread(adapter({ seed: [formattingSeed()] }), 'fmt'),
};

/** Failed sends: the reason in words, with Retry and Discard for a send that can be retried. The first failure comes from the backend (no retry); the play sends one that fails outside the window. */
export const FailedSends: Story = {
  render: () => thread(adapter({ seed: [failedSeed()] }), 'fail'),
  play: async ({ canvasElement }) => {
    const provider = canvasElement.querySelector<InboxProvider>('inbox-provider');
    const source = provider?.source as MemoryAdapter | undefined;
    const store = provider?.inboxStore;
    if (!source || !store) return;
    source.fail('send', 'outside_window', 1);
    await store
      .send({ conversationId: 'fail', kind: 'text', text: 'Please confirm your address.' })
      .catch(() => undefined);
  },
};

/** Four unread messages: the thread opens at the unread divider, which stays put after the conversation is marked read. */
export const UnreadDivider: Story = {
  render: () => thread(adapter(), 'conv-011', html`<conversation-thread></conversation-thread>`),
};

/** 10,000 messages, loaded 500 at a time as the reader scrolls up: the DOM stays small, and what the reader sees does not move as older pages load. */
export const TenThousandMessages: Story = {
  render: () => thread(adapter({ seed: [longSeed(10_000)], messagePageSize: 500, latency: 400 }), 'long'),
};

/** Long names, long words, and a right-to-left conversation (`dir="rtl"`, Arabic). */
export const LongContent: Story = {
  render: () => {
    const id = 'rtl';
    const seed: MemorySeed = {
      conversation: conversation(id, {
        contact: {
          displayName: 'أحمد عبد الرحمن الفارسي من شركة التجارة العالمية للإلكترونيات',
          phone: '+971501234567',
        },
      }),
      messages: [
        text(id, 1, 'inbound', 'مرحبا، هل طلبي *في الطريق*؟', 50),
        text(id, 2, 'outbound', 'نعم، سيصل يوم _الخميس_. رابط التتبع: https://track.example.com/AB123', 45),
        text(
          id,
          3,
          'inbound',
          'Supercalifragilisticexpialidocious-and-a-very-long-unbroken-word-that-must-wrap-inside-the-bubble',
          40,
        ),
        text(id, 4, 'outbound', 'English and عربي mixed in one message', 30, { status: 'delivered' }),
      ],
    };
    return thread(adapter({ seed: [seed] }), id, undefined, { dir: 'rtl', lang: 'ar' });
  },
};

/** Dark theme through `theme="dark"` on the provider. */
export const Dark: Story = {
  render: () => thread(adapter(), 'conv-001', undefined, { theme: 'dark', style: 'background: #0b141a' }),
};

/** Custom tokens and parts: a brand accent, square bubbles, and a restyled jump-to-latest button. */
export const Theming: Story = {
  render: () =>
    thread(
      adapter(),
      'conv-011',
      html`<style>
          .themed {
            --inbox-color-outbound: #e8f0fe;
            --inbox-color-link: #7b1fa2;
            --inbox-font-family: Georgia, serif;
            --conversation-thread-bubble-radius: 2px;
            --conversation-thread-background: #faf7f2;
          }
          .themed::part(day) {
            text-transform: uppercase;
            letter-spacing: 0.06em;
          }
          .themed::part(jump-latest) {
            border-radius: 8px;
          }
        </style>
        <conversation-thread class="themed" no-auto-read></conversation-thread>`,
    ),
};

/** The host's own actions in the header slot; `no-header` hides the header instead. */
export const WithActions: Story = {
  render: () =>
    thread(
      adapter(),
      'conv-006',
      html`<conversation-thread no-auto-read>
        <button slot="actions" type="button">Close</button>
        <button slot="actions" type="button">Archive</button>
      </conversation-thread>`,
    ),
};

/** New messages arrive every few seconds: followed at the bottom; scroll up and the jump-to-latest button counts them, and each is announced politely. */
export const LiveMessages: Story = {
  render: () => {
    const source = adapter();
    const replies = ['Are you there?', 'Hello?', '*Size M* please', 'Thanks!'];
    let n = 0;
    const timer = setInterval(() => {
      if (n >= replies.length) return clearInterval(timer);
      source.receive('conv-009', replies[n++]);
    }, 4000);
    return thread(source, 'conv-009', undefined, { poll: 2 });
  },
};
