/** The dashboard: OPD × dimension counts, OPDs that have not presented, quick wins, budget by dimension and source. */
import { DIMENSIONS } from '../../../shared/reference';
import type { Dashboard } from '../../../shared/api/schemas';
import type { MasterplanDb } from '../db/masterplanDb';

export function getDashboard(mp: MasterplanDb, sessionId?: string): Dashboard {
  const opds = mp.prepare('SELECT id, name, abbr FROM opd WHERE deleted = 0 ORDER BY sort_order, name').all() as { id: string; name: string; abbr: string | null }[];
  const counts = mp.prepare(`SELECT lead_opd_id AS opd, coalesce(dimension, '') AS dim, count(*) AS n FROM program WHERE deleted = 0 GROUP BY 1, 2`).all() as { opd: string; dim: string; n: number }[];
  const byOpd = new Map<string, Record<string, number>>();
  for (const c of counts) {
    const m = byOpd.get(c.opd) ?? {};
    m[c.dim || 'none'] = c.n;
    byOpd.set(c.opd, m);
  }
  const matrix = opds.map((o) => {
    const m = byOpd.get(o.id) ?? {};
    return { opdId: o.id, opdName: o.name, opdAbbr: o.abbr, counts: m, total: Object.values(m).reduce((a, b) => a + b, 0) };
  });

  const presentedSql = sessionId
    ? `SELECT DISTINCT opd_id FROM presentation WHERE deleted = 0 AND state = 'done' AND session_id = ?`
    : `SELECT DISTINCT opd_id FROM presentation WHERE deleted = 0 AND state = 'done'`;
  const presented = new Set(mp.prepare(presentedSql).pluck().all(...(sessionId ? [sessionId] : [])) as string[]);
  const notPresented = opds.filter((o) => !presented.has(o.id)).map((o) => ({ opdId: o.id, opdName: o.name, opdAbbr: o.abbr }));

  const qw = mp.prepare(`SELECT p.id, p.title, p.dimension, o.abbr FROM program p JOIN opd o ON o.id = p.lead_opd_id
    WHERE p.deleted = 0 AND p.quick_win = 1 AND p.status <> 'dropped' ORDER BY o.sort_order, p.created_stamp`).all() as { id: string; title: string; dimension: string | null; abbr: string | null }[];
  const quickWinsByDimension = DIMENSIONS.map((d) => ({
    dimension: d.id,
    programs: qw.filter((p) => p.dimension === d.id).map((p) => ({ id: p.id, title: p.title, opdAbbr: p.abbr })),
  }));

  const budget = mp.prepare(`SELECT coalesce(dimension, 'none') AS dim, coalesce(funding, 'none') AS src, sum(budget) AS total
    FROM program WHERE deleted = 0 AND status <> 'dropped' AND budget IS NOT NULL GROUP BY 1, 2`).all() as { dim: string; src: string; total: number }[];
  const budgetByDimension = [...DIMENSIONS.map((d) => d.id), 'none'].map((dim) => {
    const byFunding: Record<string, number> = {};
    for (const b of budget) if (b.dim === dim) byFunding[b.src] = b.total;
    return { dimension: dim, byFunding, total: Object.values(byFunding).reduce((a, b) => a + b, 0) };
  }).filter((r) => r.dimension !== 'none' || r.total > 0);

  const totals = mp.prepare(`SELECT count(*) AS programs, coalesce(sum(quick_win), 0) AS quickWins,
    coalesce(sum(CASE WHEN status <> 'dropped' THEN budget END), 0) AS budget FROM program WHERE deleted = 0`).get() as { programs: number; quickWins: number; budget: number };
  return {
    totals: { ...totals, opds: opds.length, opdsPresented: opds.length - notPresented.length },
    matrix, notPresented, quickWinsByDimension, budgetByDimension,
  };
}
