import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeProgram } from '../../electron/core/similarity/analysis';
import { DfTable, apart, prepare, siblings } from '../../electron/core/similarity/measure';
import { apartOf, apartSides } from '../../electron/core/similarity/pairScan';

/** Titles and descriptions of the first labelled sets: real program wording, with sibling services and activities. */
function texts(): { title: string; description?: string }[] {
  const dir = path.join(__dirname, '../data');
  const out: { title: string; description?: string }[] = [];
  for (const f of ['similarity-pairs.json', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `similarity-pairs-fresh${n}.json`)]) {
    const { pairs } = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { pairs: { a: { title: string; description?: string }; b: { title: string; description?: string } }[] };
    for (const p of pairs) out.push(p.a, p.b);
  }
  return out.slice(0, 2000);
}

describe('the scan\'s integer "apart" (pairScan.ts)', () => {
  it('answers as measure.ts apart does, for every pair of two thousand labelled texts', () => {
    const docs = texts().map((t) => analyzeProgram(t.title, t.description));
    const df = new DfTable();
    for (const d of docs) df.add(d);
    const prepared = docs.map((d) => prepare(df, d));
    const sides = apartSides(prepared);
    let disagree = 0, isApart = 0, sibling = 0, activity = 0;
    for (let i = 0; i < prepared.length; i++) for (let j = i + 1; j < prepared.length; j++) {
      const a = prepared[i]!.concepts, b = prepared[j]!.concepts;
      const want = apart(a, b);
      if (apartOf(sides, i, j) !== want || apartOf(sides, j, i) !== want) disagree++;
      if (want) { isApart++; if (siblings(a, b)) sibling++; else activity++; }
    }
    expect(prepared.length).toBe(2000);
    expect(disagree).toBe(0);
    // both kinds of "apart" are among the pairs compared, so the check can fail on either
    expect(sibling).toBeGreaterThan(100);
    expect(activity).toBeGreaterThan(100);
    expect(isApart).toBe(sibling + activity);
  });
});
