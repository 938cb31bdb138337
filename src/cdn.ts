// The CDN entry: every element, registered, for `<script type="module">` and the classic script.
export * from './index.js';
