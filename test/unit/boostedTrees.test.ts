import { describe, expect, it } from 'vitest';
import { compileTrees, fitBoostedTrees, logit, probability } from '../../electron/core/similarity/boostedTrees';

/** A small deterministic data set: the answer is yes when x0 > 0.5 and x1 > 0.5 (an interaction no single split or
 * linear score gives), x2 is noise. */
function data(n: number, seed = 3) {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const x = Array.from({ length: n }, () => Float64Array.from([rnd(), rnd(), rnd()]));
  return { x, y: x.map((r) => (r[0]! > 0.5 && r[1]! > 0.5 ? 1 : 0)) };
}

describe('boosted trees', () => {
  it('learn an interaction of two features, splitting on them first', () => {
    const train = data(2000), test = data(500, 11);
    const m = fitBoostedTrees(train.x, train.y, { trees: 100, depth: 3, rate: 0.2, minLeaf: 10 });
    const right = test.x.filter((r, i) => (probability(m, r) >= 0.5 ? 1 : 0) === test.y[i]).length;
    expect(right / test.x.length).toBeGreaterThan(0.97);
    expect(probability(m, [0.9, 0.9, 0.1])).toBeGreaterThan(0.9);
    expect(probability(m, [0.9, 0.1, 0.9])).toBeLessThan(0.1);
    // the first trees split on the features that matter, first
    for (const t of m.trees.slice(0, 5)) expect([0, 1]).toContain(t.feature[0]);
  });

  it('are deterministic, and the same after a round trip through JSON', () => {
    const { x, y } = data(800);
    const a = fitBoostedTrees(x, y, { trees: 30 }), b = fitBoostedTrees(x, y, { trees: 30 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const back = JSON.parse(JSON.stringify(a)) as typeof a;
    for (const r of x.slice(0, 50)) expect(logit(back, r)).toBe(logit(a, r));
  });

  it('start from the base rate, and refuse rows without answers', () => {
    const m = fitBoostedTrees([[0], [1], [2], [3]], [0, 0, 0, 1], { trees: 0 });
    expect(probability(m, [3])).toBeCloseTo(0.25, 9);
    expect(() => fitBoostedTrees([], [])).toThrow();
    expect(() => fitBoostedTrees([[1], [2]], [1])).toThrow();
  });

  it('give the same probabilities once compiled for speed, whatever the shape of the trees', () => {
    const { x, y } = data(1500, 5);
    for (const o of [{ trees: 40, depth: 3, minLeaf: 10 }, { trees: 25, depth: 5, minLeaf: 200 }, { trees: 3, depth: 0 }]) {
      const m = fitBoostedTrees(x, y, o), c = compileTrees(m);
      for (const r of data(300, 17).x) expect(c.probability(r)).toBeCloseTo(probability(m, r), 12);
      // a value exactly at a split point goes left in both layouts
      for (const t of m.trees) t.feature.forEach((f, k) => {
        if (f < 0) return;
        const r = [0.5, 0.5, 0.5]; r[f] = t.threshold[k]!;
        expect(c.probability(r)).toBeCloseTo(probability(m, r), 12);
      });
    }
  });
});
