/** Live capture: the session's agenda of OPDs on the left (reorder, presenting/done, a running timer), the
 * presenting OPD on the right: presentation notes, quick add, and its programs editable inline. */
import { useCallback, useEffect, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Opd, Presentation, Program, Session } from '../../../../shared/api/schemas';
import { BIMTEK_STAGES, labelOf, type Lang } from '../../../../shared/reference';
import { call } from '../../api/client';
import { useApp } from '../../store/app';
import { useAutosave } from '../../store/autosave';
import { AutoText } from '../../components/AutoFields';
import { notifyError } from '../../components/notify';
import { ProgramEditor } from '../programs/ProgramEditor';
import { QuickAddForm } from './QuickAddForm';
import { Timer } from './Timer';
import { ProgramDrawer } from '../duplicates/ProgramDrawer';
import { moved } from '../../components/reorder';

const SELECTED_KEY = 'rembuk.presentation';

export function CaptureScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { sessionId, setSessionId, dataVersion, bump, setView } = useApp();
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [agenda, setAgenda] = useState<Presentation[]>([]);
  const [opds, setOpds] = useState<Opd[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(() => sessionStorage.getItem(SELECTED_KEY));
  const [programs, setPrograms] = useState<Program[]>([]);
  const [similarOpen, setSimilarOpen] = useState<string | null>(null);

  const select = (id: string | null) => { setSelectedId(id); if (id) sessionStorage.setItem(SELECTED_KEY, id); };

  useEffect(() => {
    void Promise.all([call('session.list', {}), call('opd.list', {})]).then(([s, o]) => {
      setSessions(s);
      setOpds(o);
      if (!s.some((x) => x.id === sessionId)) setSessionId(s[s.length - 1]?.id ?? null);
    }).catch(notifyError);
  }, [dataVersion, sessionId, setSessionId]);

  useEffect(() => {
    if (!sessionId) { setAgenda([]); return; }
    void call('presentation.list', { sessionId }).then((list) => {
      setAgenda(list);
      setSelectedId((cur) => (cur && list.some((p) => p.id === cur) ? cur : (list.find((p) => p.state === 'presenting') ?? list.find((p) => p.state === 'waiting') ?? list[0])?.id ?? null));
    }).catch(notifyError);
  }, [sessionId, dataVersion]);

  const current = agenda.find((p) => p.id === selectedId) ?? null;

  const loadPrograms = useCallback(() => {
    if (!current) { setPrograms([]); return; }
    void call('program.listForOpd', { opdId: current.opdId }).then(setPrograms).catch(notifyError);
  }, [current?.opdId]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(loadPrograms, [loadPrograms, dataVersion]);

  const setState = async (p: Presentation, state: Presentation['state']) => {
    try { setAgenda(await call('presentation.setState', { id: p.id, state })); } catch (e) { notifyError(e); }
  };
  const move = async (index: number, delta: number) => {
    const ids = moved(agenda.map((p) => p.id), index, delta);
    if (!ids) return;
    try { setAgenda(await call('presentation.reorder', { sessionId: sessionId!, ids })); } catch (e) { notifyError(e); }
  };
  /** Advance the agenda: start the selected OPD if it is waiting; if it is presenting, finish it and start the next
   * waiting one. */
  const next = async () => {
    await useAutosave.getState().flush();
    if (current && current.state === 'waiting') { await setState(current, 'presenting'); return; }
    const idx = agenda.findIndex((p) => p.id === selectedId);
    const after = [...agenda.slice(idx + 1), ...agenda.slice(0, Math.max(0, idx))].find((p) => p.state === 'waiting');
    try {
      if (current && current.state === 'presenting') setAgenda(await call('presentation.setState', { id: current.id, state: 'done' }));
      if (after) { setAgenda(await call('presentation.setState', { id: after.id, state: 'presenting' })); select(after.id); }
    } catch (e) { notifyError(e); }
  };
  useHotkeys([['alt+n', () => void next()]], [], true);

  const createSession = async (stage: number) => {
    try { const s = await call('session.create', { stage }); setSessionId(s.id); bump(); } catch (e) { notifyError(e); }
  };

  if (sessions === null) return null;
  if (sessions.length === 0) {
    return (
      <Stack p="xl" maw={640} mx="auto">
        <Title order={3}>{t('capture.noSession')}</Title>
        <Text c="dimmed">{t('capture.noSessionHint')}</Text>
        <Group>
          {BIMTEK_STAGES.map((s) => <Button key={s.id} variant={s.id === 4 ? 'filled' : 'light'} onClick={() => void createSession(s.id)} data-testid={`create-session-${s.id}`}>{t('capture.createStage', { stage: ['I', 'II', 'III', 'IV'][s.id - 1] })}</Button>)}
        </Group>
        <Button variant="subtle" onClick={() => setView('setup')}>{t('capture.toSetup')}</Button>
      </Stack>
    );
  }

  return (
    <div className="capture-grid">
      <Paper withBorder p="sm" className="agenda">
        <Stack gap="xs">
          <Select
            label={t('capture.session')} data-testid="session-select" allowDeselect={false}
            data={sessions.map((s) => ({ value: s.id, label: s.title || labelOf(BIMTEK_STAGES, s.stage, lang) }))}
            value={sessionId} onChange={(v) => setSessionId(v)}
          />
          <Group justify="space-between">
            <Text fw={600} size="sm">{t('capture.agenda')} ({agenda.filter((p) => p.state === 'done').length}/{agenda.length})</Text>
            <Button size="compact-xs" variant="light" onClick={() => void next()} title="Alt+N" data-testid="agenda-next">{t('capture.next')}</Button>
          </Group>
          <div role="listbox" aria-label={t('capture.agenda')}>
            {agenda.map((p, i) => (
              <div
                key={p.id} className="agenda-item" role="option" aria-selected={p.id === selectedId} tabIndex={0}
                data-selected={p.id === selectedId} data-state={p.state} data-testid="agenda-item" data-opd={p.opdAbbr ?? p.opdName}
                onClick={() => select(p.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(p.id); }
                  if (e.altKey && e.key === 'ArrowUp') { e.preventDefault(); void move(i, -1); }
                  if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); void move(i, 1); }
                }}
              >
                <Text size="xs" c="dimmed" w={20}>{i + 1}</Text>
                <span className="agenda-name" title={p.opdName}>{p.opdAbbr || p.opdName}</span>
                {p.programCount > 0 && <Badge size="xs" variant="outline">{p.programCount}</Badge>}
                <Badge size="xs" variant="light" color={p.state === 'presenting' ? 'red' : p.state === 'done' ? 'teal' : 'gray'}>{t(`presentationState.${p.state}`)}</Badge>
                <ActionIcon size="xs" variant="subtle" color="gray" aria-label={t('capture.moveUp')} onClick={(e) => { e.stopPropagation(); void move(i, -1); }} tabIndex={-1}>↑</ActionIcon>
                <ActionIcon size="xs" variant="subtle" color="gray" aria-label={t('capture.moveDown')} onClick={(e) => { e.stopPropagation(); void move(i, 1); }} tabIndex={-1}>↓</ActionIcon>
              </div>
            ))}
          </div>
        </Stack>
      </Paper>

      <ScrollArea h="100%" type="auto">
        {current ? (
          <Stack gap="sm" pb="xl">
            <Paper withBorder p="sm">
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={3} data-testid="current-opd">{current.opdName}</Title>
                  <Text size="sm" c="dimmed">{current.opdAbbr} · {t(`presentationState.${current.state}`)}</Text>
                </div>
                <Group>
                  <Timer startedAt={current.startedAt} endedAt={current.endedAt} running={current.state === 'presenting'} />
                  {current.state !== 'presenting'
                    ? <Button onClick={() => void setState(current, 'presenting')} data-testid="start-presenting">{t('capture.start')}</Button>
                    : <Button color="teal" variant="light" onClick={() => void setState(current, 'done')} data-testid="finish-presenting">{t('capture.finish')}</Button>}
                </Group>
              </Group>
              <Group grow mt="xs" align="flex-start">
                <AutoText entity="presentation" id={current.id} field="presenterName" label={t('fields.presenterName')} value={current.presenterName} testId="presenter-name" />
                <AutoText entity="presentation" id={current.id} field="presenterPosition" label={t('fields.presenterPosition')} value={current.presenterPosition} testId="presenter-position" />
              </Group>
              <Group grow mt="xs" align="flex-start">
                <AutoText entity="presentation" id={current.id} field="summary" label={t('capture.summary')} value={current.summary} multiline testId="presentation-summary" />
                <AutoText entity="presentation" id={current.id} field="recommendations" label={t('capture.recommendations')} value={current.recommendations} multiline testId="presentation-recommendations" />
              </Group>
            </Paper>
            <QuickAddForm key={current.id} opdId={current.opdId} presentationId={current.id} onAdded={() => { loadPrograms(); bump(); }} onOpenSimilar={(p) => setSimilarOpen(p.id)} />
            <ProgramDrawer programId={similarOpen} onClose={() => setSimilarOpen(null)} />
            <Text fw={600}>{t('capture.programsOf', { opd: current.opdAbbr || current.opdName, count: programs.length })}</Text>
            {programs.length === 0 && <Text c="dimmed" size="sm">{t('capture.noPrograms')}</Text>}
            {[...programs].reverse().map((p) => (
              <Paper key={p.id} withBorder p="sm" className="program-card" data-testid="captured-program">
                <ProgramEditor program={p} opds={opds} compact onDeleted={loadPrograms} />
              </Paper>
            ))}
          </Stack>
        ) : <Text c="dimmed" p="md">{t('capture.pickOpd')}</Text>}
      </ScrollArea>
    </div>
  );
}
