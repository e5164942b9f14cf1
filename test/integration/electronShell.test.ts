/** The Electron shell cannot run on the CI machines (no Electron binary), so its security-relevant pieces are tested
 * where they can be: the pure sender policy, and the BUILT preload bundle run against a stand-in 'electron' module. */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl, isTrustedSender } from '../../electron/main/senderPolicy';
import { IPC_PREFIX, OPERATIONS } from '../../shared/api/operations';

describe('IPC sender policy', () => {
  const app = 'file:///opt/Rembuk/resources/app.asar/out/renderer/index.html';
  it('accepts only our main window, top frame, our page', () => {
    expect(isTrustedSender({ fromMainWindow: true, isMainFrame: true, url: app }, undefined)).toBe(true);
    expect(isTrustedSender({ fromMainWindow: true, isMainFrame: false, url: app }, undefined)).toBe(false);
    expect(isTrustedSender({ fromMainWindow: false, isMainFrame: true, url: app }, undefined)).toBe(false);
    expect(isTrustedSender({ fromMainWindow: true, isMainFrame: true, url: 'https://evil.example/renderer/index.html' }, undefined)).toBe(false);
    expect(isTrustedSender({ fromMainWindow: true, isMainFrame: true, url: 'file:///tmp/evil.html' }, undefined)).toBe(false);
  });
  it('in development, only the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:51730/', 'http://localhost:5173')).toBe(false);
  });
  it('opens only https links outside the app', () => {
    expect(isAllowedExternalUrl('https://aptika.kominfo.go.id/')).toBe(true);
    for (const u of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'not a url']) expect(isAllowedExternalUrl(u)).toBe(false);
  });
});

describe('built preload (out/preload/index.cjs)', () => {
  const file = path.resolve('out/preload/index.cjs');

  function load() {
    if (!fs.existsSync(file)) throw new Error('out/preload/index.cjs is missing: run `npm run build` first');
    const exposed: Record<string, unknown> = {};
    const invoked: { channel: string; input: unknown }[] = [];
    const required: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { exposed[key] = api; } },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => { invoked.push({ channel, input }); return { ok: true, data: null }; },
        on: () => {}, removeListener: () => {},
      },
    };
    const sandboxRequire = (name: string) => { required.push(name); if (name === 'electron') return electron; throw new Error(`sandboxed preload cannot require ${name}`); };
    const module = { exports: {} };
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), { require: sandboxRequire, module, exports: module.exports, console });
    return { exposed, invoked, required };
  }

  it('is one self-contained CommonJS file that needs nothing but electron (sandbox)', () => {
    const { required } = load();
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('exposes exactly one function per API operation, each invoking its own prefixed channel', async () => {
    const { exposed, invoked } = load();
    expect(Object.keys(exposed)).toEqual(['rembuk']);
    const bridge = exposed.rembuk as { api: Record<string, (i: unknown) => Promise<unknown>>; on: unknown };
    expect(Object.keys(bridge).sort()).toEqual(['api', 'on']);
    expect(Object.keys(bridge.api).sort()).toEqual([...OPERATIONS].sort());
    await bridge.api['program.update']!({ id: 'x', patch: { title: 'y' } });
    expect(invoked).toEqual([{ channel: `${IPC_PREFIX}program.update`, input: { id: 'x', patch: { title: 'y' } } }]);
  });

  it('refuses to subscribe to events outside the contract', () => {
    const bridge = load().exposed.rembuk as { on(e: string, l: () => void): () => void };
    expect(() => bridge.on('data.changed', () => {})).not.toThrow();
    expect(() => bridge.on('ipc:anything', () => {})).toThrow();
  });
});

describe('built main (out/main/index.js)', () => {
  it('ships the window with context isolation, sandbox, no Node integration, web security, no middle-click, and checks every IPC sender', () => {
    const main = fs.readFileSync(path.resolve('out/main/index.js'), 'utf8');
    for (const s of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'allowRunningInsecureContent: false',
      'webviewTag: false', 'navigateOnDragDrop: false', 'disableBlinkFeatures: "Auxclick"', 'setWindowOpenHandler', 'will-navigate', 'will-attach-webview',
      'setPermissionRequestHandler', 'Content-Security-Policy']) {
      expect(main).toContain(s);
    }
    expect(main).toMatch(/if \(!trustedSender\(event\)\)/);
  });
});
