import { describe, expect, it } from 'vitest';
import { analyzeProgram } from '../../electron/core/similarity/analysis';
import { DfTable, prepare, scorePrepared } from '../../electron/core/similarity/measure';
import { PAIR_FEATURES, pairFeatures, pairSide } from '../../electron/core/similarity/pairFeatures';

const TITLES = ['SIMPEG', 'SIMPEG Desa', 'Sistem Informasi Manajemen Kepegawaian', 'e-BPHTB', 'BPHTB Online',
  'Pelatihan Operator e-BPHTB', 'Akta Kelahiran Online', 'Akta Kematian Online', 'PPDB Online SMP Negeri', 'Verifikasi domisili calon siswa PPDB',
  'Rumah Layak Huni', 'Antrean Online Rumah Sakit', 'Lapak Dulur Toko Bersama Produk UMKM|Toko online bersama produk unggulan UMKM daerah',
  'Marketplace UMKM|Toko daring produk UMKM binaan dinas koperasi'];

/** "title|description" */
function features(x: string, y: string, df: DfTable): Record<string, number> {
  const [xt, xd] = x.split('|'), [yt, yd] = y.split('|');
  const a = prepare(df, analyzeProgram(xt, xd)), b = prepare(df, analyzeProgram(yt, yd));
  const v = pairFeatures(pairSide(a), pairSide(b), scorePrepared(a, b));
  return Object.fromEntries(PAIR_FEATURES.map((f, i) => [f, v[i]!]));
}

describe('pair features', () => {
  const df = new DfTable();
  for (const t of TITLES) { const [title, description] = t.split('|'); df.add(analyzeProgram(title, description)); }

  it('are symmetric, one per named feature, descriptions included', () => {
    for (const x of TITLES) for (const y of TITLES) {
      const ab = features(x, y, df), ba = features(y, x, df);
      expect(Object.keys(ab)).toHaveLength(PAIR_FEATURES.length);
      for (const f of PAIR_FEATURES) expect(ab[f]).toBe(ba[f]);
    }
    const described = features(TITLES[12]!, TITLES[13]!, df);
    expect(described.descriptions).toBe(2);
    expect(described.bodiesCompared).toBe(1);
    expect(described.full).not.toBe(described.title);
  });

  it('say what one title has that the other lacks: a level, a step, a sibling service', () => {
    const village = features('SIMPEG', 'SIMPEG Desa', df);
    expect(village['oneSided.village']).toBe(1);
    expect(village.sharedServices).toBeGreaterThan(0);
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
    // a phrase of a group needs all its words: "Rumah Layak Huni" is no clinic, "Rumah Sakit" is
    expect(features('Rumah Layak Huni', 'SIMPEG', df)['oneSided.clinic']).toBe(0);
    expect(features('Antrean Online Rumah Sakit', 'SIMPEG', df)['oneSided.clinic']).toBe(1);
    const same = features('e-BPHTB', 'BPHTB Online', df);
    expect([same.siblings, same.differentActivities, same.kinUnmatched]).toEqual([0, 0, 0]);
    expect(same.containmentMin).toBeGreaterThan(0.5);
  });
});
