import { describe, expect, it } from 'vitest';
import { Stemmer } from 'sastrawijs';
import { stemmer } from '../../electron/core/similarity/stemmer';
import { wordTerms } from '../../electron/core/similarity/normalize';

describe('Indonesian stems (Sastrawi, nasal prefix before a vowel corrected)', () => {
  it('undoes meN-/peN- before a vowel to the root with its first letter', () => {
    const cases: Record<string, string> = {
      penilaian: 'nilai', menilai: 'nilai', penempatan: 'tempat', penanganan: 'tangan', penerangan: 'terang',
      pemetaan: 'peta', pemadam: 'padam', pemasaran: 'pasar', penagihan: 'tagih', penambangan: 'tambang',
      pemilahan: 'pilah', pemutihan: 'putih', penamaan: 'nama', pemakaman: 'makam', pemanfaatan: 'manfaat',
      pemohon: 'mohon', penanaman: 'tanam', penerimaan: 'terima', pemesanan: 'pesan',
    };
    for (const [word, root] of Object.entries(cases)) expect(stemmer.stem(word), word).toBe(root);
  });

  it('falls back to the bare rest when neither first letter gives a word, and skips rare roots', () => {
    // "nambil" and "tambil" are no words: the bare rest is the root (made-up forms, to reach the fallback)
    expect(stemmer.stem('penambil')).toBe('ambil');
    expect(stemmer.stem('meninap')).toBe('inap');
    // "madam" and "mutih" are dictionary words, but rare ones: the other letter wins
    expect(stemmer.stem('pemadaman')).toBe('padam');
    expect(stemmer.stem('pemutihan')).toBe('putih');
  });

  it('knows the words whose suffix Sastrawi strips too early', () => {
    expect(stemmer.stem('penarikan')).toBe('tarik');
    expect(stemmer.stem('pemasukan')).toBe('masuk');
    expect(stemmer.stem('memesan')).toBe('pesan');
    expect(wordTerms('Penarikan Retribusi Sampah')).not.toContain('tari');
  });

  it('leaves the other prefixes to Sastrawi', () => {
    const sastrawi = new Stemmer();
    for (const word of ['pengolahan', 'pengawasan', 'perizinan', 'pelayanan', 'berbasis', 'terpadu', 'pendataan', 'penyuluhan', 'keuangan'])
      expect(stemmer.stem(word), word).toBe(sastrawi.stem(word));
  });

  it('so a derived word meets its root, and "penempatan" no longer meets "empat" (four)', () => {
    expect(wordTerms('Penilaian kinerja')).toContain('nilai');
    expect(wordTerms('Nilai kinerja')).toContain('nilai');
    expect(wordTerms('Penempatan pegawai')).not.toContain('empat');
  });
});
