/** Dashboard: OPD × dimension matrix, OPDs that have not presented, quick wins per dimension, budget totals. */
import { useEffect, useState } from 'react';
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../shared/api/schemas';
import { DIMENSIONS, FUNDING_SOURCES, labelOf, type Lang } from '../../../shared/reference';
import { formatRupiah, formatRupiahShort } from '../../../shared/rupiah';
import { call } from '../api/client';
import { useApp } from '../store/app';
import { notifyError } from '../components/notify';

const short = (s: string) => s.replace(/\s*\(.*\)$/, '').replace(/^Smart /, '');

export function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { dataVersion, sessionId } = useApp();
  const [d, setD] = useState<Dashboard | null>(null);
  useEffect(() => { void call('dashboard.get', sessionId ? { sessionId } : {}).then(setD).catch(notifyError); }, [dataVersion, sessionId]);
  if (!d) return null;
  const fundingIds = [...FUNDING_SOURCES.map((f) => f.id), 'none'].filter((f) => d.budgetByDimension.some((b) => (b.byFunding[f] ?? 0) > 0));
  const colTotals = DIMENSIONS.map((dim) => d.matrix.reduce((a, r) => a + (r.counts[dim.id] ?? 0), 0));

  return (
    <Stack p="md" gap="md">
      <SimpleGrid cols={4}>
        {[
          [t('dashboard.programs'), d.totals.programs],
          [t('dashboard.quickWins'), d.totals.quickWins],
          [t('dashboard.presented'), `${d.totals.opdsPresented}/${d.totals.opds}`],
          [t('dashboard.budget'), formatRupiahShort(d.totals.budget, lang)],
        ].map(([label, value]) => (
          <Paper withBorder p="md" key={String(label)}><Text size="sm" c="dimmed">{label}</Text><Text fw={700} size="xl" data-testid="dashboard-stat">{value}</Text></Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">{t('dashboard.matrix')}</Title>
        <Table className="matrix" striped highlightOnHover fz="sm" data-testid="dashboard-matrix">
          <Table.Thead><Table.Tr><Table.Th>OPD</Table.Th>{DIMENSIONS.map((dim) => <Table.Th key={dim.id}>{short(dim.label[lang])}</Table.Th>)}<Table.Th>{t('dashboard.total')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {d.matrix.filter((r) => r.total > 0).map((r) => (
              <Table.Tr key={r.opdId}>
                <Table.Td title={r.opdName}>{r.opdAbbr || r.opdName}</Table.Td>
                {DIMENSIONS.map((dim) => { const n = r.counts[dim.id] ?? 0; return <Table.Td key={dim.id} className={`cell-${Math.min(n, 1)}`} style={{ background: n ? `rgba(18,184,134,${Math.min(0.12 + n * 0.08, 0.6)})` : undefined }}>{n}</Table.Td>; })}
                <Table.Td fw={600}>{r.total}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr><Table.Td fw={700}>{t('dashboard.total')}</Table.Td>{colTotals.map((n, i) => <Table.Td key={i} fw={700}>{n}</Table.Td>)}<Table.Td fw={700}>{d.totals.programs}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
        {d.matrix.some((r) => r.total === 0) && <Text size="xs" c="dimmed" mt="xs">{t('dashboard.withoutPrograms', { list: d.matrix.filter((r) => r.total === 0).map((r) => r.opdAbbr || r.opdName).join(', ') })}</Text>}
      </Paper>
      <SimpleGrid cols={2}>
        <Paper withBorder p="md">
          <Title order={4} mb="sm">{t('dashboard.notPresented')} ({d.notPresented.length})</Title>
          <Group gap={6} data-testid="not-presented">{d.notPresented.length === 0 ? <Text c="dimmed">{t('dashboard.allPresented')}</Text> : d.notPresented.map((o) => <Badge key={o.opdId} variant="light" color="gray" title={o.opdName}>{o.opdAbbr || o.opdName}</Badge>)}</Group>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="sm">{t('dashboard.quickWinsByDimension')}</Title>
          <Stack gap={6}>
            {d.quickWinsByDimension.map((q) => (
              <div key={q.dimension}>
                <Text size="sm" fw={600}>{short(labelOf(DIMENSIONS, q.dimension, lang))} ({q.programs.length})</Text>
                {q.programs.length === 0 ? <Text size="xs" c="orange">{t('dashboard.noQuickWin')}</Text> : <Text size="xs">{q.programs.map((p) => `${p.title} (${p.opdAbbr ?? ''})`).join(' · ')}</Text>}
              </div>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">{t('dashboard.budgetByDimension')}</Title>
        <Table fz="sm" striped data-testid="dashboard-budget">
          <Table.Thead><Table.Tr><Table.Th>{t('fields.dimension')}</Table.Th>{fundingIds.map((f) => <Table.Th key={f} style={{ textAlign: 'right' }}>{f === 'none' ? t('dashboard.noFunding') : labelOf(FUNDING_SOURCES, f, 'id')}</Table.Th>)}<Table.Th style={{ textAlign: 'right' }}>{t('dashboard.total')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {d.budgetByDimension.map((b) => (
              <Table.Tr key={b.dimension}>
                <Table.Td>{b.dimension === 'none' ? t('dashboard.noDimension') : short(labelOf(DIMENSIONS, b.dimension, lang))}</Table.Td>
                {fundingIds.map((f) => <Table.Td key={f} style={{ textAlign: 'right' }}>{b.byFunding[f] ? formatRupiah(b.byFunding[f]!) : '—'}</Table.Td>)}
                <Table.Td style={{ textAlign: 'right' }} fw={600}>{formatRupiah(b.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
