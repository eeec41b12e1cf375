// `npm start`: the demo inbox, served with the reference backend mounted at /ref/*.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { referenceBackendPlugin } from '../reference-backend/vite-plugin.js';

export default defineConfig({
  root: import.meta.dirname,
  publicDir: resolve(import.meta.dirname, '../public'),
  plugins: [referenceBackendPlugin()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), open: false },
  build: { outDir: resolve(import.meta.dirname, '../dist-demo'), emptyOutDir: true },
});
