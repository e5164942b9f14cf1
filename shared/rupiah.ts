/** Rupiah as people say it and as official documents print it.
 *  parse: "1,5 M", "1.5 miliar", "250 jt", "750 rb", "2 T", "1.500.000.000", "Rp1.500.000.000,00".
 *  format: official "Rp1.500.000.000,00" or common "Rp 1.500.000.000" (PUEBI / everyday use). */

export const MAX_RUPIAH = 1_000_000_000_000_000; // Rp1.000 triliun: anything above is a typo, not a program budget

export type RupiahStyle = 'official' | 'common';
export type ParseRupiahResult =
  | { ok: true; value: number | null }
  | { ok: false; reason: 'invalid' | 'negative' | 'too-large' };

const UNITS: Record<string, number> = {
  rb: 1e3, ribu: 1e3, k: 1e3,
  jt: 1e6, juta: 1e6,
  m: 1e9, miliar: 1e9, milyar: 1e9, myr: 1e9, b: 1e9, bn: 1e9,
  t: 1e12, triliun: 1e12, trilyun: 1e12, tn: 1e12,
};

/** Reads a number written the Indonesian way ("." thousands, "," decimals), tolerating "1.5" with a unit. */
function readNumber(raw: string, _hasUnit: boolean): number | null {
  const s = raw.replace(/\s+/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normalized: string;
  if (commas > 1) {
    // "1,500,000" (English grouping)
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return null;
    normalized = s.replace(/,/g, '');
  } else if (commas === 1 && dots >= 1) {
    const ci = s.indexOf(','), di = s.lastIndexOf('.');
    if (ci > di) {
      // "1.500.000,50" Indonesian
      if (!/^\d{1,3}(\.\d{3})+,\d*$/.test(s)) return null;
      normalized = s.replace(/\./g, '').replace(',', '.');
    } else {
      // "1,500.50" English
      if (!/^\d{1,3}(,\d{3})+\.\d*$/.test(s)) return null;
      normalized = s.replace(/,/g, '');
    }
  } else if (commas === 1) {
    normalized = s.replace(',', '.'); // "1,5"
  } else if (dots > 1) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(s)) return null;
    normalized = s.replace(/\./g, '');
  } else if (dots === 1) {
    // "1.500" is fifteen hundred; "1.5 M" is one and a half billion
    normalized = /^\d{1,3}\.\d{3}$/.test(s) ? s.replace('.', '') : s;
  } else normalized = s;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

export function parseRupiah(input: string): ParseRupiahResult {
  let s = input.trim().toLowerCase().replace(/\u00a0/g, ' ');
  if (s === '' || s === '-') return { ok: true, value: null };
  let negative = false;
  if (s.startsWith('-') || s.startsWith('−')) { negative = true; s = s.slice(1).trim(); }
  s = s.replace(/^rp\.?\s*/, '');
  if (s.startsWith('-')) { negative = true; s = s.slice(1).trim(); }
  const m = /^([\d.,\s]*\d[\d.,]*)\s*([a-z]*)\.?$/.exec(s);
  if (!m) return { ok: false, reason: 'invalid' };
  const unitWord = m[2] ?? '';
  const unit = unitWord === '' ? 1 : UNITS[unitWord];
  if (unit === undefined) return { ok: false, reason: 'invalid' };
  const n = readNumber((m[1] ?? '').replace(/[.,]$/, ''), unitWord !== '');
  if (n === null) return { ok: false, reason: 'invalid' };
  const value = Math.round(n * unit);
  if (negative && value !== 0) return { ok: false, reason: 'negative' };
  if (value > MAX_RUPIAH) return { ok: false, reason: 'too-large' };
  return { ok: true, value };
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "Rp1.500.000.000,00" (official) or "Rp 1.500.000.000" (common). Integers only: budgets are whole rupiah. */
export function formatRupiah(value: number, style: RupiahStyle = 'common'): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.round(Math.abs(value));
  const digits = group(String(abs));
  return style === 'official' ? `${sign}Rp${digits},00` : `${sign}Rp ${digits}`;
}

/** Short form as people say it: "Rp 1,5 M", "Rp 250 jt", "Rp 750 rb". */
export function formatRupiahShort(value: number, lang: 'id' | 'en' = 'id'): string {
  const steps: [number, string, string][] = [[1e12, 'T', 'tn'], [1e9, 'M', 'bn'], [1e6, 'jt', 'm'], [1e3, 'rb', 'k']];
  for (const [size, id, en] of steps) {
    if (Math.abs(value) >= size) {
      const n = Math.round((value / size) * 100) / 100;
      const text = lang === 'id' ? String(n).replace('.', ',') : String(n);
      return `Rp ${text} ${lang === 'id' ? id : en}`;
    }
  }
  return formatRupiah(value, 'common');
}
