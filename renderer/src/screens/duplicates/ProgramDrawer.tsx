/** A program opened from a similar-program warning or the duplicate review: its fields (editable), its synergy links
 * and the programs merged into it. */
import { useEffect, useState } from 'react';
import { Badge, Box, Button, Drawer, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MergedProgram, Opd, Program, SynergyLink } from '../../../../shared/api/schemas';
import { call } from '../../api/client';
import { notifyError, notifyInfo, notifyUndoable } from '../../components/notify';
import { useApp } from '../../store/app';
import { ProgramEditor } from '../programs/ProgramEditor';
import { ProgramHistory } from '../programs/ProgramHistory';

export function ProgramLinks({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const dataVersion = useApp((s) => s.dataVersion);
  const [links, setLinks] = useState<SynergyLink[]>([]);
  const bump = useApp((s) => s.bump);
  useEffect(() => { void call('synergy.list', { programId }).then(setLinks).catch(notifyError); }, [programId, dataVersion]);
  // a link taken off can be put back as it was (the same programs, roles and note)
  const unlink = async (l: SynergyLink) => {
    try {
      await call('synergy.unlink', { id: l.id });
      notifyUndoable(`unlinked-${l.id}`, t('synergy.unlinked'), () => call('synergy.link', { programAId: l.a.id, programBId: l.b.id, roleA: l.roleA, roleB: l.roleB, note: l.note }), bump, 'program-relink');
      bump();
    } catch (e) { notifyError(e); }
  };
  return (
    <Stack gap={4} data-testid="program-links">
      <Title order={5}>{t('synergy.linksOfProgram')}</Title>
      {links.length === 0 && <Text size="sm" c="dimmed">{t('synergy.noLinks')}</Text>}
      {links.map((l) => {
        const [me, other] = l.a.id === programId ? [l.roleA, l.b] : [l.roleB, l.a];
        const otherRole = l.a.id === programId ? l.roleB : l.roleA;
        return (
          <Group key={l.id} gap="xs" wrap="nowrap" data-testid="program-link">
            <Badge variant="light" color="teal">{other.opdAbbr || other.opdName}</Badge>
            <Text size="sm" style={{ flex: 1 }}>{other.title}</Text>
            {(me || otherRole || l.note) && <Text size="xs" c="dimmed">{[me && `${t('synergy.thisRole')}: ${me}`, otherRole && `${other.opdAbbr || other.opdName}: ${otherRole}`, l.note].filter(Boolean).join(' · ')}</Text>}
            <Button size="xs" variant="subtle" color="gray" onClick={() => void unlink(l)} data-testid="program-unlink">{t('synergy.unlink')}</Button>
          </Group>
        );
      })}
    </Stack>
  );
}

/** The programs merged into this one, each with the OPD it came from, its description and the merge's note: their texts
 * stay reachable; each one's history on request, and the merge can be undone from here. */
export function MergedPrograms({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const { dataVersion, bump } = useApp();
  const [merged, setMerged] = useState<MergedProgram[]>([]);
  const [opds, setOpds] = useState<Opd[]>([]);
  const [history, setHistory] = useState<string | null>(null);
  useEffect(() => { void call('duplicates.mergedInto', { programId }).then(setMerged).catch(notifyError); }, [programId, dataVersion]);
  useEffect(() => { if (history && opds.length === 0) void call('opd.list', {}).then(setOpds).catch(notifyError); }, [history, opds.length]);
  if (merged.length === 0) return null;
  const undo = async (mergeId: string) => {
    try { await call('duplicates.undoMerge', { mergeId }); notifyInfo(t('duplicates.undone')); bump(); } catch (e) { notifyError(e); }
  };
  return (
    <Stack gap={4} data-testid="program-merged">
      <Title order={5}>{t('duplicates.mergedHere', { n: merged.length })}</Title>
      {merged.map((m) => (
        <Paper key={m.id} withBorder p="xs" data-testid="program-merged-item">
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Badge variant="outline" tt="none" style={{ flexShrink: 0 }} title={m.opdName}>{m.opdAbbr || m.opdName}</Badge>
              <Text size="sm" fw={600}>{m.title}</Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <Button size="xs" variant="subtle" onClick={() => setHistory(history === m.id ? null : m.id)} data-testid="program-merged-history">{t('programs.history')}</Button>
              {m.mergeId && <Button size="xs" variant="subtle" color="gray" onClick={() => void undo(m.mergeId!)} data-testid="program-merged-undo">{t('duplicates.undoMerge')}</Button>}
            </Group>
          </Group>
          {m.description && <Text size="xs" c="dimmed" mt={4}>{m.description}</Text>}
          {m.note && <Text size="xs" c="dimmed" fs="italic">— {m.note}</Text>}
          {history === m.id && <Box mt="xs"><ProgramHistory id={m.id} opds={opds} /></Box>}
        </Paper>
      ))}
    </Stack>
  );
}

export function ProgramDrawer({ programId, onClose }: { programId: string | null; onClose(): void }) {
  const dataVersion = useApp((s) => s.dataVersion);
  const [program, setProgram] = useState<Program | null>(null);
  const [opds, setOpds] = useState<Opd[]>([]);
  useEffect(() => {
    if (!programId) { setProgram(null); return; }
    void Promise.all([call('program.get', { id: programId }), call('opd.list', {})]).then(([p, o]) => { setProgram(p); setOpds(o); }).catch(notifyError);
  }, [programId, dataVersion]);
  return (
    <Drawer opened={!!programId} onClose={onClose} position="right" size="xl" title={program?.title ?? ''} data-testid="program-drawer">
      {program && (
        <Stack>
          <ProgramEditor key={program.id} program={program} opds={opds} onDeleted={onClose} />
          <ProgramLinks programId={program.id} />
          <MergedPrograms programId={program.id} />
        </Stack>
      )}
    </Drawer>
  );
}
