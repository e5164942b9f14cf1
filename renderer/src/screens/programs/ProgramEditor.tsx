/** Every field of one program, each saving itself. Used inline in live capture and in the programs view. */
import { useState } from 'react';
import { Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Opd, Program } from '../../../../shared/api/schemas';
import type { Lang } from '../../../../shared/reference';
import { call } from '../../api/client';
import { AutoBudget, AutoCheckbox, AutoSelect, AutoText, AutoYear } from '../../components/AutoFields';
import { elementOptions, fundingOptions, horizonOptions, opdOptions, statusOptions } from '../../components/options';
import { notifyError, notifyUndoable } from '../../components/notify';
import { useApp } from '../../store/app';

interface Props { program: Program; opds: Opd[]; compact?: boolean; onDeleted?(): void }

export function ProgramEditor({ program: p, opds, compact, onDeleted }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const bump = useApp((s) => s.bump);
  const [expanded, setExpanded] = useState(!compact);
  const [related, setRelated] = useState<string[] | null>(null);
  const tid = (f: string) => `program-${f}`;

  const remove = async () => {
    try {
      await call('program.delete', { id: p.id });
      bump();
      onDeleted?.();
      notifyUndoable(`deleted-${p.id}`, t('program.deleted', { title: p.title }), () => call('program.restore', { id: p.id }), bump);
    } catch (e) { notifyError(e); }
  };

  const saveRelated = async (ids: string[]) => {
    setRelated(ids);
    try { await call('program.setRelatedOpds', { id: p.id, opdIds: ids }); bump(); } catch (e) { notifyError(e); } finally { setRelated(null); }
  };

  return (
    <Stack gap="xs" data-testid="program-editor" data-program-id={p.id}>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <div style={{ flex: '1 1 320px' }}><AutoText entity="program" id={p.id} field="title" label={t('fields.title')} value={p.title} testId={tid('title')} /></div>
        <div style={{ width: 260 }}><AutoSelect entity="program" id={p.id} field="element" label={t('program.dimensionElement')} value={p.element} options={elementOptions(lang)} testId={tid('element')} /></div>
        <div style={{ width: 200 }}><AutoSelect entity="program" id={p.id} field="horizon" label={t('fields.horizon')} value={p.horizon} options={horizonOptions(lang)} testId={tid('horizon')} /></div>
        <AutoYear entity="program" id={p.id} field="startYear" label={t('fields.startYear')} value={p.startYear} testId={tid('startYear')} />
        <AutoYear entity="program" id={p.id} field="endYear" label={t('fields.endYear')} value={p.endYear} testId={tid('endYear')} />
        <AutoBudget entity="program" id={p.id} field="budget" label={t('fields.budget')} value={p.budget} testId={tid('budget')} />
        <div style={{ width: 160 }}><AutoSelect entity="program" id={p.id} field="funding" label={t('fields.funding')} value={p.funding} options={fundingOptions(lang)} testId={tid('funding')} /></div>
      </Group>
      {expanded ? (
        <>
          <AutoText entity="program" id={p.id} field="description" label={t('fields.description')} value={p.description} multiline testId={tid('description')} />
          <Group grow align="flex-start">
            <AutoText entity="program" id={p.id} field="outputs" label={t('fields.outputs')} value={p.outputs} multiline testId={tid('outputs')} />
            <AutoText entity="program" id={p.id} field="notes" label={t('program.facilitatorNotes')} value={p.notes} multiline testId={tid('notes')} />
          </Group>
          <Group align="flex-end" grow>
            <AutoText entity="program" id={p.id} field="rpjmdRef" label={t('fields.rpjmdRef')} value={p.rpjmdRef} testId={tid('rpjmdRef')} />
            <AutoSelect entity="program" id={p.id} field="leadOpdId" label={t('fields.leadOpdId')} value={p.leadOpdId} options={opdOptions(opds)} clearable={false} testId={tid('lead')} />
            <AutoSelect entity="program" id={p.id} field="status" label={t('fields.status')} value={p.status} options={statusOptions(lang)} clearable={false} testId={tid('status')} />
          </Group>
          <MultiSelect
            label={t('fields.relatedOpdIds')} searchable data-testid={tid('related')}
            data={opds.filter((o) => o.id !== p.leadOpdId).map((o) => ({ value: o.id, label: o.abbr ? `${o.abbr} — ${o.name}` : o.name }))}
            value={related ?? p.relatedOpdIds} onChange={(v) => void saveRelated(v)}
          />
          <Group justify="space-between">
            <AutoCheckbox entity="program" id={p.id} field="quickWin" label={t('fields.quickWin')} value={p.quickWin} testId={tid('quickWin')} />
            <Group gap="xs">
              {compact && <Button size="xs" variant="subtle" onClick={() => setExpanded(false)}>{t('program.less')}</Button>}
              <Button size="xs" variant="subtle" color="red" onClick={() => void remove()} data-testid="program-delete">{t('program.delete')}</Button>
            </Group>
          </Group>
        </>
      ) : (
        <Group justify="space-between">
          <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1 }}>{p.description || ''}</Text>
          <Button size="xs" variant="subtle" onClick={() => setExpanded(true)} data-testid="program-expand">{t('program.more')}</Button>
        </Group>
      )}
    </Stack>
  );
}
