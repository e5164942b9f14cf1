/** Export (issue 3): the narrative of the masterplan document (autosaved sections, SWOT as a 2 × 2 grid), the export
 * settings (autosaved), and the Word / Excel export with a progress bar, cancel, then download / open / show. */
import { useEffect, useRef, useState } from 'react';
import {
  Button, Checkbox, Group, NumberInput, Paper, Progress, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Text, Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExportProgress, ExportSettings, Narrative } from '../../../../shared/api/schemas';
import { CHAPTER_KEYS, FONT_FAMILIES, NARRATIVE_SECTIONS, type ChapterKey } from '../../../../shared/export';
import { PROGRAM_STATUSES, type Lang } from '../../../../shared/reference';
import { call, downloadExport, isDesktop, onEvent } from '../../api/client';
import { AutoText } from '../../components/AutoFields';
import { notifyError } from '../../components/notify';
import { useApp } from '../../store/app';
import { useAutosave } from '../../store/autosave';

const GROUPS = ['foreword', 'bab1', 'bab2', 'bab3', 'bab8'] as const;
const SWOT = ['swot_s', 'swot_w', 'swot_o', 'swot_t'];

function percent(p: ExportProgress | null): number {
  if (!p) return 0;
  if (p.phase === 'done') return 100;
  if (p.phase === 'load') return 2 + 8 * (p.done / Math.max(1, p.total));
  if (p.phase === 'build') return 10 + 75 * (p.done / Math.max(1, p.total));
  if (p.phase === 'write') return 85 + 15 * (p.done / Math.max(1, p.total));
  return p.phase === 'queued' ? 1 : 0;
}

