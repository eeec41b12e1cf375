import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { MemoryAdapter, type MemorySeed } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxList } from '../../src/components/inbox-list/inbox-list.js';
import '../../src/components/inbox-list/inbox-list.js';
import type { Conversation } from '../../src/data/models.js';
import { sendMouse } from '@web/test-runner-commands';
import { renderWithProvider } from '../support/render-with-provider.js';
import { conversationSeed } from '../support/seeds.js';

const NOW = Date.now();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A conversation whose last activity was `ago` ms before NOW. */
function seed(id: string, ago: number, patch: Partial<Conversation> = {}): MemorySeed {
  const at = new Date(NOW - ago).toISOString();
  const contact = { displayName: `Contact ${id}`, phone: '+15550000000' };
  const lastMessage = { text: `Last message of ${id}`, direction: 'inbound', createdAt: at, kind: 'text' } as const;
  return conversationSeed(id, { contact, lastMessage, lastInboundAt: at, ...patch }, at);
}

function rows(el: InboxList): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].sort(
    (a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')),
  );
}

function row(el: InboxList, id: string): HTMLElement | undefined {
  return rows(el).find((r) => r.dataset.id === id);
}

function part(el: InboxList | HTMLElement, name: string): HTMLElement | null {
  const root = el instanceof HTMLElement && el.shadowRoot ? el.shadowRoot : el;
  return root.querySelector<HTMLElement>(`[part~="${name}"]`);
}

async function renderList(seeds: MemorySeed[], options: ConstructorParameters<typeof MemoryAdapter>[0] = {}) {
  const adapter = new MemoryAdapter({ seed: seeds, ...options });
  const result = await renderWithProvider<InboxList>(html`<inbox-list style="height: 480px"></inbox-list>`, {
    adapter,
  });
  return result;
}

async function ready(el: InboxList, count?: number) {
  await waitUntil(() => el.state === 'ready' || el.state === 'empty' || el.state === 'error', 'list never settled');
  if (count !== undefined) await waitUntil(() => rows(el).length >= count, `fewer than ${count} rows rendered`);
  await el.updateComplete;
}

