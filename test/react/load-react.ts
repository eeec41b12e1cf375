/**
 * Makes `react` and `react-dom/client` importable in web-test-runner.
 *
 * React 19 ships CommonJS only, and the test runner serves `node_modules` as
 * ES modules, untouched: `import * as React from 'react'` fails there
 * (`process is not defined`). `loadReact()` runs React's development builds
 * as CommonJS (each one wrapped in a module of its own, with `module`,
 * `exports`, `require` and `process`), then maps the files the dev server
 * resolves `react` and `react-dom/client` to onto modules that re-export
 * those same objects, with an import map. Modules imported afterwards
 * (`await import('../../src/react/index.js')`) get that one React.
 *
 * Call it before anything imports React: an import map cannot change a
 * module that has already been loaded.
 */

/** Bare name → development build, in an order in which each one's `require()`s are already loaded. */
const BUILDS = [
  ['react', 'react/cjs/react.development.js'],
  ['scheduler', 'scheduler/cjs/scheduler.development.js'],
  ['react-dom', 'react-dom/cjs/react-dom.development.js'],
  ['react-dom/client', 'react-dom/cjs/react-dom-client.development.js'],
] as const;

/** The entry points the dev server rewrites `import … from 'react'` and `'react-dom/client'` to. */
const ENTRIES = { react: 'react/index.js', 'react-dom/client': 'react-dom/client.js' } as const;

type Name = (typeof BUILDS)[number][0];

const NODE_MODULES = new URL('../../node_modules/', import.meta.url);
const REGISTRY = '__inboxTestCommonJs';

interface Registry {
  exports: Partial<Record<Name, object>>;
  require(name: string): object;
}

let loading: Promise<void> | undefined;

/** Loads React once per page; later calls wait for the first one. */
export function loadReact(): Promise<void> {
  loading ??= load();
  return loading;
}

function moduleUrl(source: string): string {
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

async function load(): Promise<void> {
  const registry: Registry = {
    exports: {},
    require(name) {
      const found = registry.exports[name as Name];
      if (!found) throw new Error(`loadReact: require('${name}') before it was loaded`);
      return found;
    },
  };
  (globalThis as unknown as Record<string, Registry>)[REGISTRY] = registry;

  for (const [name, path] of BUILDS) {
    const url = new URL(path, NODE_MODULES);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`loadReact: ${url.href} answered ${response.status}`);
    const code = await response.text();
    // the CommonJS scope a bundler would put around the file, as an ES module of its own
    const wrapped = [
      `const module = { exports: {} };`,
      `const exports = module.exports;`,
      `const require = (name) => globalThis.${REGISTRY}.require(name);`,
      `const process = { env: { NODE_ENV: 'development' } };`,
      code,
      `globalThis.${REGISTRY}.exports[${JSON.stringify(name)}] = module.exports;`,
      `//# sourceURL=${url.href}`,
    ].join('\n');
    await import(moduleUrl(wrapped));
    if (!registry.exports[name]) throw new Error(`loadReact: ${path} exported nothing`);
  }

  const imports: Record<string, string> = {};
  for (const [name, entry] of Object.entries(ENTRIES) as [Name, string][]) {
    const names = Object.keys(registry.exports[name]!).filter(
      (key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key),
    );
    const facade = [
      `const m = globalThis.${REGISTRY}.exports[${JSON.stringify(name)}];`,
      `export default m;`,
      `export const { ${names.join(', ')} } = m;`,
    ].join('\n');
    imports[new URL(entry, NODE_MODULES).href] = moduleUrl(facade);
  }
  const map = document.createElement('script');
  map.type = 'importmap';
  map.textContent = JSON.stringify({ imports });
  document.head.append(map);
}
