/**
 * The demo: every element wired to the reference backend, with a switcher
 * between the five dialects. The headers in reference-backend/host-config.ts stand in for what a host's
 * own proxy would add; the library itself never holds vendor secrets.
 */
import '../src/index.js';
import type { InboxProvider } from '../src/components/inbox-provider/inbox-provider.js';
import { ReferenceDb } from '../reference-backend/db.js';
import { hostConfig, REFERENCE_DIALECTS, type ReferenceDialect } from '../reference-backend/host-config.js';

const db = ReferenceDb.seeded();

const provider = document.querySelector<InboxProvider>('#provider')!;
const dialect = document.querySelector<HTMLSelectElement>('#dialect')!;
const theme = document.querySelector<HTMLSelectElement>('#theme')!;
const lang = document.querySelector<HTMLSelectElement>('#lang')!;
const status = document.querySelector<HTMLElement>('#status')!;

function use(backend: ReferenceDialect): void {
  const config = hostConfig(db, backend);
  provider.selected = null;
  provider.options = config.options;
  provider.backend = config.backend;
  provider.baseUrl = config.baseUrl;
  provider.currentUserId = config.currentUserId;
  const url = new URL(location.href);
  url.searchParams.set('backend', backend);
  history.replaceState(null, '', url);
}

const initial = new URL(location.href).searchParams.get('backend');
const isDialect = (v: string | null): v is ReferenceDialect => REFERENCE_DIALECTS.includes(v as ReferenceDialect);
if (isDialect(initial)) dialect.value = initial;
use(dialect.value as ReferenceDialect);

dialect.addEventListener('change', () => use(dialect.value as ReferenceDialect));
theme.addEventListener('change', () => {
  provider.theme = theme.value as InboxProvider['theme'];
  document.documentElement.dataset.theme = theme.value;
});
lang.addEventListener('change', () => {
  document.documentElement.lang = lang.value;
  document.documentElement.dir = lang.value === 'ar' ? 'rtl' : 'ltr';
  // elements read `lang` when they render; re-render them by re-selecting
  for (const el of provider.querySelectorAll('*')) (el as { requestUpdate?: () => void }).requestUpdate?.();
});
provider.addEventListener('inbox-error', (e) => {
  status.textContent = `${e.detail.operation}: ${e.detail.error.kind}`;
});
provider.addEventListener('inbox-message-sent', () => {
  status.textContent = 'Sent';
});
