/** Indonesian-aware text analysis for duplicate finding: case, punctuation and diacritics removed, spelling variants
 * and abbreviations mapped to one form, stop words dropped, words stemmed with Sastrawi (sastrawijs), stems cached.
 * The word lists were chosen by looking at the demo masterplan and the labelled pairs (see docs/similarity.md). */
import { Stemmer } from 'sastrawijs';

/** Glued "e" prefixes seen in program names: eParkir, eKatalog, … → "elektronik parkir". */
const GLUED_E = /\be(parkir|katalog|office|gov|government|budgeting|planning|retribusi|perizinan|kinerja|samsat|tilang|health|learning|library|pustaka|voting|procurement|commerce|ktp|musrenbang|lapor|pajak|absensi|presensi|surat|arsip|tiket|ticketing|money|wallet|book|purchasing|puskesmas|health)\b/g;

/** Multi-word phrases and variants → one canonical form (applied after lower-casing, on space-separated words). */
const PHRASE_LIST: [string, string][] = [
  // acronyms of Indonesian government programs
  ['kartu identitas anak|kia', 'kia'],
  ['data terpadu kesejahteraan sosial|dtks', 'dtks'],
  ['bantuan sosial|bansos', 'bansos'],
  ['pembangkit listrik tenaga surya|panel surya|plts|solar panel', 'plts'],
  ['pembangkit listrik tenaga sampah|pltsa|sampah menjadi energi|waste to energy', 'pltsa'],
  ['pemerintah daerah|pemda|pemkot|pemkab', 'pemda'],
  ['rumah tidak layak huni|rtlh', 'rtlh'],
  ['izin mendirikan bangunan|persetujuan bangunan gedung|imb|pbg', 'imb'],
  ['pajak bumi dan bangunan|pbb p2|pbb', 'pbb'],
  ['layanan pengadaan secara elektronik|lpse|elektronik procurement|pengadaan elektronik', 'lpse'],
  ['jaringan dokumentasi dan informasi hukum|jdih', 'jdih'],
  ['ruang terbuka hijau|rth', 'rth'],
  // English and Indonesian words for the same thing
  ['ticketing|ticket|tiket', 'tiket'],
  ['planning|perencanaan|rencana', 'rencana'],
  ['budgeting|penganggaran|anggaran|budget', 'anggaran'],
  ['tracking|tracker|pelacakan|lacak|tracing', 'lacak'],
  ['monitoring|pemantauan|pemantau|pantauan|memantau', 'pantau'],
  ['job fair|bursa kerja|lowongan kerja|loker|bursa tenaga kerja', 'bursakerja'],
  ['polusi udara|pencemaran udara|kualitas udara|mutu udara', 'kualitasudara'],
  ['kualitas air|mutu air', 'kualitasair'],
  ['perahu|kapal', 'kapal'],
  ['real time|realtime|waktu nyata', 'realtime'],
  ['learning|pembelajaran|belajar', 'belajar'],
  ['library|pustaka|perpustakaan', 'pustaka'],
  ['startup|start up|usaha rintisan', 'startup'],
  ['hub|ruang kreatif|creative hub', 'ruangkreatif'],
  ['guide|pemandu|panduan', 'pandu'],
  ['disabilitas|difabel|penyandang disabilitas|aksesibilitas', 'disabilitas'],
  ['presensi|absensi|kehadiran', 'presensi'],
  ['face recognition|pengenalan wajah|berbasis wajah', 'wajah'],
  ['sistem informasi manajemen kepegawaian|simpeg|simpegawai', 'sistem informasi pegawai'],
  ['sistem informasi manajemen|sim', 'sistem informasi'],
  ['sistem informasi geografis|geographic information system|gis|webgis|sig', 'peta'],
  ['command center|command centre|ruang kendali|control room|pusat kendali|ruang kontrol|ruang komando|war room', 'ruangkendali'],
  ['early warning system|ews|sistem peringatan dini|peringatan dini', 'peringatandini'],
  ['cashless|non tunai|nontunai|tanpa uang tunai', 'nontunai'],
  ['elektronik katalog|marketplace|market place|elektronik commerce|ecommerce|lapak daring|lapak online|toko daring|toko online|pasar daring|pasar online', 'marketplace'],
  ['satu data|one data|data terpadu', 'satudata'],
  ['open data|data terbuka', 'dataterbuka'],
  ['big data|data analytics|analitik data|analisis data', 'analitikdata'],
  ['dalam jaringan|on line|online|daring', 'daring'],
  ['luar jaringan|offline|luring', 'luring'],
  ['apps|app|apk|aplikasi', 'aplikasi'],
  ['antrian|antrean|antri|antre|queue', 'antre'],
  ['bank sampah|tabungan sampah', 'banksampah'],
  ['closed circuit television|cctv|kamera pengawas|kamera pemantau', 'cctv'],
  ['wifi|wi fi|hotspot|internet gratis|akses internet publik', 'wifi'],
  ['area traffic control system|atcs|lampu lalu lintas cerdas|traffic light cerdas', 'atcs'],
  ['penerangan jalan umum|pju|lampu jalan', 'pju'],
  ['usaha mikro kecil dan menengah|usaha mikro kecil menengah|umkm|ukm|ikm|usaha mikro', 'umkm'],
  ['aparatur sipil negara|asn|pns|kepegawaian|pegawai', 'pegawai'],
  ['penerimaan peserta didik baru|ppdb', 'ppdb'],
  ['kartu tanda penduduk|elektronik ktp|ktp elektronik|ktp', 'ktp'],
  ['administrasi kependudukan|adminduk|dukcapil|kependudukan', 'adminduk'],
  ['telemedicine|telemedisin|telekesehatan|konsultasi kesehatan jarak jauh', 'telemedisin'],
  ['elektronik library|elektronik pustaka|perpustakaan digital|perpustakaan elektronik|digital library', 'perpustakaandigital'],
  ['internet of things|iot|sensor', 'sensor'],
  ['dashboard|dasbor', 'dasbor'],
  ['website|situs web|situs|laman|portal|web', 'portal'],
  ['keluhan|komplain|complaint|aduan|pengaduan|lapor|laporan warga', 'aduan'],
  ['warga|masyarakat|publik|penduduk|citizen', 'warga'],
  ['parking|perparkiran|parkir', 'parkir'],
  ['traffic|lalu lintas|lalin', 'lalulintas'],
  ['tourism|pariwisata|wisata|turis|wisatawan', 'wisata'],
  ['qr code|qris', 'qris'],
  ['drainase|saluran air|drainage', 'drainase'],
  ['rekam medis elektronik|rekam medik elektronik|rme|elektronik medical record|emr', 'rekammedis'],
  ['puskesmas|pusat kesehatan masyarakat', 'puskesmas'],
  ['pembayaran|payment|bayar', 'bayar'],
];
/** All phrases in one alternation (longest first, so "sistem informasi manajemen" wins over "sim"): one pass per text. */
const PHRASE_TO = new Map<string, string>();
for (const [from, to] of PHRASE_LIST) for (const f of from.split('|')) if (!PHRASE_TO.has(f)) PHRASE_TO.set(f, to);
const PHRASES = new RegExp(`(?<= )(?:${[...PHRASE_TO.keys()].sort((a, b) => b.length - a.length).join('|')})(?= )`, 'g');
const E_WORD = /(?<= )(?:e|electronic)(?= )/g;

