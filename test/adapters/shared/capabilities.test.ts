import { expect } from '@open-wc/testing';
import { baseCapabilities } from '../../../src/adapters/shared/capabilities.js';

describe('baseCapabilities', () => {
  it('starts from a backend that only lists conversations: every action, filter and send off', () => {
    expect(baseCapabilities()).to.deep.equal({
      listConversations: true,
      filters: {
        status: false,
        handledBy: false,
        assignee: 'none',
        unreadOnly: false,
        channelIds: false,
        updatedSince: false,
        search: false,
        sort: false,
      },
      conversationPagination: 'none',
      getConversation: false,
      messagePagination: 'none',
      messageOrderFromBackend: 'unreliable',
      perConversationUnread: false,
      summary: false,
      markRead: false,
      markUnread: false,
      archive: false,
      listArchived: false,
      close: false,
      assign: false,
      unassign: false,
      listAssignees: false,
      listTemplates: false,
      send: { text: false, template: 'none', media: [], interactive: false, async: false },
      idempotency: false,
      serviceWindow: 'unknown',
      windowSignal: 'none',
      multiChannel: false,
    });
  });

  it('lays top-level overrides over the baseline and leaves the rest off', () => {
    const caps = baseCapabilities({ summary: true, conversationPagination: 'offset', windowSignal: 'last_inbound' });
    expect(caps).to.include({
      summary: true,
      conversationPagination: 'offset',
      windowSignal: 'last_inbound',
      markRead: false,
      close: false,
      multiChannel: false,
    });
  });

  it('merges filters and send key by key, without adding keys the override leaves out', () => {
    const caps = baseCapabilities({
      filters: { status: true, statusValues: ['open', 'closed'], assignee: 'by-id' },
      send: { text: true, textMaxLength: 4096, media: ['image'] },
    });
    expect(caps.filters).to.deep.equal({
      status: true,
      statusValues: ['open', 'closed'],
      handledBy: false,
      assignee: 'by-id',
      unreadOnly: false,
      channelIds: false,
      updatedSince: false,
      search: false,
      sort: false,
    });
    expect(caps.send).to.deep.equal({
      text: true,
      textMaxLength: 4096,
      template: 'none',
      media: ['image'],
      interactive: false,
      async: false,
    });
    expect(baseCapabilities().filters).not.to.have.property('statusValues');
    expect(baseCapabilities().send).not.to.have.property('templateAddressing');
  });

  it('returns a fresh object each call, so one adapter cannot change another', () => {
    const a = baseCapabilities();
    const b = baseCapabilities();
    expect(a).not.to.equal(b);
    expect(a.filters).not.to.equal(b.filters);
    expect(a.send.media).not.to.equal(b.send.media);
    a.send.media.push('image');
    a.filters.search = true;
    expect(baseCapabilities().send.media).to.deep.equal([]);
    expect(baseCapabilities().filters.search).to.equal(false);
  });
});
