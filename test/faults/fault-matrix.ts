/**
 * The fault matrix: dialect × operation × fault, on the real elements against
 * the reference backend (not a test file; `<dialect>.faults.test.ts` runs one row
 * of dialects each, so two browser windows share the work).
 *
 * Every cell injects one fault that heals (`times`), then asserts:
 * - the element shows the right state: part `error` (`role="alert"`) with the
 *   localized message for the error kind (never the backend's text), a failed
 *   message with Retry, or the rollback of an optimistic assign/action;
 * - `inbox-error` fired once, by the element, with the operation and `error.kind`
 *   (and `retryAfterMs` for 429); `inbox-auth-required` on 401 only;
 * - the element offers a Retry control, and clicking it recovers;
 * - for sends: exactly one stored copy (`backend.db.messages(id)`) and the
 *   expected number of recorded POSTs; without idempotency a dropped POST is
 *   never retried automatically; with it (cloove) every attempt carries the same
 *   `Idempotency-Key`.
 */
import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AssigneePicker } from '../../src/components/assignee-picker/assignee-picker.js';
import { ASSIGNEE_PICKER_STRINGS } from '../../src/components/assignee-picker/assignee-picker.strings.js';
import type { ConversationThread } from '../../src/components/conversation-thread/conversation-thread.js';
import { CONVERSATION_THREAD_STRINGS } from '../../src/components/conversation-thread/conversation-thread.strings.js';
import type { InboxConversationActions } from '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
import { INBOX_CONVERSATION_ACTIONS_STRINGS } from '../../src/components/inbox-conversation-actions/inbox-conversation-actions.strings.js';
import { INBOX_LIST_STRINGS } from '../../src/components/inbox-list/inbox-list.strings.js';
import type { MessageComposer } from '../../src/components/message-composer/message-composer.js';
import { MESSAGE_COMPOSER_STRINGS } from '../../src/components/message-composer/message-composer.strings.js';
import type { DataSourceConfig } from '../../src/data/data-source.js';
import type { InboxErrorKind } from '../../src/data/errors.js';
import type { Agent, Capabilities, Conversation } from '../../src/data/models.js';
import type { ConversationAction } from '../../src/data/store.js';
import type { BrowserReferenceBackend } from '../../reference-backend/browser.js';
import type { FaultRule } from '../../reference-backend/faults.js';
import type { RecordedRequest } from '../../reference-backend/router.js';
import { installFakeTimers, type FakeClock } from '../support/fake-timers.js';
import {
  carrying,
  clearReferenceDrafts,
  abandonInflight,
  drained,
  flushUntil,
  EventRecorder,
  ignoreResizeObserverLoops,
  listedConversations,
  mountInbox,
  parts,
  recorded,
  referenceBackend,
  shownPart,
  textOf,
  until,
  type Mounted,
  type ReferenceDialect,
} from './fault-harness.js';

// ---- the table --------------------------------------------------------------------------

export const FAULTS = ['500', '502', 'timeout', 'drop', '409', '429', '401'] as const;
export type Fault = (typeof FAULTS)[number];

