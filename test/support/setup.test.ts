import { expect, fixture, html } from '@open-wc/testing';

function failure(fn: () => void): { actual?: unknown; expected?: unknown; message?: string } {
  try {
    fn();
  } catch (error) {
    return error as { actual?: unknown; expected?: unknown; message?: string };
  }
  throw new Error('expected the assertion to fail');
}

describe('test setup (test/support/setup.ts)', () => {
  it('a failed assertion between nodes carries short descriptions of them, not the nodes', async () => {
    const host = await fixture<HTMLElement>(html`<section><span id="a" class="x">A</span></section>`);
    const shell = document.createElement('nested-shell-probe');
    host.append(shell);
    const root = shell.attachShadow({ mode: 'open' });
    const button = document.createElement('button');
    button.setAttribute('part', 'action close');
    root.append(button);
    const span = host.querySelector('span')!;

    const error = failure(() => {
      expect(span).to.equal(button);
    });
    expect(error.actual).to.equal('<span id="a" class="x">');
    expect(error.expected).to.equal(`<button part="action close"> inside <nested-shell-probe>'s shadow root`);
    expect(error.message).to.contain('to equal');

    const text = failure(() => {
      expect(span.firstChild).to.equal(null);
    });
    expect(text.actual).to.equal('#text');
  });

  it('leaves other failed assertions as they were', () => {
    const error = failure(() => {
      expect({ a: 1 }).to.deep.equal({ a: 2 });
    });
    expect(error.actual).to.deep.equal({ a: 1 });
    expect(error.expected).to.deep.equal({ a: 2 });
  });
});