/** Function words of Bahasa Indonesia, and words that say nothing in a smart-city program title (they occur in a large
 * share of all titles, whatever the program does; see docs/similarity.md for the counts). */
export const STOP_WORDS = new Set([
  // function words
  'dan', 'di', 'ke', 'dari', 'yang', 'untuk', 'dengan', 'pada', 'dalam', 'bagi', 'oleh', 'serta', 'atau', 'ini', 'itu',
  'se', 'secara', 'melalui', 'antar', 'per', 'tentang', 'terhadap', 'sebagai', 'akan', 'agar', 'supaya', 'juga', 'sudah',
  'telah', 'dapat', 'bisa', 'tahun', 'tiap', 'setiap', 'seluruh', 'semua', 'lebih', 'para', 'of', 'the', 'and', 'for', 'to',
  'yg', 'dg', 'dgn', 'utk', 'dll', 'dsb', 'tsb', 'a', 'an', 'in', 'on', 'by', 'nya',
  // say nothing in a program title
  'program', 'kegiatan', 'pengembangan', 'kembang', 'peningkatan', 'tingkat', 'pembangunan', 'bangun', 'penyediaan',
  'sedia', 'pengadaan', 'ada', 'penguatan', 'kuat', 'optimalisasi', 'implementasi', 'penerapan', 'terap', 'pelaksanaan',
  'laksana', 'penyelenggaraan', 'selenggara', 'pemanfaatan', 'manfaat', 'berbasis', 'basis', 'smart', 'cerdas', 'pintar',
  'kota', 'kabupaten', 'kab', 'daerah', 'pemerintah', 'pemkot', 'pemkab', 'pemda', 'inovasi', 'modernisasi',
  'revitalisasi', 'gerakan', 'gerak', 'kegiatan', 'proyek', 'project', 'system', 'baru', 'new', 'center', 'pusat',
  'terintegrasi', 'integrasi', 'terpadu', 'padu', 'terintegrasi', 'pengelolaan', 'kelola', 'tata', 'penataan',
  'fasilitasi', 'fasilitas', 'perluasan', 'luas', 'percepatan', 'cepat',
]);

/** Words that carry some meaning but are everywhere in smart-city titles: they count, with a smaller weight. */
export const WEAK_WORDS = new Set([
  'sistem', 'informasi', 'aplikasi', 'digital', 'digitalisasi', 'elektronik', 'daring', 'layan', 'layanan', 'data', 'warga',
  'portal', 'dasbor', 'platform', 'teknologi', 'jaringan', 'infrastruktur', 'sarana', 'prasarana', 'manajemen', 'kelola',
  'monitoring', 'pantau', 'integrasi',
]);

const stemmer = new Stemmer();
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

/** Sastrawi's stem of one lower-case word, cached (a stem costs ~50 µs; a cached one ~0.1 µs). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /\d/.test(word) || word.length <= 3 ? word : stemmer.stem(word) || word;
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Lower case, no diacritics, no punctuation; variants mapped; one space between words, one at each end. */
export function normalizeText(text: string): string {
  let t = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  t = t.replace(/\be-(?=[a-z])/g, 'e ').replace(GLUED_E, 'e $1');
  t = ` ${t.replace(/[^a-z0-9]+/g, ' ').trim()} `;
  t = t.replace(E_WORD, 'elektronik');
  return t.replace(PHRASES, (m) => PHRASE_TO.get(m)!);
}

/** The distinct index terms of a text, in order of first appearance. */
export function analyze(text: string | null | undefined, maxTerms = 80): string[] {
  if (!text) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const w of normalizeText(text).split(' ')) {
    if (!w || STOP_WORDS.has(w)) continue;
    const s = stem(w);
    if (STOP_WORDS.has(s) || s.length < 2) continue;
    if (!seen.has(s)) { seen.add(s); out.push(s); if (out.length >= maxTerms) break; }
  }
  return out;
}
