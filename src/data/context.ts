/**
 * The one context key the provider and the elements share. Only this file
 * creates it; providers and consumers import it, never each other.
 */
import { createContext } from '@lit/context';
import type { InboxStore } from './store.js';

export type InboxTheme = 'light' | 'dark' | 'auto';

export interface InboxContextValue {
  store: InboxStore;
  /** The provider's theme, which its descendants follow unless they set their own. */
  theme: InboxTheme;
}

export const inboxContext = createContext<InboxContextValue | undefined>(Symbol('inbox-elements.context'));
