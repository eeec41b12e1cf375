/**
 * The security sweep for one dialect, shared by test/security/sweep.<dialect>.test.ts.
 *
 * Every hostile string of the corpus is planted in the reference backend
 * (contact names and phones, avatar URLs, message texts, captions, filenames,
 * media URLs, template names and variables, location names, failure reasons,
 * agent names and avatars), the real elements render it through the dialect's
 * adapter over real fetch, and the page is audited: nothing ran, no element a
 * payload could create is in any shadow root, URLs are http(s) only, and the
 * text reads as text. Then malformed records and envelopes are served raw.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import type { AssigneePicker } from '../../src/components/assignee-picker/assignee-picker.js';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import type { InboxList } from '../../src/components/inbox-list/inbox-list.js';
import type { InboxProvider } from '../../src/components/inbox-provider/inbox-provider.js';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import type { InboxStore } from '../../src/data/store.js';
import { startReferenceBackend, type BrowserReferenceBackend } from '../../reference-backend/browser.js';
import { ReferenceDb } from '../../reference-backend/db.js';
import { hostConfig, type ReferenceDialect } from '../../reference-backend/host-config.js';
import type { RefAgent, RefContact, RefMessage } from '../../reference-backend/model.js';
import type { RecordedRequest } from '../../reference-backend/router.js';
import {
  HOSTILE_STRINGS,
  HOSTILE_URLS,
  MALFORMED_BODIES,
  NOT_RECORDS,
  WRONG_TYPES,
  type HostileString,
} from './hostile-strings.js';
import {
  auditDom,
  captureWarnings,
  deepText,
  documentSnapshot,
  formattedText,
  installTraps,
  prototypePolluted,
  squash,
  swallowResizeObserverLoop,
  type Traps,
} from './sweep-support.js';

/** Payloads per round: one conversation (and agent, and template) each. */
const ROUND_SIZE = 16;
const WAIT = { timeout: 20_000, interval: 20 };

interface Planted {
  payload: HostileString;
  conversationId: string;
  agentId: string;
  templateName: string;
}

