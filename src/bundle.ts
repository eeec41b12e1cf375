/**
 * The self-contained bundle (dist/inbox-elements.bundle.js): everything in
 * the main entry plus Lit, for a plain `<script type="module">`.
 */
export * from './index.js';