export const OPERATIONS = ['list', 'thread', 'send', 'assign', 'archive', 'mark-read', 'close'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Per-request timeout for the timeout cells, and the injected latency above it (fake time: nothing waits for them). */
const TIMEOUT_MS = 5000;
const SLOW_MS = 8000;
const RETRY_AFTER_S = 30;
/** Text an injected error body carries: it must never reach the screen. */
const RAW = 'RAW-BACKEND-TEXT';

interface FaultSpec {
  rule: Omit<FaultRule, 'dialect' | 'method' | 'path'>;
  kind: InboxErrorKind;
  /** Adapter options for the cell (merged over `retries: 0`). */
  options?: Partial<DataSourceConfig>;
  /** Adapter options for the send cell (merged over `options`). */
  sendOptions?: Partial<DataSourceConfig>;
}

const FAULT_SPECS: Record<Fault, FaultSpec> = {
  '500': { rule: { status: 500, body: { error: 'internal_error', message: RAW } }, kind: 'server' },
  '502': { rule: { status: 502, body: { error: 'bad_gateway', message: RAW } }, kind: 'upstream' },
  timeout: { rule: { latencyMs: SLOW_MS }, kind: 'timeout', options: { timeoutMs: TIMEOUT_MS } },
  // for sends, retries are allowed: a POST without an idempotency key must still not be sent again on its own
  drop: { rule: { drop: true }, kind: 'network', sendOptions: { retries: 2 } },
  '409': { rule: { status: 409, body: { error: 'request_in_progress', message: RAW } }, kind: 'conflict' },
  '429': {
    rule: { status: 429, retryAfter: RETRY_AFTER_S, body: { error: 'rate_limited', message: RAW } },
    kind: 'rate_limited',
  },
  '401': { rule: { status: 401, body: { error: 'unauthorized', message: RAW } }, kind: 'unauthorized' },
};

interface Route {
  method: string;
  path: RegExp;
}

/** The request each operation makes, per dialect (only what the dialect supports). */
export const ROUTES: Record<ReferenceDialect, Partial<Record<Operation, Route>>> = {
  switchbord: {
    list: { method: 'GET', path: /^\/internal\/conversations$/ },
    thread: { method: 'GET', path: /^\/internal\/conversations\/[^/]+\/messages$/ },
    send: { method: 'POST', path: /^\/internal\/conversations\/[^/]+\/messages$/ },
  },
  qlara: {
    list: { method: 'GET', path: /^\/partner-gateway\/v1\/inbox\/conversations$/ },
    thread: { method: 'GET', path: /^\/partner-gateway\/v1\/inbox\/conversations\/[^/]+\/messages$/ },
    send: { method: 'POST', path: /^\/partner-gateway\/v1\/inbox\/conversations\/reply$/ },
    assign: { method: 'POST', path: /^\/partner-gateway\/v1\/inbox\/conversations\/[^/]+\/assignee$/ },
    archive: { method: 'PATCH', path: /^\/partner-gateway\/v1\/inbox\/conversations\/[^/]+\/archive$/ },
    'mark-read': { method: 'PATCH', path: /^\/partner-gateway\/v1\/inbox\/conversations\/[^/]+\/read$/ },
  },
  cloove: {
    list: { method: 'GET', path: /^\/v1\/messaging\/conversations$/ },
    // the thread is the recent slice of GET one conversation
    thread: { method: 'GET', path: /^\/v1\/messaging\/conversations\/[^/]+$/ },
    send: { method: 'POST', path: /^\/v1\/messaging\/conversations\/[^/]+\/messages$/ },
  },
  superwaba: {
    list: { method: 'GET', path: /^\/api\/whatsapp\/conversations$/ },
    thread: { method: 'GET', path: /^\/api\/whatsapp\/messages$/ },
    send: { method: 'POST', path: /^\/api\/whatsapp\/messages$/ },
    assign: { method: 'POST', path: /^\/api\/whatsapp\/conversations\/[^/]+\/assign$/ },
    close: { method: 'POST', path: /^\/api\/whatsapp\/conversations\/[^/]+\/close$/ },
  },
  vobiz: {
    list: { method: 'GET', path: /^\/v1\/messaging\/conversations$/ },
    thread: { method: 'GET', path: /^\/v1\/messaging\/conversations\/[^/]+\/messages$/ },
    send: { method: 'POST', path: /^\/v1\/messaging\/messages$/ },
  },
};

/** The operations a dialect's capabilities say it supports. */
export function supportedOperations(c: Capabilities): Operation[] {
  const ops: Operation[] = ['list', 'thread'];
  if (c.send.text) ops.push('send');
  if (c.assign) ops.push('assign');
  if (c.archive) ops.push('archive');
  if (c.markRead) ops.push('mark-read');
  if (c.close) ops.push('close');
  return ops;
}

/** The faults that apply to an operation of a dialect: 409 request_in_progress only where sends are idempotent. */
function faultsFor(dialect: ReferenceDialect, op: Operation): Fault[] {
  return FAULTS.filter((f) => f !== '409' || (dialect === 'cloove' && op === 'send'));
}

// ---- expected messages --------------------------------------------------------------------

function listMessage(kind: InboxErrorKind): string {
  const s = INBOX_LIST_STRINGS;
  const byKind: Partial<Record<InboxErrorKind, string>> = {
    network: s.errorNetwork,
    timeout: s.errorTimeout,
    unauthorized: s.errorUnauthorized,
    forbidden: s.errorForbidden,
    rate_limited: s.errorRateLimited,
    not_found: s.errorNotFound,
  };
  return byKind[kind] ?? s.errorDefault;
}

function threadMessage(kind: InboxErrorKind): string {
  const s = CONVERSATION_THREAD_STRINGS;
  const byKind: Partial<Record<InboxErrorKind, string>> = {
    network: s.errorNetwork,
    timeout: s.errorTimeout,
    unauthorized: s.errorUnauthorized,
    forbidden: s.errorForbidden,
    rate_limited: s.errorRateLimited,
    not_found: s.errorNotFound,
  };
  return byKind[kind] ?? s.errorDefault;
}

function composerMessage(kind: InboxErrorKind): string {
  return MESSAGE_COMPOSER_STRINGS.sendErrors[kind] ?? MESSAGE_COMPOSER_STRINGS.sendFailed;
}

function assignMessage(kind: InboxErrorKind, agent: Agent): string {
  const s = ASSIGNEE_PICKER_STRINGS;
  return (s.assignErrors[kind] ?? s.assignFailed).replace('{name}', agent.displayName);
}

function actionMessage(action: ConversationAction, kind: InboxErrorKind): string {
  const s = INBOX_CONVERSATION_ACTIONS_STRINGS;
  const reason = s.errors[kind];
  return `${s.failed[action]}${reason ? ` ${reason}` : ''}`;
}

/** Localized reasons a failed message row may give (the thread's own wording). */
const FAILED_ROW_REASONS = new Set(
  Object.entries(CONVERSATION_THREAD_STRINGS)
    .filter(([key]) => key.startsWith('failed'))
    .map(([, value]) => value),
);

// ---- one cell ---------------------------------------------------------------------------

interface Cell {
  backend: BrowserReferenceBackend;
  dialect: ReferenceDialect;
  op: Operation;
  fault: Fault;
  spec: FaultSpec;
  route: Route;
  events: EventRecorder;
  /** Set while the clock is fake (the timeout fault). */
  clock?: FakeClock;
}

function inject(cell: Cell, times = 1): void {
  cell.backend.faults.add({
    dialect: cell.dialect,
    method: cell.route.method,
    path: cell.route.path,
    ...cell.spec.rule,
    times,
  });
}

function cellOptions(cell: Cell): Partial<DataSourceConfig> {
  return { retries: 0, ...cell.spec.options, ...(cell.op === 'send' ? cell.spec.sendOptions : undefined) };
}

/** Waits for `predicate`: by real polling, or by flushing while the clock is fake. */
function waitFor(cell: Cell, predicate: () => unknown, describe: () => string): Promise<void> {
  return cell.clock ? flushUntil(cell.clock, predicate, describe) : until(predicate, describe);
}

/**
 * Starts the faulted request with `act`. For the timeout fault the clock is fake
 * from here: once the backend holds the request (its latency is a fake timer),
 * the client's own timeout runs out at once, with no real wait. `land()` then
 * lets the slow answer arrive (a write is applied after the client gave up)
 * and puts the real clock back.
 */
async function provoke(cell: Cell, act: () => unknown): Promise<void> {
  const count = () => recorded(cell.backend, cell.dialect, cell.route.method, cell.route.path).length;
  if (cell.fault !== 'timeout') {
    await act();
    return;
  }
  const before = count();
  cell.clock = installFakeTimers();
  await act();
  await flushUntil(
    cell.clock,
    () => count() > before,
    () => `${cell.route.method} ${cell.route.path} never reached the backend`,
  );
  await cell.clock.tick(TIMEOUT_MS);
}

async function land(cell: Cell): Promise<void> {
  const clock = cell.clock;
  if (!clock) return;
  await clock.tick(SLOW_MS - TIMEOUT_MS);
  clock.restore();
  cell.clock = undefined;
  await drained(cell.backend);
}

/** Accessibility of the error state: once per operation (the markup is the same for every fault). */
async function expectAccessible(cell: Cell, el: Element): Promise<void> {
  if (cell.fault === FAULTS[0]) await expect(el).to.be.accessible();
}

/** The one `inbox-error` of the operation: fired by `source`, with the fault's kind. */
function expectOneError(cell: Cell, operation: string, source: string): void {
  const errors = cell.events.of(operation);
  expect(
    errors.map((e) => `${e.source}:${e.error.kind}`),
    `inbox-error for ${operation}`,
  ).to.deep.equal([`${source}:${cell.spec.kind}`]);
  const error = errors[0].error;
  expect(error.dialect).to.equal(cell.dialect);
  if (cell.fault === '429') expect(error.retryAfterMs, 'retryAfterMs').to.equal(RETRY_AFTER_S * 1000);
  if (cell.fault === '409') expect(error.code).to.equal('request_in_progress');
}

function expectAuth(cell: Cell): void {
  if (cell.fault === '401') {
    expect(cell.events.authRequired.length, 'inbox-auth-required').to.be.at.least(1);
    expect(cell.events.authRequired.every((e) => e.kind === 'unauthorized')).to.equal(true);
  } else {
    expect(cell.events.authRequired, 'no inbox-auth-required').to.deep.equal([]);
  }
}

/** A shown part `error` with `role="alert"` reading `message`, never the backend's own text. */
function expectAlert(el: Element, message: string): HTMLElement {
  const alert = shownPart(el, 'error');
  expect(alert, `<${el.localName}> shows part error`).to.exist;
  expect(alert!.getAttribute('role')).to.equal('alert');
  expect(textOf(alert)).to.include(message);
  expect(textOf(alert)).not.to.include(RAW);
  return alert!;
}

/** The Retry control inside `container` (SPEC: every error offers a retry). */
function retryIn(container: Element): HTMLButtonElement {
  const root = container.shadowRoot ?? container;
  const retry = root.querySelector<HTMLButtonElement>('[part~="retry"]');
  expect(retry, 'a Retry control').to.exist;
  return retry!;
}

/** Loads the list (set-up), picks a conversation and forgets what set-up reported. */
async function pickConversation(
  cell: Cell,
  mounted: Mounted,
  want: (c: Conversation) => boolean,
  what: string,
): Promise<Conversation> {
  const rows = await listedConversations(mounted.store);
  const found = rows.find((c) => cell.backend.db.getConversation(c.id) && want(c));
  if (!found) throw new Error(`set-up: ${cell.dialect} lists no ${what} conversation`);
  return found;
}

async function select(mounted: Mounted, id: string): Promise<void> {
  mounted.provider.selected = id;
  await mounted.provider.updateComplete;
}

interface SendSetup {
  mounted: Mounted;
  thread: ConversationThread;
  composer: MessageComposer;
  id: string;
  text: string;
  /** The backend's stored copies of `text`. */
  stored: () => unknown[];
  /** The POSTs that carried `text`. */
  posts: () => RecordedRequest[];
  idempotent: boolean;
}

/** A thread and a composer on a conversation whose 24-hour window is open; the text typed, not sent. */
async function sendSetup(cell: Cell, options: Partial<DataSourceConfig> = cellOptions(cell)): Promise<SendSetup> {
  const { backend, dialect } = cell;
  const mounted = await mountInbox(
    backend,
    dialect,
    html`<conversation-thread no-auto-read style="height: 360px"></conversation-thread>
      <message-composer></message-composer>`,
    options,
  );
  const conversation = await pickConversation(cell, mounted, (c) => backend.db.windowOpen(c.id), 'open-window');
  const id = conversation.id;
  const thread = mounted.provider.querySelector('conversation-thread') as ConversationThread;
  const composer = mounted.provider.querySelector('message-composer') as MessageComposer;
  await select(mounted, id);
  await readyThread(mounted, thread, id);
  await composer.updateComplete;
  const text = `Fault ${cell.fault} on ${dialect}`;
  composer.focus();
  await sendKeys({ type: text });
  cell.events.clear();
  return {
    mounted,
    thread,
    composer,
    id,
    text,
    stored: () => backend.db.messages(id).filter((m) => m.direction === 'outbound' && m.text === text),
    posts: () => carrying(recorded(backend, dialect, 'POST', cell.route.path), text),
    idempotent: mounted.store.capabilities.idempotency,
  };
}

/** Set-up: the thread shows its messages (loaded again if the loaded machine was slow). */
async function readyThread(mounted: Mounted, thread: ConversationThread, id: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await waitUntil(() => thread.state === 'ready' || thread.state === 'error', `thread: state ${thread.state}`, {
      timeout: 4000,
    });
    if (thread.state === 'ready' || attempt === 2) break;
    await mounted.store.loadThread(id);
  }
  expect(thread.state, 'set-up: the thread loaded').to.equal('ready');
}

