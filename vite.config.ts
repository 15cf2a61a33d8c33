import path from 'node:path';
import { defineConfig } from 'vite';

// The renderer is a plain static build: served by the web host and by Electron's app:// protocol.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // No inline scripts or data-URL modules: the CSP allows script-src 'self' only.
    assetsInlineLimit: 0,
  },
  esbuild: { jsx: 'automatic' },
});
