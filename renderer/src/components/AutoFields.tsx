/** Form fields that save themselves: every change is queued to the autosave store; blur sends at once. While a
 * field has focus (or unsent edits), the person's text wins over what the backend reloads. */
import { useEffect, useRef, useState } from 'react';
import { Checkbox, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah, parseRupiah } from '../../../shared/rupiah';
import { useAutosave, type SavableEntity } from '../store/autosave';
import { TypeaheadSelect, type TypeaheadOption } from './TypeaheadSelect';

interface Base { entity: SavableEntity; id: string; field: string; label?: string; testId?: string }

function useAutoField<T>(entity: SavableEntity, id: string, field: string, server: T) {
  const [local, setLocal] = useState<T>(server);
  const focused = useRef(false);
  const key = `${entity}:${id}`;
  const hasPending = useAutosave((s) => s.pending[key]?.patch[field] !== undefined);
  const error = useAutosave((s) => s.errors[`${key}:${field}`]);
  useEffect(() => { if (!focused.current && !hasPending && !error) setLocal(server); }, [server, hasPending, error]);
  const edit = useAutosave((s) => s.edit);
  const flush = useAutosave((s) => s.flush);
  return {
    local, error,
    change(v: T, send: unknown = v) { setLocal(v); edit(entity, id, field, send); },
    setLocal,
    focus() { focused.current = true; },
    blur() { focused.current = false; void flush(key); },
  };
}

export function AutoText({ entity, id, field, label, value, multiline, testId, placeholder, minRows = 2 }: Base & { value: string | null; multiline?: boolean; placeholder?: string; minRows?: number }) {
  const f = useAutoField(entity, id, field, value ?? '');
  const common = {
    label, placeholder, value: f.local, error: f.error, 'data-testid': testId,
    onFocus: f.focus, onBlur: f.blur,
    onChange: (e: { currentTarget: { value: string } }) => f.change(e.currentTarget.value),
  };
  return multiline ? <Textarea {...common} autosize minRows={minRows} maxRows={14} /> : <TextInput {...common} />;
}

export function AutoYear({ entity, id, field, label, value, testId }: Base & { value: number | null }) {
  const { t } = useTranslation();
  const f = useAutoField(entity, id, field, value == null ? '' : String(value));
  const store = useAutosave();
  return (
    <TextInput
      label={label} value={f.local} error={f.error} data-testid={testId} inputMode="numeric" maxLength={4} w={104}
      onFocus={f.focus} onBlur={f.blur}
      onChange={(e) => {
        const v = e.currentTarget.value.trim();
        if (v === '') return f.change('', null);
        if (!/^\d{4}$/.test(v)) { f.setLocal(v); if (v.length >= 4 || !/^\d*$/.test(v)) store.setError(entity, id, field, t('capture.yearInvalid')); return; }
        store.clearError(entity, id, field);
        f.change(v, Number(v));
      }}
    />
  );
}

/** Budget typed the way people say it ("1,5 M", "250 jt"); shown back as rupiah; "abc" gets a sentence in place. */
export function AutoBudget({ entity, id, field, label, value, testId }: Base & { value: number | null }) {
  const { t } = useTranslation();
  const f = useAutoField(entity, id, field, value == null ? '' : formatRupiah(value));
  const store = useAutosave();
  const parsed = parseRupiah(f.local);
  return (
    <TextInput
      label={label} value={f.local} data-testid={testId} w={200}
      error={f.error}
      description={parsed.ok && parsed.value != null && !f.error && formatRupiah(parsed.value) !== f.local.trim() ? formatRupiah(parsed.value) : undefined}
      onFocus={f.focus}
      onBlur={() => { f.blur(); if (parsed.ok && parsed.value != null) f.setLocal(formatRupiah(parsed.value)); }}
      onChange={(e) => {
        const text = e.currentTarget.value;
        const r = parseRupiah(text);
        if (!r.ok) { f.setLocal(text); store.setError(entity, id, field, t(`budget.${r.reason}`)); return; }
        store.clearError(entity, id, field);
        f.change(text, r.value);
      }}
    />
  );
}

export function AutoSelect({ entity, id, field, label, value, options, testId, clearable = true }: Base & { value: string | null; options: TypeaheadOption[]; clearable?: boolean }) {
  const f = useAutoField(entity, id, field, value);
  const flush = useAutosave((s) => s.flush);
  return (
    <TypeaheadSelect
      label={label} options={options} value={f.local} error={f.error} clearable={clearable} data-testid={testId}
      onChange={(v) => { f.change(v); void flush(`${entity}:${id}`); }}
    />
  );
}

export function AutoCheckbox({ entity, id, field, label, value, testId }: Base & { value: boolean }) {
  const f = useAutoField(entity, id, field, value);
  const flush = useAutosave((s) => s.flush);
  return <Checkbox label={label} checked={f.local} data-testid={testId} onChange={(e) => { f.change(e.currentTarget.checked); void flush(`${entity}:${id}`); }} />;
}
