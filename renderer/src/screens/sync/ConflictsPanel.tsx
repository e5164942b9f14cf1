/** Open conflicts: both values side by side with who wrote each and when; keep one, the other, or a merged text.
 * Resolving is itself a change that travels to every copy. */
import { useState } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../../../shared/api/schemas';
import { call } from '../../api/client';
import { notifyError } from '../../components/notify';

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function ConflictCard({ c, onChanged }: { c: ConflictView; onChanged(list: ConflictView[]): void }) {
  const { t, i18n } = useTranslation();
  const [merging, setMerging] = useState(false);
  const [text, setText] = useState('');
  const resolve = async (keep: 'current' | 'other' | 'custom', value?: string) => {
    try { onChanged(await call('sync.resolve', { id: c.id, keep, ...(value !== undefined ? { value } : {}) })); } catch (e) { notifyError(e); }
  };
  const deleted = c.kind === 'edit-vs-delete';
  const isText = typeof c.winner.value === 'string' || typeof c.loser.value === 'string';
  const side = (label: string, s: ConflictView['winner'], testid: string) => (
    <Paper withBorder p="sm" bg="gray.0" data-testid={testid}>
      <Text size="xs" c="dimmed" mb={4}>{label} · {s.author ?? t('sync.unknownAuthor')} · {new Date(s.at).toLocaleString(i18n.language === 'id' ? 'id-ID' : 'en-GB')}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{show(s.value)}</Text>
    </Paper>
  );
  return (
    <Paper withBorder p="sm" data-testid="conflict">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{c.label}{c.opd ? ` · ${c.opd}` : ''}</Text>
        <Badge color="orange" variant="light">{deleted ? t('sync.editVsDelete') : t(`fields.${c.field}`, { defaultValue: c.field })}</Badge>
      </Group>
      {deleted ? (
        <Text size="sm" mb="xs">{t('sync.editVsDeleteText', { editor: c.loser.author ?? t('sync.unknownAuthor'), deleter: c.winner.author ?? t('sync.unknownAuthor') })}</Text>
      ) : (
        <SimpleGrid cols={2} mb="xs">{side(t('sync.current'), c.winner, 'conflict-current')}{side(t('sync.other'), c.loser, 'conflict-other')}</SimpleGrid>
      )}
      {merging && <Textarea autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} mb="xs" data-testid="conflict-merge-text" />}
      <Group gap="xs">
        {deleted ? (
          <>
            <Button size="xs" variant="light" onClick={() => void resolve('current')}>{t('sync.keepDeleted')}</Button>
            <Button size="xs" onClick={() => void resolve('other')}>{t('sync.restore')}</Button>
          </>
        ) : merging ? (
          <>
            <Button size="xs" onClick={() => void resolve('custom', text)} data-testid="conflict-save-merge">{t('sync.saveMerged')}</Button>
            <Button size="xs" variant="default" onClick={() => setMerging(false)}>{t('common.cancel')}</Button>
          </>
        ) : (
          <>
            <Button size="xs" variant="light" onClick={() => void resolve('current')} data-testid="conflict-keep-current">{t('sync.keepCurrent')}</Button>
            <Button size="xs" variant="light" onClick={() => void resolve('other')} data-testid="conflict-keep-other">{t('sync.keepOther')}</Button>
            {isText && <Button size="xs" variant="subtle" onClick={() => { setText(`${show(c.winner.value)}\n${show(c.loser.value)}`); setMerging(true); }} data-testid="conflict-merge">{t('sync.merge')}</Button>}
          </>
        )}
      </Group>
    </Paper>
  );
}

export function ConflictsPanel({ conflicts, onChanged }: { conflicts: ConflictView[]; onChanged(list: ConflictView[]): void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="conflicts-panel">
      <Title order={4} mb="xs">{t('sync.conflictsTitle')} ({conflicts.length})</Title>
      {conflicts.length === 0 ? <Text size="sm" c="dimmed">{t('sync.noConflicts')}</Text> : (
        <Stack gap="sm">{conflicts.map((c) => <ConflictCard key={c.id} c={c} onChanged={onChanged} />)}</Stack>
      )}
    </Paper>
  );
}
