// The Vue 3 example: `vite --config examples/vue/vite.config.ts` (dev) or
// `npm run examples:build` then `vite preview --config examples/vue/vite.config.ts`.
// The reference backend answers /ref/* in both. `inbox-elements` resolves to
// this repository's built package (run `npm run build` first).
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { referenceBackendPlugin } from '../../reference-backend/vite-plugin.js';

/** The inbox tags: Vue leaves them to the browser instead of resolving Vue components. */
const INBOX_TAGS = new Set([
  'inbox-provider',
  'inbox-list',
  'conversation-thread',
  'message-composer',
  'assignee-picker',
  'inbox-conversation-actions',
]);

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => INBOX_TAGS.has(tag) } } }),
    referenceBackendPlugin(),
  ],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5175) },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4175) },
  build: { outDir: 'dist', emptyOutDir: true },
});
