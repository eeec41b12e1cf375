/**
 * Deterministic seed data for the `MemoryAdapter`, stories and tests.
 *
 * `seedConversations()` builds the same conversations for the same `seed` and
 * `now`: contacts in Latin, Arabic, Devanagari and CJK scripts, one without a
 * name and one with a very long name; every conversation status; service
 * windows closed, open and about to close; unread counts; assigned and
 * unassigned conversations; messages of every kind and delivery status.
 */
import { InboxError } from '../../data/errors.js';
import type {
  Agent,
  Conversation,
  ConversationStatus,
  DeliveryStatus,
  Message,
  MessageDirection,
  Template,
} from '../../data/models.js';

/** One conversation with its messages (oldest first), as the memory "server" holds it. */
export interface MemorySeed {
  conversation: Conversation;
  messages: Message[];
}

export interface SeedOptions {
  /** How many conversations (default 40). */
  count?: number;
  /** The reference time the timestamps are relative to (default `Date.now()`). */
  now?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /**
   * Generated messages per conversation. Default: 3-14, and 120 in the
   * conversation with a long history. The first conversation always adds its
   * showcase messages (one of every kind and delivery status) after these.
   */
  messagesPerConversation?: number;
}

/** Agents a conversation can be assigned to; the first one is the default current user. */
export const AGENTS: readonly Agent[] = Object.freeze([
  { id: 'agent-1', displayName: 'Sam Rivera', email: 'sam.rivera@example.com', avatarUrl: null },
  { id: 'agent-2', displayName: 'Aisha Khan', email: 'aisha.khan@example.com', avatarUrl: null },
  { id: 'agent-3', displayName: 'Chen Wei', email: 'chen.wei@example.com', avatarUrl: null },
  { id: 'agent-4', displayName: 'Lucía Gómez', email: 'lucia.gomez@example.com', avatarUrl: null },
  { id: 'agent-5', displayName: 'Olu Adeyemi', email: 'olu.adeyemi@example.com', avatarUrl: null },
  { id: 'agent-6', displayName: 'Priya Nair', email: 'priya.nair@example.com', avatarUrl: null },
  { id: 'agent-7', displayName: 'Jonas Weber', email: 'jonas.weber@example.com', avatarUrl: null },
]);

/** Approved templates: positional (`{{1}}`) ones and a named-variable one. */
export const TEMPLATES: readonly Template[] = Object.freeze([
  {
    name: 'order_update',
    language: 'en',
    category: 'UTILITY',
    body: 'Hi {{1}}, your order {{2}} is on its way. Reply to this message if you have any questions.',
    variables: [
      { key: '1', label: 'Customer name', example: 'Amelia' },
      { key: '2', label: 'Order number', example: '1042', pattern: '^[0-9]+$' },
    ],
  },
  {
    name: 'appointment_reminder',
    language: 'en',
    category: 'UTILITY',
    body: 'Hello {{1}}, this is a reminder of your appointment on {{2}} at {{3}}.',
    variables: [
      { key: '1', label: 'Customer name', example: 'Amelia' },
      { key: '2', label: 'Date', example: '12 May' },
      { key: '3', label: 'Time', example: '10:30' },
    ],
  },
  {
    name: 'follow_up',
    language: 'en',
    category: 'MARKETING',
    body: 'Hi! We have an update about your request. Reply to this message to continue the conversation.',
    variables: [],
  },
  {
    name: 'delivery_window',
    language: 'en',
    category: 'UTILITY',
    body: 'Hi {{customer_name}}, your delivery is scheduled between {{start_time}} and {{end_time}}.',
    variables: [
      { key: 'customer_name', label: 'Customer name', example: 'Amelia' },
      { key: 'start_time', label: 'From', example: '09:00' },
      { key: 'end_time', label: 'To', example: '12:00', required: false },
    ],
  },
  {
    name: 'actualizacion_pedido',
    language: 'es',
    category: 'UTILITY',
    body: 'Hola {{1}}, tu pedido {{2}} está en camino.',
    variables: [
      { key: '1', label: 'Nombre', example: 'Lucía' },
      { key: '2', label: 'Pedido', example: '1042' },
    ],
  },
]);

/** Fills `{{1}}` / `{{name}}` placeholders from positional or named variables; unknown ones stay as they are. */
export function fillTemplate(body: string, variables?: Record<string, string> | string[]): string {
  return body.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, key: string) => {
    if (!variables) return whole;
    if (Array.isArray(variables)) {
      const i = Number(key);
      return Number.isInteger(i) && i >= 1 && i <= variables.length ? variables[i - 1] : whole;
    }
    return Object.prototype.hasOwnProperty.call(variables, key) ? variables[key] : whole;
  });
}

