/** Row ids: UUIDv7, made on the device (time-ordered, so inserts stay local in the B-tree). */
import { v7 } from 'uuid';

export function uuidv7(): string {
  return v7();
}
