/**
 * Fetches the conversation an element shows when the store has not loaded it
 * yet (for example an element with `conversation-id` outside the listed
 * page), once per store and id; reports a failure as `inbox-error` from the
 * host and re-renders the host when the fetch settles.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError, toInboxError } from '../data/errors.js';
import type { InboxStore } from '../data/store.js';
import type { InboxElement } from '../internal/inbox-element.js';

export class ConversationFetchController implements ReactiveController {
  private readonly host: ReactiveControllerHost & InboxElement;
  private readonly requested = new WeakMap<InboxStore, Set<string>>();
  private readonly fetching = new WeakMap<InboxStore, Set<string>>();

  constructor(host: ReactiveControllerHost & InboxElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts the fetch unless the store has the conversation, cannot fetch one, or was asked before. */
  ensure(store: InboxStore, id: string): void {
    if (store.getConversation(id) || !store.capabilities.getConversation || !store.source.getConversation) return;
    const requested = this.set(this.requested, store);
    if (requested.has(id)) return;
    requested.add(id);
    const fetching = this.set(this.fetching, store);
    fetching.add(id);
    store
      .fetchConversation(id)
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        this.host.emit('inbox-error', {
          operation: 'conversation',
          error: toInboxError(error, store.dialect),
          conversationId: id,
        });
      })
      .finally(() => {
        fetching.delete(id);
        this.host.requestUpdate();
      });
  }

  /** Whether the fetch of this conversation is on its way. */
  isFetching(store: InboxStore, id: string): boolean {
    return this.fetching.get(store)?.has(id) ?? false;
  }

  private set(map: WeakMap<InboxStore, Set<string>>, store: InboxStore): Set<string> {
    let set = map.get(store);
    if (!set) map.set(store, (set = new Set()));
    return set;
  }
}
