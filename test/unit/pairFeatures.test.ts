import { describe, expect, it } from 'vitest';
import { analyzeProgram } from '../../electron/core/similarity/analysis';
import { DfTable, prepare, scorePrepared } from '../../electron/core/similarity/measure';
import { PAIR_FEATURES, pairFeatures, pairSide } from '../../electron/core/similarity/pairFeatures';

const TITLES = ['SIMPEG', 'SIMPEG Desa', 'Sistem Informasi Manajemen Kepegawaian', 'e-BPHTB', 'BPHTB Online',
  'Pelatihan Operator e-BPHTB', 'Akta Kelahiran Online', 'Akta Kematian Online', 'PPDB Online SMP Negeri', 'Verifikasi domisili calon siswa PPDB'];

function features(x: string, y: string, df: DfTable): Record<string, number> {
  const a = prepare(df, analyzeProgram(x, null)), b = prepare(df, analyzeProgram(y, null));
  const v = pairFeatures(pairSide(a), pairSide(b), scorePrepared(a, b));
  return Object.fromEntries(PAIR_FEATURES.map((f, i) => [f, v[i]!]));
}

describe('pair features', () => {
  const df = new DfTable();
  for (const t of TITLES) df.add(analyzeProgram(t, null));

  it('are symmetric, one per named feature', () => {
    for (const x of TITLES) for (const y of TITLES) {
      const ab = features(x, y, df), ba = features(y, x, df);
      expect(Object.keys(ab)).toHaveLength(PAIR_FEATURES.length);
      for (const f of PAIR_FEATURES) expect(ab[f]).toBeCloseTo(ba[f]!, 12);
    }
  });

  it('say what one title has that the other lacks: a level, a step, a sibling service', () => {
    const village = features('SIMPEG', 'SIMPEG Desa', df);
    expect(village['oneSided.village']).toBe(1);
    expect(village.sharedTitleServices).toBeGreaterThan(0);
    expect(village.unmatchedWordsMax).toBe(1);
    expect(features('SIMPEG', 'Sistem Informasi Manajemen Kepegawaian', df)['oneSided.village']).toBe(0);
    const step = features('PPDB Online SMP Negeri', 'Verifikasi domisili calon siswa PPDB', df);
    expect(step['oneSided.step']).toBe(1);
    expect(step['oneSided.pupil']).toBe(1);
    const training = features('e-BPHTB', 'Pelatihan Operator e-BPHTB', df);
    expect(training.oneSidedActivity).toBe(1);
    const siblings = features('Akta Kelahiran Online', 'Akta Kematian Online', df);
    expect(siblings.siblings).toBe(1);
    expect(siblings.kinUnmatched).toBe(2);
    expect(siblings.sharedServices).toBe(0);
    const same = features('e-BPHTB', 'BPHTB Online', df);
    expect([same.siblings, same.differentActivities, same.kinUnmatched]).toEqual([0, 0, 0]);
    expect(same.containmentMin).toBeGreaterThan(0.5);
  });
});
