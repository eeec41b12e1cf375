/**
 * `<conversation-thread>` with text too long to show whole: the header keeps
 * to a couple of lines whatever the contact's name and phone, long action
 * labels wrap below the name instead of covering it, and a long message is
 * clamped with a "Show full message" toggle.
 */
import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import {
  LABEL_MAX,
  TEXT_CLAMP,
  TEXT_NODE_MAX,
  clampText,
  textNodes,
} from '../../src/components/conversation-thread/conversation-thread.content.js';
import { CONVERSATION_THREAD_STRINGS as S } from '../../src/components/conversation-thread/conversation-thread.strings.js';
import { whatsAppFormatWork } from '../../src/components/conversation-thread/whatsapp-format.js';
import { conversationThreadDe, inboxConversationActionsDe } from '../../src/locales/de.js';
import type { Message } from '../../src/data/models.js';
import { ignoreResizeObserverLoops, message, renderThread, shadow } from './conversation-thread.helpers.js';

const KB100 = 100_000;
const part = (el: ConversationThread, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const lineHeight = (e: Element) => parseFloat(getComputedStyle(e).lineHeight) || 24;

/** A thread of one inbound text message. */
function single(text: string, partial: Partial<Message> = {}): Message[] {
  return [message(0, { direction: 'inbound', text, ...partial }, 1)];
}

/** Text no other test parsed (the thread caches formatted text). */
let unique = 0;
const fresh = (length: number, unit = 'word ') =>
  `${++unique}:${unit.repeat(Math.ceil(length / unit.length))}`.slice(0, length);

describe('<conversation-thread> with long content', () => {
  ignoreResizeObserverLoops();

  describe('header', () => {
    it('shows a 100 kB phone number on one line, and the messages below it', async () => {
      const { el } = await renderThread({
        conversation: { contact: { displayName: 'Long Phone', phone: '+1 '.repeat(KB100 / 3) } },
        messages: single('hello'),
      });
      const header = part(el, 'header')!;
      const phone = part(el, 'phone')!;
      expect(phone.offsetHeight, 'phone height (px)').to.be.at.most(Math.ceil(lineHeight(phone)) + 1);
      expect(phone.scrollWidth, 'the phone is cut off').to.be.above(phone.clientWidth);
      expect(getComputedStyle(phone).textOverflow).to.equal('ellipsis');
      expect(header.offsetHeight, 'header height (px)').to.be.below(120);
      expect(part(el, 'log')!.clientHeight, 'log height (px)').to.be.above(300);
      expect(header.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    });

    it('shows a 100 kB contact name (with no phone) on one line', async () => {
      const { el } = await renderThread({
        conversation: { contact: { displayName: 'Name '.repeat(KB100 / 5) } },
        messages: single('hello'),
      });
      const name = part(el, 'name')!;
      expect(name.offsetHeight, 'name height (px)').to.be.at.most(Math.ceil(lineHeight(name)) + 1);
      expect(name.scrollWidth).to.be.above(name.clientWidth);
      expect(part(el, 'header')!.offsetHeight, 'header height (px)').to.be.below(120);
    });

    it('keeps every line of the contact to one line when the status and window are long too', async () => {
      const long = 'Sehr langer Statustext '.repeat(40);
      const { el } = await renderThread({
        conversation: { contact: { displayName: 'Ada', phone: '+447700900001' } },
        messages: single('hello'),
        template: html`<conversation-thread
          style="height: 480px; inline-size: 360px; display: block"
          .i18n=${{ statusOpen: long, windowOpen: long }}
        ></conversation-thread>`,
      });
      for (const name of ['phone', 'status', 'window']) {
        const e = part(el, name)!;
        expect(e, name).to.not.equal(null);
        expect(e.getBoundingClientRect().height, `${name} height (px)`).to.be.below(2 * lineHeight(e));
        expect(e.getBoundingClientRect().right, `${name} stays in the header`).to.be.at.most(
          part(el, 'header')!.getBoundingClientRect().right + 0.5,
        );
      }
      expect(part(el, 'header')!.offsetHeight, 'header height (px)').to.be.below(150);
    });

    it('wraps long German action labels below the contact name at 620 px instead of covering it', async () => {
      const { el } = await renderThread({
        conversation: { contact: { displayName: 'Maximiliane Musterfrau-Schmidt', phone: '+49 170 1234567' } },
        messages: single('Hallo'),
        template: html`<conversation-thread
          lang="de"
          .i18n=${conversationThreadDe}
          style="height: 480px; inline-size: 620px; display: block"
        >
          <inbox-conversation-actions
            slot="actions"
            lang="de"
            .i18n=${inboxConversationActionsDe}
          ></inbox-conversation-actions>
        </conversation-thread>`,
      });
      const actions = el.querySelector('inbox-conversation-actions')!;
      await waitUntil(() => actions.shadowRoot!.querySelectorAll('button').length >= 3, 'no actions rendered');
      await actions.updateComplete;
      const header = part(el, 'header')!.getBoundingClientRect();
      const name = part(el, 'name')!;
      const box = name.getBoundingClientRect();
      expect(box.width, 'name width (px)').to.be.above(200);
      expect(name.scrollWidth, 'the whole name shows').to.be.at.most(name.clientWidth);
      for (const control of actions.shadowRoot!.querySelectorAll('button, select')) {
        const r = control.getBoundingClientRect();
        const label = control.textContent?.trim();
        const overlaps = r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
        expect(overlaps, `"${label}" covers the name`).to.equal(false);
        expect(r.right, `"${label}" stays in the header`).to.be.at.most(header.right + 0.5);
        expect(r.left, `"${label}" stays in the header`).to.be.at.least(header.left - 0.5);
      }
      await expect(el).to.be.accessible();
    });

    it('keeps short actions beside the name when they fit', async () => {
      const { el } = await renderThread({
        messages: single('hello'),
        template: html`<conversation-thread style="height: 480px; inline-size: 800px; display: block">
          <button slot="actions" type="button">Close</button>
        </conversation-thread>`,
      });
      const button = el.querySelector('button')!.getBoundingClientRect();
      const name = part(el, 'name')!.getBoundingClientRect();
      expect(button.top, 'on the name line').to.be.below(name.bottom);
      expect(button.left).to.be.above(name.left);
    });
  });

  describe('long messages', () => {
    it('clamps a 100 kB message, formats only what shows, and expands it on demand', async () => {
      const text = fresh(KB100, '*a ');
      whatsAppFormatWork.steps = 0;
      const { el } = await renderThread({ messages: single(text) });
      expect(whatsAppFormatWork.steps, 'formatter steps').to.be.below(20 * TEXT_CLAMP);
      const shown = part(el, 'text')!;
      expect(shown.textContent).to.equal(`${clampText(text)}…`);
      const toggle = part(el, 'text-toggle') as HTMLButtonElement;
      expect(toggle.localName).to.equal('button');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.textContent.trim()).to.equal(S.showFullText);
      await expect(el).to.be.accessible();

      toggle.click();
      await waitUntil(() => part(el, 'text')!.textContent.length === text.length, 'the message did not expand');
      expect(part(el, 'text')!.textContent).to.equal(text);
      expect(part(el, 'text-toggle')!.getAttribute('aria-expanded')).to.equal('true');
      expect(part(el, 'text-toggle')!.textContent.trim()).to.equal(S.showLessText);

      // a re-render of the log keeps it expanded
      el.requestUpdate();
      await el.updateComplete;
      expect(part(el, 'text')!.textContent.length).to.equal(text.length);

      part(el, 'text-toggle')!.click();
      await waitUntil(() => part(el, 'text')!.textContent.endsWith('…'), 'the message did not collapse');
      expect(part(el, 'text')!.textContent).to.equal(`${clampText(text)}…`);
      expect(part(el, 'text-toggle')!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('shows text up to the limit whole, without a toggle', async () => {
      const text = fresh(TEXT_CLAMP);
      const { el: whole } = await renderThread({ messages: single(text) });
      expect(part(whole, 'text')!.textContent).to.equal(text);
      expect(part(whole, 'text-toggle')).to.equal(null);
      fixtureCleanup();
      const { el: clamped } = await renderThread({ messages: single(`${text}!`) });
      expect(part(clamped, 'text')!.textContent).to.equal(`${text}…`);
      expect(part(clamped, 'text-toggle')).to.not.equal(null);
    });

    it('never cuts a character in half', () => {
      const emoji = '😀'.repeat(TEXT_CLAMP);
      const cut = clampText(emoji);
      expect(cut.length).to.equal(TEXT_CLAMP);
      expect(cut).to.equal('😀'.repeat(TEXT_CLAMP / 2));
      const odd = `x${emoji}`;
      expect(clampText(odd)).to.equal(`x${'😀'.repeat(TEXT_CLAMP / 2 - 1)}`);
      expect(clampText('short')).to.equal('short');
    });

    it('clamps captions and template text too', async () => {
      const caption = fresh(TEXT_CLAMP + 10);
      for (const m of [
        { kind: 'image', text: undefined, media: { url: 'https://example.com/a.png', caption } },
        { kind: 'video', text: undefined, media: { url: 'https://example.com/a.mp4', caption } },
        { kind: 'template', text: caption, template: { name: 'long', language: 'en' } },
      ] satisfies Array<Partial<Message>>) {
        fixtureCleanup(); // one thread at a time: a thread below the window renders no rows
        const { el } = await renderThread({ messages: single(caption, m) });
        expect(part(el, 'text')!.textContent, m.kind).to.equal(`${clampText(caption)}…`);
        expect(part(el, 'text-toggle'), m.kind).to.not.equal(null);
        await expect(el).to.be.accessible();
      }
    });

    it('lays a long word out in short text nodes, cut between characters', () => {
      const cases = [
        'A'.repeat(KB100),
        '👨‍👩‍👧‍👦'.repeat(2000),
        'e\u0301'.repeat(3000),
        '🇩🇪'.repeat(1000),
        `x${'🇩🇪'.repeat(1000)}`,
        `${'a'.repeat(255)}${'\u0301'.repeat(5000)}b`,
      ];
      for (const text of cases) {
        const label = `${text.slice(0, 12)}… (${text.length})`;
        const nodes = textNodes(text);
        expect(Array.isArray(nodes), label).to.equal(true);
        const list = nodes as string[];
        expect(list.join(''), label).to.equal(text);
        expect(list.length, label).to.be.above(1);
        const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
        const boundaries = new Set(Array.from(segmenter.segment(text), (g) => g.index));
        let at = 0;
        for (const node of list.slice(0, -1)) {
          at += node.length;
          expect(boundaries.has(at), `${label}: cut inside a character at ${at}`).to.equal(true);
        }
      }
      expect(textNodes('A'.repeat(500))).to.equal('A'.repeat(500));
      expect((textNodes('A'.repeat(KB100)) as string[]).every((n) => n.length <= 2 * TEXT_NODE_MAX)).to.equal(true);
    });

    it('renders an expanded 100 kB word as short text nodes', async () => {
      const text = fresh(KB100, 'A');
      const { el } = await renderThread({ messages: single(text) });
      part(el, 'text-toggle')!.click();
      await waitUntil(() => part(el, 'text')!.textContent === text, 'the message did not expand');
      const nodes: string[] = [];
      const walker = document.createTreeWalker(part(el, 'text')!, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) nodes.push(walker.currentNode.nodeValue ?? '');
      expect(nodes.join('')).to.equal(text);
      expect(Math.max(...nodes.map((n) => n.length))).to.be.at.most(2 * TEXT_NODE_MAX);
      const bubble = part(el, 'bubble')!;
      expect(bubble.getBoundingClientRect().right).to.be.at.most(part(el, 'log')!.getBoundingClientRect().right + 0.5);
    });

    it('wraps a long unbroken word inside the bubble', async () => {
      const { el } = await renderThread({ messages: single(fresh(3000, 'A')) });
      const bubble = part(el, 'bubble')!;
      const log = part(el, 'log')!;
      expect(getComputedStyle(bubble).overflowWrap).to.equal('anywhere');
      expect(bubble.getBoundingClientRect().right).to.be.at.most(log.getBoundingClientRect().right + 0.5);
      expect(bubble.scrollWidth).to.be.at.most(bubble.clientWidth + 1);
    });
  });

  it('cuts 100 kB file names, places, addresses, template names and types to a label', async () => {
    const long = fresh(KB100, 'Name ');
    const cases: Array<[Partial<Message>, string]> = [
      [{ kind: 'document', media: { url: 'https://example.com/f.pdf', filename: long } }, '.doc-name'],
      [{ kind: 'location', location: { latitude: 1, longitude: 2, name: long } }, '.loc-name'],
      [{ kind: 'location', location: { latitude: 1, longitude: 2, name: 'Home', address: long } }, '.loc-address'],
      [{ kind: 'template', template: { name: long } }, '.template-name'],
      [{ kind: 'unknown', rawType: long }, '[part~="placeholder"]'],
      [{ kind: 'image', media: { url: 'https://example.com/a.png', caption: long } }, 'img'],
    ];
    for (const [partial, selector] of cases) {
      fixtureCleanup();
      const { el } = await renderThread({ messages: single('', partial) });
      const label = shadow(el).querySelector(selector);
      expect(label, selector).to.not.equal(null);
      const text = selector === 'img' ? label!.getAttribute('alt')! : label!.textContent.trim();
      expect(text.length, selector).to.be.within(LABEL_MAX, LABEL_MAX + 40);
      expect(text.endsWith('…'), selector).to.equal(true);
      expect(text, selector).to.include(long.slice(0, 400));
    }
  });

  it('asks for message media without a referrer', async () => {
    const url = 'https://example.com/media';
    const { el } = await renderThread({
      messages: [
        message(0, { kind: 'image', text: undefined, media: { url: `${url}.png` } }, 3),
        message(1, { kind: 'video', text: undefined, media: { url: `${url}.mp4` } }, 3),
        message(2, { kind: 'audio', text: undefined, media: { url: `${url}.ogg` } }, 3),
      ],
    });
    const media = shadow(el).querySelectorAll('img[part~="media"], video[part~="media"], audio[part~="media"]');
    expect(Array.from(media, (m) => m.localName)).to.deep.equal(['img', 'video', 'audio']);
    for (const m of media) expect(m.getAttribute('referrerpolicy'), m.localName).to.equal('no-referrer');
  });
});
