import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { concepts } from '../../electron/core/similarity/concepts';
import { wordTerms } from '../../electron/core/similarity/normalize';

/** The catalogue against the titles its writers checked it with (test/data/concept-checks.json): each positive names its
 * service, each negative (a related but different program) does not. A mend of the catalogue, the phrase table or the
 * stemmer that breaks one of them says which. */
const here = path.dirname(fileURLToPath(import.meta.url));
const checks = JSON.parse(fs.readFileSync(path.join(here, '../data/concept-checks.json'), 'utf8')) as { positive: Record<string, string[]>; negative: Record<string, string[]> };

describe('service catalogue checks', () => {
  const m = concepts();
  const fired = (title: string) => m.terms(wordTerms(title));
  const entries = (o: Record<string, string[]>) => Object.entries(o).flatMap(([id, titles]) => titles.map((t) => [id, t] as const));

  it('recognises every positive title as its service', () => {
    const positives = entries(checks.positive);
    expect(positives.length).toBeGreaterThan(4000);
    const missed = positives.filter(([id, title]) => !fired(title).includes(m.term(id)!)).map(([id, t]) => `${id}: ${t}`);
    expect(missed).toEqual([]);
  });

  it('names no negative title as the service it must not be', () => {
    const negatives = entries(checks.negative);
    expect(negatives.length).toBeGreaterThan(1500);
    const wrong = negatives.filter(([id, title]) => fired(title).includes(m.term(id)!)).map(([id, t]) => `${id}: ${t}`);
    expect(wrong).toEqual([]);
  });

  it('knows every service the checks name', () => {
    for (const id of [...Object.keys(checks.positive), ...Object.keys(checks.negative)]) expect(m.term(id), id).toBeDefined();
  });
});
