"""Makes test/data/similarity-pairs.json from hand-written topic groups (see docs/similarity.md).

Each topic holds programs ("concepts"); each concept is written in two or three ways, the way different OPDs name the
same program (titles, sometimes with a description). Pairs:
  duplicate  = two phrasings of the same concept (always from different wordings, as two OPDs would say it)
  related    = two different concepts of the same topic (same field, different program)
  unrelated  = concepts of different topics
Topics alternate between the "tune" and "heldout" splits, so held-out pairs use wordings never seen while tuning.
Run: python3 test/data/make-similarity-pairs.py"""
import json, random, itertools, os

T = []  # (topic, [[(title, description), ...], ...])
def topic(name, *concepts):
    T.append((name, [[(p, None) if isinstance(p, str) else p for p in c] for c in concepts]))

topic('antrean kesehatan',
  ['Aplikasi Antrean Online Puskesmas', 'Sistem Antrian Daring Layanan Puskesmas', ('Pendaftaran Pasien Puskesmas Lewat Aplikasi', 'Warga mengambil nomor antrean puskesmas dari ponsel sehingga tidak menunggu lama di loket.')],
  ['Rekam Medis Elektronik Puskesmas', ('Digitalisasi Rekam Medik Pasien', 'Rekam medis pasien puskesmas dicatat secara elektronik dan dapat diakses antar fasilitas kesehatan.')],
  ['Telemedisin untuk Puskesmas Pembantu', 'Layanan Konsultasi Kesehatan Jarak Jauh'],
)
topic('pengaduan',
  ['Aplikasi Pengaduan Masyarakat Terpadu', 'Sistem Aduan Warga Online', ('Kanal Laporan Keluhan Publik', 'Satu kanal untuk menerima keluhan warga tentang layanan publik dan meneruskannya ke OPD terkait.')],
  ['Survei Kepuasan Masyarakat Elektronik', 'E-Survei Kepuasan Layanan Publik'],
  ['Call Center 112 Kedaruratan', 'Layanan Panggilan Darurat 112 Terpadu'],
)
topic('parkir',
  ['E-Parkir', 'Parkir Elektronik Non Tunai', ('Sistem Parkir Cashless', 'Pembayaran parkir tepi jalan tanpa uang tunai menggunakan kartu atau QRIS.')],
  ['Sensor Ketersediaan Slot Parkir', 'Informasi Slot Parkir Kosong Berbasis IoT'],
  ['Penataan Parkir Kawasan Wisata', 'Manajemen Parkir di Destinasi Wisata'],
)
topic('perizinan',
  ['Perizinan Online Terintegrasi', 'Layanan Izin Usaha Daring', ('Sistem Perizinan Elektronik Satu Pintu', 'Semua izin usaha dan non-usaha diajukan secara daring melalui satu pintu.')],
  ['Izin Mendirikan Bangunan Online', 'Persetujuan Bangunan Gedung Daring'],
  ['Tracking Status Permohonan Izin', 'Pelacakan Berkas Perizinan'],
)
topic('cctv keamanan',
  ['CCTV Kota Terintegrasi', 'Pemasangan Kamera Pengawas di Ruang Publik', ('Jaringan CCTV Keamanan Kota', 'Kamera pengawas di persimpangan dan ruang publik terhubung ke ruang kendali.')],
  ['Patroli Satpol PP Berbasis GPS', 'Pelacakan Kendaraan Patroli Ketertiban'],
  ['Aplikasi Panic Button Warga', 'Tombol Darurat Digital untuk Warga'],
)
topic('ruang kendali',
  ['Pembangunan Command Center', 'Ruang Kendali Kota Terpadu', 'Pusat Kendali Operasi Kota'],
  ['Dashboard Kinerja Pimpinan Daerah', 'Dasbor Eksekutif Wali Kota'],
  ['Integrasi Data Sensor Kota ke Ruang Kendali', 'Konsolidasi Data IoT Perkotaan'],
)
topic('sampah',
  ['Bank Sampah Digital', 'Aplikasi Tabungan Sampah Warga', ('Digitalisasi Bank Sampah Banjar', 'Pencatatan setoran sampah warga ke bank sampah dengan aplikasi dan saldo tabungan.')],
  ['Pemantauan Armada Pengangkut Sampah Berbasis GPS', 'Pelacakan Truk Sampah'],
  ['Sensor Volume Tempat Sampah', 'Tempat Sampah Pintar Berbasis IoT'],
)
topic('banjir',
  ['Early Warning System Banjir', 'Sistem Peringatan Dini Banjir', ('Pemantauan Tinggi Muka Air Sungai', 'Sensor tinggi muka air di sungai utama mengirim peringatan dini banjir ke warga dan BPBD.')],
  ['Peta Rawan Bencana Digital', 'Sistem Informasi Geografis Kebencanaan'],
  ['Normalisasi Drainase Perkotaan', 'Perbaikan Saluran Air Kota'],
)
topic('pasar',
  ['Pasar Non Tunai Berbasis QRIS', 'Pembayaran Digital di Pasar Tradisional', 'Transaksi Cashless Pedagang Pasar'],
  ['Retribusi Pasar Elektronik', 'E-Retribusi Pedagang Pasar'],
  ['Informasi Harga Bahan Pokok Harian', 'Aplikasi Pantauan Harga Sembako'],
)
topic('umkm',
  ['E-Katalog Produk UMKM', 'Marketplace Produk Unggulan Daerah', ('Toko Online UMKM Lokal', 'Lapak daring bersama untuk memasarkan produk usaha mikro dan kecil.')],
  ['Pelatihan Literasi Digital Pelaku UMKM', 'Kelas Pemasaran Digital untuk Usaha Mikro'],
  ['Pendataan UMKM Terpadu', 'Basis Data Usaha Mikro Kecil Menengah'],
)
topic('satu data',
  ['Satu Data Kota', 'Portal Data Terpadu Pemerintah Daerah', ('Integrasi Data Sektoral OPD', 'Menyatukan data sektoral semua OPD dalam satu portal satu data dengan standar dan metadata yang sama.')],
  ['Portal Open Data', 'Data Terbuka untuk Publik'],
  ['Analitik Big Data Kebijakan', 'Analisis Data untuk Perencanaan Pembangunan'],
)
topic('kepegawaian',
  ['SIMPEG', 'Sistem Informasi Manajemen Kepegawaian', 'Aplikasi Data Pegawai ASN'],
  ['Absensi Pegawai Berbasis Wajah', 'Presensi ASN dengan Pengenalan Wajah'],
  ['E-Kinerja ASN', 'Penilaian Kinerja Pegawai Elektronik'],
)
topic('perkantoran',
  ['E-Office', 'Naskah Dinas Elektronik', ('Tata Naskah Dinas Digital', 'Surat menyurat dan disposisi antar OPD tanpa kertas dengan tanda tangan elektronik.')],
  ['Tanda Tangan Elektronik Pejabat', 'Sertifikat Elektronik untuk Penandatanganan Dokumen'],
  ['Arsip Digital Pemerintah', 'Digitalisasi Kearsipan Daerah'],
)
topic('pajak',
  ['E-Pajak Daerah', 'Pembayaran Pajak Daerah Online', 'Layanan Pajak Daerah Daring'],
  ['Pajak Restoran Berbasis Tapping Box', 'Alat Perekam Transaksi Usaha Wajib Pajak'],
  ['PBB Online', 'Pembayaran PBB-P2 Non Tunai'],
)
topic('pendidikan',
  ['PPDB Online', 'Penerimaan Peserta Didik Baru Daring', 'Pendaftaran Sekolah Online'],
  ['E-Learning Sekolah Dasar', 'Pembelajaran Daring untuk SD dan SMP'],
  ['Perpustakaan Digital', 'E-Library Daerah', 'Perpustakaan Elektronik Kota'],
)
topic('kependudukan',
  ['Layanan Adminduk Online', 'Pengurusan Dokumen Kependudukan Daring', ('Dukcapil Online', 'Akta, kartu keluarga dan pindah datang diurus dari rumah lewat aplikasi.')],
  ['KTP Elektronik Keliling', 'Perekaman e-KTP Jemput Bola'],
  ['Kartu Identitas Anak Digital', 'KIA Elektronik'],
)
topic('transportasi',
  ['ATCS Persimpangan', 'Area Traffic Control System', 'Lampu Lalu Lintas Cerdas'],
  ['Informasi Kedatangan Bus Real Time', 'Aplikasi Jadwal dan Posisi Bus Kota'],
  ['Uji KIR Online', 'Pengujian Kendaraan Bermotor Daring'],
)
topic('pariwisata',
  ['Aplikasi Pemandu Wisata Digital', 'Panduan Wisata Berbasis Aplikasi', 'Tourism Guide App'],
  ['Tiket Masuk Objek Wisata Elektronik', 'E-Ticketing Destinasi Wisata'],
  ['Desa Wisata Digital', 'Promosi Desa Wisata Lewat Media Sosial'],
)
topic('wifi',
  ['Wifi Gratis Ruang Publik', 'Hotspot Internet Gratis di Taman Kota', 'Akses Internet Publik Gratis'],
  ['Penataan Menara Telekomunikasi', 'Menara BTS Bersama'],
  ['Jaringan Fiber Optik Antar OPD', 'Intranet Pemerintah Daerah'],
)
topic('penerangan',
  ['PJU Cerdas', 'Lampu Jalan Pintar Hemat Energi', 'Penerangan Jalan Umum Berbasis IoT'],
  ['PLTS Atap Gedung Pemerintah', 'Panel Surya di Kantor OPD'],
)
topic('air',
  ['Meteran Air Pintar', 'Smart Water Meter PDAM', 'Pembacaan Meter Air Otomatis'],
  ['Pemantauan Kualitas Air Sungai', 'Sensor Mutu Air Sungai'],
  ['Deteksi Kebocoran Pipa PDAM', 'Pengendalian Kehilangan Air'],
)
topic('sosial',
  ['Data Terpadu Kesejahteraan Sosial', 'Basis Data Penerima Bantuan Sosial', 'Pemutakhiran DTKS'],
  ['Penyaluran Bansos Non Tunai', 'Bantuan Sosial Lewat Kartu Elektronik'],
  ['Layanan Disabilitas Ramah Digital', 'Aplikasi Aksesibilitas untuk Penyandang Disabilitas'],
)
topic('pertanian',
  ['Sistem Informasi Pertanian Terpadu', 'Portal Data Pertanian', 'Aplikasi Informasi Petani'],
  ['Irigasi Subak Berbasis Sensor', 'Pengairan Sawah Cerdas'],
  ['Pasar Tani Online', 'Penjualan Hasil Pertanian Daring'],
)
topic('perencanaan',
  ['E-Planning', 'Perencanaan Pembangunan Elektronik', 'Sistem Informasi Perencanaan Daerah'],
  ['E-Musrenbang', 'Musrenbang Online'],
  ['E-Budgeting APBD', 'Penganggaran Elektronik'],
)
topic('pengadaan',
  ['LPSE Daerah', 'Layanan Pengadaan Secara Elektronik', 'E-Procurement Pemerintah Kota'],
  ['Katalog Elektronik Lokal untuk Belanja Pemerintah', 'Toko Daring Pengadaan Barang Pemerintah'],
)
topic('lingkungan',
  ['Pemantauan Kualitas Udara Real Time', 'Sensor Polusi Udara Kota', 'Stasiun Pemantau Udara Otomatis'],
  ['Ruang Terbuka Hijau Digital', 'Inventarisasi Pohon Kota Berbasis Peta'],
  ['Pengolahan Sampah Menjadi Energi', 'PLTSa Kota'],
)
topic('budaya',
  ['Digitalisasi Lontar', 'Alih Media Naskah Lontar Bali', 'Arsip Digital Lontar'],
  ['Kalender Event Budaya Online', 'Agenda Kegiatan Seni dan Budaya Daring'],
  ['Museum Virtual', 'Tur Museum 360 Derajat'],
)
topic('keuangan',
  ['Transaksi Non Tunai Pemerintah Daerah', 'Elektronifikasi Transaksi Pemda', 'Belanja Daerah Cashless'],
  ['Laporan Keuangan Daerah Online', 'Sistem Informasi Keuangan Daerah'],
)
topic('ekonomi kreatif',
  ['Inkubator Startup Digital', 'Pusat Inkubasi Usaha Rintisan Teknologi'],
  ['Creative Hub Anak Muda', 'Ruang Kreatif Kaum Muda'],
  ['Festival Ekonomi Kreatif Digital', 'Pameran Produk Kreatif Daring'],
)
topic('kesehatan ibu anak',
  ['Aplikasi Pemantauan Ibu Hamil', 'Pendataan Ibu Hamil Berisiko Tinggi'],
  ['Posyandu Digital', 'Pencatatan Posyandu Elektronik', 'E-Posyandu'],
  ['Penurunan Stunting Berbasis Data', 'Pemantauan Balita Stunting'],
)
topic('ambulans',
  ['Ambulans Gratis Panggilan Online', 'Layanan Ambulans Daring', 'Pemesanan Ambulans Lewat Aplikasi'],
  ['Sistem Informasi Ketersediaan Tempat Tidur Rumah Sakit', 'Informasi Kamar Rawat Inap Real Time'],
)
topic('kebakaran',
  ['Pelaporan Kebakaran Cepat', 'Aplikasi Lapor Kebakaran', 'Panggilan Darurat Pemadam Kebakaran'],
  ['Hidran Kota Terpetakan', 'Peta Digital Hidran Kebakaran'],
)
topic('perumahan',
  ['Pendataan Rumah Tidak Layak Huni', 'Basis Data RTLH', 'Sistem Informasi Rumah Tidak Layak Huni'],
  ['Kampung Kumuh Berbasis Peta', 'Pemetaan Kawasan Permukiman Kumuh'],
)
topic('ketenagakerjaan',
  ['Bursa Kerja Online', 'Job Fair Daring', 'Portal Lowongan Kerja Daerah'],
  ['Pelatihan Kerja Berbasis Kompetensi Digital', 'Balai Latihan Kerja Digital'],
)
topic('hukum',
  ['JDIH Online', 'Jaringan Dokumentasi dan Informasi Hukum', 'Portal Produk Hukum Daerah'],
  ['Konsultasi Hukum Gratis Daring', 'Layanan Bantuan Hukum Online'],
)
topic('perhubungan laut',
  ['Tiket Penyeberangan Online', 'E-Ticket Kapal Penyeberangan'],
  ['Pemantauan Kapal Nelayan', 'Pelacakan Perahu Nelayan dengan GPS'],
)

