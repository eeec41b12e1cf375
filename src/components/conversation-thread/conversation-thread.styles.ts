import { css } from 'lit';
import { token } from '../../styles/tokens.js';

export default css`
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: var(--conversation-thread-min-height, 20rem);
    overflow: hidden;
    background: var(--conversation-thread-background, ${token('color-surface-sunken')});
  }

  [hidden] {
    display: none !important;
  }

  /* header: the contact on the first line; actions that do not fit beside a
     readable name (long labels, narrow threads) wrap below it. Every line of the
     contact is one line (ellipsis), so backend text never grows the header. */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    row-gap: ${token('space-s')};
    column-gap: ${token('space-m')};
    min-block-size: 56px;
    padding-block: ${token('space-s')};
    padding-inline: ${token('space-l')};
    background: ${token('color-surface')};
    border-block-end: 1px solid ${token('color-border')};
    flex: none;
  }
  .who {
    display: flex;
    flex-direction: column;
    gap: ${token('space-xxs')};
    min-inline-size: 0;
    flex: 1 1 14rem;
  }
  .name {
    font-size: ${token('font-size-l')};
    font-weight: ${token('font-weight-strong')};
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .sub {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    row-gap: ${token('space-xs')};
    column-gap: ${token('space-s')};
    min-inline-size: 0;
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }
  .phone,
  .status,
  .window {
    flex: 0 1 auto;
    min-inline-size: 0;
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .sub:empty {
    display: none;
  }
  .status {
    padding-inline: ${token('space-s')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface-raised')};
    border: 1px solid ${token('color-border')};
    font-size: ${token('font-size-xs')};
    line-height: 1.6;
  }
  .window[data-open='false'] {
    color: ${token('color-warning')};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: ${token('space-xs')};
    flex: 0 1 auto;
    min-inline-size: 0;
    max-inline-size: 100%;
    margin-inline-start: auto;
  }

  /* body and states */
  .body {
    position: relative;
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-block-size: 0;
  }
  .state-box {
    margin: auto;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: ${token('space-m')};
    padding: ${token('space-xl')};
    max-inline-size: 32rem;
    text-align: center;
    color: ${token('color-text-muted')};
  }
  .state-box.error {
    color: ${token('color-text')};
  }
  .state-box.error.banner {
    margin: 0;
    max-inline-size: none;
    flex-direction: row;
    justify-content: center;
    flex-wrap: wrap;
    padding-block: ${token('space-s')};
    padding-inline: ${token('space-l')};
    background: ${token('color-danger-surface')};
    color: ${token('color-danger')};
    flex: none;
  }
  .button {
    min-block-size: ${token('control-height')};
    padding-inline: ${token('space-l')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    color: ${token('color-accent')};
    font-weight: ${token('font-weight-strong')};
    cursor: pointer;
  }
  .button:hover {
    background: ${token('color-hover')};
  }

  .loading {
    display: flex;
    flex-direction: column;
    gap: ${token('space-m')};
    padding: ${token('space-l')};
    flex: 1 1 auto;
  }
  .skeleton {
    block-size: 40px;
    inline-size: 45%;
    border-radius: var(--conversation-thread-bubble-radius, ${token('radius-l')});
    background: ${token('color-skeleton')};
    animation: pulse 1.4s ease-in-out infinite;
  }
  .skeleton.out {
    align-self: flex-end;
  }
  .skeleton.short {
    inline-size: 25%;
  }
  .skeleton.long {
    inline-size: 60%;
    block-size: 64px;
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }

  /* the log */
  .log {
    flex: 1 1 auto;
    min-block-size: 0;
    /* the log never takes its content's height: with no height from the host, the element
       is --conversation-thread-min-height tall and the log scrolls inside it */
    contain: size;
    overflow-y: auto;
    overflow-x: hidden;
    overscroll-behavior: contain;
    outline-offset: -2px;
  }
  .rows {
    inline-size: 100%;
  }
  .row {
    inline-size: 100%;
    padding-inline: ${token('space-l')};
  }
  .older-row,
  .day-row {
    display: flex;
    justify-content: center;
    align-items: center;
    gap: ${token('space-s')};
    padding-block-start: ${token('space-m')};
    padding-block-end: ${token('space-xs')};
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }
  .older-row {
    min-block-size: 44px;
  }
  .day {
    padding-block: ${token('space-xs')};
    padding-inline: ${token('space-m')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    font-size: ${token('font-size-xs')};
    font-weight: ${token('font-weight-strong')};
    color: ${token('color-text-muted')};
  }
  .unread-row {
    padding-block-start: ${token('space-s')};
    padding-block-end: ${token('space-xs')};
    padding-inline: 0;
  }
  .unread {
    padding-block: ${token('space-xs')};
    text-align: center;
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    color: ${token('color-accent')};
    background: ${token('color-surface-raised')};
    border-block: 1px solid ${token('color-border')};
  }
  .link-button {
    border: none;
    background: none;
    padding-block: ${token('space-xs')};
    padding-inline: ${token('space-s')};
    border-radius: ${token('radius-s')};
    color: ${token('color-link')};
    font-weight: ${token('font-weight-strong')};
    cursor: pointer;
  }
  .spinner {
    inline-size: 14px;
    block-size: 14px;
    border-radius: 50%;
    border: 2px solid ${token('color-border')};
    border-block-start-color: ${token('color-accent')};
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  /* messages */
  .msg {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    padding-block-start: ${token('space-xxs')};
    outline: none;
  }
  .msg.group-start {
    padding-block-start: ${token('space-s')};
  }
  .msg.group-end {
    padding-block-end: ${token('space-xxs')};
  }
  .msg.out {
    align-items: flex-end;
  }
  .bubble {
    --_radius: var(--conversation-thread-bubble-radius, ${token('radius-l')});
    /* secondary text inside a bubble: its own text colour, softened, readable on both bubble colours and themes */
    --_muted: color-mix(in srgb, currentColor 80%, transparent);
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    column-gap: ${token('space-s')};
    max-inline-size: min(var(--conversation-thread-bubble-max-width, 38rem), 85%);
    min-inline-size: 0;
    padding-block: ${token('space-xs')};
    padding-inline: ${token('space-s')};
    border-radius: var(--_radius);
    background: var(--conversation-thread-inbound-background, ${token('color-inbound')});
    color: ${token('color-inbound-text')};
    border: 1px solid ${token('color-border')};
    overflow-wrap: anywhere;
  }
  .out .bubble {
    background: var(--conversation-thread-outbound-background, ${token('color-outbound')});
    color: ${token('color-outbound-text')};
    border-color: transparent;
  }
  .in.group-start .bubble {
    border-start-start-radius: ${token('radius-s')};
  }
  .out.group-start .bubble {
    border-start-end-radius: ${token('radius-s')};
  }
  .msg:focus-visible .bubble {
    outline-style: solid;
    outline-width: ${token('focus-ring-width')};
    outline-color: ${token('color-focus')};
    outline-offset: 2px;
  }
  .msg.has-media .bubble {
    padding: ${token('space-xs')};
  }
  .text {
    flex: 0 1 auto;
    min-inline-size: 0;
    white-space: pre-wrap;
    padding-block: ${token('space-xxs')};
  }
  .msg.has-media .text,
  .template .text {
    padding-inline: ${token('space-xs')};
  }
  /* "Show full message" under a long text: on its own line, the time after it */
  .text-toggle {
    flex: none;
    align-self: flex-start;
    padding-inline: 0;
    font: inherit;
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .msg.has-media .text-toggle,
  .template .text-toggle {
    padding-inline: ${token('space-xs')};
  }
  .meta {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xxs')};
    margin-inline-start: auto;
    padding-block-end: 1px;
    font-size: ${token('font-size-xs')};
    line-height: 1;
    color: var(--_muted);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  /* media messages stack: the media, its caption (wrapping at the media's width), then the time */
  .msg.has-media .bubble {
    flex-direction: column;
    flex-wrap: nowrap;
    align-items: stretch;
    max-inline-size: min(var(--conversation-thread-media-max-width, 300px), 85%);
  }
  .msg.has-media .meta {
    flex: none;
    align-self: flex-end;
    padding-block-start: ${token('space-xxs')};
    padding-inline-end: ${token('space-xs')};
  }
  .delivery {
    display: inline-flex;
  }
  .delivery[data-status='read'] {
    color: var(--conversation-thread-read-color, ${token('color-link')});
  }
  .delivery[data-status='failed'] {
    color: ${token('color-danger')};
  }
  .icon {
    flex: none;
    inline-size: 16px;
    block-size: 16px;
  }
  .meta .icon {
    inline-size: 15px;
    block-size: 15px;
  }

  /* formatted text */
  .text a,
  .location a {
    color: ${token('color-link')};
    overflow-wrap: anywhere;
  }
  code {
    font-family: ${token('font-family-mono')};
    font-size: 0.92em;
    padding-inline: 3px;
    border-radius: ${token('radius-s')};
    background: ${token('color-hover')};
  }
  code.mono {
    padding: 0;
    background: none;
    white-space: pre-wrap;
  }
  blockquote {
    margin: ${token('space-xxs')} 0;
    padding-inline-start: ${token('space-s')};
    border-inline-start: 3px solid ${token('color-accent')};
    color: var(--_muted);
  }
  ul,
  ol {
    margin: ${token('space-xxs')} 0;
    padding-inline-start: 1.4em;
    /* only the items keep the message's line breaks, not the template's own whitespace */
    white-space: normal;
  }
  li {
    white-space: pre-wrap;
  }
  .para + .para,
  .para + blockquote,
  blockquote + .para,
  ul + .para,
  ol + .para {
    margin-block-start: ${token('space-xs')};
  }

  /* content */
  .media {
    flex: none;
    display: block;
    max-inline-size: 100%;
    border-radius: calc(var(--_radius) - 4px);
  }
  img.media,
  video.media {
    inline-size: 288px;
    max-inline-size: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    background: ${token('color-skeleton')};
  }
  video.media {
    aspect-ratio: 16 / 9;
  }
  img.sticker {
    inline-size: 128px;
    block-size: 128px;
    aspect-ratio: auto;
    object-fit: contain;
    background: none;
  }
  audio.media {
    inline-size: 288px;
    max-inline-size: 100%;
    block-size: 40px;
  }
  .document,
  .location {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
    padding: ${token('space-s')};
    min-inline-size: 240px;
    background: ${token('color-hover')};
    color: inherit;
    text-decoration: none;
  }
  a.document:hover .doc-name {
    text-decoration: underline;
  }
  .location {
    align-items: flex-start;
  }
  .doc-text,
  .loc-text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .doc-name,
  .loc-name {
    font-weight: ${token('font-weight-strong')};
    overflow-wrap: anywhere;
  }
  .doc-size,
  .loc-address {
    font-size: ${token('font-size-s')};
    color: var(--_muted);
  }
  .placeholder {
    flex: 0 1 auto;
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    padding: ${token('space-xs')};
    font-style: italic;
    color: var(--_muted);
  }
  .template {
    flex: 1 1 auto;
    min-inline-size: 0;
  }
  .template-name {
    padding-block-start: ${token('space-xxs')};
    padding-inline: ${token('space-xs')};
    font-size: ${token('font-size-xs')};
    font-weight: ${token('font-weight-strong')};
    color: var(--_muted);
    text-transform: none;
  }

  /* failed sends */
  .failure {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    row-gap: ${token('space-xs')};
    column-gap: ${token('space-s')};
    max-inline-size: min(var(--conversation-thread-bubble-max-width, 38rem), 85%);
    margin-block-start: ${token('space-xs')};
    font-size: ${token('font-size-s')};
    color: ${token('color-danger')};
  }
  .failure button {
    min-block-size: 28px;
    padding-inline: ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-pill')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    cursor: pointer;
  }
  .failure button:hover {
    background: ${token('color-hover')};
  }

  /* jump to latest */
  .jump {
    position: absolute;
    inset-block-end: ${token('space-l')};
    inset-inline-end: ${token('space-l')};
    display: grid;
    place-items: center;
    inline-size: 40px;
    block-size: 40px;
    padding: 0;
    border: 1px solid ${token('color-border')};
    border-radius: 50%;
    background: ${token('color-surface')};
    color: ${token('color-text-muted')};
    box-shadow: ${token('shadow-raised')};
    cursor: pointer;
  }
  .jump:hover {
    color: ${token('color-text')};
  }
  .new-count {
    position: absolute;
    inset-block-start: -6px;
    inset-inline-end: -6px;
    min-inline-size: 20px;
    padding-inline: 5px;
    border-radius: ${token('radius-pill')};
    background: ${token('color-badge')};
    color: ${token('color-badge-text')};
    font-size: ${token('font-size-xs')};
    font-weight: ${token('font-weight-strong')};
    line-height: 20px;
    text-align: center;
  }

  @media (forced-colors: active) {
    .bubble,
    .day,
    .jump,
    .failure button {
      border: 1px solid CanvasText;
    }
    .msg:focus-visible .bubble {
      outline-color: Highlight;
    }
    .skeleton {
      border: 1px solid GrayText;
    }
  }
`;
