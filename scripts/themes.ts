// Writes dist/themes/light.css and dist/themes/dark.css from src/styles/tokens.ts:
// every --inbox-* token with its value, for hosts that want to see, copy or
// override the whole set in one place. The elements do not need them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { COLOR_TOKENS, SCALAR_TOKENS } from '../src/styles/tokens.js';

const scalars = Object.entries(SCALAR_TOKENS).map(([k, v]) => `  --inbox-${k}: ${v};`);
const colors = (i: 0 | 1) => Object.entries(COLOR_TOKENS).map(([k, v]) => `  --inbox-${k}: ${v[i]};`);

mkdirSync('dist/themes', { recursive: true });
writeFileSync(
  'dist/themes/light.css',
  `/* inbox-elements: the light theme's tokens (the elements' built-in defaults). */\n:where(:root) {\n${[...colors(0), ...scalars].join('\n')}\n}\n`,
);
writeFileSync(
  'dist/themes/dark.css',
  `/* inbox-elements: the dark theme's tokens, for the page or any element with theme="dark". */\n:where(:root),\n:where([theme='dark']) {\n${[...colors(1), ...scalars].join('\n')}\n  color-scheme: dark;\n}\n`,
);
console.log('themes: dist/themes/light.css, dist/themes/dark.css');
