import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The console is static files: built into web/dist, served by CloudFront (AWS) or the local front door. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline script anywhere, so the CSP needs no 'unsafe-inline'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
