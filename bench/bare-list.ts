/**
 * The baseline: a bare virtualized Lit list, what a host would write in an
 * afternoon. It renders the same rows as ours with @lit-labs/virtualizer and
 * nothing else: no store, no keyboard, no anchoring, no states, no filters, no
 * string tables; its Intl formatters are made once, when the module loads.
 * - `full-conversations` (the list budget's baseline): the content of an
 *   <inbox-list> row: avatar initials, name, time, preview, unread badge,
 *   status, 24-hour window and assignee;
 * - `conversations`: only name, preview and time (a reference, no budget);
 * - `messages`: text, sender and time (the thread budget's baseline).
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
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const count = new Intl.NumberFormat('en');
const hours = new Intl.NumberFormat('en', { style: 'unit', unit: 'hour', unitDisplay: 'narrow' });
const STATUS: Record<string, string> = {
  open: 'Open',
  pending: 'Pending',
  bot: 'Bot',
  escalated: 'Escalated',
  closed: 'Closed',
  archived: 'Archived',
};
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0])
    .slice(0, 2)
    .join('')
    .toUpperCase() || '#';

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
    .full {
      box-sizing: border-box;
      block-size: 72px;
      inline-size: 100%;
      padding: 8px 16px;
      display: grid;
      grid-template-columns: 40px minmax(0, 1fr) auto;
      grid-template-areas: 'avatar name time' 'avatar preview badge' 'avatar meta meta';
      column-gap: 12px;
      align-items: center;
      border-bottom: 1px solid #eee;
      line-height: 1.3;
    }
    .full .avatar {
      grid-area: avatar;
      display: grid;
      place-items: center;
      inline-size: 40px;
      block-size: 40px;
      border-radius: 50%;
      background: #e7f0fe;
      color: #0b57d0;
      font-size: 13px;
      font-weight: 600;
    }
    .full .name,
    .full .preview,
    .full .meta {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .full .name {
      grid-area: name;
      font-weight: 600;
    }
    .full .time {
      grid-area: time;
      font-size: 12px;
      color: #555;
    }
    .full .preview {
      grid-area: preview;
      font-size: 13px;
      color: #555;
    }
    .full .badge {
      grid-area: badge;
      padding: 0 6px;
      border-radius: 999px;
      background: #0b57d0;
      color: #fff;
      font-size: 12px;
      font-weight: 600;
    }
    .full .meta {
      grid-area: meta;
      display: flex;
      gap: 4px;
      font-size: 12px;
      color: #555;
    }
    .full .chip {
      padding: 0 4px;
      border: 1px solid #ddd;
      border-radius: 4px;
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
  kind: 'conversations' | 'full-conversations' | 'messages' = 'conversations';
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
    if (this.kind === 'full-conversations') return this.fullRow(item as Conversation);
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

  /**
   * The row <inbox-list> shows, written plainly: avatar initials, name, time,
   * preview, unread badge, status, 24-hour window and assignee.
   */
  private fullRow(c: Conversation) {
    const name = c.contact.displayName ?? c.contact.phone ?? '';
    const when = c.lastActivityAt ?? c.createdAt ?? '';
    const m = c.lastMessage;
    const preview = m ? (m.direction === 'outbound' ? `You: ${m.text ?? ''}` : (m.text ?? '')) : '';
    const unread = (c.unreadCount ?? 0) > 0;
    const inbound = c.lastInboundAt ? Date.parse(c.lastInboundAt) : NaN;
    const left = inbound + DAY - Date.now();
    const window = Number.isNaN(left)
      ? ''
      : left > 0
        ? `${hours.format(Math.floor(left / HOUR))} left`
        : 'Window closed';
    return html`<div class="full" data-key=${c.id}>
      <span class="avatar">${initials(c.contact.displayName ?? '')}</span>
      <span class="name" dir="auto">${name}</span><time class="time">${ago(when)}</time>
      <span class="preview" dir="auto">${preview}</span>
      ${unread ? html`<span class="badge">${count.format(c.unreadCount ?? 0)}</span>` : ''}
      <span class="meta"
        ><span class="chip">${STATUS[c.status] ?? c.status}</span>${
          window ? html`<span class="chip">${window}</span>` : ''
        }${c.assignee?.displayName ? html`<span dir="auto">${c.assignee.displayName}</span>` : ''}</span
      >
    </div>`;
  }

  override render() {
    return html`<div class="scroller">
      <div class="rows">
        ${virtualize({ items: this.items, keyFunction: (i) => i.id, renderItem: this.row, layout })}
      </div>
    </div>`;
  }
}

customElements.define('bare-list', BareList);
