/** What a program title says is done to its subject: training people, collecting data, taking payments, handing out
 * aid, taking complaints, building, certifying, booking. Two titles on one subject that name different activities are
 * complementary programs, not one program twice: "Renovasi Gedung Command Center" / "Pelatihan Operator Command
 * Center", "Data RTLH" / "Bantuan stimulan bedah rumah", "Pembayaran PBB lewat QRIS" / "Pemutakhiran data objek PBB".
 * Of the 1,116 tuning pairs of the round that added it, 16 named different activities and none was a duplicate
 * (docs/similarity.md). A title may name several activities; two titles differ only when they have no activity in
 * common. Worked out from the indexed title terms when two programs are compared, so a change here needs no
 * re-indexing. */
import type { Activity } from '../../../shared/api/schemas';
import { wordTerms } from './normalize';

/** Each activity by the words that name it, written as a title would have them (analysed like a title below, so that
 * "pelatihan", "bimtek" and "training" all give the same term). Words that name the act, not its object or its
 * product: not "gedung" (a building, which a parking or a licence program may name), not "pelaporan" (its stem is
 * also that of "laporan keuangan"), not "kelas" (a classroom). */
const ACTIVITY_WORDS: Record<Activity, string> = {
  training: 'pelatihan bimtek workshop kursus training edukasi sosialisasi literasi',
  data: 'pendataan data survei sensus pemutakhiran database inventarisasi',
  payment: 'pembayaran qris nontunai tunai transaksi',
  aid: 'bantuan subsidi hibah stimulan bansos',
  complaint: 'pengaduan hotline aspirasi',
  building: 'renovasi rehabilitasi konstruksi',
  certification: 'sertifikasi akreditasi',
  booking: 'booking reservasi pemesanan',
};

const ACTIVITY_OF = new Map<string, Activity>();
for (const [activity, words] of Object.entries(ACTIVITY_WORDS) as [Activity, string][]) for (const word of words.split(' ')) {
  // word by word, so that no phrase of the table joins two of them; each must give a term (a stop word would not)
  const terms = wordTerms(word);
  if (terms.length === 0) throw new Error(`activities: "${word}" gives no term`);
  for (const t of terms) ACTIVITY_OF.set(t, activity);
}

/** The activities that a title's terms name, each once. */
export function activitiesOf(titleTerms: readonly string[]): Activity[] {
  const out: Activity[] = [];
  for (const t of titleTerms) { const a = ACTIVITY_OF.get(t); if (a !== undefined && !out.includes(a)) out.push(a); }
  return out;
}

/** Whether two titles each name an activity and no activity in common. */
export function differentActivities(a: readonly Activity[], b: readonly Activity[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));
}
