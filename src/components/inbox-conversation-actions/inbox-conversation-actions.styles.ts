import { css } from 'lit';
import { token } from '../../styles/tokens.js';

export default css`
  :host {
    display: inline-block;
    max-inline-size: 100%;
    vertical-align: middle;
  }

  .base {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: ${token('space-s')};
    min-inline-size: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--inbox-conversation-actions-gap, ${token('space-s')});
  }

  .action {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    min-block-size: ${token('control-height')};
    margin: 0;
    padding-block: 0;
    padding-inline: ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    white-space: nowrap;
    cursor: pointer;
    transition:
      background-color ${token('transition-duration')} ease,
      border-color ${token('transition-duration')} ease;
  }
  .action:hover:not([aria-disabled='true']) {
    background: ${token('color-hover')};
  }
  .action[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .action.primary {
    border-color: transparent;
    background: var(--inbox-conversation-actions-primary-background, ${token('color-accent')});
    color: var(--inbox-conversation-actions-primary-color, ${token('color-accent-contrast')});
  }
  .action.primary:hover:not([aria-disabled='true']) {
    background: var(--inbox-conversation-actions-primary-background, ${token('color-accent')});
    filter: brightness(1.08);
  }

  .icon {
    flex: none;
    inline-size: 16px;
    block-size: 16px;
  }

  .spinner {
    flex: none;
    inline-size: 14px;
    block-size: 14px;
    margin: 1px;
    border: 2px solid currentColor;
    border-block-start-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  .close-group {
    display: inline-flex;
    align-items: stretch;
  }
  .resolution {
    min-block-size: ${token('control-height')};
    margin: 0;
    padding-block: 0;
    padding-inline: ${token('space-s')};
    border: 1px solid ${token('color-border')};
    border-inline-end: 0;
    border-start-start-radius: ${token('radius-m')};
    border-end-start-radius: ${token('radius-m')};
    border-start-end-radius: 0;
    border-end-end-radius: 0;
    background: ${token('color-surface')};
    color: ${token('color-text')};
    font: inherit;
    font-size: ${token('font-size-s')};
    cursor: pointer;
  }
  .close-group .action {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }

  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: ${token('space-xs')} ${token('space-s')};
    max-inline-size: 32rem;
    margin: 0;
    padding: ${token('space-s')} ${token('space-m')};
    border-radius: ${token('radius-m')};
    background: ${token('color-danger-surface')};
    color: ${token('color-danger')};
    font-size: ${token('font-size-s')};
  }
  .error-text {
    flex: 1 1 14rem;
  }

  @media (forced-colors: active) {
    .action,
    .resolution {
      border: 1px solid ButtonText;
    }
    .action[aria-disabled='true'] {
      color: GrayText;
    }
  }
`;
