/** All programs: filters, full-text search (SQLite FTS5), a virtual list that stays smooth at 10,000 rows, and a
 * drawer with the program's fields and its history. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Box, Checkbox, Drawer, Group, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Opd, Program, ProgramFilter, ProgramRow } from '../../../../shared/api/schemas';
import { DIMENSIONS, HORIZONS, PROGRAM_STATUSES, elementLabel, labelOf, type Lang } from '../../../../shared/reference';
import { formatRupiah } from '../../../../shared/rupiah';
import { call } from '../../api/client';
import { useApp } from '../../store/app';
import { notifyError } from '../../components/notify';
import { ProgramEditor } from './ProgramEditor';
import { MergedPrograms, ProgramLinks } from '../duplicates/ProgramDrawer';
import { ProgramHistory } from './ProgramHistory';

const ROW_HEIGHT = 38;

export function ProgramsScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const dataVersion = useApp((s) => s.dataVersion);
  const [opds, setOpds] = useState<Opd[]>([]);
  const [filter, setFilter] = useState<ProgramFilter>({});
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 150);
  const [result, setResult] = useState<{ rows: ProgramRow[]; total: number }>({ rows: [], total: 0 });
  const [openId, setOpenId] = useState<string | null>(null);
  const [open, setOpen] = useState<Program | null>(null);
  const parentRef = useRef<HTMLDivElement>(null);

  useEffect(() => { void call('opd.list', {}).then(setOpds).catch(notifyError); }, [dataVersion]);
  useEffect(() => {
    const f: ProgramFilter = { ...filter, ...(debouncedSearch.trim() ? { search: debouncedSearch.trim() } : {}) };
    void call('program.query', { filter: f }).then(setResult).catch(notifyError);
  }, [filter, debouncedSearch, dataVersion]);
  // a new filter or search starts at the top of its results
  useEffect(() => { parentRef.current?.scrollTo({ top: 0 }); }, [filter, debouncedSearch]);
  useEffect(() => {
    if (!openId) { setOpen(null); return; }
    void call('program.get', { id: openId }).then(setOpen).catch(notifyError);
  }, [openId, dataVersion]);

  const virtualizer = useVirtualizer({ count: result.rows.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const set = (patch: Partial<ProgramFilter>) => setFilter((f) => {
    const next = { ...f, ...patch };
    for (const k of Object.keys(next) as (keyof ProgramFilter)[]) if (next[k] === undefined || next[k] === null) delete next[k];
    return next;
  });
  const budgetTotal = useMemo(() => result.rows.reduce((a, r) => a + (r.status !== 'dropped' ? r.budget ?? 0 : 0), 0), [result.rows]);

  return (
    <Stack p="md" gap="sm" h="100%" style={{ boxSizing: 'border-box' }}>
      <Group align="flex-end" gap="xs">
        <TextInput label={t('programs.search')} placeholder={t('programs.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} data-testid="programs-search" />
        <Select label="OPD" clearable searchable w={220} data={opds.map((o) => ({ value: o.id, label: o.abbr || o.name }))} value={filter.opdId ?? null} onChange={(v) => set({ opdId: v ?? undefined })} data-testid="filter-opd" />
        <Select label={t('fields.dimension')} clearable w={200} data={DIMENSIONS.map((d) => ({ value: d.id, label: d.label[lang] }))} value={filter.dimension ?? null} onChange={(v) => set({ dimension: (v ?? undefined) as never })} data-testid="filter-dimension" />
        <Select label={t('fields.horizon')} clearable w={190} data={HORIZONS.map((h) => ({ value: h.id, label: h.label[lang] }))} value={filter.horizon ?? null} onChange={(v) => set({ horizon: (v ?? undefined) as never })} />
        <Select label={t('fields.status')} clearable w={150} data={PROGRAM_STATUSES.map((s) => ({ value: s.id, label: s.label[lang] }))} value={filter.status ?? null} onChange={(v) => set({ status: (v ?? undefined) as never })} />
        <Checkbox label={t('fields.quickWin')} checked={filter.quickWin === true} onChange={(e) => set({ quickWin: e.currentTarget.checked ? true : undefined })} mb={8} />
        <Text size="sm" c="dimmed" mb={8} data-testid="programs-count">{t('programs.count', { count: result.total, budget: formatRupiah(budgetTotal) })}</Text>
      </Group>
      <div ref={parentRef} style={{ flex: 1, overflow: 'auto', background: 'white', border: '1px solid var(--mantine-color-gray-3)' }} role="table" aria-rowcount={result.rows.length} data-testid="programs-table">
        <div className="vt-row vt-head" role="row">
          <span role="columnheader">OPD</span><span role="columnheader">{t('fields.title')}</span><span role="columnheader">{t('fields.element')}</span>
          <span role="columnheader">{t('fields.horizon')}</span><span role="columnheader">{t('programs.years')}</span><span role="columnheader">{t('fields.budget')}</span><span role="columnheader">{t('fields.status')}</span>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = result.rows[v.index]!;
            return (
              <div
                key={r.id} role="row" tabIndex={0} className="vt-row vt-body-row" data-testid="program-row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
                onClick={() => setOpenId(r.id)} onKeyDown={(e) => { if (e.key === 'Enter') setOpenId(r.id); }}
              >
                <span role="cell" title={r.opdName}>{r.opdAbbr || r.opdName}</span>
                <span role="cell" title={r.title}>{r.quickWin && <Badge size="xs" mr={4} color="orange">QW</Badge>}{r.title}</span>
                <span role="cell">{elementLabel(r.element, lang)}</span>
                <span role="cell">{labelOf(HORIZONS, r.horizon, lang)}</span>
                <span role="cell">{r.startYear ?? ''}{r.endYear && r.endYear !== r.startYear ? `–${r.endYear}` : ''}</span>
                <span role="cell" style={{ textAlign: 'right' }}>{r.budget == null ? '' : formatRupiah(r.budget)}</span>
                <span role="cell">{labelOf(PROGRAM_STATUSES, r.status, lang)}</span>
              </div>
            );
          })}
        </div>
      </div>
      <Drawer opened={!!openId} onClose={() => setOpenId(null)} position="right" size="xl" title={open?.title ?? ''}>
        {open && (
          <Tabs defaultValue="fields">
            <Tabs.List><Tabs.Tab value="fields">{t('programs.fields')}</Tabs.Tab><Tabs.Tab value="history" data-testid="history-tab">{t('programs.history')}</Tabs.Tab></Tabs.List>
            <Tabs.Panel value="fields" pt="sm">
              <ProgramEditor key={open.id} program={open} opds={opds} onDeleted={() => setOpenId(null)} />
              <Box mt="md"><ProgramLinks programId={open.id} /></Box>
              <Box mt="md"><MergedPrograms programId={open.id} /></Box>
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="sm"><ProgramHistory id={open.id} opds={opds} /></Tabs.Panel>
          </Tabs>
        )}
      </Drawer>
    </Stack>
  );
}
