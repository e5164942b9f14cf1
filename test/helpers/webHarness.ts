/** Starts `npm run web`'s server (the real CLI, on a free port, with a fixed token) and a real Chromium. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TOKEN = 'e2e-token-7f3a';

export async function startHarness(dataDir: string): Promise<{ url: string; base: string; stop(): Promise<void> }> {
  if (!fs.existsSync(path.resolve('out/renderer/index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  const child: ChildProcess = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'electron/web/cli.ts', '--port', '0', '--data', dataDir], {
    env: { ...process.env, REMBUK_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web harness did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`web harness exited (${code}):\n${out}`)); });
  });
  return {
    url, base: url.replace(/\/#.*$/, ''),
    stop: () => new Promise<void>((resolve) => { child.removeAllListeners('exit'); child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
export interface HarnessEnv {
  readonly harness: Harness; readonly browser: Browser; readonly dataDir: string;
  /** A new page on the app, recording uncaught page errors (a test ends by expecting none). */
  open(options?: { height?: number; acceptDownloads?: boolean }): Promise<{ page: Page; errors: string[] }>;
}

/** For a whole test file: a data folder (filled by `prepare`), the harness server on it and a browser, started before
 * the tests and stopped, with the folder removed, after them. */
export function useHarness(prefix: string, prepare?: (dataDir: string) => void | Promise<void>): HarnessEnv {
  const env = {
    async open(options: { height?: number; acceptDownloads?: boolean } = {}) {
      const page = await env.browser.newPage({ viewport: { width: 1440, height: options.height ?? 900 }, acceptDownloads: options.acceptDownloads ?? false });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(env.harness.url);
      return { page, errors };
    },
  } as { harness: Harness; browser: Browser; dataDir: string; open: HarnessEnv['open'] };
  beforeAll(async () => {
    env.dataDir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), prefix));
    await prepare?.(env.dataDir);
    env.harness = await startHarness(env.dataDir);
    env.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.harness?.stop();
    if (env.dataDir) fs.rmSync(env.dataDir, { recursive: true, force: true });
  });
  return env;
}