/** Sends the typed text with Enter. */
function pressEnter(): Promise<void> {
  return sendKeys({ press: 'Enter' });
}

/** Rows of the thread with the part `part` (default `outbound`) showing `text`. */
function rowsWith(thread: ConversationThread, text: string, part = 'outbound'): HTMLElement[] {
  return parts(thread, part).filter((row) => textOf(row).includes(text));
}

const DRIVERS: Record<Operation, (cell: Cell) => Promise<void>> = {
  async list(cell) {
    const { provider } = await mountInbox(cell.backend, cell.dialect, html``, cellOptions(cell));
    const list = document.createElement('inbox-list');
    list.style.height = '360px';
    inject(cell);
    await provoke(cell, () => provider.append(list));
    await waitFor(
      cell,
      () => list.state === 'error',
      () => `list: state ${list.state}`,
    );
    expectAlert(list, listMessage(cell.spec.kind));
    expectOneError(cell, 'list', 'inbox-list');
    expectAuth(cell);
    await land(cell);
    await expectAccessible(cell, list);

    retryIn(shownPart(list, 'error')!).click();
    await until(
      () => list.state === 'ready' && parts(list, 'item').length > 0,
      () => `list: state ${list.state}`,
    );
    expect(shownPart(list, 'error')).to.equal(undefined);
  },

  async thread(cell) {
    const mounted = await mountInbox(
      cell.backend,
      cell.dialect,
      html`<conversation-thread no-auto-read style="height: 360px"></conversation-thread>`,
      cellOptions(cell),
    );
    const conversation = await pickConversation(
      cell,
      mounted,
      (c) => cell.backend.db.messages(c.id).length > 0,
      'non-empty',
    );
    const thread = mounted.provider.querySelector('conversation-thread') as ConversationThread;
    cell.events.clear();
    inject(cell);
    await provoke(cell, () => select(mounted, conversation.id));
    await waitFor(
      cell,
      () => thread.state === 'error',
      () => `thread: state ${thread.state}`,
    );
    expectAlert(thread, threadMessage(cell.spec.kind));
    expectOneError(cell, 'thread', 'conversation-thread');
    expect(cell.events.of('thread')[0].conversationId).to.equal(conversation.id);
    expectAuth(cell);
    await land(cell);
    await expectAccessible(cell, thread);

    retryIn(shownPart(thread, 'error')!).click();
    await until(
      () => thread.state === 'ready' && parts(thread, 'message').length > 0,
      () => `thread: state ${thread.state}`,
    );
    expect(shownPart(thread, 'error')).to.equal(undefined);
  },

  async send(cell) {
    const { mounted, thread, composer, id, text, stored, posts, idempotent } = await sendSetup(cell);
    inject(cell);
    await provoke(cell, pressEnter);

    if (cell.fault === 'drop' && idempotent) {
      // safe to retry: the client sends again by itself, with the same Idempotency-Key
      await until(
        () => stored().length === 1 && composer.state === 'ready',
        () => `composer ${composer.state}, stored ${stored().length}`,
      );
      const keys = posts().map((r) => r.headers['idempotency-key']);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.be.a('string').and.not.empty;
      expect(keys[1]).to.equal(keys[0]);
      expect(cell.events.of('send')).to.deep.equal([]);
      expect(rowsWith(thread, text)).to.have.length(1);
      return;
    }

    await waitFor(
      cell,
      () => composer.state === 'error',
      () => `composer: state ${composer.state}`,
    );
    expectAlert(composer, composerMessage(cell.spec.kind));
    expectOneError(cell, 'send', 'message-composer');
    expectAuth(cell);
    // the optimistic message stays, failed, with its reason and a Retry
    const failed = rowsWith(thread, text, 'failed')[0];
    expect(failed, 'a failed message in the thread').to.exist;
    const reason = textOf(failed.querySelector('[part~="failure"] .reason'));
    expect(FAILED_ROW_REASONS.has(reason), `failure reason "${reason}"`).to.equal(true);
    expect(textOf(failed)).not.to.include(RAW);
    // never sent again by itself (retries are allowed for the drop cell)
    expect(posts(), 'POSTs before Retry').to.have.length(1);
    // the timeout's worst case: the backend stores the message after the client gave up on it
    await land(cell);
    if (cell.fault === 'timeout') expect(stored(), 'stored by the slow attempt').to.have.length(1);
    await expectAccessible(cell, composer);

    // alternate between the composer's Retry and the failed message's own Retry
    const useThreadRetry = FAULTS.indexOf(cell.fault) % 2 === 1;
    const retry = useThreadRetry
      ? retryIn(rowsWith(thread, text, 'failed')[0].querySelector('[part~="failure"]')!)
      : retryIn(shownPart(composer, 'error')!);
    retry.click();
    await until(
      () => composer.state === 'ready' && stored().length >= 1 && rowsWith(thread, text, 'failed').length === 0,
      () =>
        `after Retry: composer ${composer.state}, stored ${stored().length}, errors ${JSON.stringify(
          cell.events.errors.map((e) => [e.operation, e.error.kind, e.error.httpStatus]),
        )}`,
    );
    await mounted.store.loadThread(id);
    await thread.updateComplete;
    expect(stored(), 'stored copies').to.have.length(1);
    // after a lost answer, a backend without idempotency keys is read first: the stored copy is adopted, not sent again
    expect(posts(), 'POSTs').to.have.length(cell.fault === 'timeout' && !idempotent ? 1 : 2);
    if (idempotent) {
      const keys = posts().map((r) => r.headers['idempotency-key']);
      expect(keys[1], 'the retry reuses the Idempotency-Key').to.equal(keys[0]);
    }
    expect(rowsWith(thread, text), 'copies shown in the thread').to.have.length(1);
  },

  async assign(cell) {
    const mounted = await mountInbox(
      cell.backend,
      cell.dialect,
      html`<assignee-picker></assignee-picker>`,
      cellOptions(cell),
    );
    const { backend } = cell;
    const conversation = await pickConversation(cell, mounted, (c) => c.status === 'open', 'open');
    const id = conversation.id;
    const picker = mounted.provider.querySelector('assignee-picker') as AssigneePicker;
    await select(mounted, id);
    await until(
      () => picker.state === 'ready',
      () => `picker: state ${picker.state}`,
    );
    const before = backend.db.getConversation(id)!.assigneeId;
    const agents = mounted.store.getAgentsState().agents;
    const agent = agents.find((a) => a.id !== before && a.id !== mounted.currentUserId);
    if (!agent) throw new Error('set-up: no agent to assign');
    const nameBefore = textOf(shownPart(picker, 'name'));
    shownPart(picker, 'trigger')!.click();
    await until(
      () => parts(picker, 'option').length > 0,
      () => 'the picker did not open',
    );
    const option = parts(picker, 'option').find(
      (o) => !o.matches('[part~="assign-me"]') && textOf(o).includes(agent.displayName),
    );
    cell.events.clear();

    inject(cell);
    await provoke(cell, () => option!.click());
    await waitFor(
      cell,
      () => picker.state === 'error',
      () => `picker: state ${picker.state}`,
    );
    // rolled back, with a message
    expectAlert(picker, assignMessage(cell.spec.kind, agent));
    expect(textOf(shownPart(picker, 'name'))).to.equal(nameBefore);
    expect(mounted.store.getConversation(id)!.assignee?.id ?? null).to.equal(before);
    expect(backend.db.getConversation(id)!.assigneeId).to.equal(before);
    expectOneError(cell, 'assign', 'assignee-picker');
    expectAuth(cell);
    await land(cell);
    await expectAccessible(cell, picker);

    retryIn(shownPart(picker, 'error')!).click();
    await until(
      () => backend.db.getConversation(id)!.assigneeId === agent.id && picker.state === 'ready',
      () => `picker: state ${picker.state}`,
    );
    await picker.updateComplete;
    expect(textOf(shownPart(picker, 'name'))).to.include(agent.displayName);
    expect(shownPart(picker, 'error')).to.equal(undefined);
  },

  archive: (cell) => runAction(cell, 'archive'),
  'mark-read': (cell) => runAction(cell, 'mark-read'),
  close: (cell) => runAction(cell, 'close'),
};

