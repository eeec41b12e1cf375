import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { input, press, renderComposer, sends, type } from './message-composer.helpers.js';

/**
 * An IME's composition cannot be driven through `sendKeys` (the browser's
 * input method is not scriptable from WebDriver/CDP key events), so the IME
 * cases dispatch the keydown the browser sends while composing.
 */
function imeEnter(target: HTMLTextAreaElement, init: KeyboardEventInit): boolean {
  return target.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true, ...init }),
  );
}

describe('<message-composer> keyboard', () => {
  it('sends on Enter', async () => {
    const { el, adapter } = await renderComposer();
    await type(el, 'Enter sends');
    await press(el, 'Enter');
    await waitUntil(() => sends(adapter).length === 1);
    expect(sends(adapter)[0]).to.include({ text: 'Enter sends' });
  });

  it('adds a line on Shift+Enter', async () => {
    const { el, adapter } = await renderComposer();
    await type(el, 'line one');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await type(el, 'line two');
    expect(input(el).value).to.equal('line one\nline two');
    expect(sends(adapter)).to.have.length(0);
    await press(el, 'Enter');
    await waitUntil(() => sends(adapter).length === 1);
    expect(sends(adapter)[0]).to.include({ text: 'line one\nline two' });
  });

  it('never sends on Enter while an IME is composing', async () => {
    const { el, adapter } = await renderComposer();
    await type(el, 'nihongo');
    const notCancelled = imeEnter(input(el), { isComposing: true });
    await el.updateComplete;
    expect(notCancelled).to.equal(true); // the IME keeps its Enter
    expect(sends(adapter)).to.have.length(0);
    expect(input(el).value).to.equal('nihongo');
  });

  it('never sends on the IME process key (keyCode 229)', async () => {
    const { el, adapter } = await renderComposer();
    await type(el, 'hangul');
    imeEnter(input(el), { keyCode: 229 });
    await el.updateComplete;
    expect(sends(adapter)).to.have.length(0);
    expect(input(el).value).to.equal('hangul');
  });

  it('reaches the input and the send button with Tab', async () => {
    const { el } = await renderComposer();
    input(el).focus();
    await press(el, 'Tab');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('send');
    await press(el, 'Tab');
    expect(el.shadowRoot!.activeElement === null).to.equal(true); // left the composer
  });

  it('delegates focus to the input', async () => {
    const { el } = await renderComposer();
    el.focus();
    expect(el.shadowRoot!.activeElement === input(el)).to.equal(true);
  });
});

describe('<message-composer> input', () => {
  it('takes pasted rich content as plain text, and sends it so', async () => {
    const { el, adapter } = await renderComposer();
    // the clipboard is written only from a focused document; another test file's window may have the focus
    await executeServerCommand('bring-to-front');
    await waitUntil(() => document.hasFocus(), 'the test page never got the focus');
    input(el).focus();
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob(['<b>Order</b> <a href="https://example.com">1042</a>'], { type: 'text/html' }),
        'text/plain': new Blob(['Order 1042'], { type: 'text/plain' }),
      }),
    ]);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyV' });
    await sendKeys({ up: 'Control' });
    await el.updateComplete;
    expect(input(el).value).to.equal('Order 1042');
    expect(el.shadowRoot!.querySelector('b, a, [contenteditable]')).to.equal(null);
    await press(el, 'Enter');
    await waitUntil(() => sends(adapter).length === 1);
    expect(sends(adapter)[0]).to.include({ text: 'Order 1042' });
  });

  it('grows with its lines up to its limit, then scrolls', async () => {
    const { el } = await renderComposer();
    el.style.setProperty('--message-composer-max-block-size', '6lh');
    const textarea = input(el);
    const one = textarea.getBoundingClientRect().height;
    await type(el, 'one');
    for (const line of ['two', 'three']) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Shift' });
      await type(el, line);
    }
    const three = textarea.getBoundingClientRect().height;
    expect(three).to.be.greaterThan(one);
    textarea.value = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight);
    const tall = textarea.getBoundingClientRect().height;
    expect(tall).to.be.greaterThan(three);
    expect(tall).to.be.at.most(6 * lineHeight + 1);
    expect(textarea.scrollHeight).to.be.greaterThan(textarea.clientHeight);
  });
});
