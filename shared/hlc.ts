/** Hybrid logical clock (wall time + counter + device), serialised so that string order = causal/total order:
 *   "2018-10-22T02:15:04.123Z-0000-0123456789abcdef"
 * Laptop clocks are wrong: the clock never throws on drift; it stays monotonic and reports how far a received
 * stamp is ahead of the local wall clock so the caller can warn. */

export interface Hlc { millis: number; counter: number; node: string }

export const MAX_COUNTER = 0xffff;
export const DEVICE_ID_PATTERN = /^[0-9a-f]{16}$/;

export function formatHlc(t: Hlc): string {
  return `${new Date(t.millis).toISOString()}-${t.counter.toString(16).padStart(4, '0')}-${t.node}`;
}

export function parseHlc(s: string): Hlc | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/.exec(s);
  if (!m) return null;
  const millis = Date.parse(m[1]!);
  if (!Number.isFinite(millis)) return null;
  return { millis, counter: parseInt(m[2]!, 16), node: m[3]! };
}

/** A clock owned by one device. `now` is injectable for tests. */
export class HlcClock {
  private last: Hlc;
  constructor(readonly node: string, private readonly now: () => number = Date.now) {
    if (!DEVICE_ID_PATTERN.test(node)) throw new Error(`invalid device id ${node}`);
    this.last = { millis: 0, counter: 0, node };
  }

  /** Continue after the greatest stamp already in the database, so restarts with a late clock stay monotonic. */
  seed(stamp: string | null | undefined): void {
    const t = stamp ? parseHlc(stamp) : null;
    if (t && (t.millis > this.last.millis || (t.millis === this.last.millis && t.counter > this.last.counter))) {
      this.last = { millis: t.millis, counter: t.counter, node: this.node };
    }
  }

  /** A new stamp for a local change. */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.millis) this.last = { millis: wall, counter: 0, node: this.node };
    else if (this.last.counter < MAX_COUNTER) this.last = { ...this.last, counter: this.last.counter + 1 };
    else this.last = { millis: this.last.millis + 1, counter: 0, node: this.node }; // borrow a millisecond, never throw
    return formatHlc(this.last);
  }

  /** Merge a received stamp; returns how many ms it is ahead of our wall clock (0 if not ahead). */
  receive(stamp: string): number {
    const t = parseHlc(stamp);
    if (!t) return 0;
    this.seed(stamp);
    return Math.max(0, t.millis - this.now());
  }

  current(): string { return formatHlc(this.last); }

  /** Puts the clock back to a stamp it gave before (a previewed import that was not applied must not move it). */
  reset(stamp: string): void {
    const t = parseHlc(stamp);
    this.last = t ? { millis: t.millis, counter: t.counter, node: this.node } : { millis: 0, counter: 0, node: this.node };
  }
}
