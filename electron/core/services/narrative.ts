/** The narrative of the masterplan document and the export settings: both synced entities, written through mp.write. */
import { AppError } from '../../../shared/errors';
import type { ExportSettings, Narrative } from '../../../shared/api/schemas';
import { NARRATIVE_SECTIONS, narrativeId, sectionOfNarrativeId, settingsFromRow, type ExportSettingsValue } from '../../../shared/export';
import { rowToApi, type MasterplanDb } from '../db/masterplanDb';

function toNarrative(row: Record<string, unknown> | undefined, section: string): Narrative {
  const a = row ? rowToApi('narrative', row) : undefined;
  return {
    id: narrativeId(section as never), section: section as Narrative['section'],
    title: (a?.title as string | null) ?? null, body: a && !a.deleted ? ((a.body as string | null) ?? null) : null,
    updatedAt: typeof a?.updatedStamp === 'string' ? a.updatedStamp.slice(0, 24) : null,
  };
}

/** Every section of the outline, in order; sections nobody wrote yet come back empty (no row is created by reading). */
export function listNarrative(mp: MasterplanDb): Narrative[] {
  const rows = mp.prepare('SELECT * FROM narrative WHERE deleted = 0').all() as Record<string, unknown>[];
  const bySection = new Map(rows.map((r) => [r.section as string, r]));
  return NARRATIVE_SECTIONS.map((s) => toNarrative(bySection.get(s.key), s.key));
}

export function updateNarrative(mp: MasterplanDb, id: string, patch: { title?: string; body?: string }): Narrative {
  const section = sectionOfNarrativeId(id);
  if (!section) throw new AppError('NOT_FOUND', { entity: 'narrative', id });
  const exists = mp.prepare('SELECT deleted FROM narrative WHERE id = ?').get(id) as { deleted: number } | undefined;
  if (!exists) mp.write([{ entity: 'narrative', id, set: { section, ...patch } }]);
  else mp.write([{ entity: 'narrative', id, set: patch, ...(exists.deleted ? { restore: true } : {}) }]);
  return toNarrative(mp.prepare('SELECT * FROM narrative WHERE id = ?').get(id) as Record<string, unknown>, section);
}

function settingsRow(mp: MasterplanDb, id: string): Record<string, unknown> | undefined {
  const raw = mp.prepare('SELECT * FROM export_settings WHERE id = ? AND deleted = 0').get(id) as Record<string, unknown> | undefined;
  return raw ? rowToApi('exportSettings', raw) : undefined;
}

export function getExportSettings(mp: MasterplanDb, language: 'id' | 'en'): ExportSettings {
  const id = mp.masterplanId();
  if (!id) throw new AppError('NO_MASTERPLAN_OPEN');
  return { id, ...settingsFromRow(settingsRow(mp, id), language) };
}

export function saveExportSettings(mp: MasterplanDb, id: string, patch: Partial<Omit<ExportSettingsValue, 'chapters'>> & { chapters?: Partial<ExportSettingsValue['chapters']> }, language: 'id' | 'en'): ExportSettings {
  if (id !== mp.masterplanId()) throw new AppError('NOT_FOUND', { entity: 'exportSettings', id });
  const set: Record<string, unknown> = { ...patch };
  if (patch.chapters) set.chapters = JSON.stringify({ ...getExportSettings(mp, language).chapters, ...patch.chapters });
  if (patch.statuses) set.statuses = JSON.stringify(patch.statuses);
  mp.write([{ entity: 'exportSettings', id, set }]);
  return getExportSettings(mp, language);
}
