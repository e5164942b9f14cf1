/** Reference data (dimensions, elements, horizons, funding sources, statuses, Bimtek stages, OPD templates),
 * copied from the project brief so the app runs without it. Labels carry Indonesian and English. */
import data from './reference.json';

export type Lang = 'id' | 'en';
export interface Label { id: string; en: string }
export interface ElementRef { id: string; label: Label }
export interface DimensionRef { id: string; label: Label; elements: ElementRef[] }
export interface OptionRef<T = string> { id: T; label: Label }
export interface OpdTemplateEntry { name: string; abbr: string }

export const DIMENSIONS: readonly DimensionRef[] = data.dimensions;
export const HORIZONS: readonly OptionRef[] = data.horizons;
export const FUNDING_SOURCES: readonly OptionRef[] = data.fundingSources;
export const PROGRAM_STATUSES: readonly OptionRef[] = data.programStatuses;
export const BIMTEK_STAGES: readonly OptionRef<number>[] = data.bimtekStages;
export const OPD_TEMPLATES: Readonly<Record<string, { label: string; opds: OpdTemplateEntry[] }>> = data.opdTemplates;

export const DIMENSION_IDS = DIMENSIONS.map((d) => d.id);
export const HORIZON_IDS = HORIZONS.map((h) => h.id);
export const FUNDING_IDS = FUNDING_SOURCES.map((f) => f.id);
export const STATUS_IDS = PROGRAM_STATUSES.map((s) => s.id);
export const OPD_KINDS = ['sekretariat', 'inspektorat', 'badan', 'dinas', 'kecamatan', 'rsud', 'bumd', 'lainnya'] as const;
export type OpdKind = (typeof OPD_KINDS)[number];
export const PRESENTATION_STATES = ['waiting', 'presenting', 'done'] as const;
export type PresentationState = (typeof PRESENTATION_STATES)[number];

/** The dimension an element belongs to, or undefined for an unknown element id. */
export function dimensionOfElement(elementId: string): DimensionRef | undefined {
  return DIMENSIONS.find((d) => d.elements.some((e) => e.id === elementId));
}

export function elementBelongsTo(dimensionId: string, elementId: string): boolean {
  return DIMENSIONS.some((d) => d.id === dimensionId && d.elements.some((e) => e.id === elementId));
}

export function labelOf(list: readonly { id: string | number; label: Label }[], id: string | number | null | undefined, lang: Lang): string {
  const hit = list.find((x) => x.id === id);
  return hit ? hit.label[lang] : id == null ? '' : String(id);
}

export function elementLabel(elementId: string | null | undefined, lang: Lang): string {
  for (const d of DIMENSIONS) for (const e of d.elements) if (e.id === elementId) return e.label[lang];
  return elementId ?? '';
}

/** Guess an OPD's kind from its name, for templates and quick entry. */
export function guessOpdKind(name: string): OpdKind {
  const n = name.toLowerCase();
  if (n.startsWith('sekretariat')) return 'sekretariat';
  if (n.startsWith('inspektorat')) return 'inspektorat';
  if (n.startsWith('badan')) return 'badan';
  if (n.startsWith('dinas')) return 'dinas';
  if (n.startsWith('kecamatan')) return 'kecamatan';
  if (n.startsWith('rsud') || n.includes('rumah sakit')) return 'rsud';
  if (n.startsWith('perumda') || n.startsWith('perusahaan daerah') || n.startsWith('pd ')) return 'bumd';
  return 'lainnya';
}
