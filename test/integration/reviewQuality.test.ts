import { describe, expect, it } from 'vitest';
import { loadMasterplanSets, printReviewQuality } from '../bench/review-quality';

describe('the duplicate review on whole blind masterplans', () => {
  it('each masterplan set is well formed: 120 programs, 12 planted duplicates and 12 related pairs across OPDs', () => {
    const sets = loadMasterplanSets();
    expect(sets.length).toBeGreaterThanOrEqual(26);
    for (const { file, set } of sets) {
      const ids = new Set(set.programs.map((p) => p.id)), opds = new Set(set.opds.map((o) => o.abbr));
      expect(ids.size, file).toBe(120);
      expect(set.programs.every((p) => opds.has(p.opd)), file).toBe(true);
      const opdOf = new Map(set.programs.map((p) => [p.id, p.opd]));
      for (const planted of [set.duplicates, set.related]) {
        expect(planted.length, file).toBe(12);
        expect(planted.every((d) => ids.has(d.a) && ids.has(d.b) && opdOf.get(d.a) !== opdOf.get(d.b)), file).toBe(true);
      }
    }
  });

  it('prints what the review finds and flags, and holds floors', () => {
    const r = printReviewQuality((s) => console.log(s));
    const t = r.total, b = r.blind;
    expect(t.duplicates).toBe(12 * r.sets.length);
    // the six blind masterplans (the seventh to twelfth) are never read or trained on
    expect(r.blindFiles.map((f) => f.slice(0, 12))).toEqual(['masterplan07', 'masterplan08', 'masterplan09', 'masterplan10', 'masterplan11', 'masterplan12']);
    // floors a little below the figures (docs/similarity.md; blind: 53 of 72 planted duplicates in the review, 65 as you
    // type, 53 of 103 flagged pairs planted duplicates, 24 of 30 first-screen clusters; all 26 masterplans: 0.702,
    // 268 of 312, 0.563, 100 of 130; a retrained model moves a dozen pairs at the threshold either way), so that a
    // regression fails CI
    expect(b.duplicatesFound / b.duplicates).toBeGreaterThanOrEqual(0.7);
    expect(b.asYouType / b.duplicates).toBeGreaterThanOrEqual(0.86);
    expect(b.flaggedDuplicates / b.flagged).toBeGreaterThanOrEqual(0.45);
    expect(b.firstScreenWithDuplicate / (b.firstScreenWithDuplicate + b.firstScreenWithout)).toBeGreaterThanOrEqual(0.76);
    expect(t.duplicatesFound / t.duplicates).toBeGreaterThanOrEqual(0.67);
    expect(t.asYouType / t.duplicates).toBeGreaterThanOrEqual(0.83);
    expect(t.flaggedDuplicates / t.flagged).toBeGreaterThanOrEqual(0.5);
    expect(t.firstScreenWithDuplicate / (t.firstScreenWithDuplicate + t.firstScreenWithout)).toBeGreaterThanOrEqual(0.73);
    // a flagged pair its author did not plant is a false alarm, not a duplicate the author missed: a second reader,
    // shown 64 of them among planted pairs, called none a duplicate (test/data/masterplans-second-reader.json)
    expect(r.otherRead.duplicate).toBe(0);
  });
});
