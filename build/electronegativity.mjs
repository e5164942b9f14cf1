#!/usr/bin/env node
/** Runs Electronegativity (Doyensec's Electron security linter) on the shell's sources and fails on any HIGH finding.
 *
 * Electronegativity always exits 0 whatever it finds, so this script reads each finding's severity itself.
 * What is scanned: electron/ (main, preload, core, web, cli), renderer/ (the UI and the CSP meta tag) and package.json
 * (the Electron version), copied to a temporary folder so nothing else in the tree (tests, fixtures, out/) is read.
 * One check is left out: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list from GitHub, which
 * these offline machines cannot reach; the Electron version is pinned in package.json and reviewed on upgrade.
 *
 *   node build/electronegativity.mjs            scan the project, print every finding, exit 1 on a HIGH one
 *   node build/electronegativity.mjs <folder>   scan that folder as it is (the tests use this for a bad example)
 *   add --json                                   print the findings as JSON instead of a table
 *
 * Exit codes: 0 no HIGH finding, 1 at least one HIGH finding, 2 the scan itself failed (no report, tool error). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck']; // AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, by its class name

/** Copies what ships from the project into a fresh folder and returns it. */
export function stageProject(projectRoot = root) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rembuk-eneg-'));
  fs.cpSync(path.join(projectRoot, 'electron'), path.join(dir, 'electron'), { recursive: true });
  fs.cpSync(path.join(projectRoot, 'renderer'), path.join(dir, 'renderer'), { recursive: true, filter: (src) => !src.includes('node_modules') });
  fs.copyFileSync(path.join(projectRoot, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

/** Runs the tool on a folder and returns its findings. Electronegativity's own CLI exits 0 whatever it finds, and its
 * CSV writer appends rows from several async writes that can interleave (we saw torn rows), so its programmatic entry
 * point is used: the same checks, with each finding's severity and confidence as data. */
export async function scan(input) {
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity');
  const log = console.log; // the tool chats on stdout ("Could not retrieve updated translations…", offline)
  console.log = () => {};
  try {
    const result = await run({ input, customScan: [], excludeFromScan: OFFLINE_EXCLUDED, isRelative: true });
    const findings = result.issues.map((i) => ({
      id: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file,
      location: `${i.location.line}:${i.location.column}`, reviewOnly: !!i.manualReview, description: i.description,
    }));
    // a file the tool could not parse was not checked at all: that is a failed scan, not a clean one
    const unparsed = result.errors.map((e) => `${e.file ?? '?'}: ${e.message ?? e.error ?? String(e)}`);
    return { findings, unparsed, checks: { global: result.globalChecks, atomic: result.atomicChecks } };
  } finally { console.log = log; }
}

async function main() {
  const json = process.argv.includes('--json');
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const input = arg ? path.resolve(arg) : stageProject();
  let findings, unparsed, checks;
  try { ({ findings, unparsed, checks } = await scan(input)); } catch (e) {
    console.error(String(e instanceof Error ? e.message : e));
    process.exitCode = 2;
    return;
  } finally { if (!arg) fs.rmSync(input, { recursive: true, force: true }); }
  const order = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFORMATIONAL: 4 };
  findings.sort((a, b) => (order[a.severity] ?? 9) - (order[b.severity] ?? 9) || a.id.localeCompare(b.id));
  if (json) { console.log(JSON.stringify({ findings, unparsed, checks })); process.exit(unparsed.length > 0 ? 2 : findings.some(isHigh) ? 1 : 0); }
  if (unparsed.length > 0) { console.error(`Electronegativity could not parse ${unparsed.length} file(s):\n  ${unparsed.join('\n  ')}`); process.exit(2); }
  console.log(`Electronegativity (${checks.global} global + ${checks.atomic} atomic checks): ${findings.length} finding(s) in ${arg ?? 'electron/, renderer/, package.json'}`);
  for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id.padEnd(28)} ${f.file}:${f.location}  ${f.description}${f.reviewOnly ? ' (review)' : ''}`);
  const high = findings.filter(isHigh);
  if (high.length > 0) { console.error(`FAIL: ${high.length} HIGH finding(s)`); process.exit(1); }
  console.log('OK: no HIGH finding');
}

const isHigh = (f) => f.severity === 'HIGH' || f.severity === 'CRITICAL';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
