import { createAdapter } from '../../src/adapters/qlara/qlara-adapter.js';
import { startReferenceBackend } from '../../reference-backend/browser.js';
import { runDataSourceSuite } from './contract.suite.js';

runDataSourceSuite('qlara', async () => {
  const backend = await startReferenceBackend();
  backend.reset();
  // Qlara pages messages 50 at a time: give one conversation a thread long enough to page through.
  const long = backend.db.listConversations().find((c) => !c.archived)!;
  for (let i = 0; i < 70; i++) {
    backend.db.appendMessage(long.id, { direction: 'inbound', kind: 'text', text: `Contract filler ${i}` });
  }
  return {
    source: createAdapter({
      backend: 'qlara',
      baseUrl: backend.baseUrl('qlara'),
      headers: { 'X-Api-Key': 'test-key' },
    }),
    teardown: () => backend.reset(),
  };
});
