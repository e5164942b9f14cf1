/** Keeps the full-text index of programs current. Saves only mark a program as pending (a trigger); this brings the
 * pending entries up to date in one transaction: before every search, and when the app is idle. */
import type Database from 'better-sqlite3';

export function refreshSearchIndex(db: Database.Database): number {
  if (db.readonly) return 0;
  const pending = db.prepare('SELECT count(*) FROM program_fts_pending').pluck().get() as number;
  if (pending === 0) return 0;
  db.transaction(() => {
    db.prepare('DELETE FROM program_fts WHERE rowid IN (SELECT program_rowid FROM program_fts_pending)').run();
    db.prepare(`INSERT INTO program_fts (rowid, title, description, outputs, notes, rpjmd_ref)
      SELECT p.rowid, p.title, p.description, p.outputs, p.notes, p.rpjmd_ref
      FROM program p JOIN program_fts_pending q ON q.program_rowid = p.rowid`).run();
    db.prepare('DELETE FROM program_fts_pending').run();
  })();
  return pending;
}
