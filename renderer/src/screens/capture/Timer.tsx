/** The running time of the current presentation (OPDs get 10–20 minutes). */
import { useEffect, useState } from 'react';
import { formatDuration } from '../../../../shared/dates';

export function Timer({ startedAt, endedAt, running }: { startedAt: string | null; endedAt: string | null; running: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, [running]);
  if (!startedAt) return <span className="timer" data-testid="timer">00:00</span>;
  const end = running ? now : endedAt ? Date.parse(endedAt) : now;
  const ms = end - Date.parse(startedAt);
  return <span className="timer" data-testid="timer" style={{ color: running && ms > 20 * 60_000 ? 'var(--mantine-color-red-7)' : undefined }}>{formatDuration(ms)}</span>;
}
