import { describe, expect, it } from 'vitest';
import { compileConcepts, concepts, conceptTerm, isConceptTerm } from '../../electron/core/similarity/concepts';
import { analyzeProgram } from '../../electron/core/similarity/analysis';
import { wordTerms } from '../../electron/core/similarity/normalize';
import { apart, servicesOf, siblings } from '../../electron/core/similarity/measure';

const tiny = compileConcepts([
  { id: 'bencana.banjir-ews', parent: 'bencana.ews', name: 'Peringatan dini banjir', match: [
    ['banjir|luapan sungai', 'peringatan dini|ews|sirine'],
    ['pemantauan|sensor', 'tinggi muka air'],
  ] },
  { id: 'bencana.tsunami-ews', parent: 'bencana.ews', name: 'Peringatan dini tsunami', match: [['tsunami', 'peringatan dini|ews|sirine']] },
  { id: 'rusak.kosong', parent: 'x', name: 'only stop words', match: [['program|kegiatan', 'banjir']] },
]);
const named = (text: string) => tiny.terms(wordTerms(text)).map((t) => tiny.name(t));

describe('concept catalogue', () => {
  it('a rule fires when every slot has an alternative, whatever the wording, stemming and word order', () => {
    expect(named('Early Warning System Banjir')).toEqual(['Peringatan dini banjir']);
    expect(named('Sistem Peringatan Dini Luapan Sungai')).toEqual(['Peringatan dini banjir']);
    expect(named('Pemantauan Tinggi Muka Air Sungai')).toEqual(['Peringatan dini banjir']);
    expect(named('Muka Air Sungai: Tinggi, dengan Sensor IoT')).toEqual(['Peringatan dini banjir']);
    expect(named('Sirine Tsunami')).toEqual(['Peringatan dini tsunami']);
    // one slot is not enough: a flood program that warns of nothing, a warning of something else
    expect(named('Normalisasi Sungai Penanganan Banjir')).toEqual([]);
    expect(named('Peringatan Dini Kebakaran Hutan')).toEqual([]);
  });

  it('an alternative with a word the analysis drops is left out (it would match more than it says), and so is a rule left with an empty slot', () => {
    const t = compileConcepts([
      { id: 'pu.drainase-iot', parent: 'pu.drainase', name: 'Drainase pintar', match: [['smart drainase|drainase pintar|drainase iot'], ['drainase', 'sensor|kendali']] },
      { id: 'tani.presisi', parent: 'tani', name: 'Pertanian 4.0', match: [['agriculture 4.0|pertanian presisi']] },
      { id: 'rusak.kosong', parent: 'x', name: 'only stop words', match: [['program|kegiatan', 'banjir']] },
      { id: 'kendali.ruang', parent: 'x', name: 'Command center', match: [['command center']] },
    ]);
    expect(t.narrowedAlternatives).toEqual(['pu.drainase-iot: smart drainase', 'pu.drainase-iot: drainase pintar', 'tani.presisi: agriculture 4.0', 'rusak.kosong: program', 'rusak.kosong: kegiatan']);
    expect(t.droppedRules).toEqual(['rusak.kosong: program|kegiatan + banjir']);
    expect(t.rules).toBe(4);
    const names = (text: string) => t.terms(wordTerms(text)).map((x) => t.name(x));
    expect(names('Normalisasi Drainase Kota')).toEqual([]);
    expect(names('Drainase IoT')).toEqual(['Drainase pintar']);
    expect(names('Smart Drainase dengan Sensor Debit')).toEqual(['Drainase pintar']);
    expect(names('Pasar Tani Online')).toEqual([]);
    expect(names('Program Banjir')).toEqual([]);
    // a word inside a phrase of the table is not dropped: "center" in "command center"
    expect(names('Command Center Kota')).toEqual(['Command center']);
  });

  it('siblings: two services of one group and none in common', () => {
    const flood = tiny.terms(wordTerms('EWS Banjir')), tsunami = tiny.terms(wordTerms('EWS Tsunami'));
    expect(flood).toEqual([conceptTerm('bencana.banjir-ews')]);
    expect(tiny.parents(flood[0]!)).toEqual(tiny.parents(tsunami[0]!));
    expect(flood.every(isConceptTerm)).toBe(true);
    expect(wordTerms('Kota Baru Qqtest').some(isConceptTerm)).toBe(false);
  });

  it('one service written under two sectors (each name fires the other) becomes one concept; within a sector they stay apart', () => {
    const t = compileConcepts([
      { id: 'infra.cctv', parent: 'infra', name: 'Jaringan CCTV kota', match: [['cctv']] },
      { id: 'keamanan.cctv', parent: 'keamanan', name: 'CCTV pemantauan keamanan', match: [['cctv|kamera pengawas']] },
      { id: 'keamanan.cctv-analitik', parent: 'keamanan', name: 'CCTV analitik', match: [['cctv', 'analitik']] },
    ]);
    expect(t.merged).toEqual(['CCTV pemantauan keamanan = Jaringan CCTV kota']);
    expect(t.parents(conceptTerm('infra.cctv'))).toEqual(['infra', 'keamanan']);
    expect(t.terms(wordTerms('Kamera Pengawas Jalan')).map((x) => t.name(x))).toEqual(['Jaringan CCTV kota']);
    expect(t.terms(wordTerms('CCTV Analitik')).map((x) => t.name(x)).sort()).toEqual(['CCTV analitik', 'Jaringan CCTV kota']);
  });

  it('a narrower service overrides the broader one it names: the two programs become siblings, kept apart', () => {
    const c = compileConcepts([
      { id: 'hukum.jdih', parent: 'hukum.jdih', name: 'JDIH', match: [['jdih|jaringan dokumentasi informasi hukum']] },
      { id: 'hukum.jdih-desa', parent: 'hukum.jdih', name: 'JDIH desa', match: [['jdih|peraturan desa', 'desa|kelurahan']], overrides: ['hukum.jdih'] },
    ]);
    const ids = (t: string) => c.terms(wordTerms(t)).map((x) => c.id(x));
    expect(ids('JDIH Kabupaten')).toEqual(['hukum.jdih']);
    expect(ids('JDIH Desa')).toEqual(['hukum.jdih-desa']);
    expect(ids('Publikasi Peraturan Desa Online')).toEqual(['hukum.jdih-desa']);
    expect(c.overrides).toBe(1);
    const sets = (t: string) => ({ title: c.terms(wordTerms(t)), all: c.terms(wordTerms(t)), activities: [] });
    // siblings() asks the shipped catalogue for parents, so check the parents here
    expect(c.parents(c.term('hukum.jdih-desa')!)).toEqual(c.parents(c.term('hukum.jdih')!));
    expect(sets('JDIH Desa').title.some((x) => sets('JDIH Kabupaten').title.includes(x))).toBe(false);
    expect(() => compileConcepts([{ id: 'a.b', parent: 'a', name: 'x', match: [['x']], overrides: ['a.missing'] }])).toThrow(/overrides unknown a\.missing/);
  });
  it('two concepts may not share a term', () => {
    expect(() => compileConcepts([
      { id: 'a.b-c', parent: 'a', name: 'x', match: [['banjir']] },
      { id: 'a.bc', parent: 'a', name: 'y', match: [['tsunami']] },
    ])).toThrow(/two concepts give the term qqabc/);
  });
});

