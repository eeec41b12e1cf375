// `npm test`: the whole suite in headless Chromium — unit, adapter and element
// tests (web-test-runner), then story tests (Storybook + axe through Vitest).
// Ends with one plain line: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './find-chromium.mjs';

const chrome = findChromium();
const env = { ...process.env, CHROME_PATH: chrome };
const dir = mkdtempSync(join(tmpdir(), 'inbox-test-'));
const only = process.argv.slice(2);
const runUnit = only.length === 0 || only.includes('unit');
const runStories = only.length === 0 || only.includes('stories');
const runNode = only.length === 0 || only.includes('node');

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Names of failed tests, repeated just above the last line so a CI log's tail shows them. */
const failures = [];
let exitCode = 0;

function run(label, command, args, extraEnv) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) exitCode = 1;
  return result.status ?? 1;
}

if (runUnit) {
  const file = join(dir, 'unit.json');
  const status = run('unit, adapter and element tests', 'npx', ['wtr'], { INBOX_SUMMARY_FILE: file });
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
    failures.push(...(c.failures ?? []));
  } else if (status !== 0) {
    totals.failed += 1;
  }
}

if (runStories) {
  const file = join(dir, 'stories.json');
  const status = run('story tests (every story rendered, axe)', 'npx', [
    'vitest',
    'run',
    '--project',
    'storybook',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    for (const suite of r.testResults ?? []) {
      const file = String(suite.name ?? '').replace(process.cwd() + '/', '');
      for (const test of suite.assertionResults ?? []) {
        if (test.status === 'failed')
          failures.push(
            `${file} › ${test.fullName ?? test.title}: ${(test.failureMessages ?? [])[0]?.split('\n')[0] ?? ''}`,
          );
      }
      if (suite.status === 'failed' && (suite.assertionResults ?? []).every((t) => t.status !== 'failed')) {
        failures.push(`${file} (the whole file): ${String(suite.message ?? '').split('\n')[0]}`);
      }
    }
    if ((r.numFailedTestSuites ?? 0) > 0 && (r.numFailedTests ?? 0) === 0) totals.failed += r.numFailedTestSuites;
  } else if (status !== 0) {
    totals.failed += 1;
  }
}

if (runNode) {
  // the strict-CSP demo page and the built output (test/build), driven in Chromium from Node,
  // and the reference backend as a real HTTP server (test/reference-backend)
  // (TAP output: "# pass N", "# fail N")
  const nodeTests = [
    'test/security/csp-demo.node-test.ts',
    ...['test/build', 'test/reference-backend'].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.node-test.ts'))
        .map((f) => `${dir}/${f}`),
    ),
  ];
  console.log(`\n▶ strict-CSP page and built output: node --import tsx --test ${nodeTests.join(' ')}`);
  const result = spawnSync('node', ['--import', 'tsx', '--test', ...nodeTests], {
    env,
    encoding: 'utf8',
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(result.stdout ?? '')?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail');
  totals.skipped += count('skipped') + count('todo');
  if (result.status !== 0) {
    exitCode = 1;
    if (count('fail') === 0) totals.failed += 1;
    for (const m of (result.stdout ?? '').matchAll(/^\s*not ok \d+ - (.*)$/gm)) failures.push(`node --test › ${m[1]}`);
  }
}

if (totals.failed > 0) exitCode = 1;
if (failures.length > 0) {
  console.log('\nFailed:');
  for (const failure of failures) console.log(`  ✗ ${failure}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
