import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { de } from '../../src/locales/de.js';
import { inbox, inboxPanes } from './docs-inbox.js';

const meta: Meta = {
  title: 'Guides/Examples/Localization',
  tags: ['!autodocs'],
};
export default meta;

type Story = StoryObj;

/**
 * The whole inbox in German: every element gets its table from
 * `inbox-elements/locales/de.js` through `.i18n`, and `lang="de"` on an
 * ancestor makes dates, times, numbers and plurals German too.
 */
export const German: Story = {
  render: () => html`<div lang="de">${inbox(inboxPanes(de, ['Unterhaltung', 'Zuständigkeit']))}</div>`,
};

/** Right to left: `lang="ar" dir="rtl"` on an ancestor mirrors every element (strings stay as the host sets them). */
export const RightToLeft: Story = {
  render: () => html`<div lang="ar" dir="rtl">${inbox(inboxPanes())}</div>`,
};
