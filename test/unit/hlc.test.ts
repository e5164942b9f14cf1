import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HlcClock, parseHlc, formatHlc } from '../../shared/hlc';

const A = '00000000000000aa';
const B = '00000000000000bb';

describe('hybrid logical clock', () => {
  it('is strictly increasing even when the wall clock stands still or goes back', () => {
    let now = 1_700_000_000_000;
    const clock = new HlcClock(A, () => now);
    const stamps: string[] = [];
    for (let i = 0; i < 500; i++) {
      if (i % 50 === 0) now -= 60_000; // the laptop's clock is set back a minute
      stamps.push(clock.tick());
    }
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
  });

  it('never throws when the counter overflows: it borrows a millisecond', () => {
    const clock = new HlcClock(A, () => 1000);
    let prev = '';
    for (let i = 0; i < 70_000; i++) { const s = clock.tick(); expect(s > prev).toBe(true); prev = s; }
  });

  it('after receiving a stamp from the future, the next local stamp sorts after it, and the drift is reported', () => {
    const now = 1_700_000_000_000;
    const a = new HlcClock(A, () => now);
    const b = new HlcClock(B, () => now + 3_600_000);
    const remote = b.tick();
    expect(a.receive(remote)).toBe(3_600_000);
    expect(a.tick() > remote).toBe(true);
  });

  it('string order equals (millis, counter, node) order', () => {
    const arb = fc.record({ millis: fc.integer({ min: 0, max: 4_102_444_800_000 }), counter: fc.integer({ min: 0, max: 0xffff }), node: fc.constantFrom(A, B) });
    fc.assert(fc.property(arb, arb, (x, y) => {
      const sx = formatHlc(x), sy = formatHlc(y);
      const byFields = x.millis - y.millis || x.counter - y.counter || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0);
      expect(Math.sign(sx < sy ? -1 : sx > sy ? 1 : 0)).toBe(Math.sign(byFields));
      expect(parseHlc(sx)).toEqual(x);
    }));
  });

  it('rejects malformed device ids and stamps', () => {
    expect(() => new HlcClock('not-hex')).toThrow();
    expect(parseHlc('2018-10-22T00:00:00.000Z-zzzz-00000000000000aa')).toBeNull();
  });
});
