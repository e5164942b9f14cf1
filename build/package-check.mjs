#!/usr/bin/env node
/**
 * Offline packaging check (`npm run package:check`, run by .ci/run after `npm test`).
 *
 * Runs electron-builder with the project's own electron-builder.yml, for `--linux dir`, with two overrides:
 * `electronDist` points at a stub Electron made here (the real binary cannot be downloaded offline) and
 * `npmRebuild: false` (no Electron headers offline). The stub is a tiny shell script that carries Electron's
 * fuse sentinel and default fuse wire, so electron-builder's fuse flipping runs for real and can be checked.
 * Then it asserts what ends up in dist/linux-unpacked/ and prints the package size. Exit code 1 on any failure.
 *
 * Expects `out/` to be built (`npm run package:check` runs `electron-vite build` first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { build, Platform, archFromString } = require('electron-builder');
const asar = require('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's own defaults ('1' on, '0' off), in FuseV1Options order: RunAsNode, EnableCookieEncryption,
// EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation,
// OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
const DEFAULT_WIRE = '10110001';
const STUB_LOCALES = ['id', 'en-US', 'en-GB', 'de', 'ja', 'zh-CN'];

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); return ok; };
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A stand-in for Electron's Linux distribution: what electron-builder copies, renames and patches. */
function makeStubElectron(dir) {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  const script = `#!/bin/sh\necho "Rembuk package check: stub Electron, not runnable" >&2\nexit 1\n# ${SENTINEL}\x01${String.fromCharCode(DEFAULT_WIRE.length)}${DEFAULT_WIRE}\n`;
  fs.writeFileSync(path.join(dir, 'electron'), script, { mode: 0o755 });
  for (const l of STUB_LOCALES) fs.writeFileSync(path.join(dir, 'locales', `${l}.pak`), `stub ${l}`);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stub Electron license\n');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<p>stub</p>\n');
}

/** Every file in an asar header: path → { size, unpacked }. */
function asarFiles(archive) {
  const { header } = asar.getRawHeader(archive);
  const files = new Map();
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const p = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, p);
      else files.set(p, { size: entry.size ?? 0, unpacked: !!entry.unpacked, link: entry.link });
    }
  };
  walk(header, '');
  return files;
}

/** Files under a directory, relative, with '/' separators. */
function listDir(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** Node's lookup of package `name` from the folder `fromDir` (inside node_modules trees). */
function resolvePackageDir(name, fromDir) {
  for (let d = fromDir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(d) === d) return null;
  }
}

/** The run-time closure of some packages (dependencies + optionalDependencies), as "name@version" (electron-builder
 * hoists on its own, so folder paths inside app.asar need not match node_modules on disk). */
function closure(names, fromDir) {
  const seen = new Set();
  const result = new Set();
  const queue = names.map((n) => [n, fromDir]);
  while (queue.length) {
    const [name, from] = queue.shift();
    const dir = resolvePackageDir(name, from);
    if (!dir || seen.has(dir)) continue; // not installed: an optional dependency for another platform
    seen.add(dir);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    result.add(`${pkg.name}@${pkg.version}`);
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) queue.push([dep, dir]);
  }
  return result;
}

