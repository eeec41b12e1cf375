/**
 * The design tokens on a real element: the light palette by default, the dark
 * one with `theme="dark"` (own or the provider's) or with `auto` under
 * `prefers-color-scheme: dark`, and a host's `--inbox-*` value over both.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { css } from 'lit';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import '../../src/components/inbox-provider/inbox-provider.js';
import { InboxContextController } from '../../src/controllers/inbox-context-controller.js';
import { InboxElement } from '../../src/internal/inbox-element.js';
import { baseStyles, COLOR_TOKENS, token } from '../../src/styles/tokens.js';

/** A test-only element styled the way the inbox elements are. */
class TokenProbe extends InboxElement {
  static override styles = [
    baseStyles,
    css`
      .base {
        background-color: ${token('color-surface')};
        border-radius: ${token('radius-m')};
      }
    `,
  ];
  readonly inbox = new InboxContextController(this);
  override render() {
    return html`<div class="base" part="base" data-theme=${this.inbox.theme}>Inbox</div>`;
  }
}
TokenProbe.define('test-token-probe');

/** `#rrggbb` as the browser computes it. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

const [LIGHT_SURFACE, DARK_SURFACE] = COLOR_TOKENS['color-surface'];

async function surfaceOf(probe: TokenProbe): Promise<string> {
  await probe.updateComplete;
  return getComputedStyle(probe.shadowRoot!.querySelector('.base')!).backgroundColor;
}

async function innerProbe(root: Element): Promise<TokenProbe> {
  const probe = root.querySelector('test-token-probe') as TokenProbe;
  await probe.updateComplete;
  return probe;
}

describe('design tokens', () => {
  beforeEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });
  after(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  it('uses the light palette by default', async () => {
    const probe = await fixture<TokenProbe>(html`<test-token-probe></test-token-probe>`);
    expect(await surfaceOf(probe)).to.equal(rgb(LIGHT_SURFACE));
    await expect(probe).to.be.accessible();
  });

  it('uses the dark palette with theme="dark" on the element', async () => {
    const probe = await fixture<TokenProbe>(html`<test-token-probe theme="dark"></test-token-probe>`);
    expect(await surfaceOf(probe)).to.equal(rgb(DARK_SURFACE));
    await expect(probe).to.be.accessible();
  });

  it('follows prefers-color-scheme while the theme is auto, and not when it is light', async () => {
    const probe = await fixture<TokenProbe>(html`<test-token-probe></test-token-probe>`);
    const light = await fixture<TokenProbe>(html`<test-token-probe theme="light"></test-token-probe>`);
    await emulateMedia({ colorScheme: 'dark' });
    expect(await surfaceOf(probe)).to.equal(rgb(DARK_SURFACE));
    expect(await surfaceOf(light)).to.equal(rgb(LIGHT_SURFACE));
    await expect(probe).to.be.accessible();
  });

  it("follows the provider's theme across its subtree", async () => {
    const provider = await fixture(html`
      <inbox-provider theme="dark" poll-interval="0" .source=${new MemoryAdapter()}>
        <test-token-probe></test-token-probe>
      </inbox-provider>
    `);
    const probe = await innerProbe(provider);
    expect(await surfaceOf(probe)).to.equal(rgb(DARK_SURFACE));
    await expect(probe).to.be.accessible();
  });

  it("takes a host's --inbox-* values over either palette", async () => {
    const host = await fixture(html`
      <div style="--inbox-color-surface: rgb(1, 2, 3); --inbox-radius-m: 3px">
        <test-token-probe theme="dark"></test-token-probe>
      </div>
    `);
    const probe = await innerProbe(host);
    expect(await surfaceOf(probe)).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(probe.shadowRoot!.querySelector('.base')!).borderTopLeftRadius).to.equal('3px');
    await expect(probe).to.be.accessible();
  });
});
