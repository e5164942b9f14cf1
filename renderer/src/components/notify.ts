/** Error and success notices: always a sentence from the backend or the translation files, never a stack trace. */
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

/** packaging: a .rembuk file was handed to Rembuk (double-click); the import preview picks it up from the app store. */
export function notifyOpenFile(path: string): void {
  const name = path.split(/[\\/]/).filter(Boolean).pop() ?? path;
  notifications.show({ color: 'teal', title: i18next.t('openFile.title'), message: i18next.t('openFile.received', { name }), autoClose: 8000 });
}
