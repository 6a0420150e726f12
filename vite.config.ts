import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served by every host: Electron loads it from disk, the browser host over HTTP.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false },
});
