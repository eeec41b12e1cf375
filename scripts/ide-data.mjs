// Editor support generated from custom-elements.json, written to ide/ (committed and shipped):
//   ide/vscode.html-custom-data.json  VS Code: tags, attributes and their values    (setting "html.customData")
//   ide/vscode.css-custom-data.json   VS Code: --inbox-* custom properties, ::part()  (setting "css.customData")
//   ide/web-types.json                JetBrains IDEs: elements, attributes, properties, events, slots, CSS
//
//   node scripts/ide-data.mjs            regenerate (after `npm run analyze`)
//   node scripts/ide-data.mjs --check    fail when ide/ is not what custom-elements.json gives (CI)
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'ide');
const check = process.argv.includes('--check');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));

const declarations = manifest.modules.flatMap((mod) =>
  (mod.declarations ?? []).map((d) => ({ ...d, module: mod.path })),
);
const elements = declarations
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));
if (elements.length === 0) {
  console.error('custom-elements.json declares no elements: run `npm run analyze` first.');
  process.exit(1);
}
const variables = new Map(declarations.filter((d) => d.kind === 'variable').map((d) => [d.name, d]));

// ---- values of enumerated attributes ---------------------------------------

/** Quoted items of an array/union literal: `['a', 'b']` or `'a' | 'b'`. */
function literals(text) {
  return [...(text ?? '').matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
}

/**
 * The values an attribute takes, from the manifest only: a literal union type
 * (`'a' | 'b'`); a `FooState` alias with a `FOO_STATES` constant beside it;
 * the dialects for `backend`; else, for an alias type (not in the manifest),
 * the first backticked list of its description ("`light`, `dark` or `auto`").
 */
function attributeValues(attr) {
  if (attr.name === 'backend') return literals(variables.get('DIALECTS')?.default);
  const type = (attr.type?.text ?? '')
    .split('|')
    .map((t) => t.trim())
    .filter((t) => t && t !== 'undefined' && t !== 'null');
  if (type.length > 0 && type.every((t) => /^['"].*['"]$/.test(t))) return type.map((t) => t.slice(1, -1));
  if (type.length !== 1 || !/^[A-Z]\w*$/.test(type[0])) return [];
  const constant = type[0].replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase() + 'S';
  if (variables.has(constant)) return literals(variables.get(constant).default);
  const item = '`[a-z][\\w-]*`(?:\\s*\\([^)]*\\))?'; // `ready`, or `empty` (no agents)
  const list = (attr.description ?? '').match(new RegExp(`${item}(?:\\s*(?:,|,?\\s*or)\\s*${item})*`));
  return list ? [...list[0].replace(/\([^)]*\)/g, '').matchAll(/`([a-z][\w-]*)`/g)].map((m) => m[1]) : [];
}

function valueType(attr) {
  const text = (attr.type?.text ?? 'string').replace(/\s*\|\s*(undefined|null)\b/g, '');
  if (text === 'boolean' || text === 'number') return text;
  return 'string';
}

/** Events documented with `@fires` (the base class's generic `emit(name)` is not one). */
const events = (el) => (el.events ?? []).filter((e) => e.name && e.description);

const publicFields = (el) =>
  (el.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_'),
  );

// ---- descriptions ----------------------------------------------------------

function elementMarkdown(el) {
  const lines = [el.description ?? el.summary ?? ''];
  const list = (title, items, fmt) => {
    if (items.length) lines.push('', `**${title}**`, ...items.map((i) => `- ${fmt(i)}`));
  };
  list('Events', events(el), (e) => `\`${e.name}\`: ${e.description}`);
  list('Slots', el.slots ?? [], (s) => `${s.name ? `\`${s.name}\`` : '(default)'}: ${s.description ?? ''}`);
  list('CSS parts', el.cssParts ?? [], (p) => `\`::part(${p.name})\`: ${p.description ?? ''}`);
  list('CSS custom properties', el.cssProperties ?? [], (p) => `\`${p.name}\`: ${p.description ?? ''}`);
  return lines.join('\n').trim();
}

// ---- design tokens (src/styles/tokens.ts, as the manifest records them) -------

function tokens() {
  const out = [];
  const colors = variables.get('COLOR_TOKENS')?.default ?? '';
  for (const m of colors.matchAll(/'([\w-]+)':\s*\[\s*'([^']*)',\s*'([^']*)'\s*\]/g)) {
    out.push({
      name: `--inbox-${m[1]}`,
      description: `Design token (every element). Default: \`${m[2]}\` (light), \`${m[3]}\` (dark).`,
    });
  }
  const scalars = variables.get('SCALAR_TOKENS')?.default ?? '';
  for (const m of scalars.matchAll(/'([\w-]+)':\s*'([^']*)'/g)) {
    out.push({ name: `--inbox-${m[1]}`, description: `Design token (every element). Default: \`${m[2]}\`.` });
  }
  return out;
}

function cssProperties() {
  const byName = new Map(tokens().map((t) => [t.name, t]));
  for (const el of elements) {
    for (const p of el.cssProperties ?? []) {
      if (byName.has(p.name)) continue;
      const fallback = p.default ? ` Default: \`${p.default}\`.` : '';
      byName.set(p.name, {
        name: p.name,
        description: `\`<${el.tagName}>\`: ${p.description ?? ''}${fallback}`.trim(),
      });
    }
  }
  return [...byName.values()];
}

function cssParts() {
  const byName = new Map();
  for (const el of elements) {
    for (const p of el.cssParts ?? []) {
      const entry = byName.get(p.name) ?? { name: p.name, uses: [] };
      entry.uses.push(`\`<${el.tagName}>\`: ${p.description ?? ''}`);
      byName.set(p.name, entry);
    }
  }
  return [...byName.values()].map((p) => ({ name: p.name, description: p.uses.join('\n\n') }));
}

// ---- the three files -------------------------------------------------------

const vscodeHtml = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tagName,
    description: { kind: 'markdown', value: elementMarkdown(el) },
    attributes: (el.attributes ?? []).map((a) => {
      const values = attributeValues(a);
      const def = a.default ? ` Default: \`${a.default}\`.` : '';
      return {
        name: a.name,
        description: `${a.description ?? ''}${def}`.trim(),
        ...(valueType(a) === 'boolean' ? { valueSet: 'v' } : {}),
        ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
      };
    }),
  })),
};

