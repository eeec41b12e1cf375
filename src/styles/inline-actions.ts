/**
 * The small text buttons (Retry, Dismiss) that sit next to an inline error
 * message, shared by the elements that show one.
 */
import { css } from 'lit';
import { token } from './tokens.js';

export const inlineActionStyles = css`
  .error-actions {
    display: inline-flex;
    gap: ${token('space-s')};
  }
  .link-button {
    margin: 0;
    padding: ${token('space-xxs')} ${token('space-xs')};
    border: 0;
    border-radius: ${token('radius-s')};
    background: none;
    color: inherit;
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }
`;
