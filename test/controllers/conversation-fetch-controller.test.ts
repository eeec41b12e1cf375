import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { seedConversations } from '../../src/adapters/memory/fixtures.js';
import { ConversationFetchController } from '../../src/controllers/conversation-fetch-controller.js';
import { InboxStore } from '../../src/data/store.js';
import { InboxElement } from '../../src/internal/inbox-element.js';

class FetchHost extends InboxElement {
  readonly fetcher = new ConversationFetchController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html``;
  }
}
FetchHost.define('test-fetch-host');

describe('ConversationFetchController', () => {
  let adapter: MemoryAdapter;
  let store: InboxStore;
  let host: FetchHost;

  beforeEach(async () => {
    adapter = new MemoryAdapter({ seed: seedConversations({ count: 5 }) });
    store = new InboxStore(adapter, { pollInterval: 0 });
    host = await fixture<FetchHost>(html`<test-fetch-host></test-fetch-host>`);
  });

  afterEach(() => store.destroy());

  it('fetches an unknown conversation once, says while it is on its way, and re-renders when done', async () => {
    const gate = adapter.hold('getConversation');
    host.fetcher.ensure(store, 'conv-003');
    host.fetcher.ensure(store, 'conv-003');
    await gate.reached;
    expect(host.fetcher.isFetching(store, 'conv-003')).to.equal(true);
    const renders = host.renders;
    gate.release();
    await waitUntil(() => !host.fetcher.isFetching(store, 'conv-003'));
    await host.updateComplete;
    expect(store.getConversation('conv-003')?.id).to.equal('conv-003');
    expect(adapter.calls.filter((c) => c.op === 'getConversation')).to.have.length(1);
    expect(host.renders).to.be.greaterThan(renders);
  });

  it('does not fetch what the store already has', async () => {
    await store.loadList();
    host.fetcher.ensure(store, 'conv-001');
    expect(adapter.calls.filter((c) => c.op === 'getConversation')).to.have.length(0);
  });

  it('reports a failure as inbox-error from the host', async () => {
    adapter.fail('getConversation', 'not_found');
    const event = oneEvent(host, 'inbox-error');
    host.fetcher.ensure(store, 'conv-004');
    const { detail } = await event;
    expect(detail.operation).to.equal('conversation');
    expect(detail.conversationId).to.equal('conv-004');
    expect(detail.error.kind).to.equal('not_found');
  });
});
