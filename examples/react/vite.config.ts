// The React example: `vite --config examples/react/vite.config.ts` (dev) or
// `npm run examples:build` then `vite preview --config examples/react/vite.config.ts`.
// The reference backend answers /ref/* in both. `inbox-elements` resolves to
// this repository's built package (run `npm run build` first), as it would
// from node_modules in a host's app.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { referenceBackendPlugin } from '../../reference-backend/vite-plugin.js';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), referenceBackendPlugin()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5174) },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4174) },
  build: { outDir: 'dist', emptyOutDir: true },
});
