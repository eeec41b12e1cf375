// Fails when custom-elements.json is not what the analyzer makes of src/ now.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const outdir = '.cem-check';
const pkg = readFileSync('package.json', 'utf8');
const result = spawnSync('npx', ['cem', 'analyze', '--litelement', '--outdir', outdir], { stdio: 'inherit' });
writeFileSync('package.json', pkg); // the analyzer rewrites package.json#customElements to its outdir
let fresh;
try {
  if (result.status !== 0) process.exit(result.status ?? 1);
  fresh = readFileSync(`${outdir}/custom-elements.json`, 'utf8');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
const committed = readFileSync('custom-elements.json', 'utf8');
// the analyzer's module order can vary between runs; compare modules by path
const normalized = (text) => {
  const manifest = JSON.parse(text);
  manifest.modules = [...(manifest.modules ?? [])].sort((a, b) => a.path.localeCompare(b.path));
  return JSON.stringify(manifest);
};
if (normalized(fresh) !== normalized(committed)) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
console.log('custom-elements.json is current.');
