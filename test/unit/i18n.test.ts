import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import id from '../../shared/i18n/id.json';
import en from '../../shared/i18n/en.json';
import { ERROR_CODES } from '../../shared/errors';
import { Activity } from '../../shared/api/schemas';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe('translations', () => {
  it('Indonesian and English have the same keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
    for (const k of keys(id)) expect(k.split('.').reduce((o: any, p) => o[p], id), k).not.toBe(''); // eslint-disable-line @typescript-eslint/no-explicit-any
  });
  it('every error code has a sentence', () => {
    for (const code of ERROR_CODES) expect(keys(id)).toContain(`errors.${code}`);
  });
  it('every literal key the UI asks for exists', () => {
    const all = new Set(keys(id));
    const missing: string[] = [];
    for (const f of [...files(path.resolve('renderer/src')), ...files(path.resolve('shared')), ...files(path.resolve('electron/cli'))]) {
      // a key asked with a count may exist in its plural forms only (i18next: key_one, key_other)
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) if (!all.has(m[1]!) && !all.has(`${m[1]}_other`)) missing.push(`${path.basename(f)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
  it('every activity that can set two titles apart has a name in both languages', () => {
    for (const a of Activity.options) for (const lang of [id, en]) expect((lang as { activity: Record<string, string> }).activity[a], a).toBeTruthy();
  });
  it('the UI has no hard-coded Indonesian sentences outside the translation files', () => {
    const suspicious: string[] = [];
    for (const f of files(path.resolve('renderer/src'))) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/>\s*([A-Z][a-z]+(?: [a-z]+){2,})\s*</g)) suspicious.push(`${path.basename(f)}: ${m[1]}`);
    }
    expect(suspicious).toEqual([]);
  });
});
