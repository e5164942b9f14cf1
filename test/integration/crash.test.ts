import { describe, expect, it } from 'vitest';
import { crashStorm } from '../stress/crashStorm';

describe('crash safety (SIGKILL during a storm of edits)', () => {
  it('every acknowledged edit survives, and the file stays intact (6 rounds here; 50 in npm run test:stress)', async () => {
    const r = await crashStorm(6, (s) => console.log(s));
    expect(r.rounds).toBe(6);
    expect(r.integrity).toEqual([]);
    expect(r.acknowledged).toBeGreaterThan(10);
    expect(r.found).toBe(r.acknowledged);
  }, 240_000);
});
