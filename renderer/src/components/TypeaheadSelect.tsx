/** A keyboard-first picker: type a few letters (any word of the label, accents ignored), the best match is
 * highlighted, Enter or Tab takes it. Built on Mantine's Combobox (accessible listbox semantics). */
import { useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { Combobox, InputBase, useCombobox } from '@mantine/core';

export interface TypeaheadOption { value: string; label: string; group?: string; hint?: string; keywords?: string }

interface Props {
  label?: string;
  placeholder?: string;
  options: TypeaheadOption[];
  value: string | null;
  onChange(value: string | null): void;
  error?: string | null;
  clearable?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  'data-testid'?: string;
  size?: 'xs' | 'sm';
  autoFocus?: boolean;
  description?: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Every typed word must start a word of the label (or its keywords). */
export function matchOption(option: TypeaheadOption, query: string): boolean {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold(`${option.label} ${option.group ?? ''} ${option.keywords ?? ''}`).split(/[^\p{L}\p{N}]+/u);
  return words.every((w) => hay.some((h) => h.startsWith(w)));
}

export function TypeaheadSelect({ label, placeholder, options, value, onChange, error, clearable, inputRef, size = 'sm', autoFocus, description, ...rest }: Props) {
  const combobox = useCombobox({ onDropdownClose: () => { combobox.resetSelectedOption(); setSearch(null); } });
  const [search, setSearch] = useState<string | null>(null);
  const selected = options.find((o) => o.value === value) ?? null;
  const filtered = useMemo(() => (search ? options.filter((o) => matchOption(o, search)) : options), [options, search]);

  const groups = useMemo(() => {
    const out: { group: string | undefined; items: TypeaheadOption[] }[] = [];
    for (const o of filtered) {
      const last = out[out.length - 1];
      if (last && last.group === o.group) last.items.push(o);
      else out.push({ group: o.group, items: [o] });
    }
    return out;
  }, [filtered]);

  const choose = (v: string) => {
    onChange(v === '__clear__' ? null : v);
    setSearch(null);
    combobox.closeDropdown();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Tab' && combobox.dropdownOpened && search) {
      const first = filtered[0];
      const active = combobox.selectedOptionIndex >= 0 ? filtered[combobox.selectedOptionIndex] : first;
      if (active) choose(active.value);
    } else if (e.key === 'Enter' && !combobox.dropdownOpened) {
      // let the form see it (Enter = add the program)
    } else if (e.key === 'Enter' && combobox.dropdownOpened && combobox.selectedOptionIndex < 0 && !search) {
      combobox.closeDropdown();
    } else if (e.key === 'Backspace' && clearable && (search ?? '') === '' && selected) {
      onChange(null);
    }
  };

  const optionNodes = (items: TypeaheadOption[]) => items.map((o) => (
    <Combobox.Option value={o.value} key={o.value} active={o.value === value}>
      <span>{o.label}</span>{o.hint ? <span className="option-hint"> · {o.hint}</span> : null}
    </Combobox.Option>
  ));

  return (
    <Combobox store={combobox} onOptionSubmit={choose} withinPortal={false}>
      <Combobox.Target>
        <InputBase
          ref={inputRef}
          size={size}
          label={label}
          description={description}
          placeholder={placeholder}
          error={error || undefined}
          autoFocus={autoFocus}
          data-testid={rest['data-testid']}
          value={search ?? (selected ? selected.label : '')}
          rightSection={<Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onFocus={(e) => { e.currentTarget.select(); }}
          onClick={() => combobox.openDropdown()}
          onBlur={() => { combobox.closeDropdown(); setSearch(null); }}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
            requestAnimationFrame(() => combobox.selectFirstOption());
          }}
          onKeyDown={onKeyDown}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {filtered.length === 0 ? <Combobox.Empty>—</Combobox.Empty> : groups.map((g, i) => g.group
            ? <Combobox.Group label={g.group} key={`${g.group}-${i}`}>{optionNodes(g.items)}</Combobox.Group>
            : <div key={`nogroup-${i}`}>{optionNodes(g.items)}</div>)}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
