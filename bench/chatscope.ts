/**
 * The thread as a React host builds it with chatscope's chat UI kit
 * (@chatscope/chat-ui-kit-react, a client-side React component library):
 * MainContainer > ChatContainer > MessageList with one Message per message,
 * styled by the kit's default stylesheet, mounted with react-dom/client's
 * createRoot. MessageList is not virtualized: every message is in the DOM.
 *
 * Loaded only through a dynamic import() from impls.ts, so React and the
 * kit's global stylesheet are on the chatscope pages only.
 *
 * Written with createElement (the bench's Vite build has no JSX setup).
 */
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import { ChatContainer, MainContainer, Message, MessageList, type MessageModel } from '@chatscope/chat-ui-kit-react';
import { createElement as h, useLayoutEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { createRoot } from 'react-dom/client';
import type { Message as InboxMessage, PageCursor } from '../src/data/models.js';
import { newMessage, type ThreadFixture } from './data.js';
import type { Impl } from './impls.js';

const timeFormat = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });

/** Where a message sits in its run of same-direction messages (chatscope draws the bubble corners from it). */
function positionOf(messages: readonly InboxMessage[], i: number): MessageModel['position'] {
  const direction = messages[i].direction;
  const joinsPrevious = i > 0 && messages[i - 1].direction === direction;
  const joinsNext = i < messages.length - 1 && messages[i + 1].direction === direction;
  if (joinsPrevious && joinsNext) return 'normal';
  if (joinsPrevious) return 'last';
  if (joinsNext) return 'first';
  return 'single';
}

/** The link between the benchmark (outside React) and the mounted component. */
interface Control {
  /** The messages the component shows, or will show on its first render. */
  messages: InboxMessage[];
  /** The component's state setter, once it has mounted. */
  setMessages?: Dispatch<SetStateAction<InboxMessage[]>>;
  /** Called after every commit (after MessageList's own componentDidUpdate has adjusted the scroll). */
  committed?: () => void;
}

function Thread({ control, contactName }: { control: Control; contactName: string }) {
  const [messages, setMessages] = useState(control.messages);
  useLayoutEffect(() => {
    control.setMessages = setMessages;
    // the first page may have arrived between the first render and this effect
    if (control.messages !== messages) setMessages(control.messages);
    return () => {
      control.setMessages = undefined;
    };
  }, []); // once, on mount
  useLayoutEffect(() => control.committed?.(), [control, messages]);
  return h(
    MainContainer,
    null,
    h(
      ChatContainer,
      null,
      h(
        MessageList,
        null,
        messages.map((m, i) =>
          h(Message, {
            key: m.id,
            className: `k-${m.id}`,
            model: {
              type: 'text', // the default, 'html', renders the text with dangerouslySetInnerHTML
              message: m.text ?? '',
              sentTime: timeFormat.format(Date.parse(m.createdAt)),
              sender: m.direction === 'outbound' ? 'You' : contactName,
              direction: m.direction === 'outbound' ? 'outgoing' : 'incoming',
              position: positionOf(messages, i),
            },
          }),
        ),
      ),
    ),
  );
}

export function chatscopeThread(f: ThreadFixture, n: number): Impl {
  let host: HTMLElement | undefined;
  let older: PageCursor | null = null;
  const control: Control = { messages: [] };
  const show = (messages: InboxMessage[]) => {
    control.messages = messages;
    control.setMessages?.(messages);
  };
  /** Message elements carry the kit's `data-cs-message` attribute, and our `k-<id>` class (as in the vaadin impl). */
  const items = () => [...host!.querySelectorAll<HTMLElement>('[data-cs-message]')];
  return {
    mount(stage) {
      host = document.createElement('div');
      stage.append(host);
      createRoot(host).render(h(Thread, { control, contactName: f.contactName }));
      void f.source.listMessages(f.conversationId, { limit: n }).then((page) => {
        older = page.next ?? null;
        show(page.items);
      });
    },
    root: () => host!,
    present: () => Boolean(host?.querySelector('[data-cs-message]')),
    scroller: () => host!.querySelector<HTMLElement>('.cs-message-list__scroll-wrapper')!,
    items,
    idOf: (el) => [...el.classList].find((c) => c.startsWith('k-'))?.slice(2) ?? '',
    find: (id) => host!.querySelector<HTMLElement>(`[data-cs-message].${CSS.escape(`k-${id}`)}`),
    lastId: () => control.messages[control.messages.length - 1].id,
    append() {
      // MessageList scrolls to the bottom itself when it was at the bottom (autoScrollToBottom)
      const m = newMessage(f.conversationId);
      show([...control.messages, m]);
      return m.id;
    },
    async prepend() {
      const page = await f.source.listMessages(f.conversationId, { cursor: older ?? undefined, limit: n });
      const committed = new Promise<void>((resolve) => (control.committed = resolve));
      show([...page.items, ...control.messages]);
      await committed;
      control.committed = undefined;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    },
  };
}
