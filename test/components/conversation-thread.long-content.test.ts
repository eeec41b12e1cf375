/**
 * `<conversation-thread>` with text too long to show whole: the header keeps
 * to a couple of lines whatever the contact's name and phone, and long action
 * labels wrap below the name instead of covering it.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
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
});
