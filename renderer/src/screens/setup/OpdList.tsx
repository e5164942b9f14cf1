/** The OPD list: add, edit inline, reorder (buttons or Alt+↑/↓), remove with confirmation. */
import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, Modal, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Opd } from '../../../../shared/api/schemas';
import { call } from '../../api/client';
import { useApp } from '../../store/app';
import { AutoSelect, AutoText } from '../../components/AutoFields';
import { opdKindOptions } from '../../components/options';
import { errorMessage, notifyError } from '../../components/notify';
import { moved } from '../../components/reorder';

export function OpdList() {
  const { t } = useTranslation();
  const { dataVersion, bump } = useApp();
  const [opds, setOpds] = useState<Opd[]>([]);
  const [name, setName] = useState('');
  const [abbr, setAbbr] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Opd | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  useEffect(() => { void call('opd.list', {}).then(setOpds).catch(notifyError); }, [dataVersion]);

  const add = async () => {
    try { await call('opd.create', { name, abbr }); setName(''); setAbbr(''); setAddError(null); bump(); } catch (e) { setAddError(errorMessage(e)); }
  };
  const move = async (i: number, delta: number) => {
    const ids = moved(opds.map((o) => o.id), i, delta);
    if (!ids) return;
    try { setOpds(await call('opd.reorder', { ids })); bump(); } catch (e) { notifyError(e); }
  };
  const remove = async () => {
    if (!confirm) return;
    try { await call('opd.delete', { id: confirm.id }); setConfirm(null); bump(); } catch (e) { setConfirmError(errorMessage(e)); }
  };

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">{t('setup.opds')} ({opds.length})</Title>
      <form onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <Group align="flex-start" mb="sm">
          <TextInput placeholder={t('setup.opdName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={addError} style={{ flex: 1 }} data-testid="opd-new-name" aria-label={t('setup.opdName')} />
          <TextInput placeholder={t('fields.abbr')} value={abbr} onChange={(e) => setAbbr(e.currentTarget.value)} w={160} aria-label={t('fields.abbr')} />
          <Button type="submit" data-testid="opd-add">{t('setup.addOpd')}</Button>
        </Group>
      </form>
      <Table striped fz="sm" data-testid="opd-table">
        <Table.Thead><Table.Tr><Table.Th w={40}>#</Table.Th><Table.Th>{t('fields.name')}</Table.Th><Table.Th w={170}>{t('fields.abbr')}</Table.Th><Table.Th w={180}>{t('fields.kind')}</Table.Th><Table.Th w={80}>{t('setup.programs')}</Table.Th><Table.Th w={120} /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {opds.map((o, i) => (
            <Table.Tr key={o.id} onKeyDown={(e) => { if (e.altKey && e.key === 'ArrowUp') { e.preventDefault(); void move(i, -1); } if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); void move(i, 1); } }}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td><AutoText entity="opd" id={o.id} field="name" value={o.name} /></Table.Td>
              <Table.Td><AutoText entity="opd" id={o.id} field="abbr" value={o.abbr} /></Table.Td>
              <Table.Td><AutoSelect entity="opd" id={o.id} field="kind" value={o.kind} options={opdKindOptions(t)} clearable={false} /></Table.Td>
              <Table.Td>{o.programCount}</Table.Td>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" color="gray" aria-label={t('capture.moveUp')} onClick={() => void move(i, -1)}>↑</ActionIcon>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('capture.moveDown')} onClick={() => void move(i, 1)}>↓</ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={t('setup.removeOpd')} onClick={() => { setConfirm(o); setConfirmError(null); }} data-testid="opd-remove">×</ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={!!confirm} onClose={() => setConfirm(null)} title={t('setup.removeOpdTitle')}>
        <Text mb="sm">{t('setup.removeOpdConfirm', { name: confirm?.name ?? '' })}</Text>
        {confirmError && <Text c="red" size="sm" mb="sm" data-testid="opd-remove-error">{confirmError}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(null)}>{t('common.cancel')}</Button>
          <Button color="red" onClick={() => void remove()} data-testid="opd-remove-confirm">{t('setup.removeOpd')}</Button>
        </Group>
      </Modal>
    </Paper>
  );
}
