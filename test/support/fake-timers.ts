/**
 * A tiny fake clock for `setTimeout` / `clearTimeout` (no dependency). Install
 * it inside a test, always `restore()` it in `afterEach`:
 *
 *   const clock = installFakeTimers();
 *   await clock.tick(15_000);   // runs timers due by then, settling promises between them
 *   clock.restore();
 *
 * `Date` is not faked. Promises settle between timers through a real
 * `MessageChannel` macrotask (not a timer, so nothing sleeps).
 */

interface FakeTimer {
  id: number;
  at: number;
  fn: (...args: unknown[]) => void;
  args: unknown[];
}

export interface FakeClock {
  /** Fake milliseconds since install. */
  readonly now: number;
  /** Timers waiting to run. */
  readonly pending: number;
  /** Milliseconds until the next timer, or undefined when none is armed. */
  nextDelay(): number | undefined;
  /** Advances the clock by `ms`, running every timer due on the way. */
  tick(ms: number): Promise<void>;
  /** Advances to the next timer and runs it; returns its delay (undefined when none was armed). */
  next(): Promise<number | undefined>;
  /** Lets pending promise callbacks run (a macrotask turn, several times). */
  flush(): Promise<void>;
  restore(): void;
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function installFakeTimers(): FakeClock {
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const timers = new Map<number, FakeTimer>();
  let now = 0;
  let nextId = 1;

  const fakeSetTimeout = (fn: TimerHandler, ms?: number, ...args: unknown[]): number => {
    const id = nextId++;
    const callback = typeof fn === 'function' ? (fn as (...a: unknown[]) => void) : () => undefined;
    timers.set(id, { id, at: now + Math.max(0, Number(ms) || 0), fn: callback, args });
    return id;
  };
  const fakeClearTimeout = (id?: number | ReturnType<typeof setTimeout>) => {
    if (id !== undefined) timers.delete(id as number);
  };
  globalThis.setTimeout = fakeSetTimeout as unknown as typeof setTimeout;
  globalThis.clearTimeout = fakeClearTimeout as unknown as typeof clearTimeout;

  const due = (limit: number): FakeTimer | undefined => {
    let best: FakeTimer | undefined;
    for (const t of timers.values()) {
      if (t.at <= limit && (!best || t.at < best.at || (t.at === best.at && t.id < best.id))) best = t;
    }
    return best;
  };

  const flush = async () => {
    for (let i = 0; i < 5; i++) await macrotask();
  };

  const run = async (t: FakeTimer) => {
    timers.delete(t.id);
    now = Math.max(now, t.at);
    t.fn(...t.args);
    await flush();
  };

  return {
    get now() {
      return now;
    },
    get pending() {
      return timers.size;
    },
    nextDelay() {
      const t = due(Number.POSITIVE_INFINITY);
      return t ? t.at - now : undefined;
    },
    async tick(ms: number) {
      const target = now + ms;
      await flush();
      for (let guard = 0; guard < 10_000; guard++) {
        const t = due(target);
        if (!t) break;
        await run(t);
      }
      now = target;
    },
    async next() {
      await flush();
      const t = due(Number.POSITIVE_INFINITY);
      if (!t) return undefined;
      const delay = t.at - now;
      await run(t);
      return delay;
    },
    flush,
    restore() {
      globalThis.setTimeout = realSetTimeout;
      globalThis.clearTimeout = realClearTimeout;
      timers.clear();
    },
  };
}

/** Lets every pending promise callback run (a few real macrotask turns; no timer, no sleep). */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await macrotask();
}
