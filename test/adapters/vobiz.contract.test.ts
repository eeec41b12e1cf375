import { createAdapter } from '../../src/adapters/vobiz/vobiz-adapter.js';
import { startReferenceBackend } from '../../reference-backend/browser.js';
import { runDataSourceSuite } from './contract.suite.js';

const AUTH = { 'X-Auth-ID': 'MA_TEST0001', 'X-Auth-Token': 'test-token' };

runDataSourceSuite('vobiz (generation B)', async () => {
  const backend = await startReferenceBackend();
  backend.reset();
  return {
    source: createAdapter({ backend: 'vobiz', baseUrl: backend.baseUrl('vobiz'), headers: AUTH }),
    teardown: () => backend.reset(),
  };
});

runDataSourceSuite('vobiz (generation C)', async () => {
  const backend = await startReferenceBackend();
  backend.reset();
  const wabaId = backend.db.channels[0].wabaId;
  return {
    source: createAdapter({
      backend: 'vobiz',
      baseUrl: backend.baseUrl('vobiz'),
      headers: { ...AUTH, 'X-Vobiz-Generation': 'C' },
      generation: 'C',
      wabaId,
      // gen C rows carry only contact_id: the host resolves the phone from its contacts
      resolvePhone: (id: string) => {
        const conversation = backend.db.getConversation(id);
        return conversation && backend.db.getContact(conversation.contactId)?.phone;
      },
    }),
    teardown: () => backend.reset(),
  };
});
