/**
 * The reference backend's in-memory store: neutral records (model.ts), seeded
 * deterministically (seed.ts) around a clock value `now`.
 *
 * Reads return copies (shallow: nested media/location/template objects are
 * shared, treat them as read-only); writes go through the methods below.
 * The store's clock starts at `now` and advances with real time
 * (`currentTime()`), so a seed built around a fixed `now` keeps its window
 * mix while the page runs.
 */
import type {
  RefAgent,
  RefChannel,
  RefContact,
  RefConversation,
  RefDeliveryStatus,
  RefMessage,
  RefTemplate,
} from './model.js';
import { DAY, generateSeed, iso, type Rng, type SeedOptions } from './seed.js';

export { renderTemplate } from './seed.js';

export interface SeededOptions {
  /** Default 160. */
  conversations?: number;
  /** Default Date.now(). */
  now?: number;
  /** Default 42. */
  seed?: number;
}

export class ReferenceDb {
  static seeded(options: SeededOptions = {}): ReferenceDb {
    return new ReferenceDb({
      conversations: options.conversations ?? 160,
      now: options.now ?? Date.now(),
      seed: options.seed ?? 42,
    });
  }

  /** The clock the seed was built around. */
  readonly now: number;

  private readonly options: SeedOptions;
  private agentList: RefAgent[] = [];
  private channelList: RefChannel[] = [];
  private templateList: RefTemplate[] = [];
  private contacts = new Map<string, RefContact>();
  private contactsByDigits = new Map<string, string>();
  private conversations = new Map<string, RefConversation>();
  private threads = new Map<string, RefMessage[]>();
  private messageIndex = new Map<string, RefMessage>();
  private seq = 0;
  private rng!: Rng;
  private startedAt = 0;

  private constructor(options: SeedOptions) {
    this.options = options;
    this.now = options.now;
    this.load();
  }

  get agents(): RefAgent[] {
    return this.agentList;
  }

  get channels(): RefChannel[] {
    return this.channelList;
  }

  get templates(): RefTemplate[] {
    return this.templateList;
  }

  /** `now` plus the real time elapsed since the store was seeded (or reset). */
  currentTime(): number {
    return this.now + (Date.now() - this.startedAt);
  }

  /** Back to the freshly seeded state (the clock restarts at `now`). */
  reset(): void {
    this.load();
  }

  private load(): void {
    const data = generateSeed(this.options);
    this.agentList = data.agents;
    this.channelList = data.channels;
    this.templateList = data.templates;
    this.contacts = new Map(data.contacts.map((c) => [c.id, c]));
    this.contactsByDigits = new Map(data.contacts.map((c) => [digits(c.phone), c.id]));
    this.conversations = new Map(data.conversations.map((c) => [c.id, c]));
    this.threads = data.threads;
    this.messageIndex = new Map();
    for (const thread of data.threads.values()) for (const m of thread) this.messageIndex.set(m.id, m);
    this.seq = data.lastSeq;
    this.rng = data.rng;
    this.startedAt = Date.now();
  }

  // ---- reads -----------------------------------------------------------------

  /** All conversations (archived and closed too), in no particular order. */
  listConversations(): RefConversation[] {
    return Array.from(this.conversations.values(), (c) => ({ ...c }));
  }

  getConversation(id: string): RefConversation | undefined {
    const c = this.conversations.get(id);
    return c && { ...c };
  }

  listContacts(): RefContact[] {
    return Array.from(this.contacts.values(), copyContact);
  }

  getContact(id: string): RefContact | undefined {
    const c = this.contacts.get(id);
    return c && copyContact(c);
  }

  getChannel(id: string): RefChannel | undefined {
    return this.channelList.find((c) => c.id === id);
  }

  getAgent(id: string): RefAgent | undefined {
    return this.agentList.find((a) => a.id === id);
  }

  getMessage(messageId: string): RefMessage | undefined {
    const m = this.messageIndex.get(messageId);
    return m && { ...m };
  }

  /** Oldest first (seq ascending); a copy. Empty for an unknown conversation. */
  messages(conversationId: string): RefMessage[] {
    const thread = this.threads.get(conversationId);
    return thread ? thread.map((m) => ({ ...m })) : [];
  }

  lastMessage(conversationId: string): RefMessage | undefined {
    const thread = this.threads.get(conversationId);
    const last = thread?.[thread.length - 1];
    return last && { ...last };
  }

  lastInboundAt(conversationId: string): string | undefined {
    return this.lastAt(conversationId, 'inbound');
  }

  lastOutboundAt(conversationId: string): string | undefined {
    return this.lastAt(conversationId, 'outbound');
  }

  /** The 24-hour customer-service window: the last inbound message is less than 24 h old. */
  windowOpen(conversationId: string, now: number = this.currentTime()): boolean {
    const at = this.lastInboundAt(conversationId);
    return at !== undefined && now - Date.parse(at) < DAY;
  }

