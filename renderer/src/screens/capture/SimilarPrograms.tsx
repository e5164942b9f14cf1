/** As-you-type warning: the existing programs most similar to the title being typed (other OPDs first), each with its
 * OPD, dimension and a similarity bar. Alt+O opens the top match, Alt+L links it as complementary (the link is made
 * when the program is added). The query is debounced (~120 ms) and never blocks typing: answers to older text are
 * dropped. */
import { useEffect, useRef, useState } from 'react';
import { Badge, Group, Paper, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SimilarProgram } from '../../../../shared/api/schemas';
import { DIMENSIONS, labelOf, type Lang } from '../../../../shared/reference';
import { call } from '../../api/client';
import { ApartHint } from '../../components/ApartHint';
import { SameService } from '../../components/SameService';

export const SIMILAR_DEBOUNCE_MS = 120;

interface Props {
  text: string;
  opdId: string;
  linked: string[];
  onOpen(program: SimilarProgram): void;
  onToggleLink(program: SimilarProgram): void;
}

export function SimilarPrograms({ text, opdId, linked, onOpen, onToggleLink }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [hits, setHits] = useState<SimilarProgram[]>([]);
  const latest = useRef(0);

  useEffect(() => {
    const q = text.trim();
    const ticket = ++latest.current;
    if (q.length < 3) { setHits([]); return; }
    const timer = setTimeout(() => {
      call('similar.query', { text: q, opdId, limit: 5 })
        .then((r) => { if (ticket === latest.current) setHits(r.filter((h) => h.score >= 0.2)); })
        .catch(() => { /* a warning only: never in the way of typing */ });
    }, SIMILAR_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, opdId]);

  const top = hits[0];
  const topRef = useRef(top);
  topRef.current = top;
  const handlers = useRef({ onOpen, onToggleLink });
  handlers.current = { onOpen, onToggleLink };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || !topRef.current) return;
      const k = e.key.toLowerCase();
      if (k === 'o' || e.code === 'KeyO') { e.preventDefault(); handlers.current.onOpen(topRef.current); }
      if (k === 'l' || e.code === 'KeyL') { e.preventDefault(); handlers.current.onToggleLink(topRef.current); }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  if (hits.length === 0) return null;
  return (
    <Paper withBorder p="xs" mt={6} className="similar-panel" data-testid="similar-list" role="status" aria-live="polite">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>{t('similar.heading')}</Text>
        <Text size="xs" c="dimmed">{t('similar.keys')}</Text>
      </Group>
      <Stack gap={4}>
        {hits.map((h, i) => (
          <Group key={h.id} gap="xs" wrap="nowrap" data-testid="similar-item" data-program-id={h.id}>
            <UnstyledButton tabIndex={-1} onClick={() => onOpen(h)} style={{ flex: 1, minWidth: 0 }} title={t('similar.open')}>
              <Text size="sm" truncate fw={i === 0 ? 600 : 400}>{h.title}</Text>
              <Text size="xs" c="dimmed" truncate>{h.opdAbbr || h.opdName}{h.sameOpd ? ` · ${t('similar.sameOpd')}` : ''} · {labelOf(DIMENSIONS, h.dimension, lang) || '—'}</Text>
              <SameService services={h.services} testId="similar-service" />
              <ApartHint reason={h.apart} testId="similar-apart" />
            </UnstyledButton>
            {h.likelyDuplicate && <Badge size="xs" color="orange" variant="light" data-testid="similar-likely">{t('similar.likelyDuplicate')}</Badge>}
            {h.possibleDuplicate && <Badge size="xs" color="yellow" variant="outline" data-testid="similar-possible">{t('similar.possibleDuplicate')}</Badge>}
            <Progress value={Math.round(h.score * 100)} w={70} size="md" color={h.likelyDuplicate ? 'orange' : 'gray'} aria-label={t('similar.score', { pct: Math.round(h.score * 100) })} title={t('similar.score', { pct: Math.round(h.score * 100) })} />
            <UnstyledButton tabIndex={-1} onClick={() => onToggleLink(h)} data-testid="similar-link" aria-pressed={linked.includes(h.id)}>
              <Badge size="sm" variant={linked.includes(h.id) ? 'filled' : 'outline'} color="teal">{linked.includes(h.id) ? t('similar.linked') : t('similar.link')}</Badge>
            </UnstyledButton>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
