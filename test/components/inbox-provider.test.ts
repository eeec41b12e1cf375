import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { InboxProvider } from '../../src/components/inbox-provider/inbox-provider.js';
import '../../src/components/inbox-provider/inbox-provider.js';
import { InboxContextController } from '../../src/controllers/inbox-context-controller.js';
import type { InboxDataSource } from '../../src/data/data-source.js';
import type { StoreErrorDetail } from '../../src/data/store.js';
import { renderWithProvider } from '../support/render-with-provider.js';

/** A test-only consumer of the inbox context. */
class TestStoreConsumer extends LitElement {
  readonly inbox = new InboxContextController(this);
  source?: InboxDataSource;
  override render() {
    return html`<span>${this.inbox.store ? 'connected' : 'waiting'}</span>`;
  }
}
if (!customElements.get('test-store-consumer')) customElements.define('test-store-consumer', TestStoreConsumer);

/** Puts a consumer inside its own shadow root, inside another shadow root. */
class TestShadowWrapper extends LitElement {
  override render() {
    return html`<test-shadow-inner></test-shadow-inner>`;
  }
}
class TestShadowInner extends LitElement {
  override render() {
    return html`<div><test-store-consumer></test-store-consumer></div>`;
  }
}
if (!customElements.get('test-shadow-wrapper')) customElements.define('test-shadow-wrapper', TestShadowWrapper);
if (!customElements.get('test-shadow-inner')) customElements.define('test-shadow-inner', TestShadowInner);

async function nestedConsumer(wrapper: TestShadowWrapper): Promise<TestStoreConsumer> {
  await wrapper.updateComplete;
  const inner = wrapper.shadowRoot!.querySelector('test-shadow-inner') as TestShadowInner;
  await inner.updateComplete;
  const consumer = inner.shadowRoot!.querySelector('test-store-consumer') as TestStoreConsumer;
  await consumer.updateComplete;
  return consumer;
}

