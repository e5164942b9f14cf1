/** Trains the duplicate model (electron/core/similarity/duplicateModel.json) on the tuning pairs of the labelled sets:
 * `npm run train:similarity` writes it; `-- --cv` first prints leave-one-set-out figures (each tuning set judged by a
 * model trained on the others: what to expect on text no decision has seen). The held-out half of the blind set and the
 * fresh sets that measure the finder are never trained on. Training is deterministic: CI retrains and checks that the
 * committed model is what the code and the data give (test/integration/similarityQuality.test.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeProgram } from '../../electron/core/similarity/analysis';
import { fitBoostedTrees, probability, BOOST_DEFAULTS } from '../../electron/core/similarity/boostedTrees';
import { CANDIDATE_SCORE, DUPLICATE_THRESHOLD, type DuplicateModel } from '../../electron/core/similarity/duplicateModel';
import { prepare, scorePrepared, type DfSource } from '../../electron/core/similarity/measure';
import { PAIR_FEATURES, pairFeatures, pairSide } from '../../electron/core/similarity/pairFeatures';
import { PAIRS, corpus } from './similarity-quality';

export const MODEL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../electron/core/similarity/duplicateModel.json');

/** A tuning pair as the model learns it: its features, its answer, its set, and its score as the model's floor reads it
 * (without the element / dimension bonus). */
interface Row { x: Float64Array; y: number; set: string; score: number }

export function trainingRows(df: DfSource = corpus()): Row[] {
  return PAIRS.filter((p) => p.split === 'tune').map((p) => {
    const a = prepare(df, analyzeProgram(p.a.title, p.a.description)), b = prepare(df, analyzeProgram(p.b.title, p.b.description));
    const sim = scorePrepared(a, b);
    return { x: pairFeatures(pairSide(a), pairSide(b), sim), y: p.label === 'duplicate' ? 1 : 0, set: p.set, score: sim.plain };
  });
}

export function trainDuplicateModel(rows: Row[] = trainingRows()): DuplicateModel {
  const m = fitBoostedTrees(rows.map((r) => r.x), rows.map((r) => r.y));
  return { features: [...PAIR_FEATURES], ...m };
}

/** Leave one set out: each set's pairs judged by a model trained on all the other sets. */
export function crossValidate(rows: Row[]): { precision: number; recall: number; bySet: { set: string; precision: number; recall: number }[] } {
  const judged = new Map<Row, boolean>();
  const sets = [...new Set(rows.map((r) => r.set))];
  for (const s of sets) {
    const m = fitBoostedTrees(rows.filter((r) => r.set !== s).map((r) => r.x), rows.filter((r) => r.set !== s).map((r) => r.y));
    for (const r of rows) if (r.set === s) judged.set(r, r.score >= CANDIDATE_SCORE && probability(m, r.x) >= DUPLICATE_THRESHOLD);
  }
  const pr = (of: Row[]) => {
    const tp = of.filter((r) => r.y && judged.get(r)).length, fp = of.filter((r) => !r.y && judged.get(r)).length, fn = of.filter((r) => r.y && !judged.get(r)).length;
    return { precision: tp / (tp + fp), recall: tp / (tp + fn) };
  };
  return { ...pr(rows), bySet: sets.map((set) => ({ set, ...pr(rows.filter((r) => r.set === set)) })) };
}

if (process.argv[1] && /similarity-train\.ts$/.test(process.argv[1])) {
  const rows = trainingRows();
  console.log(`duplicate model: ${rows.length} tuning pairs (${rows.filter((r) => r.y).length} duplicates), ${PAIR_FEATURES.length} features, ${JSON.stringify(BOOST_DEFAULTS)}`);
  if (process.argv.includes('--cv')) {
    const cv = crossValidate(rows);
    console.log(`  leave one set out (${cv.bySet.length} sets): precision ${cv.precision.toFixed(3)}  recall ${cv.recall.toFixed(3)}`);
    for (const s of cv.bySet) console.log(`    ${s.set.padEnd(8)} ${s.precision.toFixed(3)} / ${s.recall.toFixed(3)}`);
  }
  const t = Date.now();
  const model = trainDuplicateModel(rows);
  fs.writeFileSync(MODEL_FILE, JSON.stringify(model) + '\n');
  console.log(`  trained in ${Date.now() - t} ms: ${model.trees.length} trees → ${path.relative(process.cwd(), MODEL_FILE)}`);
}
