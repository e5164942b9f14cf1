/** How to start one of Rembuk's worker threads. From source (tsx: `npm run web`, the CLI, vitest) through a tiny .mjs
 * that registers tsx and imports the TypeScript entry; in the electron-vite build, the bundled file next to the main
 * bundle (out/main/exportWorker.js, out/main/backupWorker.js: see electron.vite.config.ts). */
const ENTRIES = { export: './export/worker.ts', backup: './backup/snapshotWorker.ts' } as const;
const BUILT = { export: './exportWorker.js', backup: './backupWorker.js' } as const;

export function workerSpec(name: keyof typeof ENTRIES): { url: URL; entry?: string } {
  const here = import.meta.url;
  if (/\.ts$/.test(new URL(here).pathname)) return { url: new URL('./export/workerBoot.mjs', here), entry: new URL(ENTRIES[name], here).href };
  return { url: new URL(BUILT[name], here) };
}
