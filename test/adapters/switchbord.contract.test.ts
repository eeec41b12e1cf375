import { createAdapter } from '../../src/adapters/switchbord/switchbord-adapter.js';
import { runDataSourceSuite } from './contract.suite.js';
import { freshReferenceBackend, referenceConfig } from './support/reference.js';

runDataSourceSuite('switchbord', async () => {
  const backend = await freshReferenceBackend();
  return {
    source: createAdapter(referenceConfig(backend, 'switchbord')),
  };
});
