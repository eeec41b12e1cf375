/**
 * "Plum": a complete custom theme, every `--inbox-*` token set, light and
 * dark. The Theming guide shows this text and the story renders with it.
 * Hosts copy it into their own stylesheet (it selects `.plum` providers).
 */
export const PLUM_THEME_CSS = `/* Plum: light */
inbox-provider.plum {
  --inbox-color-surface: #fffdfe;
  --inbox-color-surface-raised: #f8f2f7;
  --inbox-color-surface-sunken: #f3eaf1;
  --inbox-color-text: #2a1631;
  --inbox-color-text-muted: #6c5573;
  --inbox-color-border: #e3d3e4;
  --inbox-color-accent: #7b2d8e;
  --inbox-color-accent-contrast: #ffffff;
  --inbox-color-hover: #f5ecf6;
  --inbox-color-selected: #ecdcf0;
  --inbox-color-focus: #b0368d;
  --inbox-color-inbound: #ffffff;
  --inbox-color-inbound-text: #2a1631;
  --inbox-color-outbound: #efe0f4;
  --inbox-color-outbound-text: #2a1631;
  --inbox-color-badge: #b0368d;
  --inbox-color-badge-text: #ffffff;
  --inbox-color-danger: #b3261e;
  --inbox-color-danger-surface: #fdecea;
  --inbox-color-warning: #845400;
  --inbox-color-warning-surface: #fff2d6;
  --inbox-color-success: #2e7d4f;
  --inbox-color-link: #6a1b9a;
  --inbox-color-skeleton: #eadcec;

  --inbox-font-family: Georgia, 'Iowan Old Style', 'Noto Serif', serif;
  --inbox-font-family-mono: 'JetBrains Mono', ui-monospace, monospace;
  --inbox-font-size-xs: 0.75rem;
  --inbox-font-size-s: 0.84375rem;
  --inbox-font-size-m: 0.9375rem;
  --inbox-font-size-l: 1.125rem;
  --inbox-font-weight-strong: 700;
  --inbox-line-height: 1.45;
  --inbox-radius-s: 6px;
  --inbox-radius-m: 14px;
  --inbox-radius-l: 18px;
  --inbox-radius-pill: 999px;
  --inbox-focus-ring-width: 3px;
  --inbox-shadow-raised: 0 6px 24px rgb(42 22 49 / 0.18);
  --inbox-transition-duration: 160ms;

  /* density: a slightly more compact list */
  --inbox-row-height: 68px;
  --inbox-avatar-size: 32px;
  --inbox-control-height: 32px;
  --inbox-space-xxs: 2px;
  --inbox-space-xs: 4px;
  --inbox-space-s: 6px;
  --inbox-space-m: 10px;
  --inbox-space-l: 12px;
  --inbox-space-xl: 20px;
}

/* Plum: dark, for theme="dark" on the provider */
inbox-provider.plum[theme='dark'] {
  --inbox-color-surface: #1c1020;
  --inbox-color-surface-raised: #271830;
  --inbox-color-surface-sunken: #140a17;
  --inbox-color-text: #f3e8f5;
  --inbox-color-text-muted: #bca6c2;
  --inbox-color-border: #3e2a45;
  --inbox-color-accent: #d58be8;
  --inbox-color-accent-contrast: #2a0b33;
  --inbox-color-hover: #2c1b33;
  --inbox-color-selected: #3d2146;
  --inbox-color-focus: #f29bd6;
  --inbox-color-inbound: #2a1b31;
  --inbox-color-inbound-text: #f3e8f5;
  --inbox-color-outbound: #4a2156;
  --inbox-color-outbound-text: #f3e8f5;
  --inbox-color-badge: #f29bd6;
  --inbox-color-badge-text: #2a0b33;
  --inbox-color-danger: #ff8a80;
  --inbox-color-danger-surface: #3b1d1b;
  --inbox-color-warning: #ffcf66;
  --inbox-color-warning-surface: #3a2f12;
  --inbox-color-success: #7fd4a0;
  --inbox-color-link: #e3b3ff;
  --inbox-color-skeleton: #33223a;
}

/* parts: what tokens cannot say */
inbox-provider.plum inbox-list::part(item selected) {
  box-shadow: inset 4px 0 0 var(--inbox-color-accent);
}
inbox-provider.plum inbox-list::part(avatar) {
  border-radius: var(--inbox-radius-s);
}
inbox-provider.plum conversation-thread::part(bubble) {
  box-shadow: none;
  border: 1px solid var(--inbox-color-border);
}
inbox-provider.plum message-composer::part(send) {
  border-radius: var(--inbox-radius-s);
}
`;
