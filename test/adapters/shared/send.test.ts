import { expect } from '@open-wc/testing';
import { pendingMessage } from '../../../src/adapters/shared/send.js';

describe('shared pendingMessage', () => {
  it('builds a pending outbound text message keyed by the clientRef', () => {
    const before = Date.now();
    const m = pendingMessage({ kind: 'text', conversationId: 'c1', clientRef: 'ref-1', text: 'hi' });
    expect(m).to.deep.include({
      id: 'pending-ref-1',
      conversationId: 'c1',
      direction: 'outbound',
      kind: 'text',
      status: 'pending',
      clientRef: 'ref-1',
      text: 'hi',
    });
    expect(Date.parse(m.createdAt)).to.be.within(before, Date.now());
    expect(m).not.to.have.property('template');
    expect(m).not.to.have.property('media');
  });

  it('takes the backend id when the answer carried one', () => {
    expect(pendingMessage({ kind: 'text', conversationId: 'c', clientRef: 'r', text: 'x' }, 'srv-9').id).to.equal(
      'srv-9',
    );
  });

  it('keeps a template request’s name, language, variables and preview text', () => {
    const m = pendingMessage({
      kind: 'template',
      conversationId: 'c',
      clientRef: 'r',
      templateName: 'order_update',
      language: 'en',
      variables: ['Ada', '1042'],
      previewText: 'Hi Ada, order 1042 shipped',
    });
    expect(m.text).to.equal('Hi Ada, order 1042 shipped');
    expect(m.template).to.deep.equal({ name: 'order_update', language: 'en', variables: ['Ada', '1042'] });
  });

  it('keeps a media request’s media, with its caption as the text', () => {
    const media = { url: 'https://cdn.example/receipt.jpg', caption: 'Your receipt' };
    const m = pendingMessage({ kind: 'image', conversationId: 'c', clientRef: 'r', media });
    expect(m).to.deep.include({ kind: 'image', media, text: 'Your receipt' });
    const doc = pendingMessage({
      kind: 'document',
      conversationId: 'c',
      clientRef: 'r',
      media: { url: 'https://cdn.example/a.pdf', filename: 'a.pdf' },
    });
    expect(doc.media).to.deep.equal({ url: 'https://cdn.example/a.pdf', filename: 'a.pdf' });
    expect(doc.text).to.equal(undefined);
  });
});
