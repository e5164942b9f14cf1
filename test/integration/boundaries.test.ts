import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp';

/** The boundary check must be able to fail: run it on a small tree with each forbidden import. */
function cruise(files: Record<string, string>): { code: number | null; out: string } {
  const dir = tmpDir();
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  fs.copyFileSync('.dependency-cruiser.cjs', path.join(dir, '.dependency-cruiser.cjs'));
  fs.writeFileSync(path.join(dir, 'tsconfig.node.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }));
  for (const [f, body] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, path.dirname(f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), body);
  }
  const bin = path.resolve('node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const r = spawnSync(process.execPath, [bin, 'electron', 'renderer', 'shared', '--config', '.dependency-cruiser.cjs'], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

const ok = { 'renderer/ok.ts': 'export const ok = 1;\n', 'shared/a.ts': 'export const a = 1;\n', 'electron/core/b.ts': "import { a } from '../../shared/a';\nexport const b = a;\n" };

describe('layer boundaries (dependency-cruiser)', () => {
  it('passes a clean tree', () => {
    expect(cruise({ ...ok, 'electron/main/m.ts': "import { app } from 'electron';\nimport { b } from '../core/b';\nexport const m = [app, b];\n" }).code).toBe(0);
  });
  it.each([
    ['renderer imports electron/', { 'renderer/r.ts': "import { b } from '../electron/core/b';\nexport const r = b;\n" }, 'renderer-not-to-electron'],
    ['shared imports renderer/', { 'renderer/x.ts': 'export const x = 1;\n', 'shared/s.ts': "import { x } from '../renderer/x';\nexport const s = x;\n" }, 'shared-is-pure'],
    ['core imports electron', { 'electron/core/c.ts': "import { app } from 'electron';\nexport const c = app;\n" }, 'only-shell-imports-electron'],
    ['renderer uses Node', { 'renderer/n.ts': "import fs from 'node:fs';\nexport const n = fs;\n" }, 'renderer-no-node'],
  ])('fails when %s', (_name, files, rule) => {
    const r = cruise({ ...ok, ...files });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(rule);
  });
});
