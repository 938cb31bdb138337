// What a Svelte app adds once: the kit's elements among svelteHTML's, checked by svelte-check.
import 'stytch-mfa-elements/svelte';
