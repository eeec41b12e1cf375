/**
 * An element given a `conversation-id` that is not in the loaded list, whose
 * first fetch of that conversation fails: the shared setup of the
 * "conversation cannot be loaded" tests of the picker, the actions and the
 * composer.
 *
 *   const { el, errors } = await renderFailingConversation<AssigneePicker>(
 *     adapter,
 *     (onError) => html`<assignee-picker conversation-id="c1" @inbox-error=${onError}></assignee-picker>`,
 *   );
 */
import { html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { InboxError } from '../../src/data/errors.js';
import type { InboxErrorDetail } from '../../src/events/events.js';
import { renderWithProvider, type RenderWithProviderResult } from './render-with-provider.js';

/** A 502 from the backend's gateway, with raw text the element must not show. */
export const upstream502 = () =>
  new InboxError({
    kind: 'upstream',
    message: 'RAW gateway text',
    dialect: 'memory',
    httpStatus: 502,
    retryable: true,
  });

type Stateful = HTMLElement & { state: string; updateComplete: Promise<boolean> };

/**
 * Renders `element` between a button before and one after it, inside a provider over `adapter`,
 * makes the first `getConversation` fail with `error`, and waits for the element's `error` state.
 */
export async function renderFailingConversation<T extends Stateful>(
  adapter: MemoryAdapter,
  element: (onError: (e: CustomEvent<InboxErrorDetail>) => void) => TemplateResult,
  error: InboxError | 'not_found' | 'server' = upstream502(),
): Promise<RenderWithProviderResult<HTMLElement> & { el: T; errors: InboxErrorDetail[] }> {
  adapter.fail('getConversation', error, 1);
  const errors: InboxErrorDetail[] = [];
  const result = await renderWithProvider<HTMLElement>(
    html`<button id="before">before</button>${element((e) => errors.push(e.detail))}<button id="after">after</button>`,
    { adapter },
  );
  const el = result.provider.children[1] as T;
  await waitUntil(() => el.state === 'error', `<${el.localName}> did not show the failed conversation`);
  await el.updateComplete;
  return { ...result, el, errors };
}
