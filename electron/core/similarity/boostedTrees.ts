/** Gradient-boosted decision trees for a yes / no answer (logistic loss, second-order leaf values, histogram splits):
 * training and prediction, deterministic (the same data give the same trees, byte for byte). Small on purpose: the
 * duplicate model (duplicateModel.ts) learns from a few thousand labelled pairs and a few dozen features, and its
 * trees must be read by the app without a runtime library. */

/** One tree in flat arrays: node k splits on `feature[k]` (x <= `threshold[k]` goes to `left[k]`, else `right[k]`), or
 * is a leaf (`feature[k]` = -1) whose `value[k]` is added to the log-odds. */
export interface Tree { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] }
export interface BoostedTrees { base: number; trees: Tree[] }

export interface BoostOptions {
  trees: number; depth: number; rate: number;
  /** Fewest training rows in a leaf. */
  minLeaf: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Most split points tried per feature (quantiles of its values). */
  bins: number;
}
export const BOOST_DEFAULTS: BoostOptions = { trees: 30, depth: 3, rate: 0.3, minLeaf: 30, lambda: 1, bins: 64 };

/** The log-odds of "yes" for one feature vector. */
export function logit(model: BoostedTrees, x: ArrayLike<number>): number {
  let z = model.base;
  for (const t of model.trees) {
    let k = 0;
    while (t.feature[k]! >= 0) k = x[t.feature[k]!]! <= t.threshold[k]! ? t.left[k]! : t.right[k]!;
    z += t.value[k]!;
  }
  return z;
}

export function probability(model: BoostedTrees, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-logit(model, x)));
}

/** The trees laid out for fast prediction: each as a complete binary tree of its greatest depth (node k's children at
 * 2k + 1 and 2k + 2; a leaf above the last level is repeated below itself), all in one set of typed arrays, so that a
 * prediction is a fixed number of steps per tree with no branch on the shape. */
export interface CompiledTrees { probability(x: ArrayLike<number>): number }
export function compileTrees(model: BoostedTrees): CompiledTrees {
  const depthOf = (t: Tree, k: number): number => (t.feature[k]! < 0 ? 0 : 1 + Math.max(depthOf(t, t.left[k]!), depthOf(t, t.right[k]!)));
  const depth = Math.max(0, ...model.trees.map((t) => depthOf(t, 0)));
  const inner = (1 << depth) - 1, leaves = 1 << depth;
  const feature = new Int32Array(model.trees.length * inner), threshold = new Float64Array(model.trees.length * inner);
  const value = new Float64Array(model.trees.length * leaves);
  model.trees.forEach((t, ti) => {
    // node `k` of the complete tree stands for node `src` of the tree (a leaf stands for itself all the way down)
    const place = (k: number, src: number, level: number): void => {
      if (level === depth) { value[ti * leaves + k - inner] = t.value[src]!; return; }
      const leaf = t.feature[src]! < 0;
      // a leaf's pass-through node: every x goes left (x <= +Infinity)
      feature[ti * inner + k] = leaf ? 0 : t.feature[src]!; threshold[ti * inner + k] = leaf ? Infinity : t.threshold[src]!;
      place(2 * k + 1, leaf ? src : t.left[src]!, level + 1);
      place(2 * k + 2, leaf ? src : t.right[src]!, level + 1);
    };
    place(0, 0, 0);
  });
  const count = model.trees.length;
  return {
    probability(x) {
      let z = model.base;
      for (let t = 0, fo = 0, vo = 0; t < count; t++, fo += inner, vo += leaves) {
        let k = 0;
        for (let d = 0; d < depth; d++) k = 2 * k + (x[feature[fo + k]!]! <= threshold[fo + k]! ? 1 : 2);
        z += value[vo + k - inner]!;
      }
      return 1 / (1 + Math.exp(-z));
    },
  };
}

/** Split points of one feature: its distinct values, or `bins` quantiles of them when there are more. A row goes to
 * bin b when its value is at most edges[b] (and above edges[b - 1]). */
function edgesOf(values: Float64Array, bins: number): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  for (const v of sorted) if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v);
  if (distinct.length <= bins) return Float64Array.from(distinct);
  const out: number[] = [];
  for (let q = 1; q <= bins; q++) {
    const v = sorted[Math.min(sorted.length - 1, Math.ceil((q * sorted.length) / bins) - 1)]!;
    if (out.length === 0 || v !== out[out.length - 1]) out.push(v);
  }
  if (out[out.length - 1] !== distinct[distinct.length - 1]) out.push(distinct[distinct.length - 1]!);
  return Float64Array.from(out);
}