describe('inbox-provider', () => {
  it('hands one store to consumers directly inside and nested in other shadow roots', async () => {
    const { provider, el, store, adapter } = await renderWithProvider<TestStoreConsumer>(html`
      <test-store-consumer></test-store-consumer>
      <test-shadow-wrapper></test-shadow-wrapper>
    `);
    const nested = await nestedConsumer(provider.querySelector('test-shadow-wrapper') as TestShadowWrapper);
    expect(store.source).to.equal(adapter);
    expect(el.inbox.store).to.equal(store);
    expect(nested.inbox.store).to.equal(store);
    expect(nested.inbox.context?.store).to.equal(provider.inboxStore);
    expect(nested.shadowRoot!.textContent).to.contain('connected');
  });

  it("hands a host's own source to the elements inside in their first render, and keeps that one store", async () => {
    const source = new MemoryAdapter({ seed: [] });
    const provider = document.createElement('inbox-provider');
    provider.source = source;
    const consumer = document.createElement('test-store-consumer') as TestStoreConsumer;
    const firstRender: string[] = [];
    consumer.updateComplete.then(
      () => firstRender.push(consumer.shadowRoot!.textContent ?? ''),
      () => {},
    );
    provider.append(consumer);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(provider);
    const store = provider.inboxStore;
    expect(store, 'a store as soon as the provider connects').to.not.equal(undefined);
    await provider.updateComplete;
    await consumer.updateComplete;
    expect(firstRender).to.deep.equal(['connected']);
    expect(provider.inboxStore, 'the first update keeps the store').to.equal(store);
    expect(consumer.inbox.store).to.equal(store);
  });

  it('gives consumers outside any provider no store', async () => {
    const el = await fixture<TestStoreConsumer>(html`<test-store-consumer></test-store-consumer>`);
    expect(el.inbox.store).to.equal(undefined);
    expect(el.shadowRoot!.textContent).to.contain('waiting');
  });

  it('hands consumers a new store when the source changes', async () => {
    const { provider, el, store } = await renderWithProvider<TestStoreConsumer>(
      html`<test-store-consumer></test-store-consumer>`,
    );
    const other = new MemoryAdapter();
    provider.source = other;
    await provider.updateComplete;
    await el.updateComplete;
    expect(provider.inboxStore).to.not.equal(store);
    expect(provider.inboxStore!.source).to.equal(other);
    expect(el.inbox.store).to.equal(provider.inboxStore);
  });

  it('prefers the source property over backend and base-url', async () => {
    const adapter = new MemoryAdapter();
    const provider = await fixture<InboxProvider>(
      html`<inbox-provider
        backend="nope"
        base-url="https://api.example.com"
        .source=${adapter}
        poll-interval="0"
      ></inbox-provider>`,
    );
    await waitUntil(() => provider.inboxStore);
    expect(provider.inboxStore!.source).to.equal(adapter);
  });

  it('builds its data source from backend and base-url', async () => {
    const provider = await fixture<InboxProvider>(
      html`<inbox-provider
        backend="memory"
        base-url="/api"
        current-user-id="agent-2"
        poll-interval="0"
      ></inbox-provider>`,
    );
    await waitUntil(() => provider.inboxStore, 'no store from backend="memory"');
    const source = provider.inboxStore!.source;
    expect(source).to.be.instanceOf(MemoryAdapter);
    expect(source.dialect).to.equal('memory');
    expect((source as MemoryAdapter).currentUserId).to.equal('agent-2');
    expect(provider.inboxStore!.currentUserId).to.equal('agent-2');
  });

  it('hands options (headers, fetch, dialect options) to the source it builds', async () => {
    const calls: { url: string; headers: Headers }[] = [];
    const recordingFetch: typeof fetch = (input, init = {}) => {
      calls.push({ url: input instanceof Request ? input.url : input.toString(), headers: new Headers(init.headers) });
      const body = JSON.stringify({ summary: { total: 0, open: 0, unread: 0 }, conversations: [] });
      return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }));
    };
    const provider = await fixture<InboxProvider>(
      html`<inbox-provider
        backend="switchbord"
        base-url="https://crm.example/proxy/switchbord/"
        poll-interval="0"
        .options=${{ headers: { 'X-Session': 's-1' }, fetch: recordingFetch, experimentalMediaSend: true }}
      ></inbox-provider>`,
    );
    await waitUntil(() => provider.inboxStore, 'no store from backend="switchbord"');
    const store = provider.inboxStore!;
    expect(store.source.dialect).to.equal('switchbord');
    expect(store.source.capabilities.send.media, 'the dialect option reached the adapter').to.not.deep.equal([]);
    await store.setQuery({});
    const list = calls.find((c) => c.url.includes('/internal/conversations'));
    expect(list?.url).to.equal('https://crm.example/proxy/switchbord/internal/conversations?limit=50&offset=0');
    expect(list!.headers.get('x-session')).to.equal('s-1');
  });

  it('gives a built source a new current-user-id, and only reconfigures a source of the host', async () => {
    const built = await fixture<InboxProvider>(
      html`<inbox-provider
        backend="memory"
        base-url="/api"
        current-user-id="agent-1"
        poll-interval="0"
      ></inbox-provider>`,
    );
    await waitUntil(() => built.inboxStore, 'no store from backend="memory"');
    const first = built.inboxStore!;
    expect((first.source as MemoryAdapter).currentUserId).to.equal('agent-1');
    built.setAttribute('current-user-id', 'agent-3');
    await waitUntil(() => built.inboxStore && built.inboxStore !== first, 'the source was not rebuilt');
    expect((built.inboxStore!.source as MemoryAdapter).currentUserId).to.equal('agent-3');
    expect(built.inboxStore!.currentUserId).to.equal('agent-3');

    const { provider, store } = await renderWithProvider(html`<test-store-consumer></test-store-consumer>`);
    provider.currentUserId = 'agent-4';
    await provider.updateComplete;
    expect(provider.inboxStore).to.equal(store);
    expect(store.currentUserId).to.equal('agent-4');
  });

  it('fires inbox-error with operation connect for an unknown backend', async () => {
    const seen: StoreErrorDetail[] = [];
    const provider = await fixture<InboxProvider>(html`
      <inbox-provider
        backend="nope"
        base-url="/api"
        @inbox-error=${(e: CustomEvent<StoreErrorDetail>) => seen.push(e.detail)}
      ></inbox-provider>
    `);
    await waitUntil(() => seen.length > 0, 'no inbox-error');
    expect(seen[0].operation).to.equal('connect');
    expect(seen[0].error.kind).to.equal('unsupported');
    expect(provider.inboxStore).to.equal(undefined);
  });

  it('reflects selected and follows store.select', async () => {
    const { provider, store } = await renderWithProvider(html`<test-store-consumer></test-store-consumer>`, {
      selected: 'conv-002',
    });
    expect(store.selected).to.equal('conv-002');
    expect(provider.getAttribute('selected')).to.equal('conv-002');
    provider.selected = 'conv-004';
    await provider.updateComplete;
    expect(store.selected).to.equal('conv-004');
    expect(provider.getAttribute('selected')).to.equal('conv-004');
    store.select('conv-003');
    await provider.updateComplete;
    expect(provider.selected).to.equal('conv-003');
    expect(provider.getAttribute('selected')).to.equal('conv-003');
    provider.setAttribute('selected', 'conv-005');
    await provider.updateComplete;
    expect(store.selected).to.equal('conv-005');
  });

  it('maps poll-interval seconds onto the store and turns polling off with 0', async () => {
    const { provider, store } = await renderWithProvider(html`<test-store-consumer></test-store-consumer>`);
    expect(provider.getAttribute('poll-interval')).to.equal('0');
    expect(store.pollInterval).to.equal(0);
    provider.setAttribute('poll-interval', '5');
    await provider.updateComplete;
    expect(provider.inboxStore).to.equal(store);
    expect(store.pollInterval).to.equal(5000);
    const byDefault = await fixture<InboxProvider>(
      html`<inbox-provider .source=${new MemoryAdapter()}></inbox-provider>`,
    );
    await waitUntil(() => byDefault.inboxStore);
    expect(byDefault.inboxStore!.pollInterval).to.equal(15_000);
    byDefault.remove();
  });

  it('fires inbox-auth-required when an operation fails as unauthorized', async () => {
    const { provider, store, adapter } = await renderWithProvider(html`<test-store-consumer></test-store-consumer>`);
    adapter.fail('listConversations', 'unauthorized', 1);
    const event = oneEvent(provider, 'inbox-auth-required');
    void store.setQuery({});
    const { detail } = await event;
    expect(detail.error.kind).to.equal('unauthorized');
  });

  it('fires inbox-error for a failing background poll, not for an element operation', async () => {
    const { provider, store, adapter } = await renderWithProvider(html`<test-store-consumer></test-store-consumer>`);
    const seen: StoreErrorDetail[] = [];
    provider.addEventListener('inbox-error', (e) => seen.push((e as CustomEvent<StoreErrorDetail>).detail));
    adapter.fail('listConversations', 'server', 1);
    await store.setQuery({}); // an element's own load: the element reports it
    expect(seen).to.deep.equal([]);
    await store.loadList();
    adapter.fail('listConversations', 'upstream', 1);
    const event = oneEvent(provider, 'inbox-error');
    await store.poll();
    const { detail } = await event;
    expect(detail.operation).to.equal('poll');
    expect(detail.error.kind).to.equal('upstream');
    expect(seen.map((d) => d.operation)).to.deep.equal(['poll']);
  });

  it('stops its store when removed', async () => {
    const { provider, store, adapter } = await renderWithProvider(html`<test-store-consumer></test-store-consumer>`);
    provider.remove();
    expect(provider.inboxStore).to.equal(undefined);
    await store.setQuery({});
    await store.poll();
    // a destroyed store no longer polls
    expect(adapter.calls.filter((c) => c.op === 'listConversations')).to.have.length(1);
  });

  it('passes the theme to consumers', async () => {
    const { provider, el } = await renderWithProvider<TestStoreConsumer>(
      html`<test-store-consumer></test-store-consumer>`,
    );
    provider.theme = 'dark';
    await provider.updateComplete;
    await el.updateComplete;
    expect(provider.getAttribute('theme')).to.equal('dark');
    expect(el.inbox.theme).to.equal('dark');
  });

  it('is accessible and adds no layout', async () => {
    const { provider } = await renderWithProvider(html`<test-store-consumer></test-store-consumer>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });
});
