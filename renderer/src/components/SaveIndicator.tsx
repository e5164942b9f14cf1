/** The visible saving / saved state: people in the room need to see that their words are safe. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAutosave } from '../store/autosave';

export function SaveIndicator() {
  const { t } = useTranslation();
  const pending = useAutosave((s) => Object.keys(s.pending).length);
  const inFlight = useAutosave((s) => s.inFlight);
  const failed = useAutosave((s) => s.failed);
  const hasErrors = useAutosave((s) => Object.keys(s.errors).length > 0);
  const saved = useAutosave((s) => s.lastSavedAt);
  const failure = useAutosave((s) => s.failure);
  let state: 'saving' | 'saved' | 'offline' | 'attention' | 'idle' = 'idle';
  if (failed) state = 'offline';
  else if (pending + inFlight > 0) state = 'saving';
  else if (hasErrors) state = 'attention';
  else if (saved) state = 'saved';
  const color = { saving: 'yellow', saved: 'teal', offline: 'red', attention: 'orange', idle: 'gray' }[state];
  return (
    <Badge color={color} variant="light" size="lg" data-testid="save-state" data-state={state} aria-live="polite" title={state === 'offline' && failure ? failure : undefined}>
      {t(`save.${state}`)}
    </Badge>
  );
}
