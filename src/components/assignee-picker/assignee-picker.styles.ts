import { css } from 'lit';
import { token } from '../../styles/tokens.js';

export default css`
  :host {
    display: inline-block;
    max-inline-size: 100%;
  }

  .base {
    --_avatar-size: var(--assignee-picker-avatar-size, 24px);
    display: inline-flex;
    flex-direction: column;
    align-items: stretch;
    gap: ${token('space-xs')};
    max-inline-size: 100%;
    min-inline-size: 0;
  }

  .initial {
    display: inline-flex;
    align-items: center;
    min-block-size: ${token('control-height')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  /* ---- trigger ---------------------------------------------------------------- */

  .trigger {
    align-self: flex-start;
    display: inline-flex;
    align-items: center;
    gap: ${token('space-s')};
    min-inline-size: 0;
    max-inline-size: 100%;
    min-block-size: ${token('control-height')};
    margin: 0;
    padding-block: ${token('space-xs')};
    padding-inline: ${token('space-xs')} ${token('space-s')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-pill')};
    background: var(--assignee-picker-trigger-background, ${token('color-surface')});
    color: ${token('color-text')};
    font-size: ${token('font-size-s')};
    text-align: start;
    cursor: pointer;
    transition:
      background-color ${token('transition-duration')} ease,
      border-color ${token('transition-duration')} ease;
  }
  .trigger:hover:not([aria-disabled='true']) {
    background: ${token('color-hover')};
  }
  .trigger[aria-expanded='true'] {
    border-color: ${token('color-accent')};
  }
  .trigger[aria-disabled='true'] {
    cursor: not-allowed;
    color: ${token('color-text-muted')};
    background: ${token('color-surface-raised')};
    border-style: dashed;
  }
  .trigger.unassigned .name {
    color: ${token('color-text-muted')};
  }

  .trigger-text {
    display: inline-flex;
    align-items: baseline;
    gap: ${token('space-xs')};
    min-inline-size: 0;
  }
  .name {
    min-inline-size: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    font-weight: ${token('font-weight-strong')};
  }
  .you {
    flex: none;
    color: ${token('color-text-muted')};
    font-weight: normal;
  }

  .icon {
    flex: none;
    inline-size: 16px;
    block-size: 16px;
  }
  .chevron {
    color: ${token('color-text-muted')};
    transition: transform ${token('transition-duration')} ease;
  }
  .trigger[aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }

  .spinner {
    flex: none;
    inline-size: 14px;
    block-size: 14px;
    border: 2px solid ${token('color-border')};
    border-block-start-color: ${token('color-accent')};
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  /* ---- avatars ----------------------------------------------------------------- */

  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: 50%;
    overflow: hidden;
    background: ${token('color-selected')};
    color: ${token('color-accent')};
    font-size: ${token('font-size-xs')};
    font-weight: ${token('font-weight-strong')};
    line-height: 1;
  }
  .avatar img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .avatar-empty {
    background: ${token('color-surface-raised')};
    color: ${token('color-text-muted')};
    box-shadow: inset 0 0 0 1px ${token('color-border')};
  }

  .skeleton {
    background: ${token('color-skeleton')};
    border-radius: ${token('radius-s')};
  }
  .avatar.skeleton {
    border-radius: 50%;
  }

  /* ---- notice and errors -------------------------------------------------------- */

  .notice {
    margin: 0;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-xs')};
  }

  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: ${token('space-xs')} ${token('space-s')};
    margin: 0;
    padding: ${token('space-s')} ${token('space-m')};
    border-radius: ${token('radius-m')};
    background: ${token('color-danger-surface')};
    color: ${token('color-danger')};
    font-size: ${token('font-size-s')};
  }
  .assign-error,
  .conversation-error {
    max-inline-size: 24rem;
  }
  .error-text {
    flex: 1 1 12rem;
  }

  /* ---- popup -------------------------------------------------------------------- */

  .popup {
    position: fixed;
    inset: auto;
    margin: 0;
    z-index: 1000;
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    inline-size: var(--assignee-picker-popup-inline-size, 20rem);
    max-inline-size: calc(100vw - 16px);
    max-block-size: var(--assignee-picker-popup-max-block-size, 22rem);
    padding: 0;
    overflow: hidden;
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-l')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
    box-shadow: ${token('shadow-raised')};
    font-family: ${token('font-family')};
    font-size: ${token('font-size-m')};
    line-height: ${token('line-height')};
  }

  .search-field {
    flex: none;
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
    padding: ${token('space-s')} ${token('space-m')};
    border-block-end: 1px solid ${token('color-border')};
    color: ${token('color-text-muted')};
  }
  .search {
    flex: 1;
    min-inline-size: 0;
    margin: 0;
    padding: ${token('space-xs')} 0;
    border: 0;
    background: transparent;
    color: ${token('color-text')};
    font: inherit;
    font-size: ${token('font-size-s')};
  }
  .search:focus,
  .search:focus-visible {
    outline: none;
  }
  .search-field:focus-within {
    box-shadow: inset 0 -2px 0 ${token('color-accent')};
  }
  .search::placeholder {
    color: ${token('color-text-muted')};
    opacity: 1;
  }

  .listbox {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding-block: ${token('space-xs')};
  }
  .listbox:empty {
    padding-block: 0;
  }

  .option {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
    min-block-size: ${token('control-height')};
    padding: ${token('space-xs')} ${token('space-m')};
    cursor: pointer;
    font-size: ${token('font-size-s')};
  }
  .option.active {
    background: var(--assignee-picker-active-background, ${token('color-hover')});
    box-shadow: inset 3px 0 0 ${token('color-accent')};
  }
  :host(:dir(rtl)) .option.active {
    box-shadow: inset -3px 0 0 ${token('color-accent')};
  }
  .option.special {
    font-weight: ${token('font-weight-strong')};
    color: ${token('color-accent')};
  }
  .option.special + .option:not(.special) {
    margin-block-start: ${token('space-xs')};
    border-block-start: 1px solid ${token('color-border')};
    padding-block-start: calc(${token('space-xs')} + ${token('space-xs')});
  }
  .option-text {
    flex: 1;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
  }
  .option-name,
  .option-email {
    display: flex;
    align-items: baseline;
    gap: ${token('space-xs')};
    min-inline-size: 0;
  }
  .option-label {
    min-inline-size: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .option-email {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-xs')};
  }
  .check {
    color: ${token('color-accent')};
  }

  .loading {
    padding: 0 ${token('space-m')} ${token('space-s')};
  }
  .skeleton-row {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
    block-size: ${token('control-height')};
  }
  .sk-avatar {
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: 50%;
  }
  .sk-line {
    flex: 1;
    max-inline-size: 10rem;
    block-size: 0.75rem;
  }
  .skeleton-row .skeleton {
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.45;
    }
  }

  .popup .error {
    margin: ${token('space-s')} ${token('space-m')};
  }

  .empty {
    margin: 0;
    padding: ${token('space-m')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
    text-align: center;
  }

  @media (forced-colors: active) {
    .option.active {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .trigger[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
    .avatar {
      border: 1px solid CanvasText;
    }
  }
`;
