/**
 * Deterministic seed data for the reference backend. Everything derives from
 * a small PRNG (mulberry32) and a clock value `now`, so the same `seed` and
 * `now` always produce the same records, ids included.
 */
import type {
  RefAgent,
  RefChannel,
  RefContact,
  RefConversation,
  RefConversationStatus,
  RefDeliveryStatus,
  RefMessage,
  RefMessageKind,
  RefTemplate,
} from './model.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

// ---- PRNG -------------------------------------------------------------------

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** A version-4-shaped UUID drawn from the PRNG. */
  uuid(): string {
    const h = hex8(this.u32()) + hex8(this.u32()) + hex8(this.u32()) + hex8(this.u32());
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** A WhatsApp-style message id: 'wamid.' + base64-looking text. */
  wamid(): string {
    return `wamid.HBgM${(hex8(this.u32()) + hex8(this.u32()) + hex8(this.u32())).toUpperCase()}AA==`;
  }
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

// ---- static catalogue -------------------------------------------------------

const AGENTS: ReadonlyArray<[string, string, boolean]> = [
  ['Sofia Martins', 'sofia.martins', true],
  ['Omar Haddad', 'omar.haddad', false],
  ['Mei Lin', 'mei.lin', true],
  ["James O'Connor", 'james.oconnor', false],
  ['Ananya Iyer', 'ananya.iyer', false],
  ['Lars Johansson', 'lars.johansson', true],
  ['Fatima Zahra Benali', 'fatima.benali', false],
  ['Kenji Watanabe', 'kenji.watanabe', false],
];

export const TEMPLATES: readonly RefTemplate[] = [
  {
    name: 'order_shipped',
    language: 'en',
    category: 'utility',
    body: 'Hi {{1}}, your order {{2}} has shipped and should arrive by {{3}}. Track it at https://example.com/track',
    variables: ['1', '2', '3'],
  },
  {
    name: 'appointment_reminder',
    language: 'en',
    category: 'utility',
    body: 'Hello {{1}}, this is a reminder of your appointment on {{2}} at {{3}}. Reply *YES* to confirm.',
    variables: ['1', '2', '3'],
  },
  {
    name: 'verification_code',
    language: 'en',
    category: 'authentication',
    body: '{{1}} is your verification code. For your security, do not share this code.',
    variables: ['1'],
  },
  {
    name: 'spring_sale',
    language: 'es',
    category: 'marketing',
    body: 'Hola {{1}} 🌸 ¡Nuestra venta de primavera empieza hoy! Usa el código {{2}} para un 20% de descuento.',
    variables: ['1', '2'],
  },
  {
    name: 'payment_due',
    language: 'en',
    category: 'utility',
    body: 'Hi {{customer_name}}, your payment of {{amount}} is due on {{due_date}}. Pay securely at https://example.com/pay',
    variables: ['customer_name', 'amount', 'due_date'],
  },
  {
    name: 'we_miss_you',
    language: 'en',
    category: 'marketing',
    body: 'Hi {{1}}, we have not heard from you in a while. Reply to this message to pick up where we left off.',
    variables: ['1'],
  },
];

type Script = 'latin' | 'arabic' | 'devanagari' | 'cyrillic' | 'cjk' | 'other';

const LATIN_FIRST = [
  'Ana',
  'João',
  'Chloé',
  'Lukas',
  'Amelia',
  'Mateo',
  'Sofía',
  'Liam',
  'Olivia',
  'Noah',
  'Emma',
  'Léa',
  'Hugo',
  'Isabella',
  'Ethan',
  'Zoë',
  'Björn',
  'Siobhán',
  'Kwame',
  'Chiamaka',
  'Tomás',
  'Agnieszka',
];
const LATIN_LAST = [
  'García',
  'Silva',
  'Dubois',
  'Müller',
  'Johnson',
  'Rossi',
  'Smith',
  'Fernández',
  'Kowalski',
  "O'Brien",
  'Jensen',
  'van der Berg',
  'Okafor',
  'Mensah',
  'Santos',
  'Costa',
  'Schmidt',
  'Martin',
  'Brown',
  'Nguyễn',
  'Larsen',
];
const LATIN_CC = ['+1', '+1', '+34', '+55', '+44', '+49', '+33', '+52', '+234'];
const ARABIC_FIRST = ['محمد', 'فاطمة', 'أحمد', 'ليلى', 'يوسف', 'مريم', 'عمر', 'نور', 'خالد', 'سارة'];
const ARABIC_LAST = ['الأحمد', 'حسن', 'العلي', 'منصور', 'القحطاني', 'إبراهيم', 'السيد', 'الشامي'];
const ARABIC_CC = ['+971', '+966', '+20', '+212'];
const DEVANAGARI_FIRST = ['प्रिया', 'राहुल', 'अनीता', 'अमित', 'सुनीता', 'विकास', 'पूजा', 'अर्जुन', 'नेहा', 'रोहन'];
const DEVANAGARI_LAST = ['शर्मा', 'वर्मा', 'देसाई', 'पटेल', 'गुप्ता', 'सिंह', 'जोशी', 'मेहता'];
const CYRILLIC_NAMES = [
  'Иван Петров',
  'Ольга Смирнова',
  'Дмитрий Кузнецов',
  'Анна Попова',
  'Сергей Волков',
  'Наталья Соколова',
  'Алексей Морозов',
  'Екатерина Лебедева',
  'Тарас Шевченко',
  'Олена Коваленко',
  'Михаил Новиков',
  'Юлия Фёдорова',
];
const CYRILLIC_CC = ['+7', '+7', '+380', '+375'];
const CJK_NAMES: ReadonlyArray<[string, string]> = [
  ['王小明', '+86'],
  ['李娜', '+86'],
  ['张伟', '+86'],
  ['刘洋', '+86'],
  ['陈静', '+86'],
  ['佐藤 花子', '+81'],
  ['鈴木 一郎', '+81'],
  ['高橋 美咲', '+81'],
  ['田中 健', '+81'],
  ['김민준', '+82'],
  ['이서연', '+82'],
  ['박지훈', '+82'],
];
const OTHER_NAMES: ReadonlyArray<[string, string]> = [
  ['Νίκος Παπαδόπουλος', '+30'],
  ['Ελένη Γεωργίου', '+30'],
  ['נועה כהן', '+972'],
  ['דוד לוי', '+972'],
  ['สมชาย ใจดี', '+66'],
  ['Ayşe Yılmaz', '+90'],
];
const LONG_NAME = 'Maria Fernanda de los Ángeles Rodríguez-Villanueva y Castellanos de la Torre Montenegro';

/** National significant number length per country code. */
const NSN_LENGTH: Record<string, number> = {
  '+1': 10,
  '+34': 9,
  '+55': 11,
  '+44': 10,
  '+49': 11,
  '+33': 9,
  '+52': 10,
  '+234': 10,
  '+971': 9,
  '+966': 9,
  '+20': 10,
  '+212': 9,
  '+91': 10,
  '+7': 10,
  '+380': 9,
  '+375': 9,
  '+86': 11,
  '+81': 10,
  '+82': 10,
  '+30': 10,
  '+972': 9,
  '+66': 9,
  '+90': 10,
};

const LABELS = ['vip', 'new customer', 'wholesale', 'returning', 'complaint', 'b2b'];

const INBOUND_TEXT: Record<Script, readonly string[]> = {
  latin: [
    'Hi! I ordered a jacket last week and it still hasn’t arrived.',
    'Hello, is the store open on Sunday?',
    'Can I change the delivery address for order 4821?',
    'Thanks, that worked 🙏',
    'The package arrived damaged 😕 what should I do?',
    'Do you ship to Canada?',
    'ok',
    '👍',
    'Hola, ¿tienen esta camiseta en talla M?',
    'Olá! Gostaria de saber o status do meu pedido.',
    'I was charged twice for the same order. Can you check please?',
    'What’s the return policy?',
    'Sure, 3pm works for me.',
    'Still waiting for an answer…',
    'Hi,\n\nI’m writing about my order #5532. The blue one was out of stock so I was told it would be replaced with the green one, but I got a refund email instead. Could you:\n1. confirm whether the green one ships\n2. cancel the refund if so\n\nThanks a lot!',
    'Is this the right link? https://example.com/orders/5532',
  ],
  arabic: [
    'مرحبا، أين طلبي؟',
    'هل يمكنني تغيير عنوان التوصيل؟',
    'شكرا جزيلا 🌹',
    'متى يفتح المتجر غدا؟',
    'وصل الطلب ولكن ينقصه قطعة واحدة',
  ],
  devanagari: [
    'नमस्ते, मेरा ऑर्डर कहाँ है?',
    'क्या मैं डिलीवरी का पता बदल सकता हूँ?',
    'धन्यवाद 🙏',
    'Hi, order kab tak aayega?',
    'मुझे रिफंड कब मिलेगा?',
  ],
  cyrillic: [
    'Здравствуйте, где мой заказ?',
    'Можно оплатить картой при получении?',
    'Спасибо большое!',
    'Когда будет доставка?',
  ],
  cjk: [
    '你好，我的订单到哪了？',
    '可以开发票吗？',
    'こんにちは、注文の状況を教えてください。',
    'ありがとうございます！',
    '안녕하세요, 배송은 언제 되나요?',
  ],
  other: [
    'Γεια σας, πότε θα φτάσει η παραγγελία μου;',
    'שלום, מתי ההזמנה שלי תגיע?',
    'สวัสดีครับ สั่งของไปเมื่อวาน',
    'Merhaba, siparişim nerede?',
  ],
};

const OUTBOUND_TEXT = [
  'Hi! Thanks for reaching out — let me check that for you.',
  '*Order #4821* has shipped 🚚 You can track it here: https://example.com/track/4821',
  'Our opening hours are _Mon–Fri 9:00–18:00_ and _Sat 10:00–14:00_.',
  'Sorry about that! I’ve issued a refund of *€24.90*. It should show up in 3–5 business days.',
  'Could you send me a photo of the damaged item?',
  'You can read our return policy here: https://example.com/returns',
  'The old price was ~€49~, it’s now *€39* until Sunday.',
  'Your confirmation code is ```A7-K2-QX```',
  'Is there anything else I can help you with?',
  'I’ve escalated this to our logistics team, we’ll get back to you today.',
  'Great, I’ve booked you in for *Thursday at 15:00* ✅',
  'Here’s a summary of your order:\n• 2 × T-shirt (M) — €19.90\n• 1 × Hoodie (L) — €49.00\n\n*Total: €88.80*\nDelivery: _2–3 business days_',
];

const BOT_TEXT = [
  '🤖 Hi, I’m the virtual assistant. I can help with *order status*, *returns* and *opening hours*.',
  'Please share your order number (it starts with #).',
  'I found your order: it is _out for delivery_ and should arrive today.',
  'Would you like to talk to a human agent? Reply *AGENT*.',
];

const FAILURE_REASONS = [
  '131047: Re-engagement message. More than 24 hours have passed since the customer last replied to this number.',
  '131026: Message undeliverable. The recipient may not be using WhatsApp.',
  '131053: Media upload error. Unsupported file type.',
  '130429: Rate limit hit. Too many messages sent from this phone number.',
  '131049: Meta chose not to deliver this message to keep engagement healthy.',
];

const IMAGE_CAPTIONS = [
  'Here’s the photo of the damaged box',
  'Is this the right one?',
  'New collection 🌸',
  'Receipt attached',
];
const VIDEO_URL = 'https://interactive-examples.mdn.mozilla.net/media/cc0-videos/flower.mp4';
const AUDIO_URL = 'https://interactive-examples.mdn.mozilla.net/media/cc0-audio/t-rex-roar.mp3';
const DOCUMENT_URL = 'https://www.w3.org/WAI/ER/tests/xhtml/testfiles/resources/pdf/dummy.pdf';
const DOCUMENTS = ['invoice-4821.pdf', 'receipt_2024-11.pdf', 'warranty terms.pdf', 'shipping-label.pdf'];
const STICKERS = [
  'https://www.gstatic.com/webp/gallery/1.webp',
  'https://www.gstatic.com/webp/gallery/2.webp',
  'https://www.gstatic.com/webp/gallery/4.webp',
];
const PLACES: ReadonlyArray<RefMessage['location']> = [
  {
    latitude: 48.8584,
    longitude: 2.2945,
    name: 'Eiffel Tower',
    address: 'Champ de Mars, 5 Av. Anatole France, 75007 Paris',
  },
  { latitude: 25.1972, longitude: 55.2744, name: 'The Dubai Mall', address: 'Financial Center Rd, Dubai' },
  { latitude: 18.922, longitude: 72.8347, name: 'Gateway of India', address: 'Apollo Bandar, Colaba, Mumbai' },
  { latitude: 55.7539, longitude: 37.6208, name: 'Красная площадь', address: 'Москва' },
  { latitude: 35.6595, longitude: 139.7005, name: '渋谷スクランブル交差点', address: '東京都渋谷区' },
  { latitude: -23.5614, longitude: -46.6559 },
];
const INTERACTIVE_REPLIES = ['Track my order', 'Talk to an agent', '✅ Confirm', 'Reschedule', 'Returns & refunds'];
const SHARED_CONTACTS = [
  'Maria Souza\n+55 11 98765-4321',
  'Ahmed Ali\n+971 50 123 4567',
  'Front desk\n+1 415 555 0142',
];

// ---- generation ---------------------------------------------------------------

export interface SeedOptions {
  conversations: number;
  now: number;
  seed: number;
}

export interface SeedData {
  agents: RefAgent[];
  channels: RefChannel[];
  templates: RefTemplate[];
  contacts: RefContact[];
  conversations: RefConversation[];
  /** Per conversation id, oldest first. */
  threads: Map<string, RefMessage[]>;
  /** The highest seq assigned. */
  lastSeq: number;
  /** The PRNG, positioned after the seed (for ids of records created later). */
  rng: Rng;
}

type WindowBucket = 'open' | 'expiring' | 'outside' | 'none';

interface Draft {
  t: number;
  direction: 'inbound' | 'outbound';
  kind?: RefMessageKind;
  status?: RefDeliveryStatus;
  text?: string;
  /** Outbound with a later inbound message in the thread. */
  answered?: boolean;
  template?: string;
}

interface Ctx {
  rng: Rng;
  now: number;
  agents: RefAgent[];
}

const FORCED_STATUS: Record<number, RefConversationStatus> = {
  0: 'open',
  1: 'open',
  2: 'pending',
  3: 'ai_handling',
  4: 'escalated',
  5: 'closed',
};
const LONG_THREADS = new Set([2, 9, 23, 41]);
const HUGE_THREAD = 1;
const HUGE_LENGTH = 5000;

export function generateSeed(options: SeedOptions): SeedData {
  const rng = new Rng(options.seed);
  const now = options.now;
  const agents: RefAgent[] = AGENTS.map(([name, handle, avatar], i) => ({
    id: rng.uuid(),
    name,
    email: `${handle}@example.com`,
    avatarUrl: avatar ? `https://i.pravatar.cc/96?img=${i + 10}` : null,
  }));
  const wabaId = String(100000000000000 + rng.int(0, 99999999));
  const channels: RefChannel[] = [
    { id: rng.uuid(), name: 'Support', phone: '+14155550100', wabaId, kind: 'WHATSAPP' },
    { id: rng.uuid(), name: 'Sales', phone: '+14155550101', wabaId, kind: 'WHATSAPP' },
    { id: rng.uuid(), name: 'Alerts (SMS)', phone: '+14155550123', wabaId: '', kind: 'SMS' },
  ];
  const ctx: Ctx = { rng, now, agents };
  const contacts: RefContact[] = [];
  const conversations: RefConversation[] = [];
  const threads = new Map<string, RefMessage[]>();
  const all: Array<{ t: number; m: RefMessage }> = [];
  const phones = new Set<string>();

  for (let i = 0; i < options.conversations; i++) {
    const { contact, firstName } = makeContact(rng, i, phones);
    contacts.push(contact);
    const channel =
      i === 0 || i === HUGE_THREAD
        ? channels[0]
        : rng.weighted([
            [channels[0], 55],
            [channels[1], 30],
            [channels[2], 15],
          ] as const);
    const sms = channel.kind === 'SMS';
    const status: RefConversationStatus =
      FORCED_STATUS[i] ??
      rng.weighted<RefConversationStatus>([
        ['open', 40],
        ['pending', 15],
        ['ai_handling', 12],
        ['escalated', 8],
        ['closed', 25],
      ]);

    let bucket: WindowBucket;
    if (i <= 1 || status === 'ai_handling') bucket = 'open';
    else if (i % 29 === 7 && status !== 'closed') bucket = 'expiring';
    else if (i % 53 === 11 && !sms) bucket = 'none';
    else bucket = rng.chance(status === 'closed' ? 0.6 : 0.2) ? 'outside' : 'open';

    const assigneeChance = { open: 0.45, pending: 0.5, ai_handling: 0, escalated: 0.9, closed: 0.8 }[status];
    const assignee = i === 0 ? agents[0] : rng.chance(assigneeChance) ? rng.pick(agents) : null;
    const archived =
      status === 'closed' ? rng.chance(0.5) : (status === 'open' || status === 'pending') && i > 5 && rng.chance(0.04);

    let length: number;
    if (i === HUGE_THREAD) length = HUGE_LENGTH;
    else if (LONG_THREADS.has(i)) length = rng.int(200, 1000);
    else if (bucket === 'none') length = rng.int(1, 3);
    else length = 3 + Math.floor(Math.pow(rng.next(), 2.2) * 58);

    let unread = 0;
    if (bucket !== 'none' && status !== 'closed') {
      if (i === 9) unread = 120;
      else if (i === HUGE_THREAD) unread = 3;
      else if (rng.chance(0.35))
        unread = rng.weighted([
          [1, 40],
          [2, 25],
          [3, 15],
          [4, 10],
          [7, 6],
          [12, 4],
        ]);
    }
    unread = Math.min(unread, length - 1);

    const businessInitiated = bucket === 'none' || (!sms && rng.chance(0.15));
    const drafts =
      i === 0 ? showcaseDrafts(now) : timeline(ctx, { length, bucket, unread, status, businessInitiated, sms });

    const convId = rng.uuid();
    const thread: RefMessage[] = [];
    for (const draft of drafts) {
      const message = materialize(ctx, draft, { convId, contact, firstName, assignee, status, sms });
      thread.push(message);
      all.push({ t: draft.t, m: message });
    }
    threads.set(convId, thread);

    const firstT = drafts[0].t;
    const lastT = drafts[drafts.length - 1].t;
    let closedAt: number | null = null;
    if (status === 'closed') closedAt = Math.max(lastT + 1000, Math.min(now - 1000, lastT + rng.int(5, 120) * MINUTE));
    const firstTemplate = thread[0].template?.name;
    const template = firstTemplate ? TEMPLATES.find((t) => t.name === firstTemplate) : undefined;
    conversations.push({
      id: convId,
      contactId: contact.id,
      channelId: channel.id,
      status,
      archived,
      aiHandling: status === 'ai_handling',
      assigneeId: assignee?.id ?? null,
      unreadCount: unread,
      createdAt: iso(firstT - rng.int(1, 60) * 1000),
      updatedAt: iso(closedAt ?? lastT),
      closedAt: closedAt === null ? null : iso(closedAt),
      closedBy: closedAt === null ? null : (assignee?.id ?? rng.pick(agents).id),
      category:
        businessInitiated && template
          ? template.category
          : rng.weighted([
              ['service', 88],
              ['marketing', 4],
              ['utility', 6],
              ['authentication', 2],
            ] as const),
    });
  }

  // seq is the global order of creation across the store.
  all.sort((a, b) => a.t - b.t);
  for (let i = 0; i < all.length; i++) all[i].m.seq = i + 1;

  return {
    agents,
    channels,
    templates: TEMPLATES.map((t) => ({ ...t, variables: [...t.variables] })),
    contacts,
    conversations,
    threads,
    lastSeq: all.length,
    rng,
  };
}

function makeContact(
  rng: Rng,
  i: number,
  phones: Set<string>,
): { contact: RefContact; script: Script; firstName: string | null } {
  let name: string | null;
  let cc: string;
  let script: Script;
  let firstName: string | null = null;
  const forced: Record<number, Script | 'null' | 'long'> = {
    0: 'latin',
    1: 'devanagari',
    2: 'arabic',
    3: 'cyrillic',
    4: 'cjk',
    5: 'null',
    6: 'long',
    7: 'other',
  };
  const kind =
    forced[i] ??
    (rng.chance(0.08)
      ? 'null'
      : rng.weighted<Script>([
          ['latin', 45],
          ['arabic', 12],
          ['devanagari', 12],
          ['cyrillic', 10],
          ['cjk', 14],
          ['other', 5],
        ]));
  switch (kind) {
    case 'null':
      name = null;
      script = 'latin';
      cc = rng.pick(LATIN_CC);
      break;
    case 'long':
      name = LONG_NAME;
      firstName = 'Maria';
      script = 'latin';
      cc = '+52';
      break;
    case 'latin':
      firstName = i === 0 ? 'Ana' : rng.pick(LATIN_FIRST);
      name = `${firstName} ${i === 0 ? 'García' : rng.pick(LATIN_LAST)}`;
      script = 'latin';
      cc = i === 0 ? '+34' : rng.pick(LATIN_CC);
      break;
    case 'arabic':
      firstName = rng.pick(ARABIC_FIRST);
      name = `${firstName} ${rng.pick(ARABIC_LAST)}`;
      script = 'arabic';
      cc = rng.pick(ARABIC_CC);
      break;
    case 'devanagari':
      firstName = rng.pick(DEVANAGARI_FIRST);
      name = `${firstName} ${rng.pick(DEVANAGARI_LAST)}`;
      script = 'devanagari';
      cc = '+91';
      break;
    case 'cyrillic':
      name = rng.pick(CYRILLIC_NAMES);
      firstName = name.split(' ')[0];
      script = 'cyrillic';
      cc = rng.pick(CYRILLIC_CC);
      break;
    case 'cjk': {
      const [n, c] = rng.pick(CJK_NAMES);
      name = n;
      firstName = n;
      script = 'cjk';
      cc = c;
      break;
    }
    default: {
      const [n, c] = rng.pick(OTHER_NAMES);
      name = n;
      firstName = n.split(' ')[0];
      script = 'other';
      cc = c;
    }
  }
  let phone: string;
  do {
    const len = NSN_LENGTH[cc] ?? 10;
    let digits = String(rng.int(1, 9));
    while (digits.length < len) digits += String(rng.int(0, 9));
    phone = cc + digits;
  } while (phones.has(phone));
  phones.add(phone);

  let email: string | null = null;
  if (name && script === 'latin' && rng.chance(0.4)) {
    const ascii = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.')
      .replace(/^\.|\.$/g, '');
    email = `${ascii.slice(0, 40)}@example.com`;
  } else if (rng.chance(0.15)) {
    email = `customer${i + 1}@example.com`;
  }
  const labels: string[] = [];
  if (rng.chance(0.3)) labels.push(rng.pick(LABELS));
  if (rng.chance(0.1)) {
    const extra = rng.pick(LABELS);
    if (!labels.includes(extra)) labels.push(extra);
  }
  const contact: RefContact = {
    id: rng.uuid(),
    name,
    phone,
    email,
    avatarUrl: rng.chance(0.25) ? `https://picsum.photos/seed/contact${i}/96/96` : null,
    labels,
  };
  return { contact, script, firstName };
}

interface TimelineOptions {
  length: number;
  bucket: WindowBucket;
  unread: number;
  status: RefConversationStatus;
  businessInitiated: boolean;
  sms: boolean;
}

/** Times and directions of a thread, oldest first. */
function timeline(ctx: Ctx, o: TimelineOptions): Draft[] {
  const { rng, now } = ctx;
  if (o.bucket === 'none') {
    // Business-initiated templates the customer never answered.
    const drafts: Draft[] = [];
    let t = now - rng.range(2 * DAY, 20 * DAY);
    for (let k = 0; k < o.length; k++) {
      drafts.push({ t, direction: 'outbound', kind: 'template' });
      t += rng.range(DAY, 3 * DAY);
      if (t >= now) break;
    }
    return drafts;
  }

  let lastInbound: number;
  if (o.bucket === 'expiring') lastInbound = now - (23 * HOUR + rng.range(2, 58) * MINUTE);
  else if (o.bucket === 'outside') lastInbound = now - (25 * HOUR + Math.pow(rng.next(), 2) * 45 * DAY);
  else lastInbound = now - (MINUTE + Math.pow(rng.next(), 2) * 22 * HOUR);

  // After the last inbound message: the agent's (or bot's) replies, if any.
  const after: Draft[] = [];
  if (o.unread === 0) {
    const replies =
      o.status === 'ai_handling'
        ? rng.int(1, 2)
        : rng.weighted([
            [0, 25],
            [1, 50],
            [2, 25],
          ]);
    let t = lastInbound;
    for (let k = 0; k < replies; k++) {
      t += rng.range(0.5, 15) * MINUTE;
      if (t >= now - 5000) break;
      after.push({ t, direction: 'outbound' });
    }
    if (o.bucket === 'outside' && o.status !== 'closed' && !o.sms && rng.chance(0.3)) {
      const reengage = now - rng.range(10 * MINUTE, 20 * HOUR);
      if (reengage > (after.at(-1)?.t ?? lastInbound))
        after.push({ t: reengage, direction: 'outbound', kind: 'template', template: 'we_miss_you' });
    }
  }

  // The last inbound message and everything before it, built backwards.
  const before: Draft[] = [{ t: lastInbound, direction: 'inbound' }];
  const count = Math.max(1, o.length - after.length);
  let t = lastInbound;
  let direction: 'inbound' | 'outbound' = 'inbound';
  for (let k = 1; k < count; k++) {
    const r = rng.next();
    t -=
      r < 0.7
        ? rng.range(20_000, 10 * MINUTE)
        : r < 0.92
          ? rng.range(10 * MINUTE, 4 * HOUR)
          : rng.range(4 * HOUR, 4 * DAY);
    if (k < o.unread) direction = 'inbound';
    else if (rng.chance(0.55)) direction = direction === 'inbound' ? 'outbound' : 'inbound';
    before.push({ t, direction });
  }
  before.reverse();
  if (o.businessInitiated && before.length > 1) {
    before[0].direction = 'outbound';
    before[0].kind = 'template';
  }
  const drafts = before.concat(after);
  // Outbound messages followed by an inbound one were read (mostly).
  let seenInbound = false;
  for (let k = drafts.length - 1; k >= 0; k--) {
    if (drafts[k].direction === 'inbound') seenInbound = true;
    else drafts[k].answered = seenInbound;
  }
  return drafts;
}

/** The first conversation shows every kind and delivery status, in a fixed order. */
function showcaseDrafts(now: number): Draft[] {
  const script: Array<Omit<Draft, 't'>> = [
    { direction: 'outbound', kind: 'template', template: 'order_shipped', status: 'read' },
    { direction: 'inbound', kind: 'text', text: 'Hi! Where exactly is my order? 😊' },
    {
      direction: 'outbound',
      kind: 'text',
      status: 'read',
      text: '*Order #4821* is with the courier 🚚 Track it here: https://example.com/track/4821',
    },
    { direction: 'inbound', kind: 'image', text: 'Here’s the photo of the damaged box' },
    {
      direction: 'outbound',
      kind: 'text',
      status: 'read',
      text: 'So sorry! _Formatting test:_ *bold*, _italic_, ~strike~ and ```monospace```.',
    },
    { direction: 'inbound', kind: 'video', text: 'Unboxing video' },
    { direction: 'inbound', kind: 'audio' },
    { direction: 'outbound', kind: 'document', status: 'read', text: 'Your invoice' },
    { direction: 'inbound', kind: 'location' },
    { direction: 'inbound', kind: 'sticker' },
    { direction: 'inbound', kind: 'interactive', text: 'Track my order' },
    { direction: 'inbound', kind: 'contacts' },
    { direction: 'outbound', kind: 'image', status: 'delivered', text: 'Is this the right one?' },
    { direction: 'outbound', kind: 'video', status: 'delivered' },
    { direction: 'outbound', kind: 'audio', status: 'delivered' },
    { direction: 'outbound', kind: 'location', status: 'delivered' },
    { direction: 'outbound', kind: 'sticker', status: 'delivered' },
    { direction: 'inbound', kind: 'text', text: 'Thanks! And the payment?' },
    { direction: 'outbound', kind: 'template', template: 'payment_due', status: 'delivered' },
    { direction: 'outbound', kind: 'text', status: 'failed', text: 'Sending you the receipt now.' },
    { direction: 'outbound', kind: 'text', status: 'sent', text: 'Let me know if you have any questions.' },
    { direction: 'outbound', kind: 'text', status: 'queued', text: 'Have a great day! 🌞' },
  ];
  const lastInboundIndex = script.map((d) => d.direction).lastIndexOf('inbound');
  // Lay the thread out so that the last inbound message is 40 minutes old.
  return script.map((d, k) => ({
    ...d,
    t: now - 40 * MINUTE + (k - lastInboundIndex) * (k <= lastInboundIndex ? 7 : 9) * MINUTE,
  }));
}

interface MaterializeOptions {
  convId: string;
  contact: RefContact;
  firstName: string | null;
  assignee: RefAgent | null;
  status: RefConversationStatus;
  sms: boolean;
}

function materialize(ctx: Ctx, d: Draft, o: MaterializeOptions): RefMessage {
  const { rng, now } = ctx;
  const inbound = d.direction === 'inbound';
  const kind: RefMessageKind =
    d.kind ??
    (o.sms
      ? 'text'
      : inbound
        ? rng.weighted<RefMessageKind>([
            ['text', 70],
            ['image', 8],
            ['audio', 6],
            ['video', 2],
            ['document', 3],
            ['location', 3],
            ['sticker', 3],
            ['interactive', 3],
            ['contacts', 2],
          ])
        : rng.weighted<RefMessageKind>([
            ['text', 82],
            ['image', 5],
            ['document', 5],
            ['video', 2],
            ['audio', 1],
            ['template', 4],
            ['location', 1],
          ]));

  const message: RefMessage = {
    seq: 0,
    id: rng.uuid(),
    conversationId: o.convId,
    direction: d.direction,
    kind,
    text: null,
    media: null,
    location: null,
    template: null,
    status: null,
    failureReason: null,
    createdAt: iso(d.t),
    senderId: inbound
      ? o.contact.id
      : o.status === 'ai_handling' || kind === 'template'
        ? null
        : (o.assignee ?? rng.pick(ctx.agents)).id,
    waMessageId: rng.wamid(),
  };

  switch (kind) {
    case 'text':
      message.text =
        d.text ??
        (inbound
          ? rng.pick(INBOUND_TEXT[scriptOf(o.contact.name)])
          : o.status === 'ai_handling'
            ? rng.pick(BOT_TEXT)
            : rng.pick(OUTBOUND_TEXT));
      break;
    case 'template': {
      const template = TEMPLATES.find((t) => t.name === d.template) ?? rng.pick(TEMPLATES);
      const variables = templateValues(rng, template, o.firstName, now);
      message.template = { name: template.name, language: template.language, variables };
      message.text = renderTemplate(template.body, variables);
      break;
    }
    case 'image': {
      const caption = d.text ?? (rng.chance(0.5) ? rng.pick(IMAGE_CAPTIONS) : undefined);
      message.media = {
        url: `https://picsum.photos/seed/${message.id.slice(0, 8)}/800/600`,
        mimeType: 'image/jpeg',
        ...(caption ? { caption } : {}),
      };
      message.text = caption ?? null;
      break;
    }
    case 'video': {
      const caption = d.text ?? (rng.chance(0.3) ? 'Unboxing video' : undefined);
      message.media = { url: VIDEO_URL, mimeType: 'video/mp4', ...(caption ? { caption } : {}) };
      message.text = caption ?? null;
      break;
    }
    case 'audio':
      message.media = { url: AUDIO_URL, mimeType: 'audio/mpeg' };
      break;
    case 'document': {
      const caption = d.text ?? (rng.chance(0.5) ? 'Please find the document attached' : undefined);
      message.media = {
        url: DOCUMENT_URL,
        mimeType: 'application/pdf',
        filename: rng.pick(DOCUMENTS),
        ...(caption ? { caption } : {}),
      };
      message.text = caption ?? null;
      break;
    }
    case 'sticker':
      message.media = { url: rng.pick(STICKERS), mimeType: 'image/webp' };
      break;
    case 'location': {
      const place = rng.pick(PLACES);
      message.location = place ? { ...place } : null;
      break;
    }
    case 'interactive':
      message.text = d.text ?? rng.pick(INTERACTIVE_REPLIES);
      break;
    case 'contacts':
      message.text = d.text ?? rng.pick(SHARED_CONTACTS);
      break;
  }

  if (!inbound) {
    message.status = d.status ?? deliveryStatus(rng, d, now);
    if (message.status === 'failed') message.failureReason = rng.pick(FAILURE_REASONS);
  }
  return message;
}

function deliveryStatus(rng: Rng, d: Draft, now: number): RefDeliveryStatus {
  if (d.answered)
    return rng.weighted<RefDeliveryStatus>([
      ['read', 93],
      ['delivered', 5],
      ['failed', 2],
    ]);
  if (now - d.t < 2 * MINUTE) return rng.chance(0.5) ? 'queued' : 'sent';
  return rng.weighted<RefDeliveryStatus>([
    ['sent', 20],
    ['delivered', 40],
    ['read', 30],
    ['failed', 10],
  ]);
}

function scriptOf(name: string | null): Script {
  if (!name) return 'latin';
  if (/\p{Script=Arabic}/u.test(name)) return 'arabic';
  if (/\p{Script=Devanagari}/u.test(name)) return 'devanagari';
  if (/\p{Script=Cyrillic}/u.test(name)) return 'cyrillic';
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(name)) return 'cjk';
  if (/\p{Script=Latin}/u.test(name) && !/[\p{Script=Greek}\p{Script=Hebrew}\p{Script=Thai}]/u.test(name))
    return 'latin';
  return 'other';
}

