// What a Svelte app adds once: the kit's elements among svelteHTML's.
import '../../../dist/types/svelte.js';
