import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRupiah, formatRupiahShort, MAX_RUPIAH, parseRupiah } from '../../shared/rupiah';

describe('parseRupiah: budgets typed the way people say them', () => {
  it.each([
    ['1,5 M', 1_500_000_000], ['1.5M', 1_500_000_000], ['1,5 miliar', 1_500_000_000], ['2 milyar', 2_000_000_000],
    ['250 jt', 250_000_000], ['250jt', 250_000_000], ['250 juta', 250_000_000], ['1,25 jt', 1_250_000],
    ['750 rb', 750_000], ['750 ribu', 750_000], ['2 T', 2_000_000_000_000], ['1.500 jt', 1_500_000_000],
    ['1.500.000.000', 1_500_000_000], ['Rp1.500.000.000,00', 1_500_000_000], ['Rp 1.500.000.000', 1_500_000_000],
    ['rp. 250.000', 250_000], ['1500000', 1_500_000], ['1.500', 1_500], ['0', 0], ['1,500,000', 1_500_000],
    ['Rp\u00a01.500.000', 1_500_000], ['  3 M  ', 3_000_000_000],
  ])('%s → %d', (input, value) => {
    expect(parseRupiah(input)).toEqual({ ok: true, value });
  });

  it('treats an empty field as "no budget"', () => {
    expect(parseRupiah('')).toEqual({ ok: true, value: null });
    expect(parseRupiah('   ')).toEqual({ ok: true, value: null });
  });

  it.each(['abc', '1,5 X', 'M', '1..5', '12ab', '1.5.5', '💰', 'ᬩᬮᬶ'])('refuses "%s" as unreadable', (input) => {
    expect(parseRupiah(input)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses negative and absurd budgets with their own reason', () => {
    expect(parseRupiah('-5 jt')).toEqual({ ok: false, reason: 'negative' });
    expect(parseRupiah('Rp -1.000')).toEqual({ ok: false, reason: 'negative' });
    expect(parseRupiah('5000 T')).toEqual({ ok: false, reason: 'too-large' });
  });
});

describe('formatRupiah', () => {
  it('prints the official and the common style', () => {
    expect(formatRupiah(1_500_000_000, 'official')).toBe('Rp1.500.000.000,00');
    expect(formatRupiah(1_500_000_000, 'common')).toBe('Rp 1.500.000.000');
    expect(formatRupiah(0, 'official')).toBe('Rp0,00');
    expect(formatRupiah(999, 'common')).toBe('Rp 999');
  });
  it('prints the short spoken form', () => {
    expect(formatRupiahShort(1_500_000_000)).toBe('Rp 1,5 M');
    expect(formatRupiahShort(250_000_000)).toBe('Rp 250 jt');
    expect(formatRupiahShort(250_000_000, 'en')).toBe('Rp 250 m');
  });
  it('round-trips: what it prints, parseRupiah reads back (both styles)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_RUPIAH }), fc.constantFrom('official', 'common') as fc.Arbitrary<'official' | 'common'>, (n, style) => {
      expect(parseRupiah(formatRupiah(n, style))).toEqual({ ok: true, value: n });
    }));
  });
});
