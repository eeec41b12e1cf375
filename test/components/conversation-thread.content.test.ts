import { expect, html, waitUntil } from '@open-wc/testing';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import { CONVERSATION_THREAD_STRINGS as S } from '../../src/components/conversation-thread/conversation-thread.strings.js';
import { InboxError, type InboxErrorKind } from '../../src/data/errors.js';
import type { Message } from '../../src/data/models.js';
import type { InboxStore } from '../../src/data/store.js';
import {
  ignoreResizeObserverLoops,
  message,
  messageRows,
  renderThread,
  row,
  shadow,
} from './conversation-thread.helpers.js';

const TALL = html`<conversation-thread style="height: 2400px"></conversation-thread>`;

function record<T>(el: EventTarget, type: string, onEvent?: (e: CustomEvent<T>) => void) {
  const events: CustomEvent<T>[] = [];
  el.addEventListener(type, (e) => {
    events.push(e as CustomEvent<T>);
    onEvent?.(e as CustomEvent<T>);
  });
  return events;
}

async function failedSend(store: InboxStore, el: ConversationThread, text = 'Are you there?'): Promise<Message> {
  await store.send({ conversationId: 'c1', kind: 'text', text }).catch(() => undefined);
  await el.scrollSettled;
  return store.getThreadState('c1').messages.find((m) => m.text === text)!;
}

