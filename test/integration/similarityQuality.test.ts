import { describe, expect, it } from 'vitest';
import { PAIRS, printQuality } from '../bench/similarity-quality';

describe('duplicate finder quality on the labelled pairs', () => {
  it('prints precision and recall at the default threshold (held-out part) and the precision/recall curve', () => {
    const r = printQuality((s) => console.log(s));
    expect(PAIRS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(PAIRS.map((p) => p.label))).toEqual(new Set(['duplicate', 'related', 'unrelated']));
    expect(r.heldoutAt.tp + r.heldoutAt.fn).toBe(PAIRS.filter((p) => p.split === 'heldout' && p.label === 'duplicate').length);
    // the curve is monotone in recall
    for (let i = 1; i < r.curve.length; i++) expect(r.curve[i]!.recall).toBeLessThanOrEqual(r.curve[i - 1]!.recall);
    // floors a little below the current figures (held-out 0.857 / 0.882 / 1.0, tune 0.945 / 0.866), so that a
    // regression of the matcher fails CI
    expect(r.heldoutAt.precision).toBeGreaterThanOrEqual(0.83);
    expect(r.heldoutAt.recall).toBeGreaterThanOrEqual(0.85);
    expect(r.heldoutWorthReview).toBeGreaterThanOrEqual(0.95);
    expect(r.tuneAt.precision).toBeGreaterThanOrEqual(0.92);
    expect(r.tuneAt.recall).toBeGreaterThanOrEqual(0.84);
    // the fresh set (written after every decision, never used for one): floors below its figures (0.737 / 0.729 / 0.947)
    expect(r.fresh).toBeGreaterThanOrEqual(200);
    expect(r.freshAt.precision).toBeGreaterThanOrEqual(0.7);
    expect(r.freshAt.recall).toBeGreaterThanOrEqual(0.68);
    expect(r.freshWorthReview).toBeGreaterThanOrEqual(0.9);
    // the held-out half and the fresh set are blind: their pairs are never listed, only counted
    expect(r.misses.every((m) => m.pair.split === 'tune')).toBe(true);
    expect(PAIRS.filter((p) => p.set === 'blind' && p.split === 'heldout').length).toBeGreaterThanOrEqual(150);
  });
});