interface Inbox {
  provider: InboxProvider;
  store: InboxStore;
  list: InboxList;
  thread: ConversationThread;
  composer: MessageComposer;
  picker: AssigneePicker;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Template placeholders are tested on their own (security.template-keys.test.ts): keep `{{…}}` out of bodies here. */
const noPlaceholders = (s: string) => s.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');

function rounds(): HostileString[][] {
  const out: HostileString[][] = [];
  for (let i = 0; i < HOSTILE_STRINGS.length; i += ROUND_SIZE) out.push(HOSTILE_STRINGS.slice(i, i + ROUND_SIZE));
  return out;
}

/** Plants one conversation, agent and template per payload; the planted conversations are the most recent. */
export function plant(db: ReferenceDb, payloads: HostileString[]): Planted[] {
  const whatsapp = db.channels.find((c) => c.kind === 'WHATSAPP')!;
  // the store has no contact mutation API: reach the seeded records directly (test only)
  const contacts = (db as unknown as { contacts: Map<string, RefContact> }).contacts;
  return payloads.map((h) => {
    const p = h.value;
    const url = HOSTILE_URLS[h.id % HOSTILE_URLS.length];
    const agent: RefAgent = {
      id: `00000000-0000-4000-8000-${String(h.id).padStart(12, '0')}`,
      name: p,
      email: `agent${h.id}@example.com`,
      avatarUrl: url,
    };
    db.agents.push(agent);
    const templateName = p;
    db.templates.push({
      name: templateName,
      language: 'en',
      category: 'utility',
      body: `Hello {{1}}: ${noPlaceholders(p)}`,
      variables: ['1'],
    });
    const c = db.createConversation({
      phone: `+1555${String(h.id).padStart(7, '0')}`,
      channelId: whatsapp.id,
      name: p,
    });
    const contact = contacts.get(c.contactId)!;
    contact.phone = p;
    contact.avatarUrl = url;
    const out = (input: Partial<RefMessage> & Pick<RefMessage, 'kind'>) =>
      db.appendMessage(c.id, { direction: 'outbound', status: 'delivered', senderId: agent.id, ...input });
    const inbound = (input: Partial<RefMessage> & Pick<RefMessage, 'kind'>) =>
      db.appendMessage(c.id, { direction: 'inbound', ...input });
    out({ kind: 'image', text: p, media: { url, mimeType: 'image/png', caption: p } });
    out({ kind: 'video', media: { url, mimeType: 'video/mp4' } });
    inbound({ kind: 'audio', media: { url, mimeType: 'audio/ogg' } });
    out({ kind: 'document', media: { url, mimeType: 'application/pdf', filename: p, caption: p } });
    out({ kind: 'sticker', media: { url: p, mimeType: 'image/webp' } });
    out({ kind: 'template', text: p, template: { name: p, language: 'en', variables: [p] } });
    inbound({ kind: 'location', location: { latitude: 1.5, longitude: 2.5, name: p, address: p } });
    out({ kind: 'text', text: p, status: 'failed', failureReason: p });
    inbound({ kind: 'interactive', text: p });
    inbound({ kind: 'text', text: p });
    db.updateConversation(c.id, { assigneeId: agent.id });
    return { payload: h, conversationId: c.id, agentId: agent.id, templateName };
  });
}

function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

function row(list: InboxList, id: string): HTMLElement | null {
  return shadow(list).querySelector<HTMLElement>(`[part~="item"][data-id="${CSS.escape(id)}"]`);
}

/** A JSON value found anywhere in `value` that satisfies `test`. */
function deepFind(value: unknown, test: (v: unknown) => boolean): boolean {
  if (test(value)) return true;
  if (Array.isArray(value)) return value.some((v) => deepFind(v, test));
  if (isObject(value)) return Object.values(value).some((v) => deepFind(v, test));
  return false;
}

function expectClean(inbox: Inbox, traps: Traps, before: Record<string, number>, when: string): void {
  expect(traps.hits, `a payload ran (${when})`).to.deep.equal([]);
  expect(traps.violations, `CSP violations (${when})`).to.deep.equal([]);
  expect(traps.errors, `uncaught errors (${when})`).to.deep.equal([]);
  expect(auditDom(inbox.provider), `DOM audit (${when})`).to.deep.equal([]);
  expect(documentSnapshot(), `page-level elements (${when})`).to.deep.equal(before);
  expect(prototypePolluted(), `Object.prototype polluted (${when})`).to.equal(false);
}

export function describeDialectSweep(dialect: ReferenceDialect): void {
  describe(`security sweep: ${dialect}`, function () {
    this.timeout(240_000);
    let backend: BrowserReferenceBackend;
    let traps: Traps;
    let snapshot: Record<string, number>;

    let unswallow: () => void;

    before(async () => {
      unswallow = swallowResizeObserverLoop();
      await setViewport({ width: 1600, height: 3200 });
      backend = await startReferenceBackend({ db: ReferenceDb.seeded({ conversations: 8 }) });
    });
    beforeEach(() => {
      backend.reset();
      snapshot = documentSnapshot();
      traps = installTraps();
    });
    afterEach(() => traps.restore());
    after(() => unswallow());

    async function renderInbox(): Promise<Inbox> {
      const config = hostConfig(backend.db, dialect);
      const provider = await fixture<InboxProvider>(html`
        <inbox-provider
          backend=${config.backend}
          base-url=${config.baseUrl}
          poll-interval="0"
          current-user-id=${config.currentUserId}
          .options=${config.options}
        >
          <div style="display:grid;grid-template-columns:440px 1fr 300px;block-size:3000px">
            <inbox-list style="block-size:3000px"></inbox-list>
            <section>
              <conversation-thread style="block-size:2400px">
                <inbox-conversation-actions slot="actions"></inbox-conversation-actions>
              </conversation-thread>
              <message-composer></message-composer>
            </section>
            <assignee-picker></assignee-picker>
          </div>
        </inbox-provider>
      `);
      await waitUntil(() => provider.inboxStore, 'the provider created no store', WAIT);
      const q = <T extends Element>(tag: string) => provider.querySelector(tag) as unknown as T;
      const inbox: Inbox = {
        provider,
        store: provider.inboxStore!,
        list: q<InboxList>('inbox-list'),
        thread: q<ConversationThread>('conversation-thread'),
        composer: q<MessageComposer>('message-composer'),
        picker: q<AssigneePicker>('assignee-picker'),
      };
      await waitUntil(
        () => inbox.list.state !== 'initial' && inbox.list.state !== 'loading',
        'the list did not load',
        WAIT,
      );
      return inbox;
    }

    async function openThread(inbox: Inbox, planted: Planted): Promise<void> {
      const { provider, thread } = inbox;
      provider.selected = planted.conversationId;
      const name = squash(planted.payload.value);
      await waitUntil(
        () =>
          thread.state === 'ready' &&
          squash(shadow(thread).querySelector('[part~="name"]')?.textContent ?? '') === name,
        `payload ${planted.payload.id}: the thread header did not show the name`,
        WAIT,
      );
    }

    /**
     * Presses "Show full message" on the latest long message on screen (a long
     * payload's texts are shown shortened; each of them is the payload).
     */
    async function expandLongMessage(inbox: Inbox, planted: Planted): Promise<void> {
      const root = shadow(inbox.thread);
      let key: string | undefined;
      const toggle = () => {
        key ??= Array.from(root.querySelectorAll<HTMLElement>('[part~="message"]'))
          .sort((a, b) => Number(b.dataset.index) - Number(a.dataset.index))
          .find((r) => r.querySelector('[part~="text-toggle"]'))?.dataset.anchorKey;
        const row = key ? root.querySelector(`[data-anchor-key="${CSS.escape(key)}"]`) : null;
        return row?.querySelector<HTMLButtonElement>('[part~="text-toggle"]') ?? null;
      };
      await waitUntil(
        toggle,
        `payload ${planted.payload.id}: the long message has no "Show full message" button`,
        WAIT,
      );
      expect(toggle()!.getAttribute('aria-expanded'), `payload ${planted.payload.id}: shown shortened`).to.equal(
        'false',
      );
      toggle()!.click();
      await waitUntil(
        () => toggle()?.getAttribute('aria-expanded') === 'true',
        `payload ${planted.payload.id}: the long message did not expand`,
        WAIT,
      );
    }

    async function checkTemplates(inbox: Inbox, planted: Planted[]): Promise<void> {
      const { composer, store } = inbox;
      if (store.capabilities.send.template === 'none') return;
      const root = shadow(composer);
      const toggle = root.querySelector<HTMLButtonElement>('[part~="template-toggle"]');
      if (toggle) toggle.click();
      await waitUntil(
        () => root.querySelector('select[part~="templates"]:not([disabled])'),
        'no template picker',
        WAIT,
      );
      const select = root.querySelector<HTMLSelectElement>('select[part~="templates"]')!;
      for (const p of planted) {
        const option = Array.from(select.options).find((o) =>
          squash(o.textContent ?? '').includes(squash(p.templateName)),
        );
        expect(option, `payload ${p.payload.id}: template option`).to.not.equal(undefined);
        select.value = option!.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await composer.updateComplete;
        for (const input of Array.from(root.querySelectorAll<HTMLInputElement>('input[part~="variable"]'))) {
          input.value = p.payload.value;
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        }
        await composer.updateComplete;
        const preview = squash(root.querySelector('[part~="template-preview"]')?.textContent ?? '');
        expect(
          preview.includes(squash(noPlaceholders(p.payload.value))),
          `payload ${p.payload.id}: template preview`,
        ).to.equal(true);
      }
      if (toggle) {
        root.querySelector<HTMLButtonElement>('[part~="template-toggle"]')?.click();
        await composer.updateComplete;
      }
    }

    async function sendText(inbox: Inbox, planted: Planted): Promise<void> {
      const { composer, store } = inbox;
      const p = planted.payload.value;
      const max = store.capabilities.send.textMaxLength ?? 4096;
      if (p.length > max || p.trim() === '' || !store.capabilities.send.text) return;
      const root = shadow(composer);
      await waitUntil(() => root.querySelector('textarea:not([disabled])'), 'no composer input', WAIT);
      const input = root.querySelector('textarea')!;
      input.value = p;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await composer.updateComplete;
      const sent = backend.requests.length;
      // accepted, or refused (vobiz sends to the contact's phone, which is the payload here)
      const settled = Promise.race([
        oneEvent(inbox.provider, 'inbox-message-sent'),
        oneEvent(inbox.provider, 'inbox-error'),
      ]);
      root.querySelector<HTMLButtonElement>('button[part~="send"]')!.click();
      const wanted = squash(p);
      await waitUntil(
        () =>
          backend.requests
            .slice(sent)
            .some(
              (r: RecordedRequest) =>
                r.dialect === dialect &&
                r.method === 'POST' &&
                deepFind(r.body, (v) => typeof v === 'string' && squash(v) === wanted),
            ),
        `payload ${planted.payload.id}: the text was not sent as is`,
        WAIT,
      );
      await settled;
    }

    async function checkPicker(inbox: Inbox, planted: Planted[]): Promise<void> {
      const { picker } = inbox;
      const root = shadow(picker);
      const trigger = root.querySelector<HTMLButtonElement>('[part~="trigger"]');
      if (!trigger || trigger.getAttribute('aria-disabled') === 'true' || trigger.disabled) return;
      trigger.click();
      await waitUntil(
        () => root.querySelectorAll('[part~="option"]').length > planted.length,
        'no agents listed',
        WAIT,
      );
      const text = squash(deepText(picker));
      for (const p of planted) {
        expect(text.includes(squash(p.payload.value)), `payload ${p.payload.id}: agent name in the picker`).to.equal(
          true,
        );
      }
      expectClean(inbox, traps, snapshot, 'assignee picker open');
      trigger.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await picker.updateComplete;
    }

    for (const payloads of rounds()) {
      const first = payloads[0].id;
      const last = payloads[payloads.length - 1].id;
      it(`payloads ${first}–${last} in every field: nothing runs, nothing is injected, text stays text`, async () => {
        const planted = plant(backend.db, payloads);
        const inbox = await renderInbox();
        expect(inbox.list.state).to.equal('ready');

        // list: every planted conversation shows its hostile name as text
        for (const p of planted) {
          await waitUntil(() => row(inbox.list, p.conversationId), `payload ${p.payload.id}: no list row`, WAIT);
          const name = row(inbox.list, p.conversationId)!.querySelector('[part~="name"]')?.textContent ?? '';
          expect(squash(name), `payload ${p.payload.id}: name in the list`).to.equal(squash(p.payload.value));
        }
        expectClean(inbox, traps, snapshot, 'list');

        // thread, composer and actions for every planted conversation, the 100 kB
        // strings included: their messages show shortened, and whole once expanded
        for (const p of planted) {
          await openThread(inbox, p);
          const expected = squash(formattedText(p.payload.value));
          if (expected && p.payload.category === 'long') {
            await expandLongMessage(inbox, p);
            expectClean(inbox, traps, snapshot, `expanded message of payload ${p.payload.id}`);
          }
          if (expected) {
            await waitUntil(
              () =>
                Array.from(shadow(inbox.thread).querySelectorAll('[part~="text"]')).some(
                  (t) => squash(t.textContent ?? '') === expected,
                ),
              `payload ${p.payload.id}: the message text is not shown as text`,
              WAIT,
            );
          }
          expectClean(inbox, traps, snapshot, `thread of payload ${p.payload.id}`);
          // the older messages (media, documents, templates, locations) too
          const log = shadow(inbox.thread).querySelector<HTMLElement>('[part~="log"]');
          if (log && log.scrollTop > 0) {
            // scrolled up until the start shows: rows measured on the way (and older
            // pages loading) move what is on screen, as they would for a reader
            await waitUntil(
              () => {
                if (shadow(inbox.thread).querySelector('[part~="older"]')) return true;
                log.scrollTop = 0;
                return false;
              },
              `payload ${p.payload.id}: the start of the thread did not render`,
              WAIT,
            ).catch((error: unknown) => {
              // say where the log was left, so a rare timeout can be told apart from a stuck scroll
              const state = inbox.store.getThreadState(p.conversationId);
              const first = shadow(inbox.thread).querySelector<HTMLElement>('[data-anchor-key]')?.dataset.anchorKey;
              throw new Error(
                `${(error as Error).message} (scrollTop ${log.scrollTop} of ${log.scrollHeight}, first row ${first}, ` +
                  `${state.messages.length} messages, hasOlder ${state.hasOlder}, loadingOlder ${state.loadingOlder})`,
              );
            });
            expectClean(inbox, traps, snapshot, `older messages of payload ${p.payload.id}`);
          }
          await sendText(inbox, p);
          expectClean(inbox, traps, snapshot, `after sending payload ${p.payload.id}`);
        }

        const short = planted.filter((p) => p.payload.category !== 'long');
        // the store got every long string exactly as planted
        for (const p of planted.filter((q) => q.payload.category === 'long')) {
          const c = inbox.store.getConversation(p.conversationId);
          expect(c?.contact.displayName, `payload ${p.payload.id}: long name in the store`).to.equal(p.payload.value);
        }
        await checkTemplates(inbox, short);
        expectClean(inbox, traps, snapshot, 'templates');
        await checkPicker(inbox, short);
      });
    }

    // ---- malformed JSON ------------------------------------------------------------------

    /** The URL a recorded request went to, to fetch its real answer. */
    function urlOf(r: RecordedRequest): string {
      const url = new URL(`${backend.baseUrl(dialect)}${r.path}`);
      for (const [k, v] of Object.entries(r.query)) for (const one of [v].flat()) url.searchParams.append(k, one);
      return url.href;
    }

    async function realBody(r: RecordedRequest): Promise<unknown> {
      const answer = await backend.handle(new Request(urlOf(r), { headers: r.headers }));
      if (!answer || answer === 'drop') throw new Error(`no answer for ${r.path}`);
      return (await answer.json()) as unknown;
    }

    /** Every array in `value` holding a record with one of `ids` as a field value; `idKey` is that field. */
    function recordArrays(value: unknown, ids: Set<string>): Array<{ array: unknown[]; idKey: string }> {
      const out: Array<{ array: unknown[]; idKey: string }> = [];
      const visit = (v: unknown) => {
        if (Array.isArray(v)) {
          for (const item of v) {
            if (!isObject(item)) continue;
            const idKey = Object.keys(item).find((k) => {
              const f = item[k];
              return (typeof f === 'string' || typeof f === 'number') && ids.has(String(f));
            });
            if (idKey) {
              out.push({ array: v, idKey });
              break;
            }
          }
          v.forEach(visit);
        } else if (isObject(v)) {
          Object.values(v).forEach(visit);
        }
      };
      visit(value);
      return out;
    }

    /** The good records first, then every field of a sample record with every wrong type, then non-records. */
    function poison(array: unknown[], idKey: string, keep: number): { good: string[] } {
      const good = array.slice(0, keep);
      const sample = good[0] as Json;
      const variants: unknown[] = [];
      let n = 0;
      for (const key of Object.keys(sample)) {
        for (const wrong of WRONG_TYPES) {
          const copy = structuredClone(sample);
          copy[key] = structuredClone(wrong);
          if (key !== idKey) copy[idKey] = `${String(sample[idKey])}~${key}~${n}`;
          n++;
          variants.push(copy);
        }
        const inner = sample[key];
        if (isObject(inner)) {
          for (const sub of Object.keys(inner)) {
            for (const wrong of WRONG_TYPES.slice(0, 4)) {
              const copy = structuredClone(sample);
              (copy[key] as Json)[sub] = structuredClone(wrong);
              copy[idKey] = `${String(sample[idKey])}~${key}.${sub}~${n++}`;
              variants.push(copy);
            }
          }
        }
      }
      array.splice(0, array.length, ...good, ...variants, ...structuredClone(NOT_RECORDS));
      return { good: good.map((g) => String((g as Json)[idKey])) };
    }

    function exact(path: string): RegExp {
      return new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    }

    function listRequest(): RecordedRequest {
      const r = backend.requests.find(
        (q) => q.dialect === dialect && q.method === 'GET' && /\/conversations\/?$/.test(q.path),
      );
      if (!r) throw new Error('no list request recorded');
      return r;
    }

    it('malformed conversation records are skipped with a warning; the rest of the list renders', async () => {
      const probe = await renderInbox();
      const request = listRequest();
      probe.provider.remove();
      const body = await realBody(request);
      const ids = new Set(backend.db.listConversations().map((c) => c.id));
      const [found] = recordArrays(body, ids);
      expect(found, 'conversation records in the list body').to.not.equal(undefined);
      const { good } = poison(found.array, found.idKey, 3);
      backend.faults.add({ dialect, method: 'GET', path: exact(request.path), status: 200, body });
      traps.restore();
      traps = installTraps();
      const warn = captureWarnings();
      let inbox: Inbox;
      try {
        inbox = await renderInbox();
        await waitUntil(() => shadow(inbox.list).querySelector('[part~="item"]'), 'no rows rendered', WAIT);
      } finally {
        warn.restore();
      }
      expect(inbox.list.state).to.equal('ready');
      const listed = inbox.store.getListState().conversations.map((c) => c.id);
      for (const id of good) expect(listed, `good record ${id}`).to.include(id);
      expect(
        warn.warnings.some((w) => w.includes(`${dialect}: skipped`)),
        warn.warnings.join('\n'),
      ).to.equal(true);
      expectClean(inbox, traps, snapshot, 'malformed conversations');
    });

    it('malformed message records are skipped with a warning; the rest of the thread renders', async () => {
      const probe = await renderInbox();
      const conversation = probe.store.getListState().conversations[0];
      const since = backend.requests.length;
      probe.provider.selected = conversation.id;
      await waitUntil(() => probe.thread.state === 'ready', 'the thread did not load', WAIT);
      const threadRequests = backend.requests
        .slice(since)
        .filter(
          (r) =>
            r.dialect === dialect &&
            r.method === 'GET' &&
            (r.path.includes(encodeURIComponent(conversation.id)) ||
              Object.values(r.query).flat().includes(conversation.id)),
        );
      const list = listRequest();
      probe.provider.remove();
      const messages = backend.db.messages(conversation.id);
      const ids = new Set(messages.flatMap((m) => [m.id, String(m.seq), m.waMessageId]));
      let poisoned = 0;
      for (const r of [...threadRequests, list]) {
        const body = await realBody(r);
        const arrays = recordArrays(body, ids);
        for (const { array, idKey } of arrays) {
          poison(array, idKey, Math.min(3, array.length));
          poisoned++;
        }
        if (arrays.length) backend.faults.add({ dialect, method: 'GET', path: exact(r.path), status: 200, body });
      }
      expect(poisoned, 'message records found in the thread bodies').to.be.above(0);
      traps.restore();
      traps = installTraps();
      const warn = captureWarnings();
      let inbox: Inbox;
      try {
        inbox = await renderInbox();
        inbox.provider.selected = conversation.id;
        await waitUntil(
          () => inbox.thread.state !== 'loading' && inbox.thread.state !== 'initial',
          'the thread did not settle',
          WAIT,
        );
        await waitUntil(() => shadow(inbox.thread).querySelector('[part~="message"]'), 'no messages rendered', WAIT);
      } finally {
        warn.restore();
      }
      expect(inbox.thread.state).to.equal('ready');
      expect(inbox.store.getThreadState(conversation.id).messages.length).to.be.above(0);
      expect(
        warn.warnings.some((w) => w.includes(`${dialect}: skipped`)),
        warn.warnings.join('\n'),
      ).to.equal(true);
      expectClean(inbox, traps, snapshot, 'malformed messages');
    });

    it('malformed list envelopes end in a state with a retry, run nothing, and recover', async () => {
      const probe = await renderInbox();
      const request = listRequest();
      probe.provider.remove();
      for (const { label, text } of MALFORMED_BODIES) {
        backend.faults.clear();
        const fault = backend.faults.add({
          dialect,
          method: 'GET',
          path: exact(request.path),
          status: 200,
          body: text,
          headers: { 'content-type': 'application/json' },
        });
        const warn = captureWarnings();
        let inbox: Inbox;
        try {
          inbox = await renderInbox();
        } finally {
          warn.restore();
        }
        const state = inbox.list.state;
        expect(['ready', 'empty', 'error'], `${label}: list state`).to.include(state);
        expectClean(inbox, traps, snapshot, `list body: ${label}`);
        backend.faults.remove(fault);
        if (state === 'error') {
          shadow(inbox.list).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
          await waitUntil(() => inbox.list.state === 'ready', `${label}: no recovery after retry`, WAIT);
        }
        inbox.provider.remove();
      }
    });

    it('hostile error bodies on send show a failure in our words and run nothing', async () => {
      const probe = await renderInbox();
      const conversation = backend.db
        .listConversations()
        .find((c) => backend.db.windowOpen(c.id) && probe.store.getConversation(c.id));
      expect(conversation, 'a conversation with an open window').to.not.equal(undefined);
      probe.provider.selected = conversation!.id;
      await waitUntil(() => probe.thread.state === 'ready', 'the thread did not load', WAIT);
      const hostile = {
        error: '<img src=x onerror=__pwned(950)>',
        message: '<script>__pwned(951)</script>',
        code: 'javascript:__pwned(952)',
        issues: { body: ['<svg onload=__pwned(953)>'] },
        errors: { body: ['<iframe srcdoc="<script>parent.__pwned(954)</script>">'] },
        detail: '<a href="javascript:__pwned(955)">x</a>',
      };
      backend.faults.add({ dialect, method: 'POST', status: 400, body: hostile });
      const root = shadow(probe.composer);
      const input = root.querySelector('textarea')!;
      input.value = 'hello';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await probe.composer.updateComplete;
      root.querySelector<HTMLButtonElement>('button[part~="send"]')!.click();
      await waitUntil(
        () => shadow(probe.thread).querySelector('[part~="failed"]'),
        'the failed send is not shown',
        WAIT,
      );
      const text = deepText(probe.provider);
      expect(text).to.not.include('__pwned(95');
      expectClean(probe, traps, snapshot, 'hostile error body');
    });
  });
}