async function runAction(cell: Cell, action: ConversationAction): Promise<void> {
  const mounted = await mountInbox(
    cell.backend,
    cell.dialect,
    html`<inbox-conversation-actions></inbox-conversation-actions>`,
    cellOptions(cell),
  );
  const { backend } = cell;
  const fits: Record<string, (c: Conversation) => boolean> = {
    archive: (c) => c.status !== 'archived' && c.status !== 'closed',
    'mark-read': (c) => (c.unreadCount ?? 0) > 0,
    close: (c) => c.status !== 'closed',
  };
  const conversation = await pickConversation(cell, mounted, fits[action], action);
  const id = conversation.id;
  const el = mounted.provider.querySelector('inbox-conversation-actions') as InboxConversationActions;
  await select(mounted, id);
  await until(
    () => el.state === 'ready' && shownPart(el, action),
    () => `actions: state ${el.state}, no ${action} button`,
  );
  const refBefore = JSON.stringify(backend.db.getConversation(id));
  const before = mounted.store.getConversation(id)!;
  const done: Record<string, () => boolean> = {
    archive: () => backend.db.getConversation(id)!.archived,
    'mark-read': () => backend.db.getConversation(id)!.unreadCount === 0,
    close: () => backend.db.getConversation(id)!.status === 'closed',
  };
  cell.events.clear();

  inject(cell);
  await provoke(cell, () => shownPart(el, action)!.click());
  await waitFor(
    cell,
    () => el.state === 'error',
    () => `actions: state ${el.state}`,
  );
  // rolled back, with a message
  expectAlert(el, actionMessage(action, cell.spec.kind));
  const after = mounted.store.getConversation(id)!;
  expect({ status: after.status, unread: after.unreadCount }).to.deep.equal({
    status: before.status,
    unread: before.unreadCount,
  });
  expect(JSON.stringify(backend.db.getConversation(id))).to.equal(refBefore);
  expect(shownPart(el, action), `the ${action} button is back`).to.exist;
  expectOneError(cell, action, 'inbox-conversation-actions');
  expectAuth(cell);
  await land(cell);
  await expectAccessible(cell, el);

  retryIn(shownPart(el, 'error')!).click();
  await until(
    () => done[action]() && el.state !== 'error',
    () => `actions: state ${el.state}`,
  );
  expect(shownPart(el, 'error')).to.equal(undefined);
}

