/**
 * Library build. `vite build` writes dist/index.js, one entry per element
 * (dist/components/<tag>.js) and one per adapter (dist/adapters/<dialect>.js),
 * with lit and @lit/* external. `vite build --mode bundle` writes the
 * self-contained dist/inbox-elements.bundle.js for pages without a bundler.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

import { minifyLiterals } from './scripts/vite-minify-literals.js';

const root = import.meta.dirname;

function entries(): Record<string, string> {
  const out: Record<string, string> = { index: resolve(root, 'src/index.ts') };
  for (const tag of readdirSync(resolve(root, 'src/components'))) {
    const file = resolve(root, `src/components/${tag}/${tag}.ts`);
    if (existsSync(file)) out[`components/${tag}`] = file;
  }
  for (const dialect of readdirSync(resolve(root, 'src/adapters'))) {
    const file = resolve(root, `src/adapters/${dialect}/${dialect}-adapter.ts`);
    if (existsSync(file)) out[`adapters/${dialect}`] = file;
  }
  out['react/index'] = resolve(root, 'src/react/index.ts');
  for (const locale of readdirSync(resolve(root, 'src/locales'))) {
    if (locale.endsWith('.ts')) out[`locales/${locale.slice(0, -3)}`] = resolve(root, `src/locales/${locale}`);
  }
  return out;
}

/**
 * The self-contained bundle carries the five dialects but not the in-memory
 * adapter and its fixtures (tests and stories import that one directly).
 */
function leaveOutMemoryAdapter(): Plugin {
  const id = '\0inbox-elements:memory-not-bundled';
  return {
    name: 'inbox-elements:leave-out-memory-adapter',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './memory/memory-adapter.js' && importer?.includes('create-data-source')) return id;
      return null;
    },
    load(loaded) {
      if (loaded !== id) return null;
      return `import { InboxError } from ${JSON.stringify(resolve(root, 'src/data/errors.ts'))};
export function createAdapter() {
  throw new InboxError({ kind: 'unsupported', dialect: 'memory',
    message: 'The memory backend is not in inbox-elements.bundle.js; import MemoryAdapter from inbox-elements/adapters/memory.js.' });
}`;
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    return {
      publicDir: false,
      plugins: [leaveOutMemoryAdapter(), minifyLiterals()],
      build: {
        minify: true,
        emptyOutDir: false,
        target: 'es2022',
        lib: {
          entry: resolve(root, 'src/bundle.ts'),
          formats: ['es'],
          fileName: () => 'inbox-elements.bundle.js',
        },
        rolldownOptions: { output: { inlineDynamicImports: true, minify: true } },
      },
    };
  }
  return {
    publicDir: false,
    plugins: [minifyLiterals()],
    build: {
      target: 'es2022',
      sourcemap: true,
      lib: { entry: entries(), formats: ['es'] },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^react($|\/)/, /^react-dom($|\/)/],
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