describe('<conversation-thread> content', () => {
  ignoreResizeObserverLoops();

  describe('text', () => {
    it('renders WhatsApp formatting as the phone shows it', async () => {
      const { el } = await renderThread({
        template: TALL,
        messages: [message(0, { text: '*bold* _italic_ ~strike~ ```mono``` `code`' }, 1)],
      });
      const text = shadow(el).querySelector('[part="text"]')!;
      expect(text.querySelector('strong')!.textContent).to.equal('bold');
      expect(text.querySelector('em')!.textContent).to.equal('italic');
      expect(text.querySelector('s')!.textContent).to.equal('strike');
      expect(text.querySelector('code.mono')!.textContent).to.equal('mono');
      expect(text.querySelector('code:not(.mono)')!.textContent).to.equal('code');
      expect(text.textContent).not.to.match(/[*_~`]/);
    });

    it('renders quotes and lists', async () => {
      const { el } = await renderThread({
        template: TALL,
        messages: [message(0, { text: 'Steps:\n> quoted\n- one\n- two\n3. three' }, 1)],
      });
      const text = shadow(el).querySelector('[part="text"]')!;
      expect(text.querySelector('blockquote')!.textContent).to.equal('quoted');
      expect([...text.querySelectorAll('ul li')].map((li) => li.textContent)).to.deep.equal(['one', 'two']);
      expect(text.querySelector('ol')!.getAttribute('start')).to.equal('3');
    });

    it('links only http(s) URLs, opening safely in a new tab', async () => {
      const { el } = await renderThread({
        template: TALL,
        messages: [message(0, { text: 'Go to https://example.com/a, not javascript:alert(1) or data:text/html,x' }, 1)],
      });
      const links = [...shadow(el).querySelectorAll<HTMLAnchorElement>('[part="text"] a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/a']);
      expect(links[0].getAttribute('rel')).to.equal('noopener noreferrer');
      expect(links[0].getAttribute('target')).to.equal('_blank');
    });

    it('never parses message text as HTML', async () => {
      const hostile =
        '<script>window.__threadPwned = 1</script><img src="x" onerror="window.__threadPwned = 1"><b>x</b>';
      const { el } = await renderThread({ template: TALL, messages: [message(0, { text: hostile }, 1)] });
      const bubble = shadow(el).querySelector('[part="bubble"]')!;
      expect(bubble.querySelector('script, img, b')).to.equal(null);
      expect(bubble.querySelector('[part="text"]')!.textContent).to.equal(hostile);
      expect((window as { __threadPwned?: number }).__threadPwned).to.equal(undefined);
    });
  });

  describe('other kinds', () => {
    const kinds: Message[] = [
      message(
        0,
        { kind: 'template', text: 'Hi Ada, your order 1042 is on its way.', template: { name: 'order_update' } },
        12,
      ),
      message(
        1,
        { kind: 'image', text: undefined, media: { url: 'https://cdn.example.com/p.jpg', caption: 'The jacket' } },
        12,
      ),
      message(2, { kind: 'image', text: undefined, media: { url: 'javascript:alert(1)', caption: 'Bad' } }, 12),
      message(3, { kind: 'video', text: undefined, media: { url: 'https://cdn.example.com/v.mp4' } }, 12),
      message(4, { kind: 'audio', text: undefined, media: { url: 'https://cdn.example.com/a.mp3' } }, 12),
      message(
        5,
        {
          kind: 'document',
          text: undefined,
          media: { url: 'https://cdn.example.com/i.pdf', filename: 'invoice.pdf', sizeBytes: 48_213 },
        },
        12,
      ),
      message(
        6,
        { kind: 'document', text: undefined, media: { url: 'javascript:alert(1)', filename: 'evil.pdf' } },
        12,
      ),
      message(
        7,
        {
          kind: 'location',
          text: undefined,
          location: { latitude: 51.5033, longitude: -0.1196, name: 'Pickup point', address: 'Westminster Bridge Rd' },
        },
        12,
      ),
      message(8, { kind: 'unknown', rawType: 'order', text: undefined }, 12),
      message(9, { kind: 'contacts', text: undefined }, 12),
      message(10, { kind: 'interactive', text: 'Choose one' }, 12),
      message(11, { kind: 'sticker', text: undefined, media: { url: 'https://cdn.example.com/s.webp' } }, 12),
    ];
    let el: ConversationThread;

    /** Renders only the given messages (a virtualized log renders what fits the window). */
    async function show(...indexes: number[]): Promise<void> {
      ({ el } = await renderThread({ messages: indexes.map((i) => kinds[i]) }));
    }

    const bubble = (id: string) => row(el, id)!.querySelector('[part="bubble"]')!;

    it('shows a template’s name and rendered text', async () => {
      await show(0);
      const b = bubble('m00000');
      expect(b.querySelector('[part="template"]')!.textContent).to.contain('Template: order_update');
      expect(b.querySelector('[part="text"]')!.textContent).to.equal('Hi Ada, your order 1042 is on its way.');
    });

    it('shows an image only for an http(s) URL, with its caption as alt', async () => {
      await show(1, 2);
      const img = bubble('m00001').querySelector<HTMLImageElement>('img[part="media"]')!;
      expect(img.getAttribute('src')).to.equal('https://cdn.example.com/p.jpg');
      expect(img.alt).to.equal('The jacket');
      expect(bubble('m00002').querySelector('img')).to.equal(null);
      expect(bubble('m00002').querySelector('[part="placeholder"]')!.textContent).to.contain(S.image);
    });

    it('plays video and audio without preloading', async () => {
      await show(3, 4);
      const video = bubble('m00003').querySelector('video')!;
      expect(video.getAttribute('src')).to.equal('https://cdn.example.com/v.mp4');
      expect(video.getAttribute('preload')).to.equal('none');
      expect(bubble('m00004').querySelector('audio')!.getAttribute('src')).to.equal('https://cdn.example.com/a.mp3');
    });

    it('links a document safely with its name and size', async () => {
      await show(5, 6);
      const a = bubble('m00005').querySelector<HTMLAnchorElement>('a[part="media"]')!;
      expect(a.getAttribute('href')).to.equal('https://cdn.example.com/i.pdf');
      expect(a.rel).to.equal('noopener noreferrer');
      expect(a.target).to.equal('_blank');
      expect(a.textContent).to.contain('invoice.pdf');
      expect(a.textContent).to.contain('48 kB');
      expect(bubble('m00006').querySelector('a')).to.equal(null);
      expect(bubble('m00006').textContent).to.contain('evil.pdf');
    });

    it('shows a location with a link to the map', async () => {
      await show(7);
      const b = bubble('m00007');
      expect(b.textContent).to.contain('Pickup point');
      expect(b.textContent).to.contain('Westminster Bridge Rd');
      const href = b.querySelector('a')!.getAttribute('href')!;
      expect(href.startsWith('https://www.openstreetmap.org/?mlat=51.5033&mlon=-0.1196')).to.equal(true);
    });

    it('shows anything else as a placeholder labelled with its type', async () => {
      await show(8, 9, 10);
      expect(bubble('m00008').querySelector('[part="placeholder"]')!.textContent).to.contain(
        'Unsupported message: order',
      );
      expect(bubble('m00009').querySelector('[part="placeholder"]')!.textContent).to.contain(S.contacts);
      expect(bubble('m00010').textContent).to.contain(S.interactive);
      expect(bubble('m00010').textContent).to.contain('Choose one');
    });

    for (const group of [
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
      [10, 11],
    ]) {
      it(`is accessible with every kind of content (${group.map((i) => kinds[i].kind).join(', ')})`, async () => {
        await show(...group);
        expect(messageRows(el)).to.have.length(2);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('delivery states', () => {
    it('shows pending, sent, delivered and read with accessible text', async () => {
      const statuses: Message['status'][] = ['pending', 'sent', 'delivered', 'read'];
      const { el } = await renderThread({
        template: TALL,
        messages: statuses.map((status, i) => message(i, { direction: 'outbound', status }, 4)),
      });
      const icons = messageRows(el).map((r) => r.querySelector<HTMLElement>('[part="delivery"]')!);
      expect(icons.map((i) => i.dataset.status)).to.deep.equal(statuses);
      expect(icons.map((i) => i.getAttribute('aria-label'))).to.deep.equal([
        S.statusPending,
        S.statusSent,
        S.statusDelivered,
        S.statusRead,
      ]);
      expect(icons.every((i) => i.querySelector('svg'))).to.equal(true);
      expect(getComputedStyle(icons[3]).color, 'read ticks are coloured').not.to.equal(
        getComputedStyle(icons[2]).color,
      );
    });

    it('shows no delivery state on inbound messages', async () => {
      const { el } = await renderThread({ messages: [message(0, { direction: 'inbound' }, 1)] });
      expect(shadow(el).querySelector('[part="delivery"]')).to.equal(null);
    });
  });

  describe('failed sends', () => {
    const reasons: Array<[InboxErrorKind, string]> = [
      ['outside_window', S.failedOutsideWindow],
      ['validation', S.failedRejected],
      ['network', S.failedNetwork],
    ];
    for (const [kind, text] of reasons) {
      it(`says why in words (${kind}) and marks the part failed`, async () => {
        const { el, store, adapter } = await renderThread();
        adapter.fail('send', kind, 1);
        const m = await failedSend(store, el);
        const r = row(el, m.id) ?? shadow(el).querySelector<HTMLElement>(`[data-anchor-key="c:${m.clientRef}"]`)!;
        expect(r.getAttribute('part')).to.equal('message outbound failed');
        expect(r.querySelector('[part="failure"]')!.textContent).to.contain(text);
        expect(r.querySelector('[part="delivery"]')!.getAttribute('aria-label')).to.equal(S.statusFailed);
        await expect(el).to.be.accessible();
      });
    }

    it('retries with the same client reference after a cancelable inbox-message-send, then fires inbox-message-sent', async () => {
      const { el, store, adapter } = await renderThread();
      adapter.fail('send', 'network', 1);
      const m = await failedSend(store, el);
      const send = record<{ conversationId: string; text: string; request: { clientRef: string } }>(
        el,
        'inbox-message-send',
      );
      const sent = record<{ message: Message }>(el, 'inbox-message-sent');
      shadow(el).querySelector<HTMLButtonElement>(`[data-anchor-key="c:${m.clientRef}"] [part="retry"]`)!.click();
      await waitUntil(() => sent.length === 1, 'no inbox-message-sent');
      expect(send[0].cancelable).to.equal(true);
      expect(send[0].detail.conversationId).to.equal('c1');
      expect(send[0].detail.text).to.equal('Are you there?');
      expect(send[0].detail.request.clientRef).to.equal(m.clientRef);
      const sends = adapter.calls
        .filter((c) => c.op === 'send')
        .map((c) => (c.args[0] as { clientRef: string }).clientRef);
      expect(sends).to.deep.equal([m.clientRef, m.clientRef]);
      expect(sent[0].detail.message.clientRef).to.equal(m.clientRef);
      await el.scrollSettled;
      expect(shadow(el).querySelector('[part~="failed"]')).to.equal(null);
    });

    it('does not retry when inbox-message-send is cancelled', async () => {
      const { el, store, adapter } = await renderThread();
      adapter.fail('send', 'network', 1);
      const m = await failedSend(store, el);
      record(el, 'inbox-message-send', (e) => e.preventDefault());
      shadow(el).querySelector<HTMLButtonElement>(`[data-anchor-key="c:${m.clientRef}"] [part="retry"]`)!.click();
      await el.updateComplete;
      expect(adapter.calls.filter((c) => c.op === 'send')).to.have.length(1);
      expect(store.failedSend(m.clientRef!)).not.to.equal(undefined);
    });

    it('discards a failed message', async () => {
      const { el, store, adapter } = await renderThread();
      adapter.fail('send', 'network', 1);
      const m = await failedSend(store, el);
      shadow(el).querySelector<HTMLButtonElement>(`[data-anchor-key="c:${m.clientRef}"] [part="discard"]`)!.click();
      await el.scrollSettled;
      expect(shadow(el).querySelector(`[data-anchor-key="c:${m.clientRef}"]`)).to.equal(null);
      expect(store.getThreadState('c1').messages.some((x) => x.clientRef === m.clientRef)).to.equal(false);
    });

    it('shows the reason of a failure the backend reported, without Retry', async () => {
      const error = new InboxError({ kind: 'upstream', message: 'raw vendor text 131026', dialect: 'memory' });
      const { el } = await renderThread({
        template: TALL,
        messages: [message(0, { direction: 'outbound', status: 'failed', error }, 1)],
      });
      const failure = shadow(el).querySelector('[part="failure"]')!;
      expect(failure.textContent).to.contain(S.failedUndeliverable);
      expect(failure.textContent).not.to.contain('131026');
      expect(failure.querySelector('[part="retry"]')).to.equal(null);
    });
  });
});
