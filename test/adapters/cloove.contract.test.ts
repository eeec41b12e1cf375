import { createAdapter } from '../../src/adapters/cloove/cloove-adapter.js';
import { startReferenceBackend } from '../../reference-backend/browser.js';
import { runDataSourceSuite } from './contract.suite.js';

runDataSourceSuite('cloove', async () => {
  const backend = await startReferenceBackend();
  backend.reset();
  return {
    source: createAdapter({
      backend: 'cloove',
      baseUrl: backend.baseUrl('cloove'),
      headers: { Authorization: 'Bearer clv_test_sk_0123456789abcdef0123456789abcdef' },
      businessWhatsappNumberId: backend.db.channels[0].id,
    }),
    teardown: () => backend.reset(),
  };
});
