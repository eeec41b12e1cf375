import { createAdapter } from '../../src/adapters/superwaba/superwaba-adapter.js';
import { runDataSourceSuite } from './contract.suite.js';
import { freshReferenceBackend, referenceConfig } from './support/reference.js';

runDataSourceSuite('superwaba', async () => {
  const backend = await freshReferenceBackend();
  return {
    source: createAdapter(referenceConfig(backend, 'superwaba')),
    // SuperWaba answers 400 "Invalid conversation ID" for a non-UUID: ask with a UUID no conversation has
    unknownConversationId: '00000000-0000-4000-8000-000000000000',
  };
});
