import { createAdapter } from '../../src/adapters/cloove/cloove-adapter.js';
import { runDataSourceSuite } from './contract.suite.js';
import { freshReferenceBackend, referenceConfig } from './support/reference.js';

runDataSourceSuite('cloove', async () => {
  const backend = await freshReferenceBackend();
  return {
    source: createAdapter(referenceConfig(backend, 'cloove', { businessWhatsappNumberId: backend.db.channels[0].id })),
    teardown: () => backend.reset(),
  };
});