  /** Compares phones by digits only; the most recently updated match wins. */
  findConversationByPhone(phone: string, channelId?: string): RefConversation | undefined {
    const contactId = this.contactsByDigits.get(digits(phone));
    if (!contactId) return undefined;
    let best: RefConversation | undefined;
    for (const c of this.conversations.values()) {
      if (c.contactId !== contactId) continue;
      if (channelId !== undefined && c.channelId !== channelId) continue;
      if (!best || c.updatedAt > best.updatedAt) best = c;
    }
    return best && { ...best };
  }

  // ---- writes ----------------------------------------------------------------

  /** Opens a conversation with `phone` on the channel; reuses the contact with the same digits, or creates it. */
  createConversation(input: { phone: string; channelId: string; name?: string | null }): RefConversation {
    if (!this.getChannel(input.channelId)) throw new Error(`Unknown channel ${input.channelId}`);
    const phoneDigits = digits(input.phone);
    if (phoneDigits === '') throw new Error(`Invalid phone ${input.phone}`);
    let contactId = this.contactsByDigits.get(phoneDigits);
    if (!contactId) {
      const contact: RefContact = {
        id: this.rng.uuid(),
        name: input.name ?? null,
        phone: `+${phoneDigits}`,
        email: null,
        avatarUrl: null,
        labels: [],
      };
      this.contacts.set(contact.id, contact);
      this.contactsByDigits.set(phoneDigits, contact.id);
      contactId = contact.id;
    } else if (input.name) {
      const contact = this.contacts.get(contactId);
      if (contact && contact.name === null) contact.name = input.name;
    }
    const at = iso(this.currentTime());
    const conversation: RefConversation = {
      id: this.rng.uuid(),
      contactId,
      channelId: input.channelId,
      status: 'open',
      archived: false,
      aiHandling: false,
      assigneeId: null,
      unreadCount: 0,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      closedBy: null,
      category: 'service',
    };
    this.conversations.set(conversation.id, conversation);
    this.threads.set(conversation.id, []);
    return { ...conversation };
  }

  /**
   * Appends a message. Assigns seq (always), and id, waMessageId, createdAt
   * (the current time, strictly after the previous message) and status
   * ('queued' outbound, null inbound) unless given. Updates updatedAt; an
   * inbound message increments unreadCount and un-archives.
   */
  appendMessage(
    conversationId: string,
    input: Partial<RefMessage> & Pick<RefMessage, 'direction' | 'kind'>,
  ): RefMessage {
    const conversation = this.conversations.get(conversationId);
    const thread = this.threads.get(conversationId);
    if (!conversation || !thread) throw new Error(`Unknown conversation ${conversationId}`);
    const inbound = input.direction === 'inbound';
    let createdAt = input.createdAt;
    if (createdAt === undefined) {
      let t = this.currentTime();
      const previous = thread[thread.length - 1];
      if (previous) t = Math.max(t, Date.parse(previous.createdAt) + 1);
      createdAt = iso(t);
    }
    const message: RefMessage = {
      seq: ++this.seq,
      id: input.id ?? this.rng.uuid(),
      conversationId,
      direction: input.direction,
      kind: input.kind,
      text: input.text ?? null,
      media: input.media ?? null,
      location: input.location ?? null,
      template: input.template ?? null,
      status: input.status !== undefined ? input.status : inbound ? null : 'queued',
      failureReason: input.failureReason ?? null,
      createdAt,
      senderId: input.senderId !== undefined ? input.senderId : inbound ? conversation.contactId : null,
      waMessageId: input.waMessageId ?? this.rng.wamid(),
    };
    thread.push(message);
    this.messageIndex.set(message.id, message);
    if (createdAt > conversation.updatedAt) conversation.updatedAt = createdAt;
    if (inbound) {
      conversation.unreadCount++;
      conversation.archived = false;
    }
    return { ...message };
  }

  /** Patches a conversation (its id cannot change); throws for an unknown id. */
  updateConversation(id: string, patch: Partial<RefConversation>): RefConversation {
    const conversation = this.conversations.get(id);
    if (!conversation) throw new Error(`Unknown conversation ${id}`);
    Object.assign(conversation, patch, { id });
    return { ...conversation };
  }

  /** Sets a message's delivery status; failureReason is kept only for 'failed'. */
  setMessageStatus(messageId: string, status: RefDeliveryStatus, failureReason?: string): RefMessage | undefined {
    const message = this.messageIndex.get(messageId);
    if (!message) return undefined;
    message.status = status;
    message.failureReason =
      status === 'failed' ? (failureReason ?? message.failureReason ?? 'Message failed to send') : null;
    return { ...message };
  }

  private lastAt(conversationId: string, direction: RefMessage['direction']): string | undefined {
    const thread = this.threads.get(conversationId);
    if (!thread) return undefined;
    for (let i = thread.length - 1; i >= 0; i--) if (thread[i].direction === direction) return thread[i].createdAt;
    return undefined;
  }
}

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}

function copyContact(c: RefContact): RefContact {
  return { ...c, labels: [...c.labels] };
}