// ---- send: two more ways a lost answer plays out ------------------------------------------

/** The answer was lost (timeout) but the backend stored the message: the next read of the thread confirms it, no Retry needed. */
async function sendLostThenRefresh(cell: Cell): Promise<void> {
  const { mounted, thread, composer, id, text, stored, posts } = await sendSetup(cell);
  inject(cell);
  await provoke(cell, pressEnter);
  await waitFor(
    cell,
    () => composer.state === 'error',
    () => `composer: state ${composer.state}`,
  );
  await land(cell);
  expect(stored(), 'stored by the slow attempt').to.have.length(1);
  await mounted.store.loadThread(id); // what the next poll does
  await until(
    () => composer.state === 'ready' && rowsWith(thread, text, 'failed').length === 0,
    () => `after the refresh: composer ${composer.state}, failed rows ${rowsWith(thread, text, 'failed').length}`,
  );
  expect(rowsWith(thread, text), 'copies shown in the thread').to.have.length(1);
  expect(shownPart(composer, 'error')).to.equal(undefined);
  expect(stored()).to.have.length(1);
  expect(posts()).to.have.length(1);
}

/**
 * cloove: the first attempt times out while the backend is still processing it
 * (`X-Ref-Processing-Ms`); a Retry meets the backend's own 409 request_in_progress;
 * once the first attempt is done, Retry replays its answer: one stored copy.
 */
