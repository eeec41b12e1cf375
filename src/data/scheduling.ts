/**
 * Scheduling for work that should not hold up the next frame: the store asks
 * for secondary data (the summary counts) once the rows a page brought have
 * had their frame, and indexes a long thread while the browser is idle; the
 * thread builds the rows of older messages the same way.
 */

/**
 * Resolves once the next frame has been rendered: in a task queued from that
 * frame's animation callbacks, so it runs after the frame's style, layout and
 * paint. Resolves after `fallbackMs` instead when no frame comes (a
 * background tab), at once where there are no frames to wait for (no
 * `requestAnimationFrame`), and at once when `signal` aborts. Never rejects.
 */
export function afterNextPaint(signal?: AbortSignal, fallbackMs = 100): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || signal?.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    let channel: MessageChannel | undefined;
    const done = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      channel?.port1.close();
      resolve();
    };
    const frame = requestAnimationFrame(() => {
      // a message posted from the frame's callbacks is handled after the frame is rendered
      channel = new MessageChannel();
      channel.port1.onmessage = done;
      channel.port2.postMessage(null);
    });
    const timer = setTimeout(done, fallbackMs);
    signal?.addEventListener('abort', done, { once: true });
  });
}

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
