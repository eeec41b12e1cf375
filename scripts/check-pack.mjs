// What `npm publish` would ship: fails when tests, stories, examples or the
// reference backend are in the package, or when what hosts and editors need
// is missing. Run after `npm run build`:  npm run check:pack
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [report] = JSON.parse(out);
const files = new Set(report.files.map((f) => f.path));
const problems = [];
const warnings = [];

// ---- nothing that is not for hosts -----------------------------------------
const forbidden = [
  [
    /^(test|tests|stories|examples|reference-backend|demo|bench|bench-results|scripts|\.storybook|\.ci|src|public)\//,
    'not for hosts',
  ],
  [/(^|\/)[^/]+\.(test|spec|stories|type-test)\.[cm]?[jt]sx?(\.map)?$/, 'a test or story'],
  [/(^|\/)(test|tests|__tests__|stories|__mocks__|fixtures)\//, 'a test or story folder'],
  [/\.mdx$/, 'a docs page'],
  [/(^|\/)mockServiceWorker\.js$/, 'the MSW worker of the reference backend'],
  [/(^|\/)(storybook-static|coverage|node_modules|dist-demo)\//, 'a build or tool folder'],
  [/\.d\.ts\.map$/, 'a declaration map: it points at src/, which is not published'],
];
for (const file of files) {
  for (const [pattern, why] of forbidden) if (pattern.test(file)) problems.push(`${file} is packed (${why})`);
}

// ---- everything hosts and editors need -------------------------------------
const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName));
const required = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'custom-elements.json',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/inbox-elements.bundle.js',
  'dist/react/index.js',
  'dist/react/index.d.ts',
  'ide/vscode.html-custom-data.json',
  'ide/vscode.css-custom-data.json',
  'ide/web-types.json',
  ...tags.map((tag) => `dist/components/${tag}.js`),
];
for (const field of ['main', 'module', 'types', 'customElements', 'web-types']) {
  if (typeof pkg[field] === 'string') required.push(pkg[field]);
}
for (const file of required) {
  const path = file.replace(/^\.\//, '');
  if (!files.has(path)) problems.push(`${path} is missing`);
}

// ---- every `exports` target exists in the package ---------------------------
// A `*` stands for any string (slashes too). For a pattern, every packed file
// of its `default` target must have its `types` twin, and something must match.
const strip = (p) => p.replace(/^\.\//, '');
function starOf(pattern, file) {
  const [before, after] = strip(pattern).split('*');
  if (file.length < before.length + after.length || !file.startsWith(before) || !file.endsWith(after)) return null;
  return file.slice(before.length, file.length - after.length);
}
for (const [key, value] of Object.entries(pkg.exports ?? {})) {
  const conditions = typeof value === 'string' ? { default: value } : value;
  const main = conditions.default ?? conditions.import ?? Object.values(conditions)[0];
  if (!key.includes('*')) {
    for (const target of Object.values(conditions)) {
      if (!files.has(strip(target))) problems.push(`exports["${key}"] → ${target} is not packed`);
    }
    continue;
  }
  const stars = [...files].map((f) => starOf(main, f)).filter((s) => s !== null);
  if (stars.length === 0) warnings.push(`exports["${key}"] → ${main} matches no packed file`);
  for (const [condition, target] of Object.entries(conditions)) {
    if (target === main) continue;
    for (const star of stars) {
      const twin = strip(target).replace('*', star);
      if (!files.has(twin))
        problems.push(`exports["${key}"] "${condition}" → ${twin} is missing (for ${strip(main).replace('*', star)})`);
    }
  }
}

for (const w of warnings) console.warn(`warning: ${w}`);
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
if (problems.length) {
  console.error(`npm pack would publish a broken package (${files.size} files):`);
  for (const p of problems) console.error(`  - ${p}`);
  console.error('Fix `files` in package.json, or run `npm run build` (and `npm run ide-data`) first.');
  process.exit(1);
}
console.log(
  `npm pack: ${files.size} files, ${kB(report.size)} packed, ${kB(report.unpackedSize)} unpacked; ` +
    `${tags.length} elements, IDE data and the React entry included; no tests, stories, examples or reference backend.`,
);
