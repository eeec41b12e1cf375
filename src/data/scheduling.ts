/**
 * Scheduling for work that can wait until the browser is idle: the store
 * indexes a long thread's first page this way, and the thread builds the
 * rows of its older messages.
 */

/** Milliseconds of idle time left in the current idle period. */
export type IdleTimeLeft = () => number;

/**
 * Runs `run` when the browser is next idle, and within `timeout` ms in any
 * case, with a function that tells how much of the idle period is left.
 * Without `requestIdleCallback` (Safari) it runs after 50 ms with a 5 ms
 * budget. Returns a cancel function.
 */
export function whenIdle(run: (timeLeft: IdleTimeLeft) => void, timeout = 250): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback((deadline) => run(() => deadline.timeRemaining()), { timeout });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(() => {
    const end = performance.now() + 5;
    run(() => Math.max(0, end - performance.now()));
  }, 50);
  return () => clearTimeout(timer);
}
