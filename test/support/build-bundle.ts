/// <reference types="node" />
/**
 * Builds the self-contained bundle (`vite build --mode bundle`) into a new
 * temporary folder, for the Node-driven page tests: they test what the build
 * makes now, never a `dist/` left from an earlier build, and they do not need
 * `npm run build` to have run first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface BuiltBundle {
  /** The path of the built inbox-elements.bundle.js. */
  file: string;
  /** Deletes the temporary folder. */
  remove(): void;
}

export function buildBundle(): BuiltBundle {
  const out = mkdtempSync(join(tmpdir(), 'inbox-bundle-'));
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'bundle', '--outDir', out, '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const file = join(out, 'inbox-elements.bundle.js');
  if (build.status !== 0 || !existsSync(file)) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`vite build --mode bundle failed:\n${build.stdout}\n${build.stderr}`);
  }
  return { file, remove: () => rmSync(out, { recursive: true, force: true }) };
}
