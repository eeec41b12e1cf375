import { createAdapter } from '../../src/adapters/switchbord/switchbord-adapter.js';
import { startReferenceBackend } from '../../reference-backend/browser.js';
import { runDataSourceSuite } from './contract.suite.js';

runDataSourceSuite('switchbord', async () => {
  const backend = await startReferenceBackend();
  backend.reset();
  return {
    source: createAdapter({
      backend: 'switchbord',
      baseUrl: backend.baseUrl('switchbord'),
      headers: { Authorization: 'Bearer host-session' },
    }),
  };
});