function NarrativeEditor({ items }: { items: Narrative[] }) {
  const { t } = useTranslation();
  const by = new Map(items.map((n) => [n.section, n]));
  const field = (key: string, rows = 3) => {
    const n = by.get(key as Narrative['section']);
    if (!n) return null;
    return (
      <Stack gap={4} key={key}>
        <AutoText entity="narrative" id={n.id} field="title" value={n.title} placeholder={t(`export.doc.s.${key}`, { defaultValue: t('export.doc.foreword') })} testId={`narrative-title-${key}`} />
        <AutoText entity="narrative" id={n.id} field="body" value={n.body} multiline minRows={rows} testId={`narrative-${key}`} />
      </Stack>
    );
  };
  return (
    <Stack gap="lg">
      {GROUPS.map((g) => (
        <Paper withBorder p="md" key={g}>
          <Title order={5} mb="xs">{t(`export.group.${g}`)}</Title>
          <Stack gap="md">
            {NARRATIVE_SECTIONS.filter((s) => s.chapter === g && !SWOT.includes(s.key) && s.key !== 'strategicIssues').map((s) => field(s.key))}
            {g === 'bab2' && (
              <>
                <Text size="sm" fw={600}>{t('export.swotHint')}</Text>
                <SimpleGrid cols={2} data-testid="swot-grid">{SWOT.map((k) => field(k, 4))}</SimpleGrid>
                {field('strategicIssues')}
              </>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function SettingsForm({ s }: { s: ExportSettings }) {
  const { t } = useTranslation();
  const edit = useAutosave((x) => x.edit);
  const flush = useAutosave((x) => x.flush);
  const [local, setLocal] = useState(s);
  useEffect(() => setLocal(s), [s]);
  const set = <K extends keyof ExportSettings>(field: K, value: ExportSettings[K]) => {
    setLocal((cur) => ({ ...cur, [field]: value }));
    edit('exportSettings', s.id, field, value);
    void flush(`exportSettings:${s.id}`);
  };
  return (
    <Stack gap="sm" data-testid="export-settings">
      <Title order={5}>{t('export.settings')}</Title>
      <Text size="sm" fw={500}>{t('export.paper')}</Text>
      <SegmentedControl value={local.paper} onChange={(v) => set('paper', v as 'a4' | 'f4')} data={[{ value: 'a4', label: t('export.paperA4') }, { value: 'f4', label: t('export.paperF4') }]} data-testid="export-paper" />
      <Text size="sm" fw={500}>{t('export.margins')}</Text>
      <SimpleGrid cols={4}>
        {(['marginTop', 'marginRight', 'marginBottom', 'marginLeft'] as const).map((k) => (
          <NumberInput key={k} label={t(`export.${k}`)} min={5} max={80} value={local[k]} onChange={(v) => { if (typeof v === 'number' && v >= 5 && v <= 80) set(k, v); }} />
        ))}
      </SimpleGrid>
      <Group grow>
        <Select label={t('export.font')} data={[...FONT_FAMILIES]} value={local.fontFamily} allowDeselect={false} onChange={(v) => v && set('fontFamily', v)} />
        <NumberInput label={t('export.fontSize')} min={8} max={16} step={0.5} value={local.fontSize} onChange={(v) => { if (typeof v === 'number' && v >= 8 && v <= 16) set('fontSize', v); }} />
      </Group>
      <Text size="sm" fw={500}>{t('export.rupiah')}</Text>
      <SegmentedControl value={local.rupiahStyle} onChange={(v) => set('rupiahStyle', v as 'official' | 'common')} data={[{ value: 'official', label: t('export.rupiahOfficial') }, { value: 'common', label: t('export.rupiahCommon') }]} />
      <Text size="sm" fw={500}>{t('export.language')}</Text>
      <SegmentedControl value={local.language} onChange={(v) => set('language', v as 'id' | 'en')} data={[{ value: 'id', label: 'Bahasa Indonesia' }, { value: 'en', label: 'English' }]} data-testid="export-language" />
      <Text size="sm" fw={500}>{t('export.chapters')}</Text>
      <SimpleGrid cols={2} spacing={4}>
        {CHAPTER_KEYS.map((k) => (
          <Checkbox key={k} size="xs" label={t(`export.chapter.${k}`)} checked={local.chapters[k] !== false} onChange={(e) => set('chapters', { ...local.chapters, [k]: e.currentTarget.checked } as Record<ChapterKey, boolean>)} />
        ))}
      </SimpleGrid>
      <Text size="sm" fw={500}>{t('export.statuses')}</Text>
      <Group gap="xs">
        {PROGRAM_STATUSES.map((st) => (
          <Checkbox key={st.id} size="xs" label={st.label[local.language as Lang]} checked={local.statuses.includes(st.id)}
            onChange={(e) => set('statuses', e.currentTarget.checked ? [...local.statuses, st.id] : local.statuses.filter((x) => x !== st.id))} />
        ))}
      </Group>
      <Checkbox label={t('export.includeNotes')} checked={local.includeNotes} onChange={(e) => set('includeNotes', e.currentTarget.checked)} />
    </Stack>
  );
}

function ExportRunner() {
  const { t } = useTranslation();
  const canPick = useApp((s) => s.app?.canPickFiles ?? false);
  const [job, setJob] = useState<string | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const seen = useRef(new Map<string, ExportProgress>());
  const jobRef = useRef<string | null>(null);

  useEffect(() => onEvent('export.progress', (raw) => {
    const p = raw as ExportProgress;
    seen.current.set(p.jobId, p);
    if (p.jobId === jobRef.current) setProgress(p);
  }), []);

  const start = async (format: 'docx' | 'xlsx') => {
    try {
      await useAutosave.getState().flush();
      let path: string | undefined;
      if (canPick && isDesktop()) {
        const picked = await call('export.pickPath', { format });
        if (!picked.path) return;
        path = picked.path;
      }
      setProgress({ jobId: '', format, phase: 'queued', done: 0, total: 1 });
      const r = await call('export.start', path ? { format, path } : { format });
      jobRef.current = r.jobId;
      setJob(r.jobId);
      setProgress(seen.current.get(r.jobId) ?? { jobId: r.jobId, format, phase: 'queued', done: 0, total: 1 });
    } catch (e) { setProgress(null); notifyError(e); }
  };
  const running = !!progress && !['done', 'failed', 'cancelled'].includes(progress.phase);
  const act = (fn: () => Promise<unknown>) => () => { void fn().catch(notifyError); };

  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={() => void start('docx')} disabled={running} data-testid="export-docx">{t('export.word')}</Button>
        <Button variant="light" onClick={() => void start('xlsx')} disabled={running} data-testid="export-xlsx">{t('export.excel')}</Button>
        {running && job && <Button variant="subtle" color="red" onClick={act(() => call('export.cancel', { jobId: job }))} data-testid="export-cancel">{t('export.cancel')}</Button>}
      </Group>
      {progress && (
        <Stack gap={4}>
          <Progress value={percent(progress)} animated={running} color={progress.phase === 'failed' ? 'red' : progress.phase === 'cancelled' ? 'gray' : undefined} data-testid="export-progress" aria-label={t(`export.phase.${progress.phase}`)} />
          <Text size="sm" c={progress.phase === 'failed' ? 'red' : 'dimmed'} data-testid="export-phase" data-phase={progress.phase}>
            {progress.phase === 'failed' ? progress.error?.message : progress.phase === 'cancelled' ? t('export.cancelled') : progress.phase === 'done' ? t('export.doneAt', { path: progress.path }) : t(`export.phase.${progress.phase}`)}
          </Text>
        </Stack>
      )}
      {progress?.phase === 'done' && job && (
        <Group>
          {!isDesktop() && <Button variant="filled" color="teal" onClick={act(() => downloadExport(job, progress.fileName ?? `masterplan.${progress.format}`))} data-testid="export-download">{t('export.download')}</Button>}
          {isDesktop() && <Button variant="light" onClick={act(() => call('export.open', { jobId: job }))}>{t('export.open')}</Button>}
          {isDesktop() && <Button variant="subtle" onClick={act(() => call('export.showInFolder', { jobId: job }))}>{t('export.showInFolder')}</Button>}
        </Group>
      )}
    </Stack>
  );
}

export function ExportScreen() {
  const { t } = useTranslation();
  const dataVersion = useApp((s) => s.dataVersion);
  const [narrative, setNarrative] = useState<Narrative[] | null>(null);
  const [settings, setSettings] = useState<ExportSettings | null>(null);
  useEffect(() => {
    void call('narrative.list', {}).then(setNarrative).catch(notifyError);
    void call('export.getSettings', {}).then(setSettings).catch(notifyError);
  }, [dataVersion]);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(340px, 2fr)', gap: 16, padding: 16, height: '100%', minHeight: 0 }}>
      <ScrollArea h="100%" type="auto">
        <Stack gap="xs" pr="sm">
          <Title order={4}>{t('export.outline')}</Title>
          <Text size="sm" c="dimmed">{t('export.outlineHint')}</Text>
          {narrative && <NarrativeEditor items={narrative} />}
        </Stack>
      </ScrollArea>
      <ScrollArea h="100%" type="auto">
        <Stack gap="md" pr="sm">
          <Paper withBorder p="md">
            <Title order={4} mb="sm">{t('export.title')}</Title>
            <ExportRunner />
          </Paper>
          <Paper withBorder p="md">{settings && <SettingsForm s={settings} />}</Paper>
        </Stack>
      </ScrollArea>
    </div>
  );
}
