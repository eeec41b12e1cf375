// `npm run examples:build` (after `npm run build`): builds the three examples
// as a host would, against this repository's built package, and checks that
// each one really registers every element.
//   examples/react/dist   Vite + React 19 (typechecked first)
//   examples/vue/dist     Vite + Vue 3 (typechecked first, .vue files included)
//   examples/html/dist    index.html + the self-contained bundle, nothing else
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const TAGS = [
  'inbox-provider',
  'inbox-list',
  'conversation-thread',
  'message-composer',
  'assignee-picker',
  'inbox-conversation-actions',
];

function fail(message) {
  console.error(`examples: ${message}`);
  process.exit(1);
}

function run(...args) {
  console.log(`\n$ npx ${args.join(' ')}`);
  const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`\`npx ${args.join(' ')}\` failed`);
}

/** Every tag is registered by the built JavaScript (a pruned import would leave one out). */
function checkRegistered(name, dir) {
  const js = readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.js'))
    .map((f) => readFileSync(join(dir, String(f)), 'utf8'))
    .join('\n');
  const missing = TAGS.filter((tag) => !new RegExp(`\\.define\\(\\s*["'\`]${tag}["'\`]\\s*\\)`).test(js));
  if (missing.length) fail(`the ${name} build does not register ${missing.join(', ')}`);
  console.log(`${name}: all ${TAGS.length} elements registered`);
}

for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/react/index.js', 'dist/inbox-elements.bundle.js']) {
  if (!existsSync(join(root, file))) fail(`${file} is missing: run \`npm run build\` first`);
}

// React: typecheck (the wrappers' props and event types), then build
run('tsc', '-p', 'examples/react/tsconfig.json');
run('vite', 'build', '--config', 'examples/react/vite.config.ts', '--logLevel', 'warn');
checkRegistered('react', join(here, 'react/dist'));

// Vue: vue-tsc checks the <script setup> of the .vue files too (plain tsc skips them)
run('vue-tsc', '-p', 'examples/vue/tsconfig.json');
run('vite', 'build', '--config', 'examples/vue/vite.config.ts', '--logLevel', 'warn');
checkRegistered('vue', join(here, 'vue/dist'));

// Plain HTML: the page may load the bundle and nothing else
const html = readFileSync(join(here, 'html/index.html'), 'utf8');
const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
const bundleSrc = '../../dist/inbox-elements.bundle.js';
if (scripts.length !== 1) fail(`examples/html/index.html has ${scripts.length} scripts; it may have only the bundle`);
const [, attrs, inline] = scripts[0];
if (!/type="module"/.test(attrs) || !attrs.includes(`src="${bundleSrc}"`) || inline.trim()) {
  fail(`examples/html/index.html must load only <script type="module" src="${bundleSrc}">`);
}
if (/<link\b[^>]*rel="(modulepreload|preload|stylesheet)"/i.test(html))
  fail('examples/html/index.html loads more than the bundle');
const out = join(here, 'html/dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.html'), html.replace(bundleSrc, './inbox-elements.bundle.js'));
copyFileSync(join(root, 'dist/inbox-elements.bundle.js'), join(out, 'inbox-elements.bundle.js'));
checkRegistered('html', out);
console.log(
  `\nexamples built: ${['react', 'vue', 'html'].map((e) => relative(root, join(here, e, 'dist'))).join(', ')}`,
);
