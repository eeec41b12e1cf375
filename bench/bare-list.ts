/**
 * The baseline: a bare virtualized Lit list, what a host would write in an
 * afternoon. It renders the same rows as ours (conversations: name, preview,
 * time; messages: text, sender, time) with @lit-labs/virtualizer and nothing
 * else: no store, no keyboard, no anchoring, no states, no i18n.
 */
import { LitElement, css, html } from 'lit';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { Conversation, Message } from '../src/data/models.js';

const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
const rel = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
// a static layout import: without one the virtualizer imports its default layout on first use
const layout = flow();
const ago = (iso: string) => rel.format(Math.round((Date.parse(iso) - Date.now()) / 3_600_000), 'hour');

export class BareList extends LitElement {
  static override properties = { items: { attribute: false }, kind: {} };
  static override styles = css`
    :host {
      display: block;
      block-size: 100%;
    }
    .scroller {
      block-size: 100%;
      overflow-y: auto;
    }
    .rows {
      inline-size: 100%;
    }
    .conv {
      box-sizing: border-box;
      block-size: 72px;
      inline-size: 100%;
      padding: 12px 16px;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 4px 8px;
      border-bottom: 1px solid #eee;
    }
    .conv b,
    .conv span {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .conv span {
      grid-column: 1 / -1;
      color: #555;
    }
    .msg {
      box-sizing: border-box;
      inline-size: 100%;
      padding: 4px 16px;
      display: flex;
    }
    .msg.out {
      justify-content: flex-end;
    }
    .bubble {
      max-inline-size: 80%;
      padding: 6px 10px;
      border-radius: 8px;
      background: #fff;
      box-shadow: 0 1px 1px #0002;
    }
    .out .bubble {
      background: #d9fdd3;
    }
    .bubble small {
      display: block;
      color: #667;
      font-size: 11px;
    }
  `;

  items: Array<Conversation | Message> = [];
  kind: 'conversations' | 'messages' = 'conversations';
  contactName = '';

  get scroller(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('.scroller')!;
  }

  /**
   * Scrolls to the newest item as a chat host does: to the bottom, again on the
   * next frames until the virtualizer has rendered and measured it. (Pinning
   * with `element(i).scrollIntoView()` before the first scroll leaves
   * @lit-labs/virtualizer 2.1.1 rendering nothing until the reader scrolls.)
   */
  async scrollToEnd(): Promise<void> {
    await this.updateComplete;
    const s = this.scroller;
    const last = this.items[this.items.length - 1];
    for (let k = 0; k < 30 && last; k++) {
      s.scrollTop = s.scrollHeight;
      await new Promise(requestAnimationFrame);
      const el = this.renderRoot.querySelector(`[data-key="${CSS.escape(last.id)}"]`);
      if (el && el.getBoundingClientRect().bottom <= s.getBoundingClientRect().bottom + 1) return;
    }
  }

  private row = (item: Conversation | Message) => {
    if (this.kind === 'conversations') {
      const c = item as Conversation;
      const when = c.lastActivityAt ?? c.createdAt ?? '';
      return html`<div class="conv" data-key=${c.id}>
        <b dir="auto">${c.contact.displayName ?? c.contact.phone}</b><time>${ago(when)}</time>
        <span dir="auto">${c.lastMessage?.text ?? ''}</span>
      </div>`;
    }
    const m = item as Message;
    const out = m.direction === 'outbound';
    return html`<div class="msg ${out ? 'out' : ''}" data-key=${m.id}>
      <div class="bubble">
        <small dir="auto">${out ? 'You' : this.contactName}</small><span dir="auto">${m.text}</span>
        <small>${time.format(Date.parse(m.createdAt))}</small>
      </div>
    </div>`;
  };

  override render() {
    return html`<div class="scroller">
      <div class="rows">
        ${virtualize({ items: this.items, keyFunction: (i) => i.id, renderItem: this.row, layout })}
      </div>
    </div>`;
  }
}

customElements.define('bare-list', BareList);
