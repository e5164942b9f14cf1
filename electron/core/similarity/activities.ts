/** What a program title says is done to its subject: training people, collecting data, taking payments, handing out
 * aid, taking complaints, building, certifying, booking. Two titles on one subject that name different activities are
 * complementary programs, not one program twice: "Pembangunan Gedung Command Center" / "Pelatihan Operator Command
 * Center", "Data RTLH" / "Bantuan stimulan bedah rumah", "Pembayaran PBB lewat QRIS" / "Pemutakhiran data objek PBB".
 * Of the 1,100 tuning pairs, 24 name different activities; none of them is a duplicate (docs/similarity.md). A title
 * may name several activities; two titles differ only when they have no activity in common. Worked out from the
 * indexed title terms when two programs are compared, so a change here needs no re-indexing. */
import { wordTerms } from './normalize';

/** Each activity by the words that name it, written as a title would have them (analysed like a title below, so that
 * "pelatihan", "bimtek" and "training" all give the same term). */
const ACTIVITY_WORDS: Record<string, string> = {
  training: 'pelatihan bimtek workshop kursus training edukasi sosialisasi literasi kelas',
  data: 'pendataan data survei sensus pemutakhiran database inventarisasi',
  payment: 'pembayaran qris nontunai tunai transaksi',
  aid: 'bantuan subsidi hibah stimulan bansos',
  complaint: 'pengaduan pelaporan hotline aspirasi',
  building: 'gedung renovasi rehabilitasi konstruksi',
  certification: 'sertifikasi akreditasi',
  booking: 'booking reservasi pemesanan',
};

const ACTIVITY_OF = new Map<string, string>();
for (const [activity, words] of Object.entries(ACTIVITY_WORDS)) for (const t of wordTerms(words)) ACTIVITY_OF.set(t, activity);

/** The activities that a title's terms name, each once. */
export function activitiesOf(titleTerms: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of titleTerms) { const a = ACTIVITY_OF.get(t); if (a !== undefined && !out.includes(a)) out.push(a); }
  return out;
}

/** Whether two titles each name an activity and no activity in common. */
export function differentActivities(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));
}
