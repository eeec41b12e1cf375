/**
 * Shared setup for the `<message-composer>` tests (not a test file itself).
 *
 * Every adapter gets its own dialect id, so drafts in `localStorage` never
 * cross between tests or test files running side by side.
 */
import { html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/memory-adapter.js';
import type { MemorySeed } from '../../src/adapters/memory/fixtures.js';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import '../../src/components/message-composer/message-composer.js';
import type { Conversation, Message, SendRequest } from '../../src/data/models.js';
import { renderWithProvider, type RenderWithProviderResult } from '../support/render-with-provider.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

let counter = 0;

/** A MemoryAdapter with a dialect id of its own. */
export function newAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  counter += 1;
  return new MemoryAdapter({ dialect: `composer-test-${Date.now().toString(36)}-${counter}`, ...options });
}

/** One conversation whose customer last wrote `lastInboundAgo` ms ago (undefined: never). */
export function conversationSeed(id: string, lastInboundAgo: number | undefined, name = `Contact ${id}`): MemorySeed {
  const now = Date.now();
  const messages: Message[] =
    lastInboundAgo === undefined
      ? []
      : [
          {
            id: `${id}-m1`,
            conversationId: id,
            direction: 'inbound',
            kind: 'text',
            text: 'Hello?',
            status: 'received',
            createdAt: new Date(now - lastInboundAgo).toISOString(),
          },
        ];
  const conversation: Conversation = {
    id,
    dialect: 'memory',
    status: 'open',
    channel: { kind: 'whatsapp' },
    contact: { displayName: name, phone: '+15550100' },
    assignee: null,
    unreadCount: 0,
    lastMessage: messages[0]
      ? { text: messages[0].text, direction: 'inbound', createdAt: messages[0].createdAt, kind: 'text' }
      : undefined,
    lastActivityAt: messages[0]?.createdAt,
    lastInboundAt: messages[0]?.createdAt,
  };
  return { conversation, messages };
}

/** Renders a composer (or `template`) inside a provider and waits until the selected conversation is known. */
export async function renderComposer(
  options: { adapter?: MemoryAdapter; selected?: string | null; template?: TemplateResult } = {},
): Promise<RenderWithProviderResult<MessageComposer>> {
  const adapter = options.adapter ?? newAdapter();
  const result = await renderWithProvider<MessageComposer>(
    options.template ?? html`<message-composer></message-composer>`,
    { adapter, selected: options.selected === undefined ? 'conv-001' : options.selected },
  );
  const id = result.el.conversationId || result.store.selected;
  if (id && adapter.capabilities.getConversation) {
    await waitUntil(() => result.store.getConversation(id), 'the conversation did not load');
  }
  await result.el.updateComplete;
  return result;
}

export function part<T extends Element = HTMLElement>(el: MessageComposer, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends Element = HTMLElement>(el: MessageComposer, name: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

export function input(el: MessageComposer): HTMLTextAreaElement {
  const found = part<HTMLTextAreaElement>(el, 'input');
  if (!found) throw new Error('no input part');
  return found;
}

/** Focuses the input and types with the keyboard. */
export async function type(el: MessageComposer, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

export async function press(el: MessageComposer, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** The requests the adapter received, in order. */
export function sends(adapter: MemoryAdapter): SendRequest[] {
  return adapter.calls.filter((c) => c.op === 'send').map((c) => c.args[0] as SendRequest);
}

/** The text of the visible error parts. */
export function errorTexts(el: MessageComposer): string[] {
  return parts(el, 'error').map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}
