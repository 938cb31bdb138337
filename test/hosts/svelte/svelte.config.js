// Svelte's configuration for this app (its preprocessor reads TypeScript in <script lang="ts">).
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default { preprocess: vitePreprocess() };
