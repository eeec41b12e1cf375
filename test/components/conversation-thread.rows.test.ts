import { expect } from '@open-wc/testing';
import type { MessageRow, ThreadRow } from '../../src/components/conversation-thread/conversation-thread.types.js';
import { buildRows, messageKey, unreadStartKey } from '../../src/components/conversation-thread/thread-rows.js';
import type { Message } from '../../src/data/models.js';

const base = new Date(2026, 2, 10, 9, 0, 0).getTime(); // local time, so day keys are predictable
const MIN = 60_000;

function m(id: string, minutes: number, direction: Message['direction'], partial: Partial<Message> = {}): Message {
  return {
    id,
    direction,
    kind: 'text',
    text: id,
    status: direction === 'inbound' ? 'received' : 'read',
    createdAt: new Date(base + minutes * MIN).toISOString(),
    ...partial,
  };
}

const types = (rows: ThreadRow[]) => rows.map((r) => (r.type === 'message' ? r.message.id : r.type));
const msgRow = (rows: ThreadRow[], id: string) =>
  rows.find((r): r is MessageRow => r.type === 'message' && r.message.id === id)!;

describe('conversation-thread rows', () => {
  it('starts with the top row and adds a day separator per local day', () => {
    const rows = buildRows([m('a', 0, 'inbound'), m('b', 60, 'inbound'), m('c', 24 * 60, 'outbound')]);
    expect(types(rows)).to.deep.equal(['start', 'day', 'a', 'b', 'day', 'c']);
    expect(rows[1].key).to.equal('day:2026-03-10');
    expect(rows[4].key).to.equal('day:2026-03-11');
  });

  it('groups consecutive messages from the same side within five minutes', () => {
    const rows = buildRows([
      m('a', 0, 'inbound'),
      m('b', 2, 'inbound'),
      m('c', 4, 'inbound'),
      m('d', 12, 'inbound'), // too late: a new group
      m('e', 13, 'outbound'), // other side: a new group
      m('f', 14, 'outbound'),
    ]);
    const g = (id: string) => [msgRow(rows, id).groupStart, msgRow(rows, id).groupEnd];
    expect(g('a')).to.deep.equal([true, false]);
    expect(g('b')).to.deep.equal([false, false]);
    expect(g('c')).to.deep.equal([false, true]);
    expect(g('d')).to.deep.equal([true, true]);
    expect(g('e')).to.deep.equal([true, false]);
    expect(g('f')).to.deep.equal([false, true]);
  });

  it('breaks a group at a day separator and at the unread divider', () => {
    const rows = buildRows(
      [m('a', 14 * 60 + 58, 'inbound'), m('b', 15 * 60 + 1, 'inbound'), m('c', 15 * 60 + 2, 'inbound')],
      {
        unreadKey: 'm:c',
        unreadCount: 1,
      },
    );
    expect(types(rows)).to.deep.equal(['start', 'day', 'a', 'day', 'b', 'unread', 'c']);
    expect(msgRow(rows, 'b').groupStart).to.equal(true);
    expect(msgRow(rows, 'b').groupEnd).to.equal(true);
    expect(msgRow(rows, 'c').groupStart).to.equal(true);
  });

  it('keys messages by client reference so a confirmed send keeps its row', () => {
    expect(messageKey(m('local:r1', 0, 'outbound', { clientRef: 'r1' }))).to.equal('c:r1');
    expect(messageKey(m('srv-9', 0, 'outbound', { clientRef: 'r1' }))).to.equal('c:r1');
    expect(messageKey(m('srv-9', 0, 'outbound'))).to.equal('m:srv-9');
  });

  it('never repeats a key', () => {
    const rows = buildRows([
      m('a', 0, 'outbound', { clientRef: 'same' }),
      m('b', 1, 'outbound', { clientRef: 'same' }),
      m('b', 2, 'outbound'),
    ]);
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('finds where the unread messages begin, counting inbound messages from the end', () => {
    const msgs = [m('a', 0, 'inbound'), m('b', 1, 'inbound'), m('c', 2, 'outbound'), m('d', 3, 'inbound')];
    expect(unreadStartKey(msgs, 0)).to.equal(undefined);
    expect(unreadStartKey(msgs, 1)).to.equal('m:d');
    expect(unreadStartKey(msgs, 2)).to.equal('m:b');
    expect(unreadStartKey(msgs, 9), 'more unread than loaded: the first inbound loaded').to.equal('m:a');
  });

  it('builds a 10,000-message thread with one row per message and one per day', () => {
    const msgs = Array.from({ length: 10_000 }, (_, i) => m(`m${i}`, i * 7, i % 3 ? 'inbound' : 'outbound'));
    const rows = buildRows(msgs);
    expect(rows.filter((r) => r.type === 'message')).to.have.length(10_000);
    expect(rows.filter((r) => r.type === 'day').length).to.equal(
      new Set(rows.filter((r) => r.type === 'day').map((r) => r.key)).size,
    );
  });
});
