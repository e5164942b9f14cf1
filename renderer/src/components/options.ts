/** Pick-list options built from the reference data, in the UI language. */
import type { TFunction } from 'i18next';
import { DIMENSIONS, FUNDING_SOURCES, HORIZONS, PROGRAM_STATUSES, type Lang } from '../../../shared/reference';
import type { Opd } from '../../../shared/api/schemas';
import type { TypeaheadOption } from './TypeaheadSelect';

const short = (label: string) => label.replace(/\s*\(.*\)$/, '');

/** One list of all 18 elements grouped by dimension: choosing the element sets the dimension too. */
export function elementOptions(lang: Lang): TypeaheadOption[] {
  return DIMENSIONS.flatMap((d) => d.elements.map((e) => ({
    value: e.id, label: e.label[lang], group: short(d.label[lang]), keywords: `${d.label.id} ${d.label.en} ${e.label.id} ${e.label.en}`,
  })));
}
export const dimensionOptions = (lang: Lang): TypeaheadOption[] => DIMENSIONS.map((d) => ({ value: d.id, label: d.label[lang] }));
export const horizonOptions = (lang: Lang): TypeaheadOption[] => HORIZONS.map((h) => ({ value: h.id, label: h.label[lang], keywords: h.id }));
export const fundingOptions = (lang: Lang): TypeaheadOption[] => FUNDING_SOURCES.map((f) => ({ value: f.id, label: f.label[lang], keywords: `${f.label.id} ${f.label.en}` }));
export const statusOptions = (lang: Lang): TypeaheadOption[] => PROGRAM_STATUSES.map((s) => ({ value: s.id, label: s.label[lang], keywords: `${s.label.id} ${s.label.en}` }));
export const opdOptions = (opds: Opd[]): TypeaheadOption[] => opds.map((o) => ({ value: o.id, label: o.abbr ? `${o.abbr} — ${o.name}` : o.name, keywords: o.name }));
export const regionKindOptions = (t: TFunction): TypeaheadOption[] => [{ value: 'kota', label: t('region.kota') }, { value: 'kabupaten', label: t('region.kabupaten') }];
export const opdKindOptions = (t: TFunction): TypeaheadOption[] =>
  ['sekretariat', 'inspektorat', 'badan', 'dinas', 'kecamatan', 'rsud', 'bumd', 'lainnya'].map((k) => ({ value: k, label: t(`opdKind.${k}`) }));
