import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one Vite app; the same build runs in Electron (app:// protocol) and in
// web mode (served on loopback), so asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
  worker: { format: 'es' },
});