random.seed(20261128)
pairs = []
for ti, (name, concepts) in enumerate(T):
    split = 'tune' if ti % 2 == 0 else 'heldout'
    def item(p):
        d = {'title': p[0]}
        if p[1]: d['description'] = p[1]
        return d
    for c in concepts:
        for a, b in itertools.combinations(c, 2):
            pairs.append({'a': item(a), 'b': item(b), 'label': 'duplicate', 'topic': name, 'split': split})
    for c1, c2 in itertools.combinations(concepts, 2):
        for a in c1[:2]:
            b = random.choice(c2)
            pairs.append({'a': item(a), 'b': item(b), 'label': 'related', 'topic': name, 'split': split})
# unrelated: a phrasing of one topic against one of another topic in the same split
for ti, (name, concepts) in enumerate(T):
    split = 'tune' if ti % 2 == 0 else 'heldout'
    same = [u for uj, u in enumerate(T) if uj % 2 == ti % 2 and uj != ti]
    for k in range(3):
        other = random.choice(same)
        a = random.choice(random.choice(concepts))
        b = random.choice(random.choice(other[1]))
        pairs.append({'a': {'title': a[0], **({'description': a[1]} if a[1] else {})}, 'b': {'title': b[0], **({'description': b[1]} if b[1] else {})}, 'label': 'unrelated', 'topic': f'{name} / {other[0]}', 'split': split})

out = os.path.join(os.path.dirname(__file__), 'similarity-pairs.json')
with open(out, 'w', encoding='utf-8') as f:
    json.dump({'about': 'Labelled pairs of Indonesian smart-city program titles; made by test/data/make-similarity-pairs.py (see docs/similarity.md).', 'pairs': pairs}, f, ensure_ascii=False, indent=1)
from collections import Counter
print(len(pairs), Counter(p['label'] for p in pairs), Counter(p['split'] for p in pairs))
