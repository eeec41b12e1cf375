import { createAdapter } from '../../src/adapters/superwaba/superwaba-adapter.js';
import { startReferenceBackend } from '../../reference-backend/browser.js';
import { runDataSourceSuite } from './contract.suite.js';

runDataSourceSuite('superwaba', async () => {
  const backend = await startReferenceBackend();
  backend.reset();
  return {
    source: createAdapter({
      backend: 'superwaba',
      baseUrl: backend.baseUrl('superwaba'),
      headers: { 'x-org-id': 'org-test', Authorization: 'Bearer test-token' },
    }),
    // SuperWaba answers 400 "Invalid conversation ID" for a non-UUID: ask with a UUID no conversation has
    unknownConversationId: '00000000-0000-4000-8000-000000000000',
  };
});