/** The package names (e.g. "zod", "@mantine/core") that the built main process imports at run time. */
function mainImports() {
  const names = new Set();
  for (const f of listDir(path.join(root, 'out/main')).filter((f) => /\.[cm]?js$/.test(f))) {
    const src = fs.readFileSync(path.join(root, 'out/main', f), 'utf8');
    // import / export … from, import(), require(), bare import; "from 'x'" in a string (the phrase table's notes) is not one
    for (const m of src.matchAll(/(?:\b(?:import|export)\s*[\w*${}\s,]*?\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"'./][^"']*)["']/g)) {
      const spec = m[1];
      if (spec.startsWith('node:') || spec === 'electron' || require('node:module').isBuiltin(spec)) continue;
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return [...names].sort();
}

async function main() {
  const started = Date.now();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const stub = fs.mkdtempSync(path.join(os.tmpdir(), 'rembuk-stub-electron-'));
  const appOutDir = path.join(root, 'dist', 'linux-unpacked');
  try {
    makeStubElectron(stub);
    fs.rmSync(appOutDir, { recursive: true, force: true });
    const arch = archFromString(process.arch === 'arm64' ? 'arm64' : 'x64');
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget(['dir'], arch),
      publish: 'never',
      // Merged over electron-builder.yml: everything else (files, asarUnpack, fuses, languages) is the real config.
      config: { electronDist: stub, npmRebuild: false },
    });
  } finally {
    fs.rmSync(stub, { recursive: true, force: true });
  }

  const resources = path.join(appOutDir, 'resources');
  const archive = path.join(resources, 'app.asar');
  if (!check(fs.existsSync(archive), 'dist/linux-unpacked/resources/app.asar exists')) return report(started, null);
  const files = asarFiles(archive);
  const names = [...files.keys()];

  // 1. The built app and package.json are inside, exactly as built.
  const built = listDir(path.join(root, 'out')).filter((f) => !f.endsWith('.map')).map((f) => `out/${f}`);
  for (const want of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) check(files.has(want), `app.asar holds ${want}`);
  const missing = built.filter((f) => !files.has(f));
  check(missing.length === 0, `app.asar holds every built file of out/ (missing: ${missing.slice(0, 5).join(', ')})`);
  check(names.some((f) => /^out\/renderer\/assets\/index-.*\.js$/.test(f)), 'app.asar holds the renderer bundle (out/renderer/assets/index-*.js)');
  check(files.has('package.json'), 'app.asar holds package.json');
  if (files.has('package.json')) {
    const packed = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
    check(packed.name === pkg.name && packed.version === pkg.version && packed.main === 'out/main/index.js',
      `packed package.json is ${pkg.name}@${pkg.version} with main out/main/index.js (got ${packed.name}@${packed.version}, ${packed.main})`);
    check(!('devDependencies' in packed) && !('scripts' in packed), 'packed package.json carries no devDependencies or scripts');
  }
  const mainJs = asar.extractFile(archive, 'out/main/index.js').toString('utf8');
  check(mainJs === fs.readFileSync(path.join(root, 'out/main/index.js'), 'utf8'), 'packed out/main/index.js is the freshly built one');

  // 2. Nothing else of the project: no sources, tests, docs, build resources.
  const outside = names.filter((f) => !f.startsWith('out/') && !f.startsWith('node_modules/') && f !== 'package.json');
  check(outside.length === 0, `app.asar holds only out/, node_modules/ and package.json (also found: ${outside.slice(0, 5).join(', ')})`);

  // 3. The native module is unpacked, real, and marked unpacked in the archive.
  const nativeRel = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  const nativeFile = path.join(resources, 'app.asar.unpacked', nativeRel);
  if (check(fs.existsSync(nativeFile), `app.asar.unpacked holds ${nativeRel}`)) {
    const magic = fs.readFileSync(nativeFile).subarray(0, 4);
    const isBinary = magic.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])) || magic.subarray(0, 2).toString() === 'MZ'
      || [0xfeedfacf, 0xcffaedfe, 0xcafebabe].includes(magic.readUInt32BE(0));
    check(isBinary, 'better_sqlite3.node is a native library (ELF, PE or Mach-O)');
    check(files.get(nativeRel)?.unpacked === true, 'app.asar marks better_sqlite3.node as unpacked');
  }
  const packedNative = names.filter((f) => f.endsWith('.node') && !files.get(f).unpacked);
  check(packedNative.length === 0, `no native module stays inside app.asar (${packedNative.join(', ')})`);
  check(!names.some((f) => f.startsWith('node_modules/better-sqlite3/deps/')), 'better-sqlite3 sources (deps/) are left out');

  // 4. No test files, no source maps.
  const inPackage = (f) => f.replace(/^(node_modules\/(@[^/]+\/)?[^/]+\/)+/, '');
  const testFiles = names.filter((f) => /(^|\/)(__tests__|__mocks__|tests?|specs?)\//i.test(inPackage(f)) || /\.(test|spec)\.[cm]?[jt]sx?$/i.test(f));
  check(testFiles.length === 0, `no test files (found ${testFiles.length}: ${testFiles.slice(0, 5).join(', ')})`);
  const maps = names.filter((f) => f.endsWith('.map'));
  check(maps.length === 0, `no source maps (found ${maps.length}: ${maps.slice(0, 5).join(', ')})`);
  const ts = names.filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'));
  check(ts.length === 0, `no TypeScript sources (found ${ts.slice(0, 5).join(', ')})`);

  // 5. Dependencies: only production ones, and everything main imports is there.
  const packageDirs = names.filter((f) => f.endsWith('/package.json'))
    .map((f) => f.slice(0, -'/package.json'.length))
    .filter((d) => /^node_modules\/(@[^/]+\/)?[^/@]+(\/node_modules\/(@[^/]+\/)?[^/]+)*$/.test(d));
  const packedPackages = new Set(packageDirs.map((d) => {
    const p = JSON.parse(asar.extractFile(archive, `${d}/package.json`).toString('utf8'));
    return `${p.name}@${p.version}`;
  }));
  const prod = closure(Object.keys(pkg.dependencies ?? {}), root);
  const notProd = [...packedPackages].filter((d) => !prod.has(d));
  check(notProd.length === 0, `every packed module is a production dependency (not: ${notProd.slice(0, 8).join(', ')})`);
  const packedNames = new Set([...packedPackages].map((p) => p.slice(0, p.lastIndexOf('@'))));
  const devOnly = Object.keys(pkg.devDependencies ?? {}).filter((n) => packedNames.has(n) && ![...prod].some((p) => p.startsWith(`${n}@`)));
  check(devOnly.length === 0, `no devDependencies in app.asar (found ${devOnly.join(', ')})`);
  check(!packedNames.has('electron') && !packedNames.has('electron-builder'), 'electron and electron-builder are not packed');
  const imports = mainImports();
  const needed = closure(imports, root);
  const absent = [...needed].filter((d) => !packedPackages.has(d));
  check(imports.length > 0 && absent.length === 0, `every module main imports (${imports.join(', ')}) is packed with its dependencies (absent: ${absent.slice(0, 8).join(', ')})`);

  // 6. The packed modules really load: extract the archive (with its unpacked part) and import, from out/main, every
  //    module main imports, in a plain Node process. better-sqlite3 is still the Node build here (npmRebuild: false),
  //    so it can open a database too.
  const extracted = fs.mkdtempSync(path.join(os.tmpdir(), 'rembuk-asar-'));
  try {
    asar.extractAll(archive, extracted);
    const probe = path.join(extracted, 'out', 'main', 'package-check-probe.mjs');
    fs.writeFileSync(probe, `${imports.map((n, i) => `import * as m${i} from ${JSON.stringify(n)};`).join('\n')}
const Database = m${imports.indexOf('better-sqlite3')}?.default;
if (Database) { const db = new Database(':memory:'); db.exec('CREATE VIRTUAL TABLE t USING fts5(x)'); db.close(); }
console.log('loaded ' + ${JSON.stringify(imports.join(', '))} + (Database ? ' and opened an FTS5 database' : ''));
`);
    const r = spawnSync(process.execPath, [probe], { cwd: extracted, encoding: 'utf8' });
    if (r.status === 0) console.log(`package:check  from the extracted package, Node ${r.stdout.trim()}`);
    check(r.status === 0, `the packed modules load in Node from out/main (${(r.stderr || r.stdout).split('\n').filter((l) => /Error|Cannot/.test(l)).slice(0, 2).join(' | ')})`);
  } finally {
    fs.rmSync(extracted, { recursive: true, force: true });
  }

  // 7. Fuses flipped in the executable, languages trimmed, executable named.
  const exe = path.join(appOutDir, pkg.name);
  if (check(fs.existsSync(exe), `executable dist/linux-unpacked/${pkg.name}`)) {
    const wire = await getCurrentFuseWire(exe);
    const on = (o) => wire[o] === 49; // FuseState.ENABLE is ASCII '1'
    const expected = {
      RunAsNode: false, EnableCookieEncryption: true, EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false, EnableEmbeddedAsarIntegrityValidation: true, OnlyLoadAppFromAsar: true,
    };
    for (const [name, want] of Object.entries(expected)) check(on(FuseV1Options[name]) === want, `fuse ${name} is ${want ? 'on' : 'off'}`);
  }
  const locales = fs.readdirSync(path.join(appOutDir, 'locales')).sort();
  check(JSON.stringify(locales) === JSON.stringify(['en-US.pak', 'id.pak']), `only id and en-US locales are kept (got ${locales.join(', ')})`);

  const unpackedFiles = listDir(path.join(resources, 'app.asar.unpacked'));
  const unpackedSize = unpackedFiles.reduce((s, f) => s + fs.statSync(path.join(resources, 'app.asar.unpacked', f)).size, 0);
  const asarSize = fs.statSync(archive).size;
  const sizes = { asarSize, unpackedSize, files: files.size, packages: packedPackages.size };
  return report(started, sizes);
}

function report(started, sizes) {
  if (sizes) {
    console.log(`\npackage:check  app.asar ${mb(sizes.asarSize)} (${sizes.files} files, ${sizes.packages} modules), `
      + `app.asar.unpacked ${mb(sizes.unpackedSize)}, app total ${mb(sizes.asarSize + sizes.unpackedSize)} (without Electron itself)`);
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length) {
    console.error(`package:check FAILED in ${secs} s:`);
    for (const f of failures) console.error(`  ✗ ${f}`);
    process.exitCode = 1;
  } else {
    console.log(`package:check passed in ${secs} s: dist/linux-unpacked/ is the unpacked app`);
  }
}

// exit explicitly: a library loaded above resets process.exitCode on its way out, so a failed check ended with 0
main().then(() => process.exit(failures.length ? 1 : 0), (e) => { console.error(e); process.exit(1); });
