/** The masterplan document's outline: the narrative sections written in the app, the chapters that can be switched
 * on and off, and the export settings with their defaults. Shared by the export engine and the UI. */
import { STATUS_IDS } from './reference';

/** Narrative sections, in document order, with the chapter they belong to. */
export const NARRATIVE_SECTIONS = [
  { key: 'foreword', chapter: 'foreword' },
  { key: 'background', chapter: 'bab1' },
  { key: 'purpose', chapter: 'bab1' },
  { key: 'legal', chapter: 'bab1' },
  { key: 'scope', chapter: 'bab1' },
  { key: 'systematics', chapter: 'bab1' },
  { key: 'regionProfile', chapter: 'bab2' },
  { key: 'readiness', chapter: 'bab2' },
  { key: 'swot_s', chapter: 'bab2' },
  { key: 'swot_w', chapter: 'bab2' },
  { key: 'swot_o', chapter: 'bab2' },
  { key: 'swot_t', chapter: 'bab2' },
  { key: 'strategicIssues', chapter: 'bab2' },
  { key: 'vision', chapter: 'bab3' },
  { key: 'mission', chapter: 'bab3' },
  { key: 'goals', chapter: 'bab3' },
  { key: 'closing', chapter: 'bab8' },
] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number]['key'];
export const NARRATIVE_KEYS = NARRATIVE_SECTIONS.map((s) => s.key) as NarrativeSection[];

/** Deterministic row id of a section, so two devices writing the same section converge on one row. */
export function narrativeId(section: NarrativeSection): string {
  return `narrative-${section}`;
}
export function sectionOfNarrativeId(id: string): NarrativeSection | undefined {
  const key = id.startsWith('narrative-') ? id.slice('narrative-'.length) : '';
  return (NARRATIVE_KEYS as string[]).includes(key) ? (key as NarrativeSection) : undefined;
}

/** Chapters a user can switch off (the cover is always there). */
export const CHAPTER_KEYS = [
  'foreword', 'toc', 'bab1', 'bab2', 'bab3', 'bab4', 'bab5', 'bab6', 'bab7', 'bab8', 'lampiran1', 'lampiran2', 'lampiran3',
] as const;
export type ChapterKey = (typeof CHAPTER_KEYS)[number];

export const PAPERS = ['a4', 'f4'] as const;
export type Paper = (typeof PAPERS)[number];
/** Paper sizes in millimetres (portrait). F4 / Folio as used by Indonesian offices: 215 × 330 mm. */
export const PAPER_MM: Record<Paper, { width: number; height: number }> = { a4: { width: 210, height: 297 }, f4: { width: 215, height: 330 } };
export const FONT_FAMILIES = ['Arial', 'Bookman Old Style', 'Times New Roman'] as const;

export interface ExportSettingsValue {
  paper: Paper;
  marginTop: number; marginRight: number; marginBottom: number; marginLeft: number; // mm
  fontFamily: string;
  fontSize: number; // pt
  rupiahStyle: 'official' | 'common';
  language: 'id' | 'en';
  chapters: Record<ChapterKey, boolean>;
  statuses: string[];
  includeNotes: boolean;
}

export function defaultExportSettings(language: 'id' | 'en' = 'id'): ExportSettingsValue {
  return {
    paper: 'a4', marginTop: 30, marginRight: 30, marginBottom: 30, marginLeft: 40,
    fontFamily: 'Arial', fontSize: 11, rupiahStyle: 'official', language,
    chapters: Object.fromEntries(CHAPTER_KEYS.map((k) => [k, true])) as Record<ChapterKey, boolean>,
    statuses: STATUS_IDS.filter((s) => s !== 'dropped'),
    includeNotes: false,
  };
}

/** Settings as stored (JSON text for chapters and statuses), merged over the defaults; unknown values are ignored. */
export function settingsFromRow(row: Record<string, unknown> | undefined, language: 'id' | 'en' = 'id'): ExportSettingsValue {
  const d = defaultExportSettings(language);
  if (!row) return d;
  const num = (v: unknown, lo: number, hi: number, dflt: number) => (typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi ? v : dflt);
  const json = (v: unknown): unknown => { try { return typeof v === 'string' ? JSON.parse(v) : undefined; } catch { return undefined; } };
  const chapters = { ...d.chapters };
  const c = json(row.chapters);
  if (c && typeof c === 'object') for (const k of CHAPTER_KEYS) if (typeof (c as Record<string, unknown>)[k] === 'boolean') chapters[k] = (c as Record<string, boolean>)[k]!;
  const s = json(row.statuses);
  const statuses = Array.isArray(s) ? s.filter((x): x is string => typeof x === 'string' && STATUS_IDS.includes(x)) : d.statuses;
  return {
    paper: row.paper === 'f4' ? 'f4' : row.paper === 'a4' ? 'a4' : d.paper,
    marginTop: num(row.marginTop, 5, 80, d.marginTop), marginRight: num(row.marginRight, 5, 80, d.marginRight),
    marginBottom: num(row.marginBottom, 5, 80, d.marginBottom), marginLeft: num(row.marginLeft, 5, 80, d.marginLeft),
    fontFamily: typeof row.fontFamily === 'string' && row.fontFamily.trim() ? row.fontFamily : d.fontFamily,
    fontSize: num(row.fontSize, 8, 16, d.fontSize),
    rupiahStyle: row.rupiahStyle === 'common' ? 'common' : row.rupiahStyle === 'official' ? 'official' : d.rupiahStyle,
    language: row.language === 'en' ? 'en' : row.language === 'id' ? 'id' : d.language,
    chapters, statuses,
    includeNotes: typeof row.includeNotes === 'boolean' ? row.includeNotes : row.includeNotes === 1 ? true : d.includeNotes,
  };
}
