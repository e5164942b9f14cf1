/** Masterplan setup: its details, the OPD list, the Bimtek sessions, and this facilitator's profile. */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/app';
import { AutoSelect, AutoText, AutoYear } from '../../components/AutoFields';
import { regionKindOptions } from '../../components/options';
import { ProfileDialog } from '../ProfileDialog';
import { OpdList } from './OpdList';
import { SessionList } from './SessionList';
import { BackupList } from './BackupList';

export function SetupScreen() {
  const { t } = useTranslation();
  const app = useApp((s) => s.app)!;
  const mp = app.current!.masterplan;
  const [editProfile, setEditProfile] = useState(false);
  return (
    <Stack p="md" gap="md" maw={1200} mx="auto">
      <Paper withBorder p="md">
        <Title order={4} mb="sm">{t('setup.masterplan')}</Title>
        <Stack gap="xs">
          <AutoText entity="masterplan" id={mp.id} field="title" label={t('fields.title')} value={mp.title} testId="mp-title" />
          <Group align="flex-start" grow>
            <AutoSelect entity="masterplan" id={mp.id} field="regionKind" label={t('fields.regionKind')} value={mp.regionKind} options={regionKindOptions(t)} clearable={false} />
            <AutoText entity="masterplan" id={mp.id} field="regionName" label={t('fields.regionName')} value={mp.regionName} />
            <AutoText entity="masterplan" id={mp.id} field="province" label={t('fields.province')} value={mp.province} />
            <AutoYear entity="masterplan" id={mp.id} field="periodStart" label={t('fields.periodStart')} value={mp.periodStart} />
            <AutoYear entity="masterplan" id={mp.id} field="periodEnd" label={t('fields.periodEnd')} value={mp.periodEnd} />
          </Group>
          <Text size="xs" c="dimmed">{t('setup.fileAt')}: {app.current!.path}</Text>
        </Stack>
      </Paper>
      <SessionList />
      <OpdList />
      <BackupList />
      <Paper withBorder p="md">
        <Group justify="space-between">
          <div>
            <Title order={4}>{t('profile.title')}</Title>
            <Text size="sm">{app.profile!.name}{app.profile!.institution ? ` — ${app.profile!.institution}` : ''}</Text>
          </div>
          <Button variant="light" onClick={() => setEditProfile(true)}>{t('setup.editProfile')}</Button>
        </Group>
        {editProfile && <ProfileDialog onDone={() => setEditProfile(false)} />}
      </Paper>
    </Stack>
  );
}
