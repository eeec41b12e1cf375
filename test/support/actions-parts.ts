/** Finding the parts and buttons of an `<inbox-conversation-actions>` in tests. */
import type { InboxConversationActions } from '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';

type El = InboxConversationActions;

export function part(el: El, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** The action buttons, in order. */
export function buttons(el: El): HTMLButtonElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="action"]')];
}

/** The actions on offer, in order (`close`, `archive`, …). */
export function actions(el: El): string[] {
  return buttons(el).map((b) => b.dataset.action!);
}

/** The button of one action; throws, naming the ones there are, when it is missing. */
export function button(el: El, action: string): HTMLButtonElement {
  const b = buttons(el).find((x) => x.dataset.action === action);
  if (!b) throw new Error(`no ${action} button in ${actions(el).join(', ')}`);
  return b;
}