describe('<inbox-list>', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  describe('rows', () => {
    it('lists conversations most recent first, as a labelled listbox of options', async () => {
      const { el } = await renderList([seed('b', 2 * HOUR), seed('a', 5 * MINUTE), seed('c', 3 * HOUR)]);
      await ready(el, 3);
      expect(el.getAttribute('state')).to.equal('ready');
      const list = part(el, 'list')!;
      expect(list.getAttribute('role')).to.equal('listbox');
      expect(list.getAttribute('aria-label')).to.equal('Conversations');
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['a', 'b', 'c']);
      expect(rows(el).map((r) => r.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3']);
      expect(rows(el).every((r) => r.getAttribute('aria-setsize') === '3')).to.equal(true);
      expect(rows(el).every((r) => r.getAttribute('part')!.split(' ').includes('item'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows name, preview, relative time, unread badge, status, assignee', async () => {
      const { el } = await renderList([
        seed('a', 5 * MINUTE, {
          unreadCount: 3,
          status: 'pending',
          assignee: { id: 'agent-2', displayName: 'Aisha Khan' },
          contact: { displayName: 'Amelia Watson' },
        }),
      ]);
      await ready(el, 1);
      const r = row(el, 'a')!;
      expect(part(r, 'name')!.textContent).to.equal('Amelia Watson');
      expect(part(r, 'name')!.getAttribute('dir')).to.equal('auto');
      expect(part(r, 'preview')!.textContent).to.equal('Last message of a');
      expect(part(r, 'preview')!.getAttribute('dir')).to.equal('auto');
      expect(part(r, 'time')!.textContent).to.equal(
        new Intl.RelativeTimeFormat(navigator.language, { numeric: 'auto', style: 'short' }).format(-5, 'minute'),
      );
      expect(part(r, 'time')!.getAttribute('datetime')).to.equal(new Date(NOW - 5 * MINUTE).toISOString());
      expect(part(r, 'badge')!.textContent.trim()).to.match(/^3\s+unread$/);
      expect(r.getAttribute('part')).to.equal('item unread');
      expect(part(r, 'status')!.textContent).to.equal('Pending');
      expect(part(r, 'assignee')!.textContent).to.equal('Aisha Khan');
      expect(part(r, 'avatar')!.textContent.trim()).to.equal('AW');
    });

    it('shows the full date and time of the last activity when the pointer rests on the time', async () => {
      const { el } = await renderList([seed('a', 5 * MINUTE)]);
      await ready(el, 1);
      const time = part(row(el, 'a')!, 'time')!;
      expect(time.title).to.equal('');
      const box = time.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + 2), Math.round(box.top + box.height / 2)] });
      const expected = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        NOW - 5 * MINUTE,
      );
      await waitUntil(() => time.title === expected, `time title is "${time.title}"`);
      await sendMouse({ type: 'move', position: [0, 0] });
    });

    it('falls back to the phone number when there is no name', async () => {
      const { el } = await renderList([seed('a', MINUTE, { contact: { phone: '+4915123456789' } })]);
      await ready(el, 1);
      expect(part(row(el, 'a')!, 'name')!.textContent).to.equal('+4915123456789');
    });

    it('says who wrote last when the backend lists activity times but no message', async () => {
      const wroteLast = new Date(NOW - 2 * MINUTE).toISOString();
      const repliedLast = new Date(NOW - 3 * MINUTE).toISOString();
      const adapter = new MemoryAdapter({
        seed: [
          seed('a', 2 * MINUTE, { lastMessage: undefined, lastActivityAt: wroteLast, lastInboundAt: wroteLast }),
          seed('b', 3 * MINUTE, { lastMessage: undefined, lastActivityAt: repliedLast, lastInboundAt: undefined }),
          seed('c', 4 * MINUTE, { lastMessage: undefined, lastActivityAt: undefined, lastInboundAt: undefined }),
        ],
      });
      const { el } = await renderWithProvider<InboxList>(html`<inbox-list></inbox-list>`, { adapter });
      await waitUntil(() => rows(el).length === 3);
      const preview = (id: string) => row(el, id)!.querySelector('[part~="preview"]')!.textContent.trim();
      expect(preview('a')).to.contain('The customer wrote last');
      expect(preview('b')).to.contain('You replied last');
      expect(preview('c')).to.contain('No messages yet');
    });

    it('prefixes outbound previews with "You:" (localizable), and labels messages without text', async () => {
      const { el } = await renderList([
        seed('out', MINUTE, {
          lastMessage: {
            text: 'On its way',
            direction: 'outbound',
            createdAt: new Date(NOW - MINUTE).toISOString(),
            kind: 'text',
          },
        }),
        seed('img', 2 * MINUTE, {
          lastMessage: { direction: 'inbound', createdAt: new Date(NOW - 2 * MINUTE).toISOString(), kind: 'image' },
        }),
      ]);
      await ready(el, 2);
      expect(part(row(el, 'out')!, 'preview')!.textContent).to.equal('You: On its way');
      expect(part(row(el, 'img')!, 'preview')!.textContent).to.equal('Photo');
      el.i18n = { youPrefix: 'Vous : {text}', kindImage: 'Photo reçue' };
      await el.updateComplete;
      expect(part(row(el, 'out')!, 'preview')!.textContent).to.equal('Vous : On its way');
      expect(part(row(el, 'img')!, 'preview')!.textContent).to.equal('Photo reçue');
    });

    it('shows an avatar image only for an http(s) URL, else initials', async () => {
      const { el } = await renderList([
        seed('https', MINUTE, { contact: { displayName: 'Has Photo', avatarUrl: 'https://example.com/a.png' } }),
        seed('js', 2 * MINUTE, { contact: { displayName: 'Bad Url', avatarUrl: 'javascript:alert(1)' } }),
        seed('data', 3 * MINUTE, { contact: { displayName: 'Data Url', avatarUrl: 'data:image/png;base64,AAAA' } }),
      ]);
      await ready(el, 3);
      const img = part(row(el, 'https')!, 'avatar')!.querySelector('img')!;
      expect(img.getAttribute('src')).to.equal('https://example.com/a.png');
      expect(img.getAttribute('alt')).to.equal('');
      expect(part(row(el, 'js')!, 'avatar')!.querySelector('img')).to.equal(null);
      expect(part(row(el, 'js')!, 'avatar')!.textContent.trim()).to.equal('BU');
      expect(part(row(el, 'data')!, 'avatar')!.textContent.trim()).to.equal('DU');
      expect(part(row(el, 'data')!, 'avatar')!.querySelector('img')).to.equal(null);
    });

    it('takes initials from letters and digits in any script, in upper case for the language', async () => {
      const { el } = await renderList([
        seed('ascii', MINUTE, { contact: { displayName: 'amelia  van der watson' } }),
        seed('accented', 2 * MINUTE, { contact: { displayName: 'émile (zola)' } }),
        seed('greek', 3 * MINUTE, { contact: { displayName: 'Νίκος Παππάς' } }),
        seed('digits', 4 * MINUTE, { contact: { displayName: '24/7 support' } }),
        seed('none', 5 * MINUTE, { contact: { displayName: '— ·', phone: '+15550000000' } }),
        seed('dotted', 6 * MINUTE, { contact: { displayName: 'ilker ışık' } }),
      ]);
      await ready(el, 6);
      const avatar = (id: string) => part(row(el, id)!, 'avatar')!.textContent.trim();
      expect(avatar('ascii')).to.equal('AW');
      expect(avatar('accented')).to.equal('ÉZ');
      expect(avatar('greek')).to.equal('ΝΠ');
      expect(avatar('digits')).to.equal('2S');
      expect(avatar('none')).to.equal('#');
      expect(avatar('dotted')).to.equal('II');
      el.setAttribute('lang', 'tr');
      el.requestUpdate();
      await el.updateComplete;
      expect(avatar('dotted'), 'Turkish upper case of i is İ').to.equal('İI');
    });

    it('still renders its rows under a malformed page language such as en_US', async () => {
      const { el } = await renderList([seed('a', MINUTE, { unreadCount: 2, contact: { displayName: 'ilse ray' } })]);
      await ready(el, 1);
      el.setAttribute('lang', 'en_US');
      el.requestUpdate();
      await el.updateComplete;
      const r = row(el, 'a')!;
      expect(part(r, 'avatar')!.textContent.trim()).to.equal('IR');
      expect(part(r, 'name')!.textContent).to.equal('ilse ray');
      expect(part(r, 'badge')!.textContent).to.contain('2');
      // the invalid lang is the host's, put there on purpose
      await expect(el).to.be.accessible({ ignoredRules: ['valid-lang'] });
    });

    it('renders HTML in names and previews as text', async () => {
      const evil = '<img src=x onerror="window.__pwned=1">';
      const { el } = await renderList([
        seed('x', MINUTE, {
          contact: { displayName: evil },
          lastMessage: {
            text: `<b>bold</b>${evil}`,
            direction: 'inbound',
            createdAt: new Date(NOW - MINUTE).toISOString(),
            kind: 'text',
          },
        }),
      ]);
      await ready(el, 1);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.querySelector('b')).to.equal(null);
      expect(part(row(el, 'x')!, 'name')!.textContent).to.equal(evil);
      // initials skip the markup characters
      expect(part(row(el, 'x')!, 'avatar')!.textContent.trim()).to.equal('IO');
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('shows the 24-hour window: time left, closing soon, or closed', async () => {
      const { el } = await renderList([
        seed('open', 2 * HOUR),
        seed('closing', 23 * HOUR),
        seed('closed', 30 * HOUR),
        seed('unknown', 40 * HOUR, { lastInboundAt: undefined, lastMessage: undefined }),
      ]);
      await ready(el, 4);
      const open = part(row(el, 'open')!, 'window')!;
      expect(open.textContent).to.match(/left$/);
      expect(open.textContent).to.match(/2[12]/);
      expect(open.classList.contains('open')).to.equal(true);
      expect(part(row(el, 'closing')!, 'window')!.classList.contains('closing')).to.equal(true);
      expect(part(row(el, 'closed')!, 'window')!.textContent).to.equal('Window closed');
      expect(part(row(el, 'unknown')!, 'window')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows the channel only where the backend is multi-channel', async () => {
      const seeds = () => [
        seed('a', MINUTE, { channel: { kind: 'sms', label: 'SMS · Sales' } }),
        seed('b', 2 * MINUTE),
      ];
      const multi = await renderList(seeds());
      await ready(multi.el, 2);
      expect(part(row(multi.el, 'a')!, 'channel')!.textContent).to.equal('SMS · Sales');
      expect(part(row(multi.el, 'b')!, 'channel')!.textContent).to.equal('WhatsApp');
      multi.provider.remove(); // rows only render inside the window's viewport
      const single = await renderList(seeds(), { capabilities: { multiChannel: false } });
      await ready(single.el, 2);
      expect(part(row(single.el, 'a')!, 'channel')).to.equal(null);
    });

    it('keeps relative times current: the clock ticks every minute while connected', async () => {
      const realSetInterval = window.setInterval;
      const realNow = Date.now;
      const intervals: Array<{ fn: () => void; ms: number }> = [];
      window.setInterval = ((fn: () => void, ms: number) => {
        intervals.push({ fn, ms });
        return 0;
      }) as typeof window.setInterval;
      try {
        const { el } = await renderList([seed('a', 5 * MINUTE)]);
        await ready(el, 1);
        const clock = intervals.find((i) => i.ms === 60_000);
        expect(clock, 'a one-minute timer').to.not.equal(undefined);
        const before = part(row(el, 'a')!, 'time')!.textContent;
        Date.now = () => realNow() + 10 * MINUTE;
        clock!.fn();
        await el.updateComplete;
        await waitUntil(() => part(row(el, 'a')!, 'time')!.textContent !== before);
        expect(part(row(el, 'a')!, 'time')!.textContent).to.equal(
          new Intl.RelativeTimeFormat(navigator.language, { numeric: 'auto', style: 'short' }).format(-15, 'minute'),
        );
      } finally {
        window.setInterval = realSetInterval;
        Date.now = realNow;
      }
    });
  });

  describe('states', () => {
    it('is initial, with a quiet prompt and one console warning, without a provider or source', async () => {
      const warnings: string[] = [];
      const realWarn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      let el: InboxList;
      try {
        const wrapper = await fixture<HTMLElement>(html`<div><inbox-list></inbox-list><inbox-list></inbox-list></div>`);
        el = wrapper.querySelector('inbox-list')!;
        await el.updateComplete;
      } finally {
        console.warn = realWarn;
      }
      expect(warnings.filter((w) => w.includes('<inbox-list> has no `source`')).length).to.equal(1);
      expect(el.getAttribute('state')).to.equal('initial');
      expect(el.shadowRoot!.textContent).to.contain('No inbox connected');
      await expect(el).to.be.accessible();
    });

    it('works with its own `source` and no provider', async () => {
      const el = await fixture<InboxList>(
        html`<inbox-list .source=${new MemoryAdapter({ seed: [seed('solo', MINUTE)] })}></inbox-list>`,
      );
      await ready(el, 1);
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['solo']);
    });

    it('renders a first page that arrives before the next frame in its first render, without a loading shell first', async () => {
      const host = await fixture<HTMLDivElement>(html`<div style="height: 480px"></div>`);
      const el = document.createElement('inbox-list');
      el.source = new MemoryAdapter({ seed: [seed('a', MINUTE), seed('b', HOUR)] });
      const added: string[] = [];
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n instanceof Element)
              added.push(...[n, ...n.querySelectorAll('[part]')].map((e) => e.getAttribute('part') ?? ''));
          }
        }
      });
      host.append(el);
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      await ready(el, 2);
      observer.disconnect();
      expect(added).to.include('list');
      expect(added).to.not.include('loading');
      expect(added.filter((p) => p === 'filters')).to.have.length(1);
    });

    it("never shows counts of the loaded rows while the backend's summary counts are on their way", async () => {
      const adapter = new MemoryAdapter({ seed: [seed('a', MINUTE, { unreadCount: 2 }), seed('b', HOUR)] });
      const gate = adapter.hold('getSummary');
      const { el } = await renderWithProvider<InboxList>(html`<inbox-list style="height: 480px"></inbox-list>`, {
        adapter,
      });
      const sources: string[] = [];
      const observer = new MutationObserver(() => {
        const summary = part(el, 'summary');
        if (summary) sources.push(summary.dataset.source ?? '');
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true, attributes: true });
      await gate.reached;
      await ready(el, 2);
      const pending = part(el, 'summary')!;
      expect(pending.dataset.source).to.equal('pending');
      expect(pending.textContent.trim()).to.equal('');
      expect(pending.getBoundingClientRect().height, 'the line keeps its place').to.be.above(0);
      await expect(el).to.be.accessible();
      gate.release();
      await waitUntil(() => part(el, 'summary')?.dataset.source === 'backend', 'the backend counts never showed');
      observer.disconnect();
      expect(sources).to.not.include('derived');
      expect(part(el, 'summary')!.textContent).to.contain('2');
      await expect(el).to.be.accessible();
    });

    it('is loading while the first page is on its way, busy, then ready', async () => {
      const adapter = new MemoryAdapter({ seed: [seed('a', MINUTE)] });
      const gate = adapter.hold('listConversations');
      const { el } = await renderWithProvider<InboxList>(html`<inbox-list></inbox-list>`, { adapter });
      await gate.reached;
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(el, 'loading')).to.not.equal(null);
      await waitUntil(
        () => part(el, 'loading')!.querySelector('.skeleton'),
        'the skeleton appears after a short delay',
      );
      await expect(el).to.be.accessible();
      gate.release();
      await ready(el, 1);
      expect(el.getAttribute('state')).to.equal('ready');
      expect(part(el, 'loading')).to.equal(null);
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('is empty with a message when there are no conversations', async () => {
      const { el } = await renderList([]);
      await ready(el);
      expect(el.getAttribute('state')).to.equal('empty');
      expect(part(el, 'empty')!.textContent).to.contain('No conversations');
      expect(part(el, 'clear-filters')).to.equal(null);
      expect(part(el, 'list')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('is an alert with a localized message and Retry on error, and reports it', async () => {
      const adapter = new MemoryAdapter({ seed: [seed('a', MINUTE)] });
      adapter.fail('listConversations', 'network');
      const errors: CustomEvent[] = [];
      document.addEventListener('inbox-error', (e) => errors.push(e));
      const { el } = await renderWithProvider<InboxList>(html`<inbox-list></inbox-list>`, { adapter });
      await ready(el);
      expect(el.getAttribute('state')).to.equal('error');
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('You appear to be offline');
      expect(error.textContent).to.not.contain('[memory]');
      await waitUntil(() => errors.length > 0);
      expect(errors[0].detail.operation).to.equal('list');
      expect(errors[0].detail.error.kind).to.equal('network');
      expect(errors[0].bubbles && errors[0].composed).to.equal(true);
      await expect(el).to.be.accessible();

      adapter.clearFailures();
      part(el, 'retry')!.click();
      await ready(el, 1);
      await waitUntil(() => el.state === 'ready');
      expect(part(el, 'error')).to.equal(null);
      expect(errors.length).to.equal(1);
    });

    it('picks the error message by kind and lets i18n replace it', async () => {
      const adapter = new MemoryAdapter({ seed: [] });
      adapter.fail('listConversations', 'unauthorized');
      const { el } = await renderWithProvider<InboxList>(
        html`<inbox-list .i18n=${{ errorUnauthorized: 'Sesión caducada' }}></inbox-list>`,
        {
          adapter,
        },
      );
      await ready(el);
      expect(part(el, 'error')!.textContent).to.contain('Sesión caducada');
    });
  });

  describe('selection', () => {
    it('fires a cancelable, composed inbox-conversation-select on click and selects in the store', async () => {
      const { el, store, provider } = await renderList([seed('a', MINUTE), seed('b', 2 * MINUTE)]);
      await ready(el, 2);
      setTimeout(() => row(el, 'b')!.click());
      const event = await oneEvent(provider, 'inbox-conversation-select');
      expect(event.detail).to.deep.equal({ conversationId: 'b' });
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.cancelable).to.equal(true);
      expect(store.selected).to.equal('b');
      await el.updateComplete;
      expect(provider.selected).to.equal('b');
      expect(row(el, 'b')!.getAttribute('aria-selected')).to.equal('true');
      expect(row(el, 'b')!.getAttribute('part')).to.equal('item selected');
      expect(row(el, 'a')!.getAttribute('aria-selected')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('does not select when the event is cancelled', async () => {
      const { el, store, provider } = await renderList([seed('a', MINUTE), seed('b', 2 * MINUTE)]);
      await ready(el, 2);
      provider.addEventListener('inbox-conversation-select', (e) => e.preventDefault());
      row(el, 'b')!.click();
      await el.updateComplete;
      expect(store.selected).to.equal(null);
      expect(row(el, 'b')!.getAttribute('aria-selected')).to.equal('false');
    });

    it('highlights the store selection however it was made', async () => {
      const { el, store } = await renderList([seed('a', MINUTE), seed('b', 2 * MINUTE)]);
      await ready(el, 2);
      store.select('a');
      await el.updateComplete;
      expect(row(el, 'a')!.getAttribute('part')).to.equal('item selected');
      expect(row(el, 'a')!.classList.contains('is-selected')).to.equal(true);
    });
  });

  describe('theming', () => {
    it('follows theme="dark" and stays accessible', async () => {
      const adapter = new MemoryAdapter({ seed: [seed('a', MINUTE, { unreadCount: 2 }), seed('b', 30 * HOUR)] });
      const { el } = await renderWithProvider<InboxList>(html`<inbox-list theme="dark"></inbox-list>`, { adapter });
      await ready(el, 2);
      expect(part(el, 'base')!.dataset.theme).to.equal('dark');
      const surface = getComputedStyle(part(el, 'base')!).backgroundColor;
      expect(surface).to.equal('rgb(17, 27, 33)');
      await expect(el).to.be.accessible();
    });

    it('takes --inbox-list-row-height', async () => {
      const adapter = new MemoryAdapter({ seed: [seed('a', MINUTE)] });
      const { el } = await renderWithProvider<InboxList>(
        html`<inbox-list style="--inbox-list-row-height: 88px"></inbox-list>`,
        { adapter },
      );
      await ready(el, 1);
      expect(row(el, 'a')!.getBoundingClientRect().height).to.equal(88);
    });

    it('replaces the listbox label through i18n, and renders RTL names with dir="auto"', async () => {
      const adapter = new MemoryAdapter({ seed: [seed('ar', MINUTE, { contact: { displayName: 'ليلى حداد' } })] });
      const { el } = await renderWithProvider<InboxList>(
        html`<inbox-list dir="rtl" lang="ar" .i18n=${{ listLabel: 'المحادثات' }}></inbox-list>`,
        { adapter },
      );
      await ready(el, 1);
      expect(part(el, 'list')!.getAttribute('aria-label')).to.equal('المحادثات');
      expect(part(row(el, 'ar')!, 'name')!.getAttribute('dir')).to.equal('auto');
      await expect(el).to.be.accessible();
    });
  });
});