describe('the catalogue Rembuk ships', () => {
  it('loads: 1,125 services, more than two rules each on average, few alternatives left out', () => {
    const c = concepts();
    expect(c.concepts).toBe(1125);
    expect(c.rules).toBeGreaterThan(2 * c.concepts);
    // what the analysis would narrow is reported, never used: a few hundred of ~20,000 alternatives, 4 of 2,410 rules
    expect(c.narrowedAlternatives.length).toBeLessThan(400);
    expect(c.droppedRules.length).toBeLessThan(10);
  });

  it('names the same service in titles that share no word, and keeps sibling services apart', () => {
    const catalogue = concepts();
    const conceptsOf = (t: string) => analyzeProgram(t, null).title.filter(isConceptTerm);
    const shared = (a: string, b: string) => conceptsOf(a).filter((c) => conceptsOf(b).includes(c));
    expect(shared('Early Warning System Banjir', 'Pemantauan Tinggi Muka Air Sungai')).not.toEqual([]);
    expect(shared('Akta Kelahiran Online', 'Akta Kematian Online')).toEqual([]);
    const services = (title: string, description = '') => ({ title: conceptsOf(title), all: [...conceptsOf(title), ...conceptsOf(description)], activities: [] });
    expect(siblings(services('Akta Kelahiran Online'), services('Akta Kematian Online'))).toBe(true);
    expect(siblings(services('EWS Banjir'), services('EWS Tsunami'))).toBe(true);
    expect(siblings(services('EWS Banjir'), services('Sistem Peringatan Dini Banjir'))).toBe(false);
    // a service the descriptions have in common is what the screens show as "same service": not siblings then
    expect(siblings(services('EWS Banjir', 'Sirine peringatan dini tsunami di pesisir.'), services('EWS Tsunami'))).toBe(false);
    // titles on one subject that name different activities are apart too; one activity in common, or none named, is not
    const of = (title: string) => servicesOf(analyzeProgram(title, null));
    expect(apart(of('Renovasi Gedung Command Center'), of('Pelatihan Operator Command Center'))).toBe(true);
    // a building is an object, not an activity: parking in a building and cashless parking are not apart
    expect(apart(of('E-Parkir Gedung Pemkot'), of('Parkir Non Tunai'))).toBe(false);
    expect(apart(of('Pembayaran PBB lewat QRIS'), of('Pemutakhiran data objek PBB'))).toBe(true);
    expect(apart(of('Pendataan dan bantuan RTLH'), of('Bantuan stimulan bedah rumah'))).toBe(false);
    expect(apart(of('E-Parkir'), of('Parkir elektronik non tunai'))).toBe(false);
    // one service written under two sectors counts once, under the name written first
    expect(conceptsOf('CCTV Kota Terintegrasi')).toEqual(conceptsOf('Pemasangan CCTV Pengawasan Ketertiban Umum'));
    expect(conceptsOf('CCTV Kota Terintegrasi').map((t) => catalogue.name(t))).toEqual(['Jaringan CCTV kota']);
    expect(catalogue.merged).toContain('CCTV pemantauan publik dan keamanan = Jaringan CCTV kota');
    // and keeps the parents of both, so that its siblings under either sector stay siblings
    expect(catalogue.parents(conceptsOf('CCTV Kota Terintegrasi')[0]!).length).toBe(2);
  });
});

describe('services of a description', () => {
  const ids = (title: string, description: string | null) => analyzeProgram(title, description).title.filter(isConceptTerm).map((t) => concepts().id(t));
  const many = 'Pengaduan masyarakat online, early warning system banjir, antrean online puskesmas dan parkir elektronik tepi jalan.';
  it('a title that names no service takes those its description names, up to three; a brand title takes them all', () => {
    expect(ids('Bupati Sigap Melayani Rakyat', 'Kanal WhatsApp tempat warga menyampaikan pengaduan masyarakat kepada OPD.')).toEqual(['aduan.pengaduan']);
    expect(ids('Bupati Sigap Melayani Rakyat', null)).toEqual([]);
    // a description that names more lists what the program touches, not what it is
    expect(ids('Unggulan Bupati Sigap Bersama Rakyat Desa', many)).toEqual([]);
    // a name of at most two words (weak words aside) says nothing by itself: its description says what it is
    expect(ids('Lapak Dulur', many).length).toBeGreaterThan(3);
    // a title that names a service keeps its own
    expect(ids('EWS Banjir Kota', 'Pengaduan masyarakat online lewat WhatsApp.')).toEqual(['bencana.ews-banjir']);
  });
});
