import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The UI is embedded by the Tauri shell and runs under a strict CSP
// (`default-src 'self'; script-src 'self'; style-src 'self'; ...`):
// relative asset paths, CSS emitted as files, no inline scripts or styles,
// and nothing loaded from the network.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  server: {
    // `tauri dev` loads http://localhost:1420
    port: 1420,
    strictPort: true,
  },
  preview: {
    port: 1421,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2021', 'safari15'],
    cssCodeSplit: false,
    // Never inline assets as data: URLs into JS/CSS (fonts, images): files only.
    assetsInlineLimit: 0,
    // The module-preload polyfill would be an inline-capable helper we don't need:
    // every WebView Tauri supports has native modulepreload.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