/** mulberry32: a tiny deterministic PRNG returning numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const CHANNELS: ReadonlyArray<Conversation['channel']> = [
  { kind: 'whatsapp', id: 'wa-support', label: 'WhatsApp · Support' },
  { kind: 'whatsapp', id: 'wa-sales', label: 'WhatsApp · Sales' },
];

interface Spec {
  name?: string;
  phone: string;
  status: ConversationStatus;
  rawStatus?: string;
  handledBy?: 'ai' | 'human';
  /** Index into AGENTS, or null for unassigned. */
  assignee: number | null;
  unread: number;
  /** How long ago the customer last wrote. */
  lastInboundAgo: number;
  /** Outbound messages after the last inbound one. */
  trailingOutbound: number;
  messages?: number;
  labels?: string[];
  channel?: number;
}

/** Hand-written conversations that cover the edge cases; filler follows them. */
const SPECS: Spec[] = [
  // 0: the showcase conversation (its messages are added separately)
  {
    name: 'Amelia Watson',
    phone: '+447700900123',
    status: 'open',
    handledBy: 'human',
    assignee: 0,
    unread: 2,
    lastInboundAgo: 2 * MINUTE,
    trailingOutbound: 0,
    labels: ['vip'],
  },
  {
    name: 'أحمد الفارسي',
    phone: '+971501234567',
    status: 'pending',
    rawStatus: 'pending_customer',
    handledBy: 'human',
    assignee: null,
    unread: 0,
    lastInboundAgo: 30 * HOUR,
    trailingOutbound: 1,
  },
  {
    name: 'प्रिया शर्मा',
    phone: '+919812345678',
    status: 'bot',
    rawStatus: 'ai_handling',
    handledBy: 'ai',
    assignee: null,
    unread: 1,
    lastInboundAgo: 12 * MINUTE,
    trailingOutbound: 0,
  },
  {
    name: '王小明',
    phone: '+8613812345678',
    status: 'escalated',
    handledBy: 'human',
    assignee: 2,
    unread: 3,
    lastInboundAgo: 23 * HOUR + 25 * MINUTE,
    trailingOutbound: 0,
    channel: 1,
  },
  {
    phone: '+4915123456789',
    status: 'open',
    handledBy: 'human',
    assignee: null,
    unread: 1,
    lastInboundAgo: 40 * MINUTE,
    trailingOutbound: 0,
  },
  {
    name: 'Maximiliana Alexandrina Konstantinopoulou-Vandenberghe de la Cruz y Montenegro-Habsburg',
    phone: '+34612345678',
    status: 'open',
    handledBy: 'human',
    assignee: 3,
    unread: 0,
    lastInboundAgo: 3 * HOUR,
    trailingOutbound: 2,
  },
  {
    name: 'Jonas Lindqvist',
    phone: '+46701234567',
    status: 'closed',
    handledBy: 'human',
    assignee: 1,
    unread: 0,
    lastInboundAgo: 3 * DAY,
    trailingOutbound: 1,
  },
  {
    name: 'Fatima Zahra',
    phone: '+212612345678',
    status: 'archived',
    handledBy: 'human',
    assignee: null,
    unread: 0,
    lastInboundAgo: 9 * DAY,
    trailingOutbound: 1,
  },
  {
    name: 'Diego Hernández',
    phone: '+5215512345678',
    status: 'unknown',
    rawStatus: 'snoozed',
    handledBy: 'human',
    assignee: 4,
    unread: 0,
    lastInboundAgo: 50 * HOUR,
    trailingOutbound: 0,
  },
  {
    name: '田中 さくら',
    phone: '+819012345678',
    status: 'open',
    handledBy: 'human',
    assignee: 0,
    unread: 0,
    lastInboundAgo: 5 * HOUR,
    trailingOutbound: 1,
    channel: 1,
  },
  {
    name: 'Oliver Bennett',
    phone: '+14155550123',
    status: 'open',
    handledBy: 'human',
    assignee: 0,
    unread: 4,
    lastInboundAgo: 25 * MINUTE,
    trailingOutbound: 0,
    messages: 120,
  },
  {
    name: '김민준',
    phone: '+821012345678',
    status: 'bot',
    handledBy: 'ai',
    assignee: null,
    unread: 0,
    lastInboundAgo: 26 * HOUR,
    trailingOutbound: 0,
  },
  {
    name: 'सुनील कुमार',
    phone: '+919876543210',
    status: 'open',
    handledBy: 'human',
    assignee: 5,
    unread: 0,
    lastInboundAgo: 18 * HOUR,
    trailingOutbound: 1,
  },
  {
    name: 'ليلى حسن',
    phone: '+201001234567',
    status: 'escalated',
    handledBy: 'human',
    assignee: null,
    unread: 2,
    lastInboundAgo: 4 * DAY,
    trailingOutbound: 0,
  },
];

