/**
 * Scheduling for work that should not hold up the next frame: the store uses
 * it to ask for secondary data (the summary counts) once the rows a page
 * brought have had their frame.
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
