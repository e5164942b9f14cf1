/** Everything the export needs, loaded from the masterplan file into one plain object (no database handle leaves
 * this module). Every user string passes through cleanText here, so no builder can write a character XML forbids. */
import type Database from 'better-sqlite3';
import { cleanLine, cleanText } from '../../../shared/text';
import { DIMENSIONS } from '../../../shared/reference';
import { settingsFromRow, type ExportSettingsValue, type NarrativeSection } from '../../../shared/export';
import { fromStorage } from '../db/masterplanDb';

export interface OpdM { id: string; name: string; abbr: string; kind: string; order: number }
export interface ProgramM {
  id: string; no: number; title: string; description: string; dimension: string | null; element: string | null;
  horizon: string | null; quickWin: boolean; startYear: number | null; endYear: number | null; budget: number | null;
  funding: string | null; outputs: string; rpjmdRef: string; status: string; notes: string;
  leadOpdId: string; relatedOpdIds: string[]; presentationId: string | null;
}
export interface PresentationM {
  id: string; opdId: string; sessionTitle: string; stage: number | null; date: string | null; venue: string;
  presenterName: string; presenterPosition: string; summary: string; recommendations: string; state: string; order: number;
}
export interface FacilitatorM { name: string; institution: string; devices: string[]; programs: number; changes: number }

/** BAB VII's records of the duplicate review: complementary pairs (each OPD's role and the note) and resolved
 * duplicates (the program kept, its lead OPD, and each program merged into it with the OPD it came from). */
export interface ComplementaryPairM { programA: string; programB: string; roleA: string; roleB: string; note: string }
export interface MergedProgramM { id: string; title: string; opdId: string }
export interface ResolvedDuplicateM { keptProgramId: string; leadOpdId: string; merged: MergedProgramM[]; note: string }
export interface SynergyExtras { complementary: ComplementaryPairM[]; duplicates: ResolvedDuplicateM[] }

export interface ExportModel {
  masterplan: { id: string; title: string; regionName: string; regionKind: string; province: string; periodStart: number; periodEnd: number };
  settings: ExportSettingsValue;
  stage: number | null;
  generatedAt: string; // ISO date
  opds: OpdM[];
  opdById: Map<string, OpdM>;
  /** Included programs (by the settings' statuses), ordered by dimension, element, lead OPD order, creation. */
  programs: ProgramM[];
  narrative: Partial<Record<NarrativeSection, { title: string; body: string }>>;
  presentations: PresentationM[];
  facilitators: FacilitatorM[];
  synergy: SynergyExtras;
}

const str = (v: unknown) => (typeof v === 'string' ? cleanText(v) : '');
const line = (v: unknown) => (typeof v === 'string' ? cleanLine(v) : '');

