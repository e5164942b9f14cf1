/** Automatic backups of the open masterplan: list by date with program counts; restore (undoable). */
import { useEffect, useState } from 'react';
import { Button, Group, Modal, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { useApp } from '../../store/app';
import { notifyError, notifyInfo } from '../../components/notify';

type Entry = Output<'backup.list'>[number];

export function BackupList() {
  const { t, i18n } = useTranslation();
  const { dataVersion, refresh, bump } = useApp();
  const [list, setList] = useState<Entry[]>([]);
  const [confirm, setConfirm] = useState<Entry | null>(null);
  useEffect(() => { void call('backup.list', {}).then(setList).catch(notifyError); }, [dataVersion]);
  const when = (e: Entry) => (e.at ? new Date(e.at).toLocaleString(i18n.language === 'id' ? 'id-ID' : 'en-GB') : '—');
  const restore = async () => {
    if (!confirm) return;
    try { await call('backup.restore', { file: confirm.file }); setConfirm(null); notifyInfo(t('backup.restored')); await refresh(); bump(); } catch (e) { notifyError(e); }
  };
  return (
    <Paper withBorder p="md" data-testid="backups">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('backup.title')}</Title>
        <Button size="xs" variant="light" onClick={() => void call('backup.now', {}).then(setList).catch(notifyError)}>{t('backup.now')}</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">{t('backup.hint')}</Text>
      {list.length === 0 ? <Text size="sm" c="dimmed">{t('backup.none')}</Text> : (
        <Table fz="sm" striped>
          <Table.Tbody>
            {list.slice(0, 12).map((e) => (
              <Table.Tr key={e.file}>
                <Table.Td>{when(e)}</Table.Td>
                <Table.Td>{t(`backup.reason.${e.reason}`, { defaultValue: e.reason })}</Table.Td>
                <Table.Td>{e.programs === null ? '—' : t('backup.programs', { n: e.programs })}</Table.Td>
                <Table.Td>{(e.bytes / 1024).toFixed(0)} KiB</Table.Td>
                <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => setConfirm(e)}>{t('backup.restore')}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={!!confirm} onClose={() => setConfirm(null)} title={t('backup.restore')}>
        <Text mb="sm">{confirm ? t('backup.restoreConfirm', { at: when(confirm), programs: confirm.programs ?? '—' }) : ''}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(null)}>{t('common.cancel')}</Button>
          <Button onClick={() => void restore()}>{t('backup.restore')}</Button>
        </Group>
      </Modal>
    </Paper>
  );
}
