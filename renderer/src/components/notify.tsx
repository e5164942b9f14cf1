/** Error and success notices: always a sentence from the backend or the translation files, never a stack trace. */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import { ApiError } from '../api/client';

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.code === 'INTERNAL' && e.message === 'offline' ? i18next.t('app.offline') : e.message;
  return i18next.t('errors.INTERNAL');
}

export function notifyError(e: unknown): void {
  notifications.show({ color: 'red', title: i18next.t('app.errorTitle'), message: errorMessage(e), autoClose: 8000 });
}

export function notifyInfo(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}

/** A notice of something just done that can be taken back: its message and an undo button (10 s). The undo runs
 * `undo`; once done, the notice closes and `after` runs (a refresh); a failure is a notice of its own. */
export function notifyUndoable(id: string, message: string, undo: () => Promise<unknown>, after: () => void, testId?: string): void {
  notifications.show({
    id, autoClose: 10000, message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="light" data-testid={testId}
          onClick={() => { void undo().then(() => { after(); notifications.hide(id); }).catch(notifyError); }}>{i18next.t('app.undo')}</Button>
      </Group>
    ),
  });
}

/** packaging: a .rembuk file was handed to Rembuk (double-click); the import preview picks it up from the app store. */
export function notifyOpenFile(path: string): void {
  const name = path.split(/[\\/]/).filter(Boolean).pop() ?? path;
  notifications.show({ color: 'teal', title: i18next.t('openFile.title'), message: i18next.t('openFile.received', { name }), autoClose: 8000 });
}
