/** The packaging promises that cannot be exercised on this machine (no Electron binary, no Windows or macOS):
 * electron-builder.yml, the generated icons, the release workflow and the CI hook. The offline package build
 * itself is `npm run package:check` (build/package-check.mjs), run by .ci/run. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { minimatch } = require('minimatch') as { minimatch(file: string, pattern: string, opts?: object): boolean };

const root = path.resolve(__dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const config = yaml.load(read('electron-builder.yml')) as Record<string, any>;
const pkg = JSON.parse(read('package.json')) as { version: string; scripts: Record<string, string>; dependencies: Record<string, string> };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): [number, number] {
  expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('names the app and takes its version from package.json, output in dist/', () => {
    expect(config.appId).toBe('id.rembuk.app');
    expect(config.productName).toBe('Rembuk');
    expect(config.version).toBeUndefined();
    expect(config.extraMetadata?.version).toBeUndefined();
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(config.directories.output).toBe('dist');
  });

  it('flips the Electron fuses that close run-as-node, NODE_OPTIONS, --inspect and code outside the checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).not.toBe(false);
  });

  it('unpacks the better-sqlite3 native module from the asar and keeps it in the package', () => {
    const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect((config.asarUnpack as string[]).some((p) => minimatch(native, p, { dot: true }))).toBe(true);
    const excluded = (config.files as string[]).filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    expect(excluded.filter((p) => minimatch(native, p, { dot: true }))).toEqual([]);
    expect(excluded.filter((p) => minimatch('node_modules/better-sqlite3/lib/database.js', p, { dot: true }))).toEqual([]);
    // rebuilt for Electron when packaging, never at install time
    expect(config.npmRebuild).toBe(true);
    expect(pkg.scripts.postinstall ?? '').not.toMatch(/electron-builder|electron-rebuild|install-app-deps/);
  });

  it('never leaves out a module the main process needs at run time', () => {
    const excluded = (config.files as string[]).filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    for (const dep of ['better-sqlite3', 'zod', 'i18next', 'uuid', 'docx', 'exceljs', 'node-diff3', 'sastrawijs']) {
      expect(excluded.filter((p) => minimatch(`node_modules/${dep}/package.json`, p, { dot: true })), dep).toEqual([]);
    }
    expect(excluded.some((p) => minimatch('node_modules/react-dom/index.js', p, { dot: true }))).toBe(true);
  });

  it('associates .rembuk files with Rembuk, with their own icon on every system', () => {
    const assoc = (config.fileAssociations as { ext: string; icon?: string; mimeType?: string; role?: string }[]).find((a) => a.ext === 'rembuk');
    expect(assoc).toBeDefined();
    expect(assoc!.mimeType).toBe('application/x-rembuk');
    expect(assoc!.role).toBe('Editor');
    for (const ext of ['ico', 'icns']) expect(fs.existsSync(path.join(root, 'build', `${assoc!.icon}.${ext}`)), ext).toBe(true);
  });

  it('installs per user on Windows (no administrator), with a choice of folder, plus a portable build', () => {
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true });
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg']));
    expect(config.publish).toBeNull();
  });
});

describe('icons generated from build/icon.svg', () => {
  it('has every Linux size as a real PNG of that size', () => {
    for (const s of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(fs.readFileSync(path.join(root, `build/icons/${s}x${s}.png`)))).toEqual([s, s]);
    }
    expect(pngSize(fs.readFileSync(path.join(root, 'build/icon.png')))).toEqual([1024, 1024]);
    expect(pngSize(fs.readFileSync(path.join(root, 'renderer/public/icon.png')))).toEqual([256, 256]);
  });

  it('has a Windows ICO with 16 to 256 px images and a macOS ICNS', () => {
    for (const base of ['icon', 'file-rembuk']) {
      const ico = fs.readFileSync(path.join(root, `build/${base}.ico`));
      expect(ico.readUInt16LE(0)).toBe(0);
      expect(ico.readUInt16LE(2)).toBe(1); // type: icon
      const count = ico.readUInt16LE(4);
      const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
      expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
      const icns = fs.readFileSync(path.join(root, `build/${base}.icns`));
      expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
      expect(icns.readUInt32BE(4)).toBe(icns.length);
    }
  });

  it('is used as the favicon and the window icon', () => {
    expect(read('renderer/index.html')).toMatch(/<link rel="icon"[^>]+href="\.\/icon\.svg"/);
    expect(read('electron/main/index.ts')).toMatch(/icon: path\.join\(__dirname, '\.\.\/renderer\/icon\.png'\)/);
  });
});

describe('release and CI', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const wf = yaml.load(read('.github/workflows/release.yml')) as Record<string, any>;

  it('builds installers on Windows, macOS and Linux runners with Node 22: npm ci, then npm run dist', () => {
    const job = Object.values(wf.jobs as Record<string, { strategy: { matrix: { os: string[] } }; steps: { run?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] }>)[0]!;
    expect(job.strategy.matrix.os).toEqual(expect.arrayContaining(['windows-latest', 'macos-latest', 'ubuntu-latest']));
    const runs = job.steps.map((s) => s.run ?? '');
    const ci = runs.findIndex((r) => /\bnpm ci\b/.test(r));
    const dist = runs.findIndex((r) => /\bnpm run dist\b/.test(r));
    expect(ci).toBeGreaterThanOrEqual(0);
    expect(dist).toBeGreaterThan(ci);
    expect(job.steps.some((s) => String(s.with?.['node-version']) === '22')).toBe(true);
    // artifacts are uploaded to the workflow, never published automatically
    expect(pkg.scripts.dist).toMatch(/electron-vite build && electron-builder --publish never/);
    expect(job.steps.some((s) => /upload-artifact/.test(String((s as { uses?: string }).uses)))).toBe(true);
  });

  it('runs the offline packaging check after the tests', () => {
    expect(pkg.scripts['package:check']).toMatch(/package-check\.mjs/);
    const ci = read('.ci/run');
    const test = ci.indexOf('npm test');
    const check = ci.indexOf('npm run package:check');
    expect(test).toBeGreaterThan(0);
    expect(check).toBeGreaterThan(test);
  });
});
