/** Whether two similar programs are one program twice: a model learned from the labelled pairs (test/data, trained by
 * `npm run train:similarity`, docs/similarity.md) reads the pair's features (pairFeatures.ts) and gives the probability
 * that they are duplicates. The similarity score finds the candidates and orders the as-you-type matches; this decides
 * which of them are likely duplicates. Two programs on one service that differ by level, user or step look alike to a
 * score; the model has seen thousands of such pairs. */
import trained from './duplicateModel.json';
import { compileTrees, type BoostedTrees, type CompiledTrees } from './boostedTrees';
import { PAIR_FEATURES, pairFeatures, type PairSide } from './pairFeatures';
import { DEFAULT_THRESHOLD, type Similarity } from './measure';

/** Pairs scoring below the default threshold of the score (measure.ts, without the element / dimension bonus) are
 * not judged (their probability is 0): as many candidates as the whole-masterplan scan can judge in time (in the
 * benchmark's 10,000 programs, 416,000 pairs score 0.21 or more and 891,000 score 0.12 or more). 222 of the 2,544
 * labelled duplicates of the tuning pairs score lower (168 below 0.12: judging from 0.12 found about 1 % more of them,
 * leave one set out). */
export const CANDIDATE_SCORE = DEFAULT_THRESHOLD;
/** Pairs judged at least this probable are likely duplicates: the review's first tier and the as-you-type mark. Chosen
 * on leave-one-out figures only (docs/similarity.md: the labelled pairs 0.902 / 0.875 leaving one set out; the 52
 * training masterplans' candidate pairs 0.918 / 0.776 leaving one masterplan out), before the sets that measure it
 * were read. */
export const DUPLICATE_THRESHOLD = 0.6;
/** Pairs judged at least this probable, and less than likely, are possible duplicates: the review lists them after the
 * likely ones, marked as such, so that a facilitator who reads on finds nearly every duplicate the scan can reach (the
 * training masterplans' candidates, leaving one masterplan out: 0.766 / 0.939 from here, against 0.918 / 0.776 from
 * the likely threshold). */
export const POSSIBLE_THRESHOLD = 0.3;

export interface DuplicateModel extends BoostedTrees { features: string[] }

function checked(m: DuplicateModel): DuplicateModel {
  if (m.features.length !== PAIR_FEATURES.length || m.features.some((f, i) => f !== PAIR_FEATURES[i]))
    throw new Error('duplicate model: its features are not those of pairFeatures.ts (run npm run train:similarity)');
  return m;
}
let model: CompiledTrees | undefined;
/** The feature vector of the pair being judged (read at once by the trees, never kept). */
const buffer = new Float64Array(PAIR_FEATURES.length);
function compiled(): CompiledTrees { return (model ??= compileTrees(checked(trained as DuplicateModel))); }

/** The probability that two programs (pairFeatures.ts: `pairSide` of each, prepared under the same document
 * frequencies) are duplicates, given their similarity. */
export function duplicateProbability(a: PairSide, b: PairSide, sim: Similarity): number {
  if (sim.plain < CANDIDATE_SCORE) return 0;
  return compiled().probability(pairFeatures(a, b, sim, buffer));
}

export function likelyDuplicate(probabilityOfDuplicate: number): boolean { return probabilityOfDuplicate >= DUPLICATE_THRESHOLD; }
/** Possible, not likely: the review's second tier. */
export function possibleDuplicate(probabilityOfDuplicate: number): boolean { return probabilityOfDuplicate >= POSSIBLE_THRESHOLD && !likelyDuplicate(probabilityOfDuplicate); }
