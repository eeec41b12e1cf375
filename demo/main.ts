/**
 * The demo: every element wired to the reference backend, with a switcher
 * between the five dialects. The headers below stand in for what a host's
 * own proxy would add; the library itself never holds vendor secrets.
 */
import '../src/index.js';
import type { InboxProvider } from '../src/components/inbox-provider/inbox-provider.js';
import type { DataSourceConfig } from '../src/data/data-source.js';
import type { Template } from '../src/data/models.js';
import { ReferenceDb } from '../reference-backend/db.js';

const db = ReferenceDb.seeded();
const templates: Template[] = db.templates.map((t) => ({
  name: t.name,
  language: t.language,
  category: t.category,
  body: t.body,
  variables: t.variables.map((key) => ({ key })),
}));
const agents = db.agents.map((a) => ({ id: a.id, displayName: a.name, email: a.email, avatarUrl: a.avatarUrl }));
const whatsapp = db.channels.find((c) => c.kind === 'WHATSAPP')!;

/** Per dialect: what the host's proxy would add, and the dialect's settings. */
const DIALECTS: Record<string, Partial<DataSourceConfig>> = {
  switchbord: {},
  qlara: { headers: { 'X-Api-Key': 'demo-key' } },
  cloove: { headers: { Authorization: 'Bearer demo-key' }, businessWhatsappNumberId: whatsapp.id },
  superwaba: { headers: { Authorization: 'Bearer demo-session', 'x-org-id': 'demo-org' } },
  vobiz: { headers: { 'X-Auth-ID': 'MA_DEMO', 'X-Auth-Token': 'demo-token' }, channelId: whatsapp.id, wabaId: whatsapp.wabaId },
};

const provider = document.querySelector<InboxProvider>('#provider')!;
const dialect = document.querySelector<HTMLSelectElement>('#dialect')!;
const theme = document.querySelector<HTMLSelectElement>('#theme')!;
const lang = document.querySelector<HTMLSelectElement>('#lang')!;
const status = document.querySelector<HTMLElement>('#status')!;

function use(backend: string): void {
  provider.selected = null;
  provider.options = { ...DIALECTS[backend], agents, templates };
  provider.backend = backend;
  provider.baseUrl = `/ref/${backend}`;
  provider.currentUserId = agents[0]?.id;
  const url = new URL(location.href);
  url.searchParams.set('backend', backend);
  history.replaceState(null, '', url);
}

const initial = new URL(location.href).searchParams.get('backend');
if (initial && initial in DIALECTS) dialect.value = initial;
use(dialect.value);

dialect.addEventListener('change', () => use(dialect.value));
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
