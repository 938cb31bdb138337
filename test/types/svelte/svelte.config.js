// svelte-check's configuration for these templates (the repository's vite.config.ts is not Svelte's).
export default {};