function binOf(edges: Float64Array, v: number): number {
  let lo = 0, hi = edges.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (v <= edges[mid]!) hi = mid; else lo = mid + 1; }
  return lo;
}

/** Sums of gradients, hessians and rows per bin of one feature, over a node's rows. */
function histogram(col: Uint16Array, rows: Int32Array, g: Float64Array, h: Float64Array, nb: number, hg: Float64Array, hh: Float64Array, hc: Int32Array): void {
  hg.fill(0, 0, nb); hh.fill(0, 0, nb); hc.fill(0, 0, nb);
  for (let r = 0; r < rows.length; r++) { const i = rows[r]!, b = col[i]!; hg[b] = hg[b]! + g[i]!; hh[b] = hh[b]! + h[i]!; hc[b] = hc[b]! + 1; }
}

const round = (x: number) => Number(x.toPrecision(10));

/** Trains on rows `x` (equal-length feature vectors) with answers `y` (1 yes, 0 no). */
export function fitBoostedTrees(x: readonly ArrayLike<number>[], y: ArrayLike<number>, options: Partial<BoostOptions> = {}): BoostedTrees {
  const o = { ...BOOST_DEFAULTS, ...options };
  const n = x.length, f = n > 0 ? x[0]!.length : 0;
  if (n === 0 || y.length !== n) throw new Error('boosted trees: no rows, or answers and rows differ in number');
  const edges: Float64Array[] = [];
  const binned: Uint16Array[] = [];
  for (let j = 0; j < f; j++) {
    const col = Float64Array.from(x, (r) => r[j]!);
    const e = edgesOf(col, o.bins);
    edges.push(e);
    binned.push(Uint16Array.from(col, (v) => binOf(e, v)));
  }
  const pos = Array.from(y).reduce((s, v) => s + v, 0);
  const prior = Math.min(Math.max(pos / n, 1e-6), 1 - 1e-6);
  const base = round(Math.log(prior / (1 - prior)));
  const z = new Float64Array(n).fill(base);
  const g = new Float64Array(n), h = new Float64Array(n);
  const trees: Tree[] = [];
  const most = Math.max(...edges.map((e) => e.length));
  const hg = new Float64Array(most), hh = new Float64Array(most), hc = new Int32Array(most);
  for (let round_ = 0; round_ < o.trees; round_++) {
    for (let i = 0; i < n; i++) { const p = 1 / (1 + Math.exp(-z[i]!)); g[i] = p - y[i]!; h[i] = Math.max(p * (1 - p), 1e-12); }
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const grow = (rows: Int32Array, depth: number): number => {
      const k = tree.feature.length;
      tree.feature.push(-1); tree.threshold.push(0); tree.left.push(-1); tree.right.push(-1); tree.value.push(0);
      let G = 0, H = 0;
      const m = rows.length;
      for (let r = 0; r < m; r++) { const i = rows[r]!; G += g[i]!; H += h[i]!; }
      const leaf = () => { const v = tree.value[k] = round((-G / (H + o.lambda)) * o.rate); for (let r = 0; r < m; r++) { const i = rows[r]!; z[i] = z[i]! + v; } return k; };
      if (depth >= o.depth || m < 2 * o.minLeaf) return leaf();
      const parent = (G * G) / (H + o.lambda);
      let best = 1e-9, bestF = -1, bestB = -1;
      for (let j = 0; j < f; j++) {
        const nb = edges[j]!.length;
        if (nb < 2) continue;
        histogram(binned[j]!, rows, g, h, nb, hg, hh, hc);
        let gl = 0, hl = 0, cl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += hg[b]!; hl += hh[b]!; cl += hc[b]!;
          if (cl < o.minLeaf) continue;
          if (m - cl < o.minLeaf) break;
          const gain = (gl * gl) / (hl + o.lambda) + ((G - gl) * (G - gl)) / (H - hl + o.lambda) - parent;
          if (gain > best) { best = gain; bestF = j; bestB = b; }
        }
      }
      if (bestF < 0) return leaf();
      const col = binned[bestF]!;
      let nl = 0;
      for (let r = 0; r < m; r++) if (col[rows[r]!]! <= bestB) nl++;
      const l = new Int32Array(nl), rr = new Int32Array(m - nl);
      for (let r = 0, a = 0, b = 0; r < m; r++) { const i = rows[r]!; if (col[i]! <= bestB) l[a++] = i; else rr[b++] = i; }
      tree.feature[k] = bestF; tree.threshold[k] = edges[bestF]![bestB]!;
      tree.left[k] = grow(l, depth + 1);
      tree.right[k] = grow(rr, depth + 1);
      return k;
    };
    grow(Int32Array.from({ length: n }, (_, i) => i), 0);
    trees.push(tree);
  }
  return { base, trees };
}
