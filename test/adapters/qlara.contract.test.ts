import { createAdapter } from '../../src/adapters/qlara/qlara-adapter.js';
import { runDataSourceSuite } from './contract.suite.js';
import { freshReferenceBackend, referenceConfig } from './support/reference.js';

runDataSourceSuite('qlara', async () => {
  const backend = await freshReferenceBackend();
  // Qlara pages messages 50 at a time: give one conversation a thread long enough to page through.
  const long = backend.db.listConversations().find((c) => !c.archived)!;
  for (let i = 0; i < 70; i++) {
    backend.db.appendMessage(long.id, { direction: 'inbound', kind: 'text', text: `Contract filler ${i}` });
  }
  return {
    source: createAdapter(referenceConfig(backend, 'qlara')),
    teardown: () => backend.reset(),
  };
});