const FIRST = [
  'Noah',
  'Emma',
  'Liam',
  'Sofia',
  'Mateo',
  'Chloé',
  'Lukas',
  'Ana',
  'Ibrahim',
  'Grace',
  'Tomás',
  'Hana',
  'Kwame',
  'Elif',
  'Marek',
  'Zoe',
  'Rafael',
  'Ingrid',
  'Yusuf',
  'Camila',
];
const LAST = [
  'Martin',
  'Okafor',
  'Rossi',
  'Nowak',
  'Silva',
  'Dubois',
  'Müller',
  'Kowalski',
  'Haddad',
  'Jensen',
  'Moreau',
  'Costa',
  'Andersen',
  'Yilmaz',
  'Novak',
  'Ortega',
];
const FILLER_STATUSES: ConversationStatus[] = [
  'open',
  'open',
  'open',
  'open',
  'pending',
  'bot',
  'escalated',
  'closed',
  'archived',
];

const INBOUND_TEXTS = [
  'Hi, is my order shipped yet?',
  'Can I change the delivery address?',
  'Thanks a lot! 🙏',
  'The app says *payment failed* but I was charged.',
  'Do you have this in size M?',
  'I sent the photo earlier, did you get it?',
  'What are your opening hours on Sunday?',
  'ok',
  'Could you call me back tomorrow morning?',
  'The tracking link https://track.example.com/AB123 does not work.',
];
const OUTBOUND_TEXTS = [
  'Hello! Let me check that for you.',
  'Your order has been shipped and should arrive on _Thursday_.',
  'Sure, I have updated the address.',
  'Sorry for the trouble. I have opened a ticket for our billing team.',
  'You can find our hours at https://shop.example.com/stores',
  'Is there anything else I can help with?',
  'We are open from 10:00 to 16:00 on Sundays.',
  'Thanks for waiting!',
];

function pad(n: number, width = 3): string {
  return String(n).padStart(width, '0');
}

function outboundStatus(ageMs: number): DeliveryStatus {
  if (ageMs > 2 * HOUR) return 'read';
  if (ageMs > 10 * MINUTE) return 'delivered';
  return 'sent';
}

function textMessage(
  conversationId: string,
  id: string,
  direction: MessageDirection,
  text: string,
  at: number,
  now: number,
  senderId?: string | null,
): Message {
  const status: DeliveryStatus = direction === 'inbound' ? 'received' : outboundStatus(now - at);
  return {
    id,
    conversationId,
    direction,
    kind: 'text',
    rawType: 'text',
    text,
    status,
    rawStatus: direction === 'inbound' ? undefined : status,
    createdAt: new Date(at).toISOString(),
    senderId: direction === 'inbound' ? null : (senderId ?? null),
  };
}

