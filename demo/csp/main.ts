/**
 * The strict-CSP demo's host script: no inline script or style, no innerHTML.
 * It loads the elements, asks the server for the provider settings of the
 * chosen dialect (/host-config.json, made from the reference backend's seed)
 * and wires them into `<inbox-provider>`, like a host page would.
 */
import type { InboxProvider } from '../../src/components/inbox-provider/inbox-provider.js';
import type { HostConfig } from '../../reference-backend/host-config.js';

const params = new URL(location.href).searchParams;
const dialect = params.get('backend') ?? 'switchbord';
/** `dist`: the built self-contained bundle; `both`: the bundle and the sources (two copies of Lit on one page). */
const which = params.get('elements');
const elements =
  which === 'dist'
    ? ['/vendor/inbox-elements.bundle.js']
    : which === 'both'
      ? ['/vendor/inbox-elements.bundle.js', '/assets/elements.js']
      : ['/assets/elements.js'];

async function start(): Promise<void> {
  for (const url of elements) await import(url);
  const response = await fetch(`/host-config.json?backend=${encodeURIComponent(dialect)}`);
  if (!response.ok) throw new Error(`host-config.json: ${response.status}`);
  const config = (await response.json()) as HostConfig;
  const provider = document.querySelector<InboxProvider>('#provider')!;
  provider.options = config.options;
  provider.currentUserId = config.currentUserId;
  provider.backend = config.backend;
  provider.baseUrl = config.baseUrl;

  const picker = document.querySelector<HTMLSelectElement>('#dialect')!;
  picker.value = dialect;
  picker.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('backend', picker.value);
    location.assign(url.href);
  });
  const status = document.querySelector<HTMLElement>('#status')!;
  provider.addEventListener('inbox-error', (e) => {
    status.textContent = `${e.detail.operation}: ${e.detail.error.kind}`;
  });
  provider.addEventListener('inbox-message-sent', () => {
    status.textContent = 'Sent';
  });
  const page = await fetch(location.href, { method: 'HEAD' });
  document.querySelector<HTMLElement>('#policy')!.textContent = page.headers.get('content-security-policy') ?? '';
  document.documentElement.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  document.documentElement.dataset.failed = String(error);
  console.error(error);
});
