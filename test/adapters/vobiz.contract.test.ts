import { createAdapter } from '../../src/adapters/vobiz/vobiz-adapter.js';
import { runDataSourceSuite } from './contract.suite.js';
import { TEST_HEADERS, freshReferenceBackend, referenceConfig } from './support/reference.js';

runDataSourceSuite('vobiz (generation B)', async () => {
  const backend = await freshReferenceBackend();
  return {
    source: createAdapter(referenceConfig(backend, 'vobiz')),
    teardown: () => backend.reset(),
  };
});

runDataSourceSuite('vobiz (generation C)', async () => {
  const backend = await freshReferenceBackend();
  const wabaId = backend.db.channels[0].wabaId;
  return {
    source: createAdapter(
      referenceConfig(backend, 'vobiz', {
        headers: { ...TEST_HEADERS.vobiz, 'X-Vobiz-Generation': 'C' },
        generation: 'C',
        wabaId,
        // gen C rows carry only contact_id: the host resolves the phone from its contacts
        resolvePhone: (id: string) => {
          const conversation = backend.db.getConversation(id);
          return conversation && backend.db.getContact(conversation.contactId)?.phone;
        },
      }),
    ),
    teardown: () => backend.reset(),
  };
});
