/** A program's history from the change log: who changed which field, when, from what to what. */
import { useEffect, useState } from 'react';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, Opd } from '../../../../shared/api/schemas';
import { DIMENSIONS, FUNDING_SOURCES, HORIZONS, PROGRAM_STATUSES, elementLabel, labelOf, type Lang } from '../../../../shared/reference';
import { formatRupiah } from '../../../../shared/rupiah';
import { call } from '../../api/client';
import { useApp } from '../../store/app';
import { notifyError } from '../../components/notify';

export function ProgramHistory({ id, opds }: { id: string; opds: Opd[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const dataVersion = useApp((s) => s.dataVersion);
  const [rows, setRows] = useState<HistoryEntry[]>([]);
  // the titles of the programs this one was merged into (its history names them by id)
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    void call('program.history', { id }).then(async (entries) => {
      setRows(entries);
      const into = [...new Set(entries.filter((h) => h.field === 'mergedIntoId' && typeof h.value === 'string').map((h) => h.value as string))];
      const named = await Promise.all(into.map((pid) => call('program.get', { id: pid }).then((p) => [pid, p.title] as const, () => [pid, pid] as const)));
      setTitles(Object.fromEntries(named));
    }).catch(notifyError);
  }, [id, dataVersion]);
  const opdName = (v: unknown) => opds.find((o) => o.id === v)?.abbr || opds.find((o) => o.id === v)?.name || String(v);

  const show = (h: HistoryEntry, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (h.entity === 'programOpd') return `${opdName(h.rowId.split(':')[1])} ${v ? t('history.removed') : t('history.added')}`;
    switch (h.field) {
      case 'budget': return formatRupiah(Number(v));
      case 'dimension': return labelOf(DIMENSIONS, String(v), lang);
      case 'element': return elementLabel(String(v), lang);
      case 'horizon': return labelOf(HORIZONS, String(v), lang);
      case 'funding': return labelOf(FUNDING_SOURCES, String(v), lang);
      case 'status': return labelOf(PROGRAM_STATUSES, String(v), lang);
      case 'leadOpdId': return opdName(v);
      case 'mergedIntoId': return titles[String(v)] ?? String(v);
      case 'deleted': case 'quickWin': return v ? t('history.yes') : t('history.no');
      default: return String(v);
    }
  };
  // a related-OPD link is shown as one line: "Dishub added" / "Dishub removed"
  const visible = rows.filter((h) => h.entity !== 'programOpd' || h.field === 'deleted');
  if (visible.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  return (
    <Table striped fz="sm" data-testid="history-table">
      <Table.Thead><Table.Tr><Table.Th>{t('history.when')}</Table.Th><Table.Th>{t('history.who')}</Table.Th><Table.Th>{t('history.field')}</Table.Th><Table.Th>{t('history.value')}</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {visible.map((h) => (
          <Table.Tr key={h.stamp}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{new Date(h.at).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')}</Table.Td>
            <Table.Td>{h.author ?? h.deviceId.slice(0, 6)}</Table.Td>
            <Table.Td>{h.entity === 'programOpd' ? t('fields.relatedOpdIds') : t(`fields.${h.field}`, { defaultValue: h.field })}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>{h.previous !== null && h.entity === 'program' ? <Text span c="dimmed" td="line-through" mr={6}>{show(h, h.previous)}</Text> : null}{show(h, h.value)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
