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

  it('keeps the failure as error for the current id, and retry() fetches again and clears it', async () => {
    adapter.fail('getConversation', 'upstream', 1);
    const failed = oneEvent(host, 'inbox-error');
    host.fetcher.ensure(store, 'conv-004');
    expect(host.fetcher.error).to.equal(undefined); // on its way
    await failed;
    await waitUntil(() => !host.fetcher.isFetching(store, 'conv-004'));
    expect(host.fetcher.error?.kind).to.equal('upstream');
    // asking again does not fetch again by itself
    host.fetcher.ensure(store, 'conv-004');
    expect(adapter.calls.filter((c) => c.op === 'getConversation')).to.have.length(1);

    const renders = host.renders;
    host.fetcher.retry();
    expect(host.fetcher.isFetching(store, 'conv-004')).to.equal(true);
    expect(host.fetcher.error).to.equal(undefined);
    await waitUntil(() => !host.fetcher.isFetching(store, 'conv-004'));
    await host.updateComplete;
    expect(store.getConversation('conv-004')?.id).to.equal('conv-004');
    expect(host.fetcher.error).to.equal(undefined);
    expect(adapter.calls.filter((c) => c.op === 'getConversation')).to.have.length(2);
    expect(host.renders).to.be.greaterThan(renders);
  });

  it('forgets the failure when the id changes, and fetches again when it comes back', async () => {
    adapter.fail('getConversation', 'network', 1);
    host.fetcher.ensure(store, 'conv-004');
    await waitUntil(() => host.fetcher.error?.kind === 'network');
    host.fetcher.ensure(store, 'conv-005');
    expect(host.fetcher.error).to.equal(undefined);
    await waitUntil(() => store.getConversation('conv-005'));
    host.fetcher.ensure(store, 'conv-004');
    await waitUntil(() => store.getConversation('conv-004'));
    expect(host.fetcher.error).to.equal(undefined);
    const fetched = adapter.calls.filter((c) => c.op === 'getConversation').map((c) => c.args[0]);
    expect(fetched).to.deep.equal(['conv-004', 'conv-005', 'conv-004']);
  });

  it('retry() joins a fetch of the same conversation already in flight in the store', async () => {
    adapter.fail('getConversation', 'timeout', 1);
    host.fetcher.ensure(store, 'conv-002');
    await waitUntil(() => host.fetcher.error?.kind === 'timeout');
    const gate = adapter.hold('getConversation');
    const other = store.fetchConversation('conv-002');
    await gate.reached;
    host.fetcher.retry();
    expect(host.fetcher.isFetching(store, 'conv-002')).to.equal(true);
    gate.release();
    await other;
    await waitUntil(() => !host.fetcher.isFetching(store, 'conv-002'));
    expect(host.fetcher.error).to.equal(undefined);
    expect(adapter.calls.filter((c) => c.op === 'getConversation')).to.have.length(2);
  });

  it('has no error once the store got the conversation some other way', async () => {
    adapter.fail('getConversation', 'upstream', 1);
    host.fetcher.ensure(store, 'conv-001');
    await waitUntil(() => host.fetcher.error?.kind === 'upstream');
    await store.loadList();
    expect(host.fetcher.error).to.equal(undefined);
    host.fetcher.retry();
    expect(host.fetcher.isFetching(store, 'conv-001')).to.equal(false);
    expect(adapter.calls.filter((c) => c.op === 'getConversation')).to.have.length(1);
  });
});
