/** First run (and later edits): who is capturing on this laptop. Every change they make carries this name. */
import { useState } from 'react';
import { Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api/client';
import { useApp } from '../store/app';
import { notifyError } from '../components/notify';

export function ProfileDialog({ firstRun, onDone }: { firstRun?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const app = useApp((s) => s.app);
  const refresh = useApp((s) => s.refresh);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { name: app?.profile?.name ?? '', institution: app?.profile?.institution ?? '' },
    validate: { name: (v) => (v.trim() ? null : t('profile.nameRequired')) },
  });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await call('app.saveProfile', values);
      await refresh();
      onDone?.();
    } catch (e) {
      if (e instanceof ApiError && e.field) form.setFieldError(e.field, e.message); else notifyError(e);
    } finally { setBusy(false); }
  });
  return (
    <Center h="100%">
      <Paper withBorder p="xl" w={460} shadow="sm">
        <form onSubmit={submit}>
          <Stack>
            <Title order={3}>{firstRun ? t('profile.welcome') : t('profile.title')}</Title>
            {firstRun && <Text size="sm" c="dimmed">{t('profile.intro')}</Text>}
            <TextInput label={t('profile.name')} data-autofocus autoFocus data-testid="profile-name" {...form.getInputProps('name')} />
            <TextInput label={t('profile.institution')} data-testid="profile-institution" {...form.getInputProps('institution')} />
            <Button type="submit" loading={busy} data-testid="profile-save">{t('profile.save')}</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