function hasTable(db: Database.Database, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

/** The complementary pairs and the resolved duplicates (merges not undone) that BAB VII and the Excel export list (a
 * file older than the duplicate review has none). */
export function loadSynergyExtras(db: Database.Database): SynergyExtras {
  if (!hasTable(db, 'synergy') || !hasTable(db, 'duplicate_decision')) return { complementary: [], duplicates: [] };
  const complementary = (db.prepare(`SELECT program_a_id AS a, program_b_id AS b, note, role_a, role_b
    FROM synergy WHERE deleted = 0 ORDER BY created_stamp`).all() as { a: string; b: string; note: string | null; role_a: string | null; role_b: string | null }[])
    .map((r): ComplementaryPairM => ({ programA: r.a, programB: r.b, roleA: line(r.role_a), roleB: line(r.role_b), note: str(r.note) }));
  const rows = db.prepare(`SELECT d.merge_id, d.program_a_id AS kept, d.program_b_id AS merged, d.note, k.lead_opd_id AS lead, m.title AS merged_title, m.lead_opd_id AS merged_opd
    FROM duplicate_decision d JOIN program k ON k.id = d.program_a_id LEFT JOIN program m ON m.id = d.program_b_id
    WHERE d.deleted = 0 AND d.decision = 'merged' AND k.deleted = 0 ORDER BY d.created_stamp`).all() as { merge_id: string | null; kept: string; merged: string; note: string | null; lead: string; merged_title: string | null; merged_opd: string | null }[];
  const byMerge = new Map<string, ResolvedDuplicateM>();
  for (const r of rows) {
    const key = r.merge_id ?? `${r.kept}:${r.merged}`;
    const entry = byMerge.get(key) ?? { keptProgramId: r.kept, leadOpdId: r.lead, merged: [], note: '' };
    entry.merged.push({ id: r.merged, title: line(r.merged_title), opdId: r.merged_opd ?? '' });
    const note = str(r.note);
    if (note && !entry.note.split('\n').includes(note)) entry.note = entry.note ? `${entry.note}\n${note}` : note;
    byMerge.set(key, entry);
  }
  return { complementary, duplicates: [...byMerge.values()] };
}

export function loadModel(db: Database.Database, opts: { overrides?: Partial<ExportSettingsValue>; today?: string } = {}): ExportModel {
  const mpRow = db.prepare('SELECT * FROM masterplan WHERE deleted = 0 ORDER BY created_stamp LIMIT 1').get() as Record<string, unknown> | undefined;
  if (!mpRow) throw new Error('no masterplan row');
  const masterplan = {
    id: mpRow.id as string, title: line(mpRow.title), regionName: line(mpRow.region_name), regionKind: line(mpRow.region_kind),
    province: line(mpRow.province), periodStart: Number(mpRow.period_start ?? 2020), periodEnd: Number(mpRow.period_end ?? 2029),
  };
  if (masterplan.periodEnd < masterplan.periodStart) masterplan.periodEnd = masterplan.periodStart;

  let settingsRaw: Record<string, unknown> | undefined;
  if (hasTable(db, 'export_settings')) {
    const r = db.prepare('SELECT * FROM export_settings WHERE id = ? AND deleted = 0').get(masterplan.id) as Record<string, unknown> | undefined;
    if (r) settingsRaw = {
      paper: r.paper, marginTop: r.margin_top, marginRight: r.margin_right, marginBottom: r.margin_bottom, marginLeft: r.margin_left,
      fontFamily: r.font_family, fontSize: r.font_size, rupiahStyle: r.rupiah_style, language: r.language, chapters: r.chapters,
      statuses: r.statuses, includeNotes: fromStorage('bool', r.include_notes),
    };
  }
  const settings = { ...settingsFromRow(settingsRaw), ...(opts.overrides ?? {}) };

  const opds = (db.prepare('SELECT id, name, abbr, kind, sort_order FROM opd WHERE deleted = 0 ORDER BY sort_order, rowid').all() as Record<string, unknown>[])
    .map((r, i): OpdM => ({ id: r.id as string, name: line(r.name), abbr: line(r.abbr), kind: line(r.kind), order: i }));
  const opdById = new Map(opds.map((o) => [o.id, o]));

  const related = new Map<string, string[]>();
  for (const r of db.prepare('SELECT program_id, opd_id FROM program_opd WHERE deleted = 0 ORDER BY created_stamp').iterate() as Iterable<{ program_id: string; opd_id: string }>) {
    if (!opdById.has(r.opd_id)) continue;
    const l = related.get(r.program_id);
    if (l) l.push(r.opd_id); else related.set(r.program_id, [r.opd_id]);
  }

  const statuses = new Set(settings.statuses);
  const dimOrder = new Map(DIMENSIONS.map((d, i) => [d.id, i]));
  const elOrder = new Map(DIMENSIONS.flatMap((d) => d.elements.map((e, i) => [e.id, i] as const)));
  const programs: ProgramM[] = [];
  for (const r of db.prepare('SELECT * FROM program WHERE deleted = 0 ORDER BY rowid').iterate() as Iterable<Record<string, unknown>>) {
    const status = (r.status as string | null) ?? 'proposed';
    if (!statuses.has(status)) continue;
    const lead = r.lead_opd_id as string;
    if (!opdById.has(lead)) continue; // a program whose OPD was removed cannot be placed in Lampiran I
    programs.push({
      id: r.id as string, no: 0, title: line(r.title), description: str(r.description),
      dimension: dimOrder.has(r.dimension as string) ? (r.dimension as string) : null,
      element: elOrder.has(r.element as string) ? (r.element as string) : null,
      horizon: (r.horizon as string | null) ?? null, quickWin: r.quick_win === 1, startYear: (r.start_year as number | null) ?? null,
      endYear: (r.end_year as number | null) ?? null, budget: (r.budget as number | null) ?? null, funding: (r.funding as string | null) ?? null,
      outputs: str(r.outputs), rpjmdRef: str(r.rpjmd_ref), status, notes: str(r.notes), leadOpdId: lead,
      relatedOpdIds: (related.get(r.id as string) ?? []).filter((o) => o !== lead), presentationId: (r.presentation_id as string | null) ?? null,
    });
  }
  programs.sort((a, b) => (dimOrder.get(a.dimension ?? '') ?? 99) - (dimOrder.get(b.dimension ?? '') ?? 99)
    || (elOrder.get(a.element ?? '') ?? 99) - (elOrder.get(b.element ?? '') ?? 99)
    || opdById.get(a.leadOpdId)!.order - opdById.get(b.leadOpdId)!.order);

  const narrative: ExportModel['narrative'] = {};
  if (hasTable(db, 'narrative')) {
    for (const r of db.prepare('SELECT section, title, body FROM narrative WHERE deleted = 0').all() as Record<string, unknown>[]) {
      narrative[r.section as NarrativeSection] = { title: line(r.title), body: str(r.body) };
    }
  }

  const presentations = (db.prepare(`SELECT p.*, s.title AS s_title, s.stage AS s_stage, s.date_start AS s_date, s.venue AS s_venue
    FROM presentation p JOIN bimtek_session s ON s.id = p.session_id
    WHERE p.deleted = 0 AND s.deleted = 0 AND (p.state = 'done' OR coalesce(p.summary, '') <> '' OR coalesce(p.recommendations, '') <> '')
    ORDER BY s.stage, s.date_start, p.agenda_order`).all() as Record<string, unknown>[])
    .filter((r) => opdById.has(r.opd_id as string))
    .map((r, i): PresentationM => ({
      id: r.id as string, opdId: r.opd_id as string, sessionTitle: line(r.s_title), stage: (r.s_stage as number | null) ?? null,
      date: (r.s_date as string | null) ?? null, venue: line(r.s_venue), presenterName: line(r.presenter_name),
      presenterPosition: line(r.presenter_position), summary: str(r.summary), recommendations: str(r.recommendations), state: String(r.state ?? ''), order: i,
    }));
  const stage = (db.prepare('SELECT max(stage) FROM bimtek_session WHERE deleted = 0').pluck().get() as number | null) ?? null;

  // Who captured what: devices of each facilitator, programs first written from them (the device id ends every HLC
  // stamp, so a program's created_stamp names its device), changes made.
  const facilitators: FacilitatorM[] = [];
  const devices = db.prepare(`SELECT d.id, d.label, f.name, f.institution FROM device d LEFT JOIN facilitator f ON f.id = d.facilitator_id WHERE d.deleted = 0`).all() as Record<string, unknown>[];
  const progByDevice = new Map((db.prepare(`SELECT substr(created_stamp, -16) AS device, count(*) AS n FROM program GROUP BY 1`).all() as { device: string; n: number }[]).map((r) => [r.device, r.n]));
  const changesByDevice = new Map((db.prepare('SELECT device, count(*) AS n FROM change_log GROUP BY device').all() as { device: string; n: number }[]).map((r) => [r.device, r.n]));
  const byName = new Map<string, FacilitatorM>();
  for (const d of devices) {
    const name = line(d.name) || line(d.label) || (d.id as string);
    const f = byName.get(name) ?? { name, institution: line(d.institution), devices: [], programs: 0, changes: 0 };
    f.devices.push(line(d.label) || (d.id as string));
    f.programs += progByDevice.get(d.id as string) ?? 0;
    f.changes += changesByDevice.get(d.id as string) ?? 0;
    byName.set(name, f);
  }
  facilitators.push(...byName.values());

  programs.forEach((p, i) => { p.no = i + 1; });
  return {
    masterplan, settings, stage, generatedAt: opts.today ?? new Date().toISOString().slice(0, 10), opds, opdById, programs, narrative,
    presentations, facilitators, synergy: loadSynergyExtras(db),
  };
}
