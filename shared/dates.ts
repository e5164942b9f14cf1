/** Dates the Indonesian way ("Senin, 22 Oktober 2018"), English when chosen. Dates are ISO "YYYY-MM-DD" strings. */
import type { Lang } from './reference';

const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const DAYS: Record<Lang, string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** "22 Oktober 2018"; with weekday: "Senin, 22 Oktober 2018". */
export function formatDate(iso: string, lang: Lang = 'id', withWeekday = false): string {
  if (!isIsoDate(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const body = lang === 'id' ? `${d} ${MONTHS.id[m - 1]} ${y}` : `${d} ${MONTHS.en[m - 1]} ${y}`;
  return withWeekday ? `${DAYS[lang][day]}, ${body}` : body;
}

/** "22–23 Oktober 2018" or a single date when start = end. */
export function formatDateRange(start: string | null, end: string | null, lang: Lang = 'id'): string {
  if (!start) return '';
  if (!end || end === start) return formatDate(start, lang);
  if (start.slice(0, 7) === end.slice(0, 7) && isIsoDate(start) && isIsoDate(end)) {
    return `${Number(start.slice(8))}–${formatDate(end, lang)}`;
  }
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/** Minutes:seconds for the presentation timer. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  const mm = String(m).padStart(2, '0'), ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
