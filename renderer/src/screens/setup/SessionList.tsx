/** Bimtek sessions: add one per stage, edit title / dates / venue / notes, remove with confirmation. */
import { useEffect, useState } from 'react';
import { Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../shared/api/schemas';
import { BIMTEK_STAGES, type Lang } from '../../../../shared/reference';
import { call } from '../../api/client';
import { useApp } from '../../store/app';
import { useAutosave } from '../../store/autosave';
import { AutoText } from '../../components/AutoFields';
import { notifyError } from '../../components/notify';
import { isIsoDate } from '../../../../shared/dates';

function DateField({ session, field, label }: { session: Session; field: 'dateStart' | 'dateEnd'; label: string }) {
  const { t } = useTranslation();
  const store = useAutosave();
  const [v, setV] = useState(session[field] ?? '');
  const error = store.errors[`session:${session.id}:${field}`];
  return (
    <TextInput
      type="date" label={label} value={v} error={error} w={170}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setV(next);
        if (next === '' || isIsoDate(next)) store.edit('session', session.id, field, next || null);
        else store.setError('session', session.id, field, t('errors.FIELD_INVALID', { field: label }));
      }}
      onBlur={() => void store.flush(`session:${session.id}`)}
    />
  );
}

export function SessionList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { dataVersion, bump } = useApp();
  const [sessions, setSessions] = useState<Session[]>([]);
  const [stage, setStage] = useState<string>('4');
  const [confirm, setConfirm] = useState<Session | null>(null);
  useEffect(() => { void call('session.list', {}).then(setSessions).catch(notifyError); }, [dataVersion]);

  const add = async () => { try { await call('session.create', { stage: Number(stage) }); bump(); } catch (e) { notifyError(e); } };
  const remove = async () => { if (!confirm) return; try { await call('session.delete', { id: confirm.id }); setConfirm(null); bump(); } catch (e) { notifyError(e); } };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('setup.sessions')}</Title>
        <Group gap="xs">
          <Select w={320} data={BIMTEK_STAGES.map((s) => ({ value: String(s.id), label: s.label[lang] }))} value={stage} onChange={(v) => v && setStage(v)} allowDeselect={false} aria-label={t('fields.stage')} />
          <Button onClick={() => void add()} data-testid="session-add">{t('setup.addSession')}</Button>
        </Group>
      </Group>
      {sessions.length === 0 && <Text c="dimmed" size="sm">{t('setup.noSessions')}</Text>}
      <Stack gap="sm">
        {sessions.map((s) => (
          <Paper key={s.id} withBorder p="sm" data-testid="session-card">
            <Group align="flex-start" wrap="wrap">
              <div style={{ flex: '1 1 300px' }}><AutoText entity="session" id={s.id} field="title" label={t('fields.title')} value={s.title} /></div>
              <DateField session={s} field="dateStart" label={t('fields.dateStart')} />
              <DateField session={s} field="dateEnd" label={t('fields.dateEnd')} />
              <div style={{ flex: '1 1 240px' }}><AutoText entity="session" id={s.id} field="venue" label={t('fields.venue')} value={s.venue} /></div>
            </Group>
            <AutoText entity="session" id={s.id} field="notes" label={t('fields.notes')} value={s.notes} multiline />
            <Group justify="flex-end" mt={4}><Button size="xs" variant="subtle" color="red" onClick={() => setConfirm(s)}>{t('setup.removeSession')}</Button></Group>
          </Paper>
        ))}
      </Stack>
      <Modal opened={!!confirm} onClose={() => setConfirm(null)} title={t('setup.removeSession')}>
        <Text mb="sm">{t('setup.removeSessionConfirm', { title: confirm?.title ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(null)}>{t('common.cancel')}</Button>
          <Button color="red" onClick={() => void remove()}>{t('setup.removeSession')}</Button>
        </Group>
      </Modal>
    </Paper>
  );
}