async function sendInProgress(cell: Cell): Promise<void> {
  const hold = 5000; // the reference backend's longest processing hold
  const timeoutMs = 2000; // below the hold (fake time)
  const { composer, thread, text, stored, posts } = await sendSetup(cell, {
    retries: 0,
    timeoutMs,
    headers: { 'X-Ref-Processing-Ms': String(hold) },
  });
  const clock = installFakeTimers();
  cell.clock = clock;
  try {
    await pressEnter();
    await flushUntil(
      clock,
      () => posts().length === 1,
      () => 'the send never reached the backend',
    );
    await clock.tick(timeoutMs);
    await flushUntil(
      clock,
      () => composer.state === 'error',
      () => `composer: state ${composer.state}`,
    );
    expect(cell.events.of('send').map((e) => e.error.kind)).to.deep.equal(['timeout']);

    retryIn(shownPart(composer, 'error')!).click();
    await flushUntil(
      clock,
      () => cell.events.of('send').length === 2,
      () => `second attempt: ${cell.events.of('send').length}`,
    );
    const second = cell.events.of('send')[1].error;
    expect([second.kind, second.code]).to.deep.equal(['conflict', 'request_in_progress']);
    expectAlert(composer, composerMessage('conflict'));
    expect(stored()).to.have.length(0);
    await clock.tick(hold - timeoutMs);
  } finally {
    clock.restore();
    cell.clock = undefined;
  }
  await until(
    () => stored().length === 1,
    () => 'the first attempt never finished',
  );
  retryIn(shownPart(composer, 'error')!).click();
  await until(
    () => composer.state === 'ready' && rowsWith(thread, text, 'failed').length === 0,
    () => `after the last Retry: composer ${composer.state}`,
  );
  const keys = posts().map((r) => r.headers['idempotency-key']);
  expect(keys).to.have.length(3);
  expect(new Set(keys).size, 'one Idempotency-Key').to.equal(1);
  expect(stored()).to.have.length(1);
  expect(rowsWith(thread, text)).to.have.length(1);
}