/** Messages of every kind and delivery status, in the showcase conversation. */
function showcaseMessages(conversationId: string, now: number, agentId: string): Message[] {
  const at = (minutesAgo: number) => new Date(now - minutesAgo * MINUTE).toISOString();
  const base = (n: number, direction: MessageDirection, minutesAgo: number) => ({
    id: `${conversationId}-s${pad(n, 2)}`,
    conversationId,
    direction,
    createdAt: at(minutesAgo),
    senderId: direction === 'outbound' ? agentId : null,
  });
  const orderTemplate = TEMPLATES[0];
  return [
    {
      ...base(1, 'inbound', 95),
      kind: 'text',
      rawType: 'text',
      text:
        'Hi! I ordered the *blue* jacket last week and the tracking says _in transit_ ~since Monday~. ' +
        'Order page: https://shop.example.com/orders/1042 (old link: http://shop.example.com/o/1042). Code: ```AB-1042```',
      status: 'received',
    },
    {
      ...base(2, 'outbound', 90),
      kind: 'template',
      rawType: 'template',
      text: fillTemplate(orderTemplate.body!, ['Amelia', '1042']),
      template: { name: orderTemplate.name, language: 'en', variables: ['Amelia', '1042'] },
      status: 'read',
      rawStatus: 'read',
    },
    {
      ...base(3, 'inbound', 80),
      kind: 'image',
      rawType: 'image',
      media: {
        url: 'https://picsum.photos/seed/jacket/640/480',
        mimeType: 'image/jpeg',
        caption: 'This is what arrived 😕',
      },
      text: 'This is what arrived 😕',
      status: 'received',
    },
    {
      ...base(4, 'outbound', 70),
      kind: 'video',
      rawType: 'video',
      media: {
        url: 'https://interactive-examples.mdn.mozilla.net/media/cc0-videos/flower.mp4',
        mimeType: 'video/mp4',
        caption: 'How to fold the hood into the collar',
      },
      text: 'How to fold the hood into the collar',
      status: 'read',
      rawStatus: 'read',
    },
    {
      ...base(5, 'inbound', 60),
      kind: 'audio',
      rawType: 'audio',
      media: {
        url: 'https://interactive-examples.mdn.mozilla.net/media/cc0-audio/t-rex-roar.mp3',
        mimeType: 'audio/mpeg',
        sizeBytes: 15_360,
      },
      status: 'received',
    },
    {
      ...base(6, 'outbound', 50),
      kind: 'document',
      rawType: 'document',
      media: {
        url: 'https://shop.example.com/invoices/invoice-1042.pdf',
        mimeType: 'application/pdf',
        filename: 'invoice-1042.pdf',
        sizeBytes: 48_213,
      },
      status: 'delivered',
      rawStatus: 'delivered',
    },
    {
      ...base(7, 'inbound', 45),
      kind: 'location',
      rawType: 'location',
      location: {
        latitude: 51.5033,
        longitude: -0.1196,
        name: 'Pickup point',
        address: 'Westminster Bridge Rd, London SE1 7PB',
      },
      status: 'received',
    },
    {
      ...base(8, 'inbound', 44),
      kind: 'sticker',
      rawType: 'sticker',
      media: { url: 'https://picsum.photos/seed/sticker/160/160', mimeType: 'image/webp' },
      status: 'received',
    },
    {
      ...base(9, 'inbound', 43),
      kind: 'unknown',
      rawType: 'order',
      status: 'received',
      raw: {
        type: 'order',
        order: { catalog_id: 'cat-1', product_items: [{ product_retailer_id: 'jacket-blue-m', quantity: 1 }] },
      },
    },
    {
      ...base(10, 'outbound', 30),
      kind: 'text',
      rawType: 'text',
      text: 'We can send a replacement today. Could you confirm the size?',
      status: 'failed',
      rawStatus: 'failed',
      error: new InboxError({
        kind: 'upstream',
        message: 'Message undeliverable: the recipient could not be reached.',
        code: '131026',
        dialect: 'memory',
        retryable: true,
      }),
    },
    {
      ...base(11, 'outbound', 29),
      kind: 'text',
      rawType: 'text',
      text: 'We can send a replacement today. Could you confirm the size? (resent)',
      status: 'unknown',
      rawStatus: 'accepted_by_carrier',
    },
    {
      ...base(12, 'outbound', 10),
      kind: 'text',
      rawType: 'text',
      text: 'Our courier will pick up the old one.',
      status: 'pending',
      rawStatus: 'queued',
    },
    { ...base(13, 'inbound', 4), kind: 'text', rawType: 'text', text: 'Size *M* please.', status: 'received' },
    { ...base(14, 'inbound', 2), kind: 'text', rawType: 'text', text: 'And thank you! 🙌', status: 'received' },
  ];
}

function fillerSpec(i: number, random: () => number): Spec {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const status = pick(FILLER_STATUSES);
  const lastInboundAgo = Math.floor(5 * MINUTE + random() * 6 * DAY);
  const trailingOutbound = random() < 0.45 ? 1 + Math.floor(random() * 2) : 0;
  const assigned = random() < 0.6;
  return {
    name: `${pick(FIRST)} ${pick(LAST)}`,
    phone: `+1555${pad(1000 + i * 37, 4)}${pad(i, 3)}`,
    status,
    handledBy: status === 'bot' ? 'ai' : 'human',
    assignee: assigned ? Math.floor(random() * AGENTS.length) : null,
    unread: trailingOutbound === 0 && status !== 'closed' && status !== 'archived' ? Math.floor(random() * 4) : 0,
    lastInboundAgo,
    trailingOutbound,
    labels: random() < 0.2 ? ['returning'] : undefined,
    channel: random() < 0.25 ? 1 : 0,
  };
}

