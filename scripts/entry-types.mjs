// Writes a declaration file next to each per-element and per-adapter entry
// (dist/components/<tag>.d.ts, dist/adapters/<dialect>.d.ts) that re-exports
// what tsc emitted for its source module, so the `types` paths in
// package.json#exports resolve.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';

const targets = [
  { dir: 'dist/components', source: (name) => `./${name}/${name}.js` },
  { dir: 'dist/adapters', source: (name) => `./${name}/${name}-adapter.js` },
];

let written = 0;
for (const { dir, source } of targets) {
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.js')) continue;
    const name = file.slice(0, -3);
    const from = source(name);
    if (!existsSync(`${dir}/${from.replace(/\.js$/, '.d.ts')}`)) continue;
    writeFileSync(`${dir}/${name}.d.ts`, `export * from '${from}';\n`);
    written++;
  }
}
console.log(`entry declarations: ${written} written`);