// ---- the matrix --------------------------------------------------------------------------

/** Defines the matrix of one dialect: one `it` per operation × fault. */
export function describeFaultMatrix(dialect: ReferenceDialect): void {
  describe(`fault matrix: ${dialect}`, function () {
    this.timeout(12_000);
    ignoreResizeObserverLoops();
    let backend: BrowserReferenceBackend;
    const events = new EventRecorder();
    const ops = (Object.keys(ROUTES[dialect]) as Operation[]).sort(
      (a, b) => OPERATIONS.indexOf(a) - OPERATIONS.indexOf(b),
    );

    before(async () => {
      backend = await referenceBackend();
    });
    beforeEach(() => {
      backend.reset();
      clearReferenceDrafts();
      events.clear();
      events.attach();
    });
    afterEach(async () => {
      events.detach();
      fixtureCleanup();
      backend.faults.clear();
      if (current?.clock) {
        // a failure while the clock was fake: the held request never resumes
        current.clock.restore();
        abandonInflight(backend);
      }
      current = undefined;
      await drained(backend);
    });

    let current: Cell | undefined;
    const cellOf = (op: Operation, fault: Fault): Cell =>
      (current = { backend, dialect, op, fault, spec: FAULT_SPECS[fault], route: ROUTES[dialect][op]!, events });

    it('covers exactly the operations the dialect supports', async () => {
      const { store } = await mountInbox(backend, dialect, html``);
      expect(ops).to.deep.equal(supportedOperations(store.capabilities));
    });

    for (const op of ops) {
      describe(op, () => {
        for (const fault of faultsFor(dialect, op)) {
          it(`${fault}`, () => DRIVERS[op](cellOf(op, fault)));
        }
        if (op !== 'send') return;
        it('timeout, then the next read finds the stored copy', () => sendLostThenRefresh(cellOf(op, 'timeout')));
        if (dialect === 'cloove') {
          it('409 from the backend: Retry while the first attempt is still processing', () =>
            sendInProgress(cellOf(op, '409')));
        }
      });
    }
  });
}