function templateValues(
  rng: Rng,
  template: RefTemplate,
  firstName: string | null,
  now: number,
): string[] | Record<string, string> {
  const who = firstName ?? 'there';
  const day = new Date(now + rng.int(1, 6) * DAY).toISOString().slice(0, 10);
  switch (template.name) {
    case 'order_shipped':
      return [who, `#${rng.int(1000, 9999)}`, day];
    case 'appointment_reminder':
      return [who, day, `${rng.int(9, 17)}:${rng.pick(['00', '15', '30', '45'])}`];
    case 'verification_code':
      return [String(rng.int(100000, 999999))];
    case 'spring_sale':
      return [who, rng.pick(['SPRING20', 'FLORES', 'HOLA20'])];
    case 'payment_due':
      return { customer_name: who, amount: `€${rng.int(10, 400)}.${rng.pick(['00', '50', '99'])}`, due_date: day };
    default:
      return template.variables.map(() => who);
  }
}

/** Fills `{{1}}` (positional, 1-based) or `{{name}}` placeholders. */
export function renderTemplate(body: string, variables: string[] | Record<string, string>): string {
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => {
    if (Array.isArray(variables)) {
      const index = Number(key) - 1;
      return Number.isInteger(index) && index >= 0 && index < variables.length ? variables[index] : whole;
    }
    return Object.prototype.hasOwnProperty.call(variables, key) ? variables[key] : whole;
  });
}
