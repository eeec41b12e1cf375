import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { inbox, inboxPanes } from './docs-inbox.js';
import { PLUM_THEME_CSS } from './plum-theme.js';

const meta: Meta = {
  title: 'Guides/Examples/Theming',
  tags: ['!autodocs'],
};
export default meta;

type Story = StoryObj;

/** The theme as a host ships it: a stylesheet of its own (here a <style> with the text). */
function plum(): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = PLUM_THEME_CSS;
  return style;
}

/** "Plum", a complete custom theme: every token, light. */
export const CustomTheme: Story = {
  render: () => html`${plum()}${inbox(inboxPanes(), { className: 'plum', theme: 'light' })}`,
};

/** The same theme, dark: `theme="dark"` on the provider selects the theme's dark tokens. */
export const CustomThemeDark: Story = {
  render: () =>
    html`${plum()}
      <div style="background:#140a17;padding:8px">${inbox(inboxPanes(), { className: 'plum', theme: 'dark' })}</div>`,
};

/** The built-in dark palette, with no tokens set. */
export const BuiltInDark: Story = {
  render: () => html`<div style="background:#0b141a;padding:8px">${inbox(inboxPanes(), { theme: 'dark' })}</div>`,
};