const vscodeCss = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  properties: cssProperties(),
  pseudoElements: cssParts().map((p) => ({ name: `::part(${p.name})`, description: p.description })),
};

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tagName,
        description: elementMarkdown(el),
        source: { module: `${pkg.name}`, symbol: el.name },
        attributes: (el.attributes ?? []).map((a) => {
          const values = attributeValues(a);
          const type = valueType(a);
          return {
            name: a.name,
            description: a.description ?? '',
            ...(a.default ? { default: a.default } : {}),
            value:
              type === 'boolean'
                ? { kind: 'no-value', type: 'boolean' }
                : { kind: 'plain', type: values.length ? values.map((v) => `'${v}'`).join(' | ') : type },
            ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
          };
        }),
        slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
        events: events(el).map((e) => ({ name: e.name, description: e.description })),
        js: {
          properties: publicFields(el).map((f) => ({
            name: f.name,
            description: f.description ?? '',
            ...(f.type?.text ? { type: f.type.text } : {}),
          })),
          events: events(el).map((e) => ({ name: e.name, description: e.description })),
        },
        css: {
          properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
    css: {
      properties: cssProperties(),
      'pseudo-elements': [{ name: 'part', arguments: true, description: 'A `part` of an inbox element.' }],
      parts: cssParts(),
    },
  },
};

const files = {
  'vscode.html-custom-data.json': vscodeHtml,
  'vscode.css-custom-data.json': vscodeCss,
  'web-types.json': webTypes,
};

const prettierConfig = (await prettier.resolveConfig(join(root, 'package.json'))) ?? {};
let stale = 0;
if (!check) mkdirSync(outDir, { recursive: true });
for (const [name, data] of Object.entries(files)) {
  const path = join(outDir, name);
  // formatted as `prettier --check .` expects
  const text = await prettier.format(JSON.stringify(data), { ...prettierConfig, filepath: path });
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      console.error(`ide/${name} is stale.`);
      stale++;
    }
  } else {
    writeFileSync(path, text);
  }
}
if (check && stale) {
  console.error('Run `npm run ide-data` (after `npm run analyze`) and commit ide/.');
  process.exit(1);
}
console.log(
  check
    ? `ide/ is current (${elements.length} elements).`
    : `Wrote ide/ for ${elements.length} elements: ${Object.keys(files).join(', ')}.`,
);
