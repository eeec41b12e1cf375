/**
 * Denial of service by size: 100 kB strings from a backend must not stall the
 * page or hide the conversation. The sweep (dialect-sweep.ts) pushes the 100 kB
 * payloads through every adapter and the list; these are the thread and
 * formatter cases, each with a budget.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import { parseWhatsApp } from '../../src/components/conversation-thread/whatsapp-format.js';
import type { InboxProvider } from '../../src/components/inbox-provider/inbox-provider.js';
import { startReferenceBackend, type BrowserReferenceBackend } from '../../reference-backend/browser.js';
import { ReferenceDb } from '../../reference-backend/db.js';
import { hostConfig } from '../../reference-backend/host-config.js';
import type { RefContact } from '../../reference-backend/model.js';
import { installTraps, squash, swallowResizeObserverLoop } from './sweep-support.js';

const KB100 = 100_000;

describe('security: very long strings', function () {
  this.timeout(60_000);
  let backend: BrowserReferenceBackend;
  let unswallow: () => void;

  before(async () => {
    unswallow = swallowResizeObserverLoop();
    backend = await startReferenceBackend({ db: ReferenceDb.seeded({ conversations: 4 }) });
  });
  beforeEach(() => backend.reset());
  after(() => unswallow());

  /** A conversation with `text` as its only message; `phone` replaces the contact's phone. */
  function conversation(text: string, phone?: string): string {
    const db = backend.db;
    const whatsapp = db.channels.find((c) => c.kind === 'WHATSAPP')!;
    const c = db.createConversation({ phone: '+15550123456', channelId: whatsapp.id, name: 'Long Content' });
    if (phone !== undefined) {
      (db as unknown as { contacts: Map<string, RefContact> }).contacts.get(c.contactId)!.phone = phone;
    }
    db.appendMessage(c.id, { direction: 'inbound', kind: 'text', text });
    return c.id;
  }

  async function openThread(id: string): Promise<{ thread: ConversationThread; ms: number }> {
    const config = hostConfig(backend.db, 'cloove');
    const provider = await fixture<InboxProvider>(html`
      <inbox-provider backend=${config.backend} base-url=${config.baseUrl} poll-interval="0" .options=${config.options}>
        <conversation-thread style="block-size:800px"></conversation-thread>
      </inbox-provider>
    `);
    await waitUntil(() => provider.inboxStore, 'no store');
    const thread = provider.querySelector('conversation-thread')!;
    const start = performance.now();
    provider.selected = id;
    await waitUntil(
      () => thread.state === 'ready' && thread.shadowRoot!.querySelector('[part~="message"]'),
      'no message rendered',
      { timeout: 45_000 },
    );
    return { thread, ms: performance.now() - start };
  }

  it('a 100 kB phone number does not push the messages out of the thread', async () => {
    const id = conversation('hello', '+1 '.repeat(KB100 / 3));
    const config = hostConfig(backend.db, 'cloove');
    const provider = await fixture<InboxProvider>(html`
      <inbox-provider backend=${config.backend} base-url=${config.baseUrl} poll-interval="0" .options=${config.options}>
        <conversation-thread style="block-size:800px"></conversation-thread>
      </inbox-provider>
    `);
    await waitUntil(() => provider.inboxStore, 'no store');
    const thread = provider.querySelector('conversation-thread')!;
    provider.selected = id;
    await waitUntil(() => thread.state === 'ready', 'the thread did not load', { timeout: 20_000 });
    const header = thread.shadowRoot!.querySelector<HTMLElement>('[part~="header"]')!;
    const log = thread.shadowRoot!.querySelector<HTMLElement>('[part~="log"]');
    expect(header.offsetHeight, 'header height (px)').to.be.below(200);
    expect(log?.clientHeight ?? 0, 'log height (px)').to.be.above(300);
  });

  it('a 100 kB single-word message renders within 2 s', async () => {
    const traps = installTraps();
    try {
      const { thread, ms } = await openThread(conversation('A'.repeat(KB100)));
      expect(squash(thread.shadowRoot!.querySelector('[part~="text"]')?.textContent ?? '').length).to.be.above(0);
      expect(Math.round(ms), 'ms until the message shows').to.be.below(2000);
      expect(traps.hits).to.deep.equal([]);
    } finally {
      traps.restore();
    }
  });

  it('the formatter stays linear: 30 kB of "*a " parses within 300 ms', () => {
    const text = '*a '.repeat(10_000);
    const start = performance.now();
    parseWhatsApp(text);
    expect(Math.round(performance.now() - start), 'ms to parse').to.be.below(300);
  });
});
