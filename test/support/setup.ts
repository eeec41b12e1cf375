/**
 * Loaded on every test page before the test framework (web-test-runner.config.mjs,
 * `testRunnerHtml`).
 *
 * A failed assertion between DOM nodes (`expect(a).to.equal(b)`) must fail at
 * once with a readable message. web-test-runner sends a failure's `actual` and
 * `expected` to the runner as they are, and serializing an element that lives
 * in a shadow root (with the Lit elements around it) does not finish: the whole
 * file then ends as "did not finish within 240000ms", without the assertion. So
 * a node on a failed assertion is replaced by a short description of it.
 */
// the chai that @open-wc/testing re-exports; not @open-wc/testing itself: imported before the test
// framework, it would find no mocha and never register its fixture clean-up
import { Assertion } from '@esm-bundle/chai';

/** `<button part="action close">` inside `<inbox-conversation-actions>`'s shadow root, and the like. */
function describeNode(node: Node): string {
  if (!(node instanceof Element)) return node.nodeName.toLowerCase();
  const attrs = [...node.attributes].map((a) => `${a.name}="${a.value}"`).join(' ');
  const tag = `<${node.localName}${attrs ? ` ${attrs}` : ''}>`;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? `${tag} inside <${root.host.localName}>'s shadow root` : tag;
}

const assert = Assertion.prototype.assert;
Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof assert>) {
  try {
    return assert.apply(this, args);
  } catch (error) {
    if (error && typeof error === 'object') {
      const e = error as { actual?: unknown; expected?: unknown };
      if (e.actual instanceof Node) e.actual = describeNode(e.actual);
      if (e.expected instanceof Node) e.expected = describeNode(e.expected);
    }
    throw error;
  }
};
