/**
 * The base class of every element: a typed `emit()`, a guarded `define()`,
 * and one-time dev warnings. Behaviour lives in controllers.
 */
import { LitElement } from 'lit';
import type { InboxEventDetailMap, InboxEventName } from '../events/events.js';

const warned = new Set<string>();

export class InboxElement extends LitElement {
  /** Registers the element unless the tag is already taken (a second copy never throws). */
  static define(tag: string, ctor: CustomElementConstructor = this): void {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  }

  /**
   * Dispatches a bubbling, composed `CustomEvent`. Returns false when a
   * cancelable event was cancelled.
   */
  emit<K extends InboxEventName>(
    name: K,
    detail: InboxEventDetailMap[K],
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }

  /** Logs a warning once per key. */
  protected warnOnce(key: string, message: string): void {
    if (warned.has(key)) return;
    warned.add(key);
    console.warn(`[inbox-elements] ${message}`);
  }
}
