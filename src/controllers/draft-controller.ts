/**
 * `DraftController`: the unsent text of each conversation, kept across
 * selection changes and page reloads.
 *
 * Drafts live in `localStorage` under `inbox-elements:draft:<dialect>:<conversationId>`
 * (and in memory, for pages where storage is unavailable). Typing is written
 * after a short quiet period, and at once when the conversation changes, the
 * page is hidden or unloaded, or the host disconnects. A draft belongs to one
 * conversation: `switchTo()` returns only that conversation's text.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The part of `Storage` the controller uses. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Timer functions, replaceable in tests. */
export interface DraftTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface DraftControllerOptions {
  /** Quiet period before typing is written, in milliseconds (default 400). */
  delay?: number;
  /** Where drafts are kept (default `localStorage`); null keeps them in memory only. */
  storage?: DraftStorage | null;
  timers?: DraftTimers;
}

export const DRAFT_KEY_PREFIX = 'inbox-elements:draft:';

/** The storage key of one conversation's draft. */
export function draftKey(dialect: string, conversationId: string): string {
  return `${DRAFT_KEY_PREFIX}${dialect}:${conversationId}`;
}

/** Drafts of this page, for when storage is missing or throws (private mode, quota, blocked). */
const memoryDrafts = new Map<string, string>();

function defaultStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // access itself can throw (sandboxed iframes, blocked cookies)
  }
}

const defaultTimers: DraftTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class DraftController implements ReactiveController {
  private readonly delay: number;
  private readonly storage: DraftStorage | null;
  private readonly timers: DraftTimers;
  private currentKey: string | null = null;
  private pendingText: string | null = null;
  private timer: unknown;
  private readonly onPageHide = () => this.flush();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  constructor(host: ReactiveControllerHost, options: DraftControllerOptions = {}) {
    this.delay = Math.max(0, options.delay ?? 400);
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.timers = options.timers ?? defaultTimers;
    host.addController(this);
  }

  /** The storage key of the conversation being edited, or null. */
  get key(): string | null {
    return this.currentKey;
  }

  hostConnected(): void {
    if (typeof window === 'undefined') return;
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.flush();
    if (typeof window === 'undefined') return;
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /**
   * Writes the current conversation's pending draft, then makes `conversationId`
   * the current one and returns its stored draft (`''` when it has none).
   * Without a dialect or a conversation there is no current draft.
   */
  switchTo(dialect: string | null | undefined, conversationId: string | null | undefined): string {
    const key = dialect && conversationId ? draftKey(dialect, conversationId) : null;
    if (key === this.currentKey) return key ? (this.pendingText ?? this.readKey(key)) : '';
    this.flush();
    this.currentKey = key;
    return key ? this.readKey(key) : '';
  }

  /** Records the current conversation's text; written after the quiet period. */
  set(text: string): void {
    if (!this.currentKey) return;
    this.pendingText = text;
    this.timers.clear(this.timer);
    this.timer = this.timers.set(() => this.flush(), this.delay);
  }

  /** Writes a pending draft now. */
  flush(): void {
    this.timers.clear(this.timer);
    this.timer = undefined;
    if (this.currentKey === null || this.pendingText === null) return;
    this.writeKey(this.currentKey, this.pendingText);
    this.pendingText = null;
  }

  /** Forgets the current conversation's draft (after it was sent). */
  clear(): void {
    this.timers.clear(this.timer);
    this.timer = undefined;
    this.pendingText = null;
    if (this.currentKey) this.writeKey(this.currentKey, '');
  }

  /** One conversation's stored draft (`''` when none); a pending one counts for the current conversation. */
  read(dialect: string, conversationId: string): string {
    const key = draftKey(dialect, conversationId);
    if (key === this.currentKey && this.pendingText !== null) return this.pendingText;
    return this.readKey(key);
  }

  /** Writes one conversation's draft at once (`''` removes it). */
  write(dialect: string, conversationId: string, text: string): void {
    const key = draftKey(dialect, conversationId);
    if (key === this.currentKey) {
      this.timers.clear(this.timer);
      this.timer = undefined;
      this.pendingText = null;
    }
    this.writeKey(key, text);
  }

  private readKey(key: string): string {
    if (this.storage) {
      try {
        return this.storage.getItem(key) ?? '';
      } catch {
        /* blocked storage: fall back to memory */
      }
    }
    return memoryDrafts.get(key) ?? '';
  }

  private writeKey(key: string, text: string): void {
    const keep = text.trim() !== '';
    if (this.storage) {
      try {
        if (keep) this.storage.setItem(key, text);
        else this.storage.removeItem(key);
        return;
      } catch {
        /* quota or blocked storage: keep the draft in memory */
      }
    }
    if (keep) memoryDrafts.set(key, text);
    else memoryDrafts.delete(key);
  }
}
