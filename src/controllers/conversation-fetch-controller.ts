/**
 * Fetches the conversation an element shows when the store has not loaded it
 * yet (for example an element with `conversation-id` outside the listed
 * page), once per store and id; reports a failure as `inbox-error` from the
 * host, keeps it as `error` for the element to show, fetches again on
 * `retry()`, and re-renders the host when a fetch starts and settles.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError, toInboxError, type InboxError } from '../data/errors.js';
import type { InboxStore } from '../data/store.js';
import type { InboxElement } from '../internal/inbox-element.js';

export class ConversationFetchController implements ReactiveController {
  private readonly host: ReactiveControllerHost & InboxElement;
  private readonly requested = new WeakMap<InboxStore, Set<string>>();
  private readonly fetching = new WeakMap<InboxStore, Set<string>>();
  private readonly errors = new WeakMap<InboxStore, Map<string, InboxError>>();
  /** The conversation the host last asked for. */
  private current?: { store: InboxStore; id: string };

  constructor(host: ReactiveControllerHost & InboxElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Makes this the host's conversation and starts its fetch unless the store
   * has it, cannot fetch one, or was asked before. Moving to another
   * conversation forgets the previous one's failure, so coming back to it
   * fetches it again.
   */
  ensure(store: InboxStore, id: string): void {
    const previous = this.current;
    if (!previous || previous.store !== store || previous.id !== id) {
      if (previous && this.errors.get(previous.store)?.delete(previous.id)) {
        this.requested.get(previous.store)?.delete(previous.id);
      }
      this.current = { store, id };
    }
    if (!this.canFetch(store, id)) return;
    if (this.requested.get(store)?.has(id)) return;
    this.fetch(store, id);
  }

  /**
   * Why the current conversation could not be loaded; undefined while it
   * loads, once the store has it, or when nothing failed.
   */
  get error(): InboxError | undefined {
    const current = this.current;
    if (!current) return undefined;
    const { store, id } = current;
    if (store.getConversation(id)) {
      this.errors.get(store)?.delete(id);
      return undefined;
    }
    if (this.isFetching(store, id)) return undefined;
    return this.errors.get(store)?.get(id);
  }

  /**
   * Fetches the current conversation again after a failure (joining a fetch
   * of it already in flight in the store); re-renders the host when the store
   * has it by now.
   */
  retry(): void {
    const current = this.current;
    if (!current) return;
    const { store, id } = current;
    if (this.isFetching(store, id)) return;
    if (!this.canFetch(store, id)) {
      this.errors.get(store)?.delete(id);
      this.host.requestUpdate();
      return;
    }
    this.fetch(store, id);
  }

  /** Whether the fetch of this conversation is on its way. */
  isFetching(store: InboxStore, id: string): boolean {
    return this.fetching.get(store)?.has(id) ?? false;
  }

  private canFetch(store: InboxStore, id: string): boolean {
    return !store.getConversation(id) && store.capabilities.getConversation && Boolean(store.source.getConversation);
  }

  private fetch(store: InboxStore, id: string): void {
    this.set(this.requested, store).add(id);
    const fetching = this.set(this.fetching, store);
    fetching.add(id);
    this.errors.get(store)?.delete(id);
    this.host.requestUpdate();
    store
      .fetchConversation(id)
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        const e = toInboxError(error, store.dialect);
        let errors = this.errors.get(store);
        if (!errors) this.errors.set(store, (errors = new Map()));
        errors.set(id, e);
        this.host.emit('inbox-error', { operation: 'conversation', error: e, conversationId: id });
      })
      .finally(() => {
        fetching.delete(id);
        this.host.requestUpdate();
      });
  }

  private set(map: WeakMap<InboxStore, Set<string>>, store: InboxStore): Set<string> {
    let set = map.get(store);
    if (!set) map.set(store, (set = new Set()));
    return set;
  }
}
