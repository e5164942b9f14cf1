/** app.takeOpenFile through the real dispatch: the desktop shell hands out the launch's .rembuk file once; the
 * browser harness (no shell) has none. Input is parsed like every operation's. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers, NO_HOST, type Host } from '../../electron/core/api/handlers';
import { Workspace } from '../../electron/core/workspace';
import { tmpDir } from '../helpers/tmp';

function api(host?: Host) {
  const ws = new Workspace({ dataDir: tmpDir(), version: 'test', canPickFiles: false });
  const handlers = createHandlers(ws, host);
  return (input: unknown) => dispatch(handlers, 'app.takeOpenFile', input, { language: () => ws.language, checkOutputs: true });
}

describe('app.takeOpenFile', () => {
  it('hands out the file the shell was launched with, once', async () => {
    let pending: string | null = '/home/budi/Unduhan/sari.rembuk';
    const take = api({ ...NO_HOST, takeOpenFile: () => { const p = pending; pending = null; return p; } });
    expect(await take({})).toEqual({ ok: true, data: { path: '/home/budi/Unduhan/sari.rembuk' } });
    expect(await take({})).toEqual({ ok: true, data: { path: null } });
  });

  it('answers null in the browser harness, and refuses unknown input like every operation', async () => {
    const take = api();
    expect(await take({})).toEqual({ ok: true, data: { path: null } });
    const bad = await take({ path: '/etc/passwd' });
    expect(bad.ok).toBe(false);
  });
});

describe('built main (out/main/index.js): single instance', () => {
  it('takes the single-instance lock and passes second launches and macOS open-file to the window', () => {
    const file = path.resolve('out/main/index.js');
    if (!fs.existsSync(file)) throw new Error('out/main/index.js is missing: run `npm run build` first');
    const main = fs.readFileSync(file, 'utf8');
    expect(main).toMatch(/requestSingleInstanceLock\(\)/);
    expect(main).toMatch(/if \(!isFirstInstance\) app\.quit\(\)/);
    expect(main).toMatch(/app\.on\("second-instance", \(_e, argv, workingDirectory\) => \{\s*const filePath = exchangeFileFromArgv\(argv, workingDirectory, platform\)/);
    expect(main).toMatch(/app\.on\("open-file"/);
    expect(main).toMatch(/webContents\.send\(IPC_EVENT_CHANNEL, "app\.openFile", \{ path: filePath \}\)/);
  });
});
