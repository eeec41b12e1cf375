import { css } from 'lit';
import { token } from '../../styles/tokens.js';

export default css`
  :host {
    block-size: 100%;
    min-block-size: 0;
  }

  .base {
    --_row-height: var(--inbox-list-row-height, ${token('row-height')});
    --_avatar-size: var(--inbox-list-avatar-size, ${token('avatar-size')});
    --_row-padding-inline: var(--inbox-list-row-padding-inline, ${token('space-l')});
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: 0;
    background: ${token('color-surface')};
    overflow: hidden;
  }

  /* ---- filters --------------------------------------------------------------- */

  .filters {
    display: flex;
    flex-direction: column;
    gap: ${token('space-s')};
    padding-block: ${token('space-m')};
    padding-inline: ${token('space-l')};
    background: var(--inbox-list-filters-background, ${token('color-surface')});
    border-block-end: 1px solid ${token('color-border')};
  }

  .search {
    inline-size: 100%;
    block-size: ${token('control-height')};
    padding-inline: ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    font: inherit;
    font-size: ${token('font-size-s')};
  }

  .search::placeholder {
    color: ${token('color-text-muted')};
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-s')};
  }

  .chip-select,
  .chip-toggle {
    block-size: 28px;
    padding-inline: ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
    font: inherit;
    font-size: ${token('font-size-xs')};
    cursor: pointer;
  }

  .chip-select:hover,
  .chip-toggle:hover {
    background: ${token('color-hover')};
  }

  .chip-toggle[aria-pressed='true'] {
    background: ${token('color-selected')};
    border-color: ${token('color-accent')};
    color: ${token('color-accent')};
    font-weight: ${token('font-weight-strong')};
  }

  .notice,
  .summary {
    margin: 0;
    padding-block: ${token('space-xs')};
    padding-inline: ${token('space-l')};
    font-size: ${token('font-size-xs')};
    color: ${token('color-text-muted')};
    border-block-end: 1px solid ${token('color-border')};
  }

  .notice {
    background: ${token('color-warning-surface')};
    color: ${token('color-warning')};
  }

  /* ---- the list --------------------------------------------------------------- */

  .scroller {
    position: relative;
    flex: 1 1 auto;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .list {
    inline-size: 100%;
    /* the virtualizer sizes its host (contain: size) only after its first pass, which measures
       the host to find the viewport: a new host as tall as the scroller renders its rows at once */
    min-block-size: 100%;
  }

  .list:focus-visible {
    outline-offset: -2px;
  }

  .row {
    display: grid;
    grid-template-columns: var(--_avatar-size) minmax(0, 1fr) auto;
    grid-template-rows: auto auto auto;
    grid-template-areas:
      'avatar name time'
      'avatar preview badge'
      'avatar meta meta';
    column-gap: ${token('space-m')};
    align-items: center;
    inline-size: 100%;
    block-size: var(--_row-height);
    padding-block: ${token('space-s')};
    padding-inline: var(--_row-padding-inline);
    overflow: hidden;
    border-block-end: 1px solid ${token('color-border')};
    background: ${token('color-surface')};
    cursor: pointer;
    line-height: 1.3;
    user-select: none;
  }

  .row:hover {
    background: var(--inbox-list-hover-background, ${token('color-hover')});
  }

  .row.is-selected {
    background: var(--inbox-list-selected-background, ${token('color-selected')});
    box-shadow: inset 3px 0 0 ${token('color-accent')};
  }

  .row.is-selected:dir(rtl) {
    box-shadow: inset -3px 0 0 ${token('color-accent')};
  }

  .row:focus-visible {
    outline-offset: calc(-1 * ${token('focus-ring-width')});
  }

  .avatar {
    grid-area: avatar;
    align-self: center;
    display: grid;
    place-items: center;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: 50%;
    overflow: hidden;
    background: ${token('color-selected')};
    color: ${token('color-accent')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
  }

  .avatar img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  .name,
  .preview,
  .meta {
    min-inline-size: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .name {
    grid-area: name;
    font-size: ${token('font-size-m')};
    font-weight: ${token('font-weight-strong')};
    unicode-bidi: plaintext;
    text-align: start;
  }

  .time {
    grid-area: time;
    justify-self: end;
    font-size: ${token('font-size-xs')};
    color: ${token('color-text-muted')};
    white-space: nowrap;
  }

  .preview {
    grid-area: preview;
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
    unicode-bidi: plaintext;
    text-align: start;
  }

  .is-unread .preview {
    color: ${token('color-text')};
  }

  .is-unread .time {
    color: ${token('color-accent')};
    font-weight: ${token('font-weight-strong')};
  }

  .badge {
    grid-area: badge;
    justify-self: end;
    min-inline-size: 20px;
    block-size: 20px;
    padding-inline: 6px;
    border-radius: ${token('radius-pill')};
    background: ${token('color-badge')};
    color: ${token('color-badge-text')};
    font-size: ${token('font-size-xs')};
    font-weight: ${token('font-weight-strong')};
    line-height: 20px;
    text-align: center;
  }

  .meta {
    grid-area: meta;
    display: flex;
    align-items: center;
    gap: ${token('space-xs')};
    font-size: ${token('font-size-xs')};
    color: ${token('color-text-muted')};
  }

  .chip {
    flex: none;
    padding-inline: 6px;
    border-radius: ${token('radius-s')};
    background: ${token('color-surface-raised')};
    border: 1px solid ${token('color-border')};
    line-height: 16px;
  }

  .status[data-status='open'] {
    color: ${token('color-success')};
  }

  .status[data-status='escalated'] {
    color: ${token('color-danger')};
  }

  .window.open {
    color: ${token('color-success')};
  }

  .window.closing {
    background: ${token('color-warning-surface')};
    color: ${token('color-warning')};
  }

  .window.closed {
    background: ${token('color-danger-surface')};
    color: ${token('color-danger')};
    border-color: transparent;
  }

  .assignee,
  .channel {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .assignee {
    flex: 0 0 auto;
    max-inline-size: 45%;
  }

  .channel {
    flex: 0 1 auto;
  }

  .assignee::before,
  .channel::before {
    content: '·';
    margin-inline-end: ${token('space-xs')};
  }

  /* ---- states --------------------------------------------------------------------- */

  .initial,
  .empty,
  .error {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: ${token('space-m')};
    margin: 0;
    padding-block: ${token('space-xl')};
    padding-inline: ${token('space-l')};
    text-align: center;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .empty p,
  .error p {
    margin: 0;
  }

  .error {
    color: ${token('color-danger')};
    background: ${token('color-danger-surface')};
  }

  .button {
    block-size: 32px;
    padding-inline: ${token('space-l')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface')};
    color: ${token('color-accent')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    cursor: pointer;
  }

  .button:hover {
    background: ${token('color-hover')};
  }

  .more,
  .more-error {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: ${token('space-m')};
    margin: 0;
    padding-block: ${token('space-m')};
    padding-inline: ${token('space-l')};
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }

  .more-error {
    color: ${token('color-danger')};
  }

  .loading {
    flex: 1 1 auto;
    overflow: hidden;
  }

  .skeleton {
    display: flex;
    align-items: center;
    gap: ${token('space-m')};
    block-size: var(--_row-height);
    padding-inline: var(--_row-padding-inline);
    border-block-end: 1px solid ${token('color-border')};
  }

  .sk-avatar {
    flex: none;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: 50%;
    background: ${token('color-skeleton')};
    animation: pulse 1.2s ease-in-out infinite;
  }

  .sk-lines {
    flex: 1;
    block-size: 28px;
    border-radius: ${token('radius-s')};
    background: linear-gradient(
      ${token('color-skeleton')} 0 10px,
      transparent 10px 18px,
      ${token('color-skeleton')} 18px 28px
    );
    background-size: 100% 28px;
    animation: pulse 1.2s ease-in-out infinite;
  }

  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }

  @media (forced-colors: active) {
    .row.is-selected {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .badge,
    .chip {
      border: 1px solid CanvasText;
    }
  }
`;
