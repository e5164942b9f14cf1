/** Quick add: title → Tab → element (type-ahead; it sets the dimension) → horizon → years → budget ("1,5 M") →
 * funding → Enter adds the program and puts the cursor back on the title for the next one. The draft is kept in
 * localStorage while typing, so a crash mid-program loses nothing. */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah, parseRupiah } from '../../../../shared/rupiah';
import type { Lang } from '../../../../shared/reference';
import { ApiError, call } from '../../api/client';
import { TypeaheadSelect } from '../../components/TypeaheadSelect';
import { elementOptions, fundingOptions, horizonOptions } from '../../components/options';
import { errorMessage } from '../../components/notify';
import type { SimilarProgram } from '../../../../shared/api/schemas';
import { SimilarPrograms } from './SimilarPrograms';

interface Draft { title: string; element: string | null; horizon: string | null; startYear: string; endYear: string; budget: string; funding: string | null }
const EMPTY: Draft = { title: '', element: null, horizon: null, startYear: '', endYear: '', budget: '', funding: null };
const draftKey = (presentationId: string) => `rembuk.draft.${presentationId}`;

function loadDraft(presentationId: string): Draft {
  try { return { ...EMPTY, ...(JSON.parse(localStorage.getItem(draftKey(presentationId)) ?? '{}') as Partial<Draft>) }; } catch { return EMPTY; }
}

interface QuickAddProps {
  opdId: string; presentationId: string; onAdded(): void;
  /** Show similar existing programs while the title is typed (duplicate warning); Alt+O opens one through this. */
  onOpenSimilar?(program: SimilarProgram): void;
}

export function QuickAddForm({ opdId, presentationId, onAdded, onOpenSimilar }: QuickAddProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [draft, setDraft] = useState<Draft>(() => loadDraft(presentationId));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  /** Programs to link as complementary once this one is added (chosen with Alt+L in the similar list). */
  const [linkTo, setLinkTo] = useState<string[]>([]);

  useEffect(() => { setDraft(loadDraft(presentationId)); setErrors({}); }, [presentationId]);
  useEffect(() => {
    if (JSON.stringify(draft) === JSON.stringify(EMPTY)) localStorage.removeItem(draftKey(presentationId));
    else localStorage.setItem(draftKey(presentationId), JSON.stringify(draft));
  }, [draft, presentationId]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => { setDraft((d) => ({ ...d, [k]: v })); setErrors((e) => ({ ...e, [k]: undefined })); };
  const budget = parseRupiah(draft.budget);
  const year = (s: string) => (s.trim() === '' ? null : /^\d{4}$/.test(s.trim()) ? Number(s) : NaN);

  const submit = async () => {
    if (busy) return;
    const errs: typeof errors = {};
    if (!draft.title.trim()) errs.title = t('capture.titleRequired');
    if (!budget.ok) errs.budget = t(`budget.${budget.reason}`);
    const sy = year(draft.startYear), ey = year(draft.endYear);
    if (Number.isNaN(sy)) errs.startYear = t('capture.yearInvalid');
    if (Number.isNaN(ey)) errs.endYear = t('capture.yearInvalid');
    if (sy && ey && ey < sy) errs.endYear = t('errors.YEAR_RANGE');
    if (Object.keys(errs).length) { setErrors(errs); return; }
    setBusy(true);
    try {
      const created = await call('program.create', {
        fields: {
          leadOpdId: opdId, presentationId, title: draft.title, element: draft.element, horizon: draft.horizon as never,
          startYear: sy, endYear: ey, budget: budget.ok ? budget.value : null, funding: draft.funding as never,
        },
      });
      for (const other of linkTo) await call('synergy.link', { programAId: created.id, programBId: other });
      setDraft(EMPTY);
      setErrors({});
      setLinkTo([]);
      onAdded();
      titleRef.current?.focus();
    } catch (e) {
      const field = e instanceof ApiError ? (e.field as keyof Draft | undefined) : undefined;
      if (field && field in EMPTY) setErrors({ [field]: errorMessage(e) }); else setErrors({ title: errorMessage(e) });
    } finally { setBusy(false); }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && !e.defaultPrevented && !(e.target instanceof HTMLTextAreaElement)) { e.preventDefault(); void submit(); }
  };

  return (
    <Paper withBorder p="sm" className="program-card">
      <form onKeyDown={onKeyDown} onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="quick-add">
        <div className="quick-add">
          <TextInput
            ref={titleRef} label={t('capture.newProgram')} placeholder={t('capture.titlePlaceholder')} style={{ flex: '1 1 300px' }}
            value={draft.title} error={errors.title} onChange={(e) => set('title', e.currentTarget.value)} data-testid="qa-title" autoFocus
          />
          <div style={{ width: 250 }}>
            <TypeaheadSelect label={t('program.dimensionElement')} placeholder={t('capture.typeToFind')} options={elementOptions(lang)} value={draft.element} onChange={(v) => set('element', v)} error={errors.element} clearable data-testid="qa-element" />
          </div>
          <div style={{ width: 190 }}>
            <TypeaheadSelect label={t('fields.horizon')} options={horizonOptions(lang)} value={draft.horizon} onChange={(v) => set('horizon', v)} error={errors.horizon} clearable data-testid="qa-horizon" />
          </div>
          <TextInput label={t('fields.startYear')} w={104} inputMode="numeric" maxLength={4} value={draft.startYear} error={errors.startYear} onChange={(e) => set('startYear', e.currentTarget.value)} data-testid="qa-start" />
          <TextInput label={t('fields.endYear')} w={104} inputMode="numeric" maxLength={4} value={draft.endYear} error={errors.endYear} onChange={(e) => set('endYear', e.currentTarget.value)} data-testid="qa-end" />
          <TextInput
            label={t('fields.budget')} w={190} placeholder="1,5 M · 250 jt" value={draft.budget} data-testid="qa-budget"
            error={errors.budget ?? (!budget.ok && draft.budget.trim().length > 0 ? t(`budget.${budget.reason}`) : undefined)}
            description={budget.ok && budget.value != null ? formatRupiah(budget.value) : undefined}
            onChange={(e) => set('budget', e.currentTarget.value)}
          />
          <div style={{ width: 150 }}>
            <TypeaheadSelect label={t('fields.funding')} options={fundingOptions(lang)} value={draft.funding} onChange={(v) => set('funding', v)} error={errors.funding} clearable data-testid="qa-funding" />
          </div>
        </div>
        {onOpenSimilar && (
          <SimilarPrograms
            text={draft.title} opdId={opdId} linked={linkTo} onOpen={onOpenSimilar}
            onToggleLink={(p) => setLinkTo((l) => (l.includes(p.id) ? l.filter((x) => x !== p.id) : [...l, p.id]))}
          />
        )}
        <Group justify="space-between" mt={6}>
          <Text className="kbd-hint">{t('capture.keyboardHint')}</Text>
          <Button type="submit" size="xs" loading={busy} data-testid="qa-add">{t('capture.add')}</Button>
        </Group>
      </form>
    </Paper>
  );
}
