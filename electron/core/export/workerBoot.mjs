// Starts the TypeScript export worker when Rembuk runs from source (tsx: `npm run web`, the CLI, vitest):
// registers tsx's loader in this worker thread, then imports the entry. The electron-vite build bundles the
// worker as out/main/exportWorker.js instead and does not use this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