/** Deterministic conversations with messages, newest activity not necessarily first. */
export function seedConversations(options: SeedOptions = {}): MemorySeed[] {
  const count = Math.max(0, Math.floor(options.count ?? 40));
  const now = options.now ?? Date.now();
  const random = createRandom(options.seed ?? 1);
  const seeds: MemorySeed[] = [];
  for (let i = 0; i < count; i++) {
    const spec = i < SPECS.length ? SPECS[i] : fillerSpec(i, random);
    seeds.push(buildSeed(i, spec, now, random, options.messagesPerConversation));
  }
  return seeds;
}

function buildSeed(
  i: number,
  spec: Spec,
  now: number,
  random: () => number,
  messagesPerConversation?: number,
): MemorySeed {
  const id = `conv-${pad(i + 1)}`;
  const agent = spec.assignee === null ? null : AGENTS[spec.assignee % AGENTS.length];
  const agentId = agent?.id ?? AGENTS[0].id;
  const total = Math.max(messagesPerConversation ?? spec.messages ?? 3 + Math.floor(random() * 12), i === 0 ? 0 : 1);
  const lastInbound = now - spec.lastInboundAgo;
  // Newest first while building, reversed at the end.
  const newestFirst: Array<{ direction: MessageDirection; at: number }> = [];
  const trailing = Math.min(spec.trailingOutbound, Math.max(0, total - 1));
  const gap = Math.max(1000, Math.min(20 * MINUTE, (now - lastInbound) / (trailing + 1)));
  for (let k = trailing; k >= 1; k--) newestFirst.push({ direction: 'outbound', at: lastInbound + k * gap });
  if (total > trailing) newestFirst.push({ direction: 'inbound', at: lastInbound });
  let at = lastInbound;
  while (newestFirst.length < total) {
    at -= Math.floor(2 * MINUTE + random() * 90 * MINUTE);
    newestFirst.push({ direction: random() < 0.5 ? 'inbound' : 'outbound', at });
  }
  const plan = newestFirst.reverse();
  let inboundIndex = i;
  let outboundIndex = i;
  const messages: Message[] = plan.map((p, n) => {
    const text =
      p.direction === 'inbound'
        ? INBOUND_TEXTS[inboundIndex++ % INBOUND_TEXTS.length]
        : OUTBOUND_TEXTS[outboundIndex++ % OUTBOUND_TEXTS.length];
    return textMessage(id, `${id}-m${pad(n + 1)}`, p.direction, text, p.at, now, agentId);
  });
  if (i === 0) {
    // The showcase messages come last; earlier generated ones must be older.
    const showcase = showcaseMessages(id, now, agentId);
    const firstShowcase = Date.parse(showcase[0].createdAt);
    messages.forEach((m, n) => {
      m.createdAt = new Date(firstShowcase - (messages.length - n) * 7 * MINUTE).toISOString();
    });
    messages.push(...showcase);
  }
  const last = messages[messages.length - 1];
  const lastIn = [...messages].reverse().find((m) => m.direction === 'inbound');
  const unread = last?.direction === 'inbound' ? spec.unread : 0;
  const conversation: Conversation = {
    id,
    dialect: 'memory',
    status: spec.status,
    rawStatus: spec.rawStatus ?? spec.status,
    handledBy: spec.handledBy,
    channel: { ...CHANNELS[spec.channel ?? 0] },
    contact: {
      id: `contact-${pad(i + 1)}`,
      displayName: spec.name,
      phone: spec.phone,
      avatarUrl: null,
      labels: spec.labels ? [...spec.labels] : [],
    },
    assignee: agent ? { ...agent } : null,
    unreadCount: unread,
    lastMessage: last
      ? {
          text: last.text ?? last.media?.caption,
          direction: last.direction,
          createdAt: last.createdAt,
          kind: last.kind,
        }
      : undefined,
    lastActivityAt: last?.createdAt ?? new Date(now - spec.lastInboundAgo).toISOString(),
    lastInboundAt: lastIn?.createdAt,
    createdAt: messages[0]?.createdAt ?? new Date(now - spec.lastInboundAgo).toISOString(),
    closedAt:
      spec.status === 'closed' && last
        ? new Date(Math.min(now, Date.parse(last.createdAt) + 5 * MINUTE)).toISOString()
        : undefined,
  };
  return { conversation, messages };
}
