/**
 * Library build. `vite build` writes dist/index.js, one entry per element
 * (dist/components/<tag>.js) and one per adapter (dist/adapters/<dialect>.js),
 * with lit and @lit/* external. `vite build --mode bundle` writes the
 * self-contained dist/inbox-elements.bundle.js for pages without a bundler.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

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
  return out;
}

export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    return {
      build: {
        emptyOutDir: false,
        target: 'es2022',
        lib: {
          entry: resolve(root, 'src/bundle.ts'),
          formats: ['es'],
          fileName: () => 'inbox-elements.bundle.js',
        },
        rolldownOptions: { output: { inlineDynamicImports: true } },
      },
    };
  }
  return {
    build: {
      target: 'es2022',
      sourcemap: true,
      lib: { entry: entries(), formats: ['es'] },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//],
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
