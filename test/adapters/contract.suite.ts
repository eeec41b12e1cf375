/**
 * The contract every `InboxDataSource` keeps, as one mocha `describe` block.
 * Each adapter runs it (the HTTP adapters against the reference backend over
 * real fetch), so it asserts only what the contract promises, driven by
 * `source.capabilities`:
 *
 *   runDataSourceSuite('SwitchbordAdapter', async () => ({ source, teardown }));
 */
import { expect } from '@open-wc/testing';
import type { InboxDataSource } from '../../src/data/data-source.js';
import { isInboxError } from '../../src/data/errors.js';
import type { Conversation, Message, Page } from '../../src/data/models.js';
import { CONVERSATION_STATUSES } from '../../src/data/models.js';
import { serviceWindow } from '../../src/data/service-window.js';
import { anyRejection } from './support/assertions.js';

export interface DataSourceSuiteContext {
  source: InboxDataSource;
  teardown?: () => Promise<void> | void;
  /** A well-formed id no conversation has (dialects that validate id syntax, e.g. superwaba UUIDs). */
  unknownConversationId?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const MAX_PAGES = 100;

function ms(iso: string | undefined): number {
  return iso ? Date.parse(iso) : Number.NaN;
}

function expectIdsUnique(ids: string[], what: string): void {
  const seen = new Set<string>();
  const dupes = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  expect(dupes, `duplicate ${what} ids`).to.deep.equal([]);
}

function expectConversation(c: Conversation): void {
  expect(c.id, 'conversation id').to.be.a('string').and.not.equal('');
  expect(CONVERSATION_STATUSES, `status of ${c.id}`).to.include(c.status);
  expect(c.channel, `channel of ${c.id}`).to.be.an('object');
  expect(c.contact, `contact of ${c.id}`).to.be.an('object');
  if (c.lastActivityAt !== undefined) expect(c.lastActivityAt, `lastActivityAt of ${c.id}`).to.match(ISO);
}

function expectOrdered(page: Page<Conversation>): void {
  const times = page.items.map((c) => ms(c.lastActivityAt));
  if (times.some((t) => Number.isNaN(t))) return; // the order is only checkable on activity times
  for (let i = 1; i < times.length; i++) {
    const ok = page.order === 'newest-first' ? times[i - 1] >= times[i] : times[i - 1] <= times[i];
    expect(ok, `conversations ${page.items[i - 1].id} and ${page.items[i].id} are not ${page.order}`).to.equal(true);
  }
}

function expectMessagesOldestFirst(messages: Message[], what: string): void {
  for (const m of messages) {
    expect(m.id, `${what}: message id`).to.be.a('string').and.not.equal('');
    expect(m.createdAt, `${what}: createdAt of ${m.id}`).to.match(ISO);
    expect(['inbound', 'outbound'], `${what}: direction of ${m.id}`).to.include(m.direction);
  }
  for (let i = 1; i < messages.length; i++) {
    expect(
      ms(messages[i - 1].createdAt) <= ms(messages[i].createdAt),
      `${what}: ${messages[i - 1].id} (${messages[i - 1].createdAt}) comes before the older ${messages[i].id} (${messages[i].createdAt})`,
    ).to.equal(true);
  }
}

export function runDataSourceSuite(name: string, setup: () => Promise<DataSourceSuiteContext>): void {
  describe(`InboxDataSource contract: ${name}`, function () {
    let ctx: DataSourceSuiteContext;
    let source: InboxDataSource;
    let firstPage: Page<Conversation>;

    before(async function () {
      ctx = await setup();
      source = ctx.source;
      firstPage = await source.listConversations({});
    });

    after(async function () {
      await ctx?.teardown?.();
    });

    /** A conversation with at least one message, with its newest page. */
    async function conversationWithMessages(): Promise<
      { conversation: Conversation; page: Page<Message> } | undefined
    > {
      for (const conversation of firstPage.items.slice(0, 10)) {
        const page = await source.listMessages(conversation.id);
        if (page.items.length) return { conversation, page };
      }
      return undefined;
    }

    it('declares a dialect and capabilities', function () {
      expect(source.dialect).to.be.a('string').and.not.equal('');
      expect(source.capabilities.listConversations).to.equal(true);
      expect(['none', 'offset', 'page', 'cursor']).to.include(source.capabilities.conversationPagination);
      expect(['none', 'id-range', 'cursor']).to.include(source.capabilities.messagePagination);
    });

    it('has a method for every capability it declares', function () {
      const caps = source.capabilities;
      const methods: Array<[boolean, keyof InboxDataSource]> = [
        [caps.getConversation, 'getConversation'],
        [caps.summary, 'getSummary'],
        [caps.markRead, 'markRead'],
        [caps.markUnread, 'markUnread'],
        [caps.archive, 'archive'],
        [caps.archive, 'unarchive'],
        [caps.close, 'close'],
        [caps.assign, 'assign'],
        [caps.unassign, 'unassign'],
        [caps.listAssignees, 'listAssignees'],
        [caps.listTemplates, 'listTemplates'],
      ];
      const missing = methods
        .filter(([flag, method]) => flag && typeof source[method] !== 'function')
        .map(([, m]) => m);
      expect(missing, 'methods missing for declared capabilities').to.deep.equal([]);
      expect(typeof source.listConversations).to.equal('function');
      expect(typeof source.listMessages).to.equal('function');
      expect(typeof source.send).to.equal('function');
    });

    it('lists conversations with ids in the order it declares', function () {
      expect(firstPage.items).to.be.an('array').that.is.not.empty;
      expect(['newest-first', 'oldest-first']).to.include(firstPage.order);
      expect(firstPage.hasMore).to.be.a('boolean');
      firstPage.items.forEach(expectConversation);
      expectIdsUnique(
        firstPage.items.map((c) => c.id),
        'conversation',
      );
      expectOrdered(firstPage);
    });

    it('pages through conversations to the end without duplicates', async function () {
      if (source.capabilities.conversationPagination === 'none') this.skip();
      const ids: string[] = [];
      let page = await source.listConversations({ limit: 5 });
      const order = page.order;
      let pages = 1;
      ids.push(...page.items.map((c) => c.id));
      while (page.hasMore && page.next != null) {
        expect(pages, 'pages never end').to.be.below(MAX_PAGES);
        page = await source.listConversations({ limit: 5, cursor: page.next });
        expect(page.order, 'every page declares the same order').to.equal(order);
        page.items.forEach(expectConversation);
        expectOrdered(page);
        ids.push(...page.items.map((c) => c.id));
        pages++;
        if (!page.items.length) break;
      }
      expectIdsUnique(ids, 'conversation');
      expect(ids.length).to.be.at.least(firstPage.items.length > 0 ? 1 : 0);
      if (typeof page.total === 'number' && typeof firstPage.total === 'number') {
        expect(ids.length, 'paged conversations vs. total').to.equal(firstPage.total);
      }
    });

    it('gets one conversation by id', async function () {
      if (!source.capabilities.getConversation || !source.getConversation) this.skip();
      const id = firstPage.items[0].id;
      const c = await source.getConversation(id);
      expectConversation(c);
      expect(c.id).to.equal(id);
    });

    it('lists messages oldest first with ids and ISO timestamps', async function () {
      const found = await conversationWithMessages();
      expect(found, 'no listed conversation has messages').to.not.equal(undefined);
      const { page } = found!;
      expect(page.order).to.equal('oldest-first');
      expect(page.hasMore).to.be.a('boolean');
      expectMessagesOldestFirst(page.items, 'newest page');
      expectIdsUnique(
        page.items.map((m) => m.id),
        'message',
      );
    });

    it('pages to older messages without duplicates', async function () {
      if (source.capabilities.messagePagination === 'none') this.skip();
      let found: { conversation: Conversation; page: Page<Message> } | undefined;
      for (const conversation of firstPage.items) {
        const page = await source.listMessages(conversation.id, { limit: 5 });
        if (page.hasMore && page.next != null) {
          found = { conversation, page };
          break;
        }
      }
      // the backend pages messages, so some thread on the first page must have older ones: fail, never skip
      if (!found) expect.fail('no conversation on the first page has older messages to page to');
      const { conversation } = found;
      let page = found.page;
      const ids = page.items.map((m) => m.id);
      let oldest = Math.min(...page.items.map((m) => ms(m.createdAt)));
      let pages = 1;
      while (page.hasMore && page.next != null && pages < 4) {
        page = await source.listMessages(conversation.id, { limit: 5, cursor: page.next });
        expectMessagesOldestFirst(page.items, `older page ${pages}`);
        for (const m of page.items) {
          expect(
            ms(m.createdAt) <= oldest,
            `older page has ${m.id} (${m.createdAt}), newer than the page before`,
          ).to.equal(true);
        }
        ids.push(...page.items.map((m) => m.id));
        if (page.items.length) oldest = Math.min(oldest, ...page.items.map((m) => ms(m.createdAt)));
        pages++;
        if (!page.items.length) break;
      }
      expect(pages, 'followed at least one older page').to.be.at.least(2);
      expectIdsUnique(ids, 'message');
    });

    it('sends a text to a conversation whose service window is open', async function () {
      if (!source.capabilities.send.text) this.skip();
      const now = Date.now();
      let target = firstPage.items.find((c) => serviceWindow(c, [], now).isOpen === true);
      if (!target) {
        for (const c of firstPage.items.slice(0, 10)) {
          const page = await source.listMessages(c.id);
          if (serviceWindow(c, page.items, now).isOpen === true) {
            target = c;
            break;
          }
        }
      }
      if (!target) expect.fail('no conversation on the first page has an open service window');
      const clientRef = `contract-${Math.random().toString(36).slice(2)}`;
      const result = await source.send({
        kind: 'text',
        conversationId: target.id,
        clientRef,
        text: 'Contract suite: hello',
      });
      expect(['created', 'queued']).to.include(result.accepted);
      expect(result.message.id, 'sent message id').to.be.a('string').and.not.equal('');
      expect(result.message.direction).to.equal('outbound');
      expect(result.message.createdAt).to.match(ISO);
      if (result.accepted === 'created') {
        expect(['pending', 'sent', 'delivered', 'read', 'unknown']).to.include(result.message.status);
      }
    });

    it('rejects an unknown conversation id with not_found', async function () {
      const unknown = ctx.unknownConversationId ?? 'contract-unknown-conversation-404';
      const errors: unknown[] = [await anyRejection(source.listMessages(unknown))];
      if (source.capabilities.getConversation && source.getConversation) {
        errors.push(await anyRejection(source.getConversation(unknown)));
      }
      for (const error of errors) {
        expect(isInboxError(error), `not an InboxError: ${String(error)}`).to.equal(true);
        expect((error as { kind: string }).kind).to.equal('not_found');
      }
    });

    it('rejects an aborted call with an AbortError, not an InboxError', async function () {
      const before = new AbortController();
      before.abort();
      const during = new AbortController();
      const pending = [
        source.listConversations({}, { signal: before.signal }),
        source.listConversations({}, { signal: during.signal }),
        source.listMessages(firstPage.items[0].id, { signal: before.signal }),
      ];
      during.abort();
      for (const p of pending) {
        const error = await anyRejection(p);
        expect((error as { name?: string }).name).to.equal('AbortError');
        expect(isInboxError(error)).to.equal(false);
      }
    });
  });
}
