import { expect } from '@open-wc/testing';
import { whenIdle } from '../../src/data/scheduling.js';

describe('whenIdle', () => {
  it('runs when the browser is idle, with the time left in the idle period', async () => {
    const left = await new Promise<number>((resolve) => whenIdle((timeLeft) => resolve(timeLeft())));
    expect(left).to.be.a('number').and.at.least(0);
  });

  it('runs within its timeout while the page stays busy, and not once cancelled', async () => {
    let cancelledRan = false;
    const cancel = whenIdle(() => (cancelledRan = true), 20);
    cancel();
    const start = performance.now();
    const ran = new Promise<number>((resolve) => whenIdle(() => resolve(performance.now()), 30));
    // keep the main thread busy past the timeout: no idle period comes
    while (performance.now() - start < 60) {
      /* busy */
    }
    const at = await ran;
    expect(at - start).to.be.at.least(30);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cancelledRan).to.equal(false);
  });

  it('falls back to a timer with a small budget where there is no requestIdleCallback', async () => {
    const ric = window.requestIdleCallback;
    try {
      (window as { requestIdleCallback?: unknown }).requestIdleCallback = undefined;
      const start = performance.now();
      const left = await new Promise<number>((resolve) => whenIdle((timeLeft) => resolve(timeLeft())));
      expect(performance.now() - start).to.be.at.least(49);
      expect(left).to.be.within(0, 5);
    } finally {
      window.requestIdleCallback = ric;
    }
  });
});
