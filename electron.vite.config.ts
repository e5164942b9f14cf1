import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // export (issue 3): the export worker thread, started from the main bundle as ./exportWorker.js
          exportWorker: resolve(__dirname, 'electron/core/export/worker.ts'),
          // backups (issue 6): the periodic snapshot's worker thread, started as ./backupWorker.js
          backupWorker: resolve(__dirname, 'electron/core/backup/snapshotWorker.ts'),
        },
      },
    },
  },
  preload: {
    // Sandboxed preloads must be one CommonJS file with no imports: bundle everything.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: { outDir: resolve(__dirname, 'out/renderer'), rollupOptions: { input: resolve(__dirname, 'renderer/index.html') } },
  },
});
