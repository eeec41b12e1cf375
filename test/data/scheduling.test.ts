import { expect } from '@open-wc/testing';
import { afterNextPaint } from '../../src/data/scheduling.js';

describe('afterNextPaint', () => {
  it('resolves after the next frame, in a task of its own', async () => {
    const order: string[] = [];
    requestAnimationFrame(() => {
      order.push('frame');
      // still inside the frame's callbacks: nothing after it has run yet
      queueMicrotask(() => order.push('frame microtask'));
    });
    await afterNextPaint().then(() => order.push('after paint'));
    expect(order).to.deep.equal(['frame', 'frame microtask', 'after paint']);
  });

  it('resolves at once when its signal aborts, and for an aborted signal', async () => {
    const controller = new AbortController();
    let resolved = false;
    const waiting = afterNextPaint(controller.signal, 60_000).then(() => (resolved = true));
    controller.abort();
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved).to.equal(true);
    await waiting;
    let again = false;
    await Promise.race([afterNextPaint(controller.signal).then(() => (again = true)), Promise.resolve()]);
    await Promise.resolve();
    expect(again).to.equal(true);
  });
});
