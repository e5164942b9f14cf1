import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, graphemeLength } from '../../shared/text';
import { formatDate, formatDateRange, formatDuration, isIsoDate } from '../../shared/dates';
import { ftsQuery } from '../../electron/core/search/ftsQuery';

describe('text hygiene', () => {
  it('removes control characters XML forbids but keeps line breaks, tabs and every script', () => {
    expect(cleanText('a\u000bb\u0000c\u001fd\u007f\r\ne\tf')).toBe('abcd\ne\tf');
    const balinese = 'ᬓᬢᬄ ᬤᬾᬦ᭄ᬧᬲᬃ';
    expect(cleanText(`${balinese} 🛕🌊 مرحبا`)).toBe(`${balinese} 🛕🌊 مرحبا`);
  });
  it('drops lone surrogates (half an emoji pasted from a broken source)', () => {
    expect(cleanText('x\ud83dy')).toBe('xy');
    expect(cleanText('😀')).toBe('😀');
  });
  it('single lines: breaks become spaces, ends trimmed', () => {
    expect(cleanLine('  Smart\nParking \t  Denpasar ')).toBe('Smart Parking Denpasar');
  });
  it('counts user-perceived characters', () => {
    expect(graphemeLength('👨‍👩‍👧')).toBe(1);
  });
});

describe('Indonesian dates', () => {
  it('formats like official documents', () => {
    expect(formatDate('2018-10-22', 'id', true)).toBe('Senin, 22 Oktober 2018');
    expect(formatDate('2018-10-22', 'en', true)).toBe('Monday, 22 October 2018');
    expect(formatDateRange('2018-10-22', '2018-10-23')).toBe('22–23 Oktober 2018');
    expect(formatDateRange('2018-10-31', '2018-11-01')).toBe('31 Oktober 2018 – 1 November 2018');
  });
  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('22/10/2018')).toBe(false);
  });
  it('formats durations for the timer', () => {
    expect(formatDuration(14 * 60_000 + 5_000)).toBe('14:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});

describe('full-text query building', () => {
  it('treats typed operators and quotes as text', () => {
    expect(ftsQuery('antrean "online" OR NOT')).toBe('"antrean"* "online"* "OR"* "NOT"*');
    expect(ftsQuery('***')).toBeNull();
  });
});
