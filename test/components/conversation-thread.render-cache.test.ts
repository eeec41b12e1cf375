import { expect, waitUntil } from '@open-wc/testing';
import { conversation, ignoreResizeObserverLoops, messages, renderThread, row } from './conversation-thread.helpers.js';

describe('<conversation-thread> rows rendered again only when their inputs change', () => {
  ignoreResizeObserverLoops();

  it('keeps a message row as it is while the log re-renders around it', async () => {
    const { el } = await renderThread({ messages: messages(12) });
    const last = row(el, 'm00011')!;
    const label = last.getAttribute('aria-label');
    const time = last.querySelector('.meta')!.textContent;
    el.requestUpdate();
    await el.updateComplete;
    expect(row(el, 'm00011')).to.equal(last);
    expect(last.getAttribute('aria-label')).to.equal(label);
    expect(last.querySelector('.meta')!.textContent).to.equal(time);
  });

  it('follows the contact name, the strings and the language', async () => {
    const { el, store } = await renderThread({ messages: messages(12) });
    const inbound = () => row(el, 'm00008')!; // messages 6–8 are inbound
    expect(inbound().getAttribute('aria-label')).to.contain('Ada Lovelace');

    store.ingest({ type: 'conversation', conversation: conversation({ contact: { displayName: 'Grace Hopper' } }) });
    await waitUntil(() => inbound().getAttribute('aria-label')!.includes('Grace Hopper'), 'the new name');

    el.i18n = { inboundLabel: 'From {name} at {time}' };
    await el.updateComplete;
    expect(inbound().getAttribute('aria-label')).to.match(/^From Grace Hopper at /);

    const outbound = () => row(el, 'm00011')!; // messages 9–11 are outbound
    const before = outbound().getAttribute('aria-label')!;
    el.setAttribute('lang', 'de');
    el.requestUpdate();
    await el.updateComplete;
    const after = outbound().getAttribute('aria-label')!;
    expect(after).not.to.equal(before);
    expect(outbound().querySelector('.meta')!.getAttribute('title')).to.equal(
      new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(messages(12)[11].createdAt),
      ),
    );
  });
});
