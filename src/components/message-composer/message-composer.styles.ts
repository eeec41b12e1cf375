import { css } from 'lit';
import { token } from '../../styles/tokens.js';

export default css`
  .base {
    display: flex;
    flex-direction: column;
    gap: ${token('space-s')};
    padding-block: ${token('space-s')};
    padding-inline: ${token('space-m')};
    background: var(--message-composer-background, ${token('color-surface')});
    border-block-start: 1px solid ${token('color-border')};
  }

  /* ---- text mode ---- */
  .row {
    display: flex;
    align-items: flex-end;
    gap: ${token('space-s')};
  }
  .field {
    flex: 1;
    min-inline-size: 0;
    display: flex;
    background: var(--message-composer-field-background, ${token('color-surface-raised')});
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-l')};
    transition: border-color ${token('transition-duration')} ease;
  }
  .field:focus-within {
    border-color: ${token('color-accent')};
    outline: solid ${token('focus-ring-width')};
    outline-color: ${token('color-focus')};
    outline-offset: 1px;
  }
  .field[data-disabled] {
    background: ${token('color-hover')};
  }
  textarea {
    flex: 1;
    min-inline-size: 0;
    margin: 0;
    padding-block: ${token('space-s')};
    padding-inline: ${token('space-m')};
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    line-height: ${token('line-height')};
    resize: none;
    field-sizing: content;
    min-block-size: calc(${token('control-height')} - 2px);
    max-block-size: var(--message-composer-max-block-size, 10lh);
    overflow-y: auto;
    overflow-wrap: anywhere;
  }
  textarea:focus,
  textarea:focus-visible {
    outline: none;
  }
  textarea::placeholder {
    color: ${token('color-text-muted')};
    opacity: 1;
  }
  textarea:disabled {
    cursor: not-allowed;
  }
  textarea[aria-invalid='true'] {
    color: ${token('color-text')};
  }
  .field:has(textarea[aria-invalid='true']) {
    border-color: ${token('color-danger')};
  }

  .send,
  .toggle {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: var(--message-composer-send-size, ${token('control-height')});
    block-size: var(--message-composer-send-size, ${token('control-height')});
    padding: 0;
    border: 1px solid transparent;
    border-radius: ${token('radius-pill')};
    cursor: pointer;
    transition:
      background-color ${token('transition-duration')} ease,
      opacity ${token('transition-duration')} ease;
  }
  .send {
    background: ${token('color-accent')};
    color: ${token('color-accent-contrast')};
  }
  .send[data-blank] {
    opacity: 0.6;
  }
  .send:hover:not(:disabled) {
    opacity: 0.9;
  }
  .toggle {
    background: transparent;
    color: ${token('color-text-muted')};
  }
  .toggle:hover {
    background: ${token('color-hover')};
    color: ${token('color-text')};
  }
  .send:disabled {
    background: ${token('color-hover')};
    color: ${token('color-text-muted')};
    opacity: 1;
    cursor: not-allowed;
  }
  .icon {
    display: block;
    inline-size: 20px;
    block-size: 20px;
    flex: none;
  }
  :host(:dir(rtl)) .icon-send {
    transform: scaleX(-1);
  }

  /* ---- footer: reason, status, counter ---- */
  .footer {
    display: flex;
    align-items: baseline;
    gap: ${token('space-s')};
    min-block-size: 0;
    font-size: ${token('font-size-xs')};
    color: ${token('color-text-muted')};
  }
  .footer:not(:has(.notice, .counter)) .status:empty {
    display: none;
  }
  .footer:not(:has(.notice, .counter, .status:not(:empty))) {
    display: none;
  }
  .notice {
    margin: 0;
    flex: 1;
    font-size: ${token('font-size-s')};
  }
  .status {
    flex: 1;
  }
  .counter {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .counter[data-state='near'] {
    color: ${token('color-warning')};
  }
  .counter[data-state='over'] {
    color: ${token('color-danger')};
    font-weight: ${token('font-weight-strong')};
  }

  /* ---- window notice ---- */
  .window-notice {
    display: flex;
    align-items: flex-start;
    gap: ${token('space-xs')};
    margin: 0;
    font-size: ${token('font-size-xs')};
    color: ${token('color-text-muted')};
  }
  .window-notice .icon {
    inline-size: 16px;
    block-size: 16px;
  }
  .window-notice[data-state='closing'],
  .window-notice[data-state='closed'] {
    padding-block: ${token('space-xs')};
    padding-inline: ${token('space-s')};
    border-radius: ${token('radius-m')};
    border: 1px solid transparent;
    background: ${token('color-warning-surface')};
    color: ${token('color-warning')};
    font-size: ${token('font-size-s')};
  }
  .window-notice[data-state='closed'] {
    color: ${token('color-text')};
  }
  .window-notice[data-state='closed'] .icon {
    color: ${token('color-warning')};
  }

  /* ---- errors ---- */
  .error {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
    padding-block: ${token('space-xs')};
    padding-inline: ${token('space-s')};
    border: 1px solid transparent;
    border-radius: ${token('radius-m')};
    background: ${token('color-danger-surface')};
    color: ${token('color-danger')};
    font-size: ${token('font-size-s')};
  }
  .error-text {
    flex: 1;
  }
  .retry {
    flex: none;
    padding-block: ${token('space-xxs')};
    padding-inline: ${token('space-m')};
    border: 1px solid currentColor;
    border-radius: ${token('radius-pill')};
    background: transparent;
    color: inherit;
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    cursor: pointer;
  }
  .retry:hover {
    background: ${token('color-surface')};
  }

  /* ---- template mode ---- */
  .template-panel {
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
    margin: 0;
    padding: ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-l')};
    background: var(--message-composer-field-background, ${token('color-surface-raised')});
  }
  .template-head {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
    flex-wrap: wrap;
  }
  .label {
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    color: ${token('color-text')};
  }
  select,
  input {
    min-block-size: ${token('control-height')};
    padding: 0 ${token('space-s')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    color: inherit;
    font: inherit;
  }
  select {
    flex: 1;
    min-inline-size: 12rem;
    cursor: pointer;
  }
  select:disabled {
    cursor: not-allowed;
    color: ${token('color-text-muted')};
  }
  input[aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }
  .variables {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: ${token('space-m')};
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .variables legend {
    padding: 0;
    margin-block-end: ${token('space-s')};
  }
  .variable-field {
    display: flex;
    flex-direction: column;
    gap: ${token('space-xs')};
    font-size: ${token('font-size-s')};
  }
  .optional,
  .hint {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-xs')};
    margin: 0;
  }
  .problem {
    color: ${token('color-danger')};
    font-size: ${token('font-size-xs')};
  }
  .preview {
    display: flex;
    flex-direction: column;
    gap: ${token('space-xs')};
    margin: 0;
  }
  .preview-bubble {
    align-self: flex-end;
    max-inline-size: min(100%, 32rem);
    margin: 0;
    padding-block: ${token('space-s')};
    padding-inline: ${token('space-m')};
    border-radius: ${token('radius-l')};
    border: 1px solid transparent;
    background: ${token('color-outbound')};
    color: ${token('color-outbound-text')};
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .preview-bubble .filled {
    font-weight: ${token('font-weight-strong')};
  }
  .preview-bubble .placeholder {
    padding: 0 ${token('space-xxs')};
    border-radius: ${token('radius-s')};
    background: ${token('color-warning-surface')};
    color: ${token('color-warning')};
  }
  .template-actions {
    display: flex;
    justify-content: flex-end;
  }
  .send-template {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-s')};
    min-block-size: ${token('control-height')};
    padding: 0 ${token('space-l')};
    border: 1px solid transparent;
    border-radius: ${token('radius-pill')};
    background: ${token('color-accent')};
    color: ${token('color-accent-contrast')};
    font-weight: ${token('font-weight-strong')};
    cursor: pointer;
  }
  .send-template .icon {
    inline-size: 18px;
    block-size: 18px;
  }

  @media (forced-colors: active) {
    .send,
    .send-template,
    .retry,
    .toggle,
    .field,
    .error,
    .window-notice[data-state='closing'],
    .window-notice[data-state='closed'],
    .preview-bubble {
      border-color: CanvasText;
    }
    .send:disabled {
      color: GrayText;
      border-color: GrayText;
    }
    .field:focus-within {
      outline-color: Highlight;
    }
  }
`;
