/** The synced entities and their fields: the single description that the schema, the write path, the change log
 * rebuild and (later) sync all read. Field names are camelCase in the API and snake_case in SQLite. */

export type FieldKind = 'text' | 'int' | 'real' | 'bool' | 'ref';

export interface EntityDef {
  table: string;
  fields: Record<string, FieldKind>;
  /** For 'ref' fields: the entity referenced. */
  refs?: Record<string, string>;
  /** A record written whole by one action, never edited field by field (a duplicate-review decision): two copies
   * deciding it at once are no conflict for a person to settle field by field; the later decision stands (the greatest
   * stamp per field, as always) and the other stays in the change log. */
  wholeRecord?: true;
}

export const ENTITIES = {
  masterplan: {
    table: 'masterplan',
    fields: { title: 'text', regionName: 'text', regionKind: 'text', province: 'text', periodStart: 'int', periodEnd: 'int' },
  },
  facilitator: { table: 'facilitator', fields: { name: 'text', institution: 'text' } },
  device: { table: 'device', fields: { facilitatorId: 'ref', label: 'text' }, refs: { facilitatorId: 'facilitator' } },
  opd: { table: 'opd', fields: { name: 'text', abbr: 'text', kind: 'text', sortOrder: 'real' } },
  session: {
    table: 'bimtek_session',
    fields: { stage: 'int', title: 'text', dateStart: 'text', dateEnd: 'text', venue: 'text', notes: 'text' },
  },
  presentation: {
    table: 'presentation',
    fields: {
      sessionId: 'ref', opdId: 'ref', presenterName: 'text', presenterPosition: 'text', startedAt: 'text', endedAt: 'text',
      summary: 'text', recommendations: 'text', agendaOrder: 'real', state: 'text',
    },
    refs: { sessionId: 'session', opdId: 'opd' },
  },
  program: {
    table: 'program',
    fields: {
      leadOpdId: 'ref', presentationId: 'ref', title: 'text', description: 'text', dimension: 'text', element: 'text',
      horizon: 'text', quickWin: 'bool', startYear: 'int', endYear: 'int', budget: 'int', funding: 'text',
      outputs: 'text', rpjmdRef: 'text', status: 'text', notes: 'text',
      // duplicate finding (migration 4): the program this one was merged into
      mergedIntoId: 'ref',
    },
    refs: { leadOpdId: 'opd', presentationId: 'presentation', mergedIntoId: 'program' },
  },
  programOpd: { table: 'program_opd', fields: { programId: 'ref', opdId: 'ref' }, refs: { programId: 'program', opdId: 'opd' } },
  // --- export (issue 3): the narrative of the masterplan document and its export settings ---
  /** One narrative section of the document (foreword, background, SWOT quadrants, vision, …), id `narrative-<section>`. */
  narrative: { table: 'narrative', fields: { section: 'text', title: 'text', body: 'text' } },
  /** One row per masterplan (id = the masterplan's id). `chapters` and `statuses` hold JSON text. */
  exportSettings: {
    table: 'export_settings',
    fields: {
      paper: 'text', marginTop: 'int', marginRight: 'int', marginBottom: 'int', marginLeft: 'int', fontFamily: 'text',
      fontSize: 'real', rupiahStyle: 'text', language: 'text', chapters: 'text', statuses: 'text', includeNotes: 'bool',
    },
  },
  // ---- duplicate finding and synergies (migration 4) ----
  /** Two programs that complement each other; a note on each OPD's role. Id: `<programAId>:<programBId>` (A < B). */
  synergy: {
    table: 'synergy',
    fields: { programAId: 'ref', programBId: 'ref', kind: 'text', note: 'text', roleA: 'text', roleB: 'text' },
    refs: { programAId: 'program', programBId: 'program' },
  },
  /** A decision about a pair of likely duplicates: 'not-duplicate' (never shown again) or 'merged' (B merged into A;
   * `mergeId` groups one merge, `mergeRecord` is JSON of what it changed so that undo is exact). */
  duplicateDecision: {
    table: 'duplicate_decision',
    fields: { programAId: 'ref', programBId: 'ref', decision: 'text', note: 'text', mergeId: 'text', mergeRecord: 'text' },
    refs: { programAId: 'program', programBId: 'program' },
    wholeRecord: true,
  },
} as const satisfies Record<string, EntityDef>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];
export type FieldName<E extends EntityName> = keyof (typeof ENTITIES)[E]['fields'] & string;

/** The tombstone travels as an ordinary field of every row. */
export const DELETED_FIELD = 'deleted';

export function toColumn(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function fieldsOf(entity: EntityName): string[] {
  return Object.keys(ENTITIES[entity].fields);
}

export function fieldKind(entity: EntityName, field: string): FieldKind | undefined {
  return (ENTITIES[entity].fields as Record<string, FieldKind>)[field];
}

export function isEntityName(s: string): s is EntityName {
  return Object.prototype.hasOwnProperty.call(ENTITIES, s);
}

/** Deterministic id of the link between a program and a related OPD, so two devices adding the same link converge. */
export function programOpdId(programId: string, opdId: string): string {
  return `${programId}:${opdId}`;
}

/** Deterministic id of a link or decision between two programs, whatever order they are given in. */
export function programPairId(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
