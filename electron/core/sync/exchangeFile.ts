/** The `.rembuk` exchange file (spec: docs/exchange-format.md). Layout:
 *    "REMBUK-EXCHANGE\n" + one line of JSON header + "\n" + gzip(JSON array of changes)
 * The header is readable without touching the payload; the payload is checked (size, SHA-256) before it is
 * decompressed, and decompression is bounded, so a bomb, a truncated or a tampered file is refused in a sentence. */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { parseHlc, DEVICE_ID_PATTERN } from '../../../shared/hlc';

export const MAGIC = 'REMBUK-EXCHANGE\n';
export const FORMAT = 'rembuk-exchange';
export const FORMAT_VERSION = 1;
export const MIN_READER_VERSION = 1;
/** Refuse payloads that would decompress beyond this (a zip bomb, or something absurd). */
export const MAX_UNCOMPRESSED = 1024 * 1024 * 1024;
const MAX_HEADER = 64 * 1024;
const MAX_VALUE_CHARS = 1_000_000;

/** One change as it travels: [stamp, device, entity, rowId, field, value (JSON text or null), parent]. */
export type WireChange = [string, string, string, string, string, string | null, string | null];

export const ExchangeHeader = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().min(1),
  minReaderVersion: z.number().int().min(1),
  masterplan: z.object({ id: z.string().min(1).max(200), title: z.string().max(2000) }),
  sender: z.object({ deviceId: z.string().regex(DEVICE_ID_PATTERN), facilitator: z.string().max(500).nullable() }),
  createdAt: z.string().max(40),
  appVersion: z.string().max(40),
  since: z.record(z.string(), z.string()).nullable(),
  versionVector: z.record(z.string(), z.string()),
  counts: z.object({ changes: z.number().int().min(0) }),
  payload: z.object({ encoding: z.literal('gzip+json'), compressedBytes: z.number().int().min(0), uncompressedBytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type ExchangeHeader = z.infer<typeof ExchangeHeader>;

export interface ExchangeContents { header: ExchangeHeader; changes: WireChange[] }

export function encodeExchange(header: Omit<ExchangeHeader, 'payload' | 'format' | 'version' | 'minReaderVersion' | 'counts'>, changes: WireChange[]): Buffer {
  const raw = Buffer.from(JSON.stringify(changes), 'utf8');
  const compressed = zlib.gzipSync(raw, { level: 3 }); // level 3: as small as 6 here, twice as fast
  const full: ExchangeHeader = {
    format: FORMAT, version: FORMAT_VERSION, minReaderVersion: MIN_READER_VERSION, ...header,
    counts: { changes: changes.length },
    payload: { encoding: 'gzip+json', compressedBytes: compressed.length, uncompressedBytes: raw.length, sha256: crypto.createHash('sha256').update(compressed).digest('hex') },
  };
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), Buffer.from(JSON.stringify(full) + '\n', 'utf8'), compressed]);
}

export function looksLikeExchange(head: Buffer): boolean {
  return head.subarray(0, MAGIC.length).toString('latin1') === MAGIC;
}

/** Reads only the header (cheap): what the file is, whom it is from, for which masterplan. */
export function readHeader(buf: Buffer, file: string): { header: ExchangeHeader; payloadStart: number } {
  if (!looksLikeExchange(buf)) throw new AppError('NOT_EXCHANGE', { path: file });
  const end = buf.indexOf(0x0a, MAGIC.length);
  if (end < 0 || end - MAGIC.length > MAX_HEADER) throw new AppError('EXCHANGE_CORRUPT', { path: file });
  let json: unknown;
  try { json = JSON.parse(buf.subarray(MAGIC.length, end).toString('utf8')); } catch { throw new AppError('EXCHANGE_CORRUPT', { path: file }); }
  const version = (json as { version?: unknown; minReaderVersion?: unknown } | null)?.minReaderVersion;
  if (typeof version === 'number' && version > FORMAT_VERSION) throw new AppError('EXCHANGE_NEWER', { path: file, version });
  const parsed = ExchangeHeader.safeParse(json);
  if (!parsed.success) throw new AppError('EXCHANGE_CORRUPT', { path: file });
  return { header: parsed.data, payloadStart: end + 1 };
}

function validChange(c: unknown): c is WireChange {
  if (!Array.isArray(c) || c.length !== 7) return false;
  const [stamp, device, entity, rowId, field, value, parent] = c as unknown[];
  if (typeof stamp !== 'string' || !parseHlc(stamp) || typeof device !== 'string' || !DEVICE_ID_PATTERN.test(device)) return false;
  if (!stamp.endsWith(device)) return false;
  if (typeof entity !== 'string' || entity.length > 100 || typeof rowId !== 'string' || rowId.length === 0 || rowId.length > 300) return false;
  if (typeof field !== 'string' || field.length === 0 || field.length > 100) return false;
  if (value !== null && (typeof value !== 'string' || value.length > MAX_VALUE_CHARS)) return false;
  if (typeof value === 'string') { try { JSON.parse(value); } catch { return false; } }
  if (parent !== null && (typeof parent !== 'string' || !parseHlc(parent))) return false;
  return true;
}

/** Reads and fully validates a file: header, size, checksum, bounded decompression, every change. */
export function decodeExchange(buf: Buffer, file: string): ExchangeContents {
  const { header, payloadStart } = readHeader(buf, file);
  const payload = buf.subarray(payloadStart);
  if (payload.length !== header.payload.compressedBytes) throw new AppError('EXCHANGE_TRUNCATED', { path: file });
  if (crypto.createHash('sha256').update(payload).digest('hex') !== header.payload.sha256) throw new AppError('EXCHANGE_CHECKSUM', { path: file });
  if (header.payload.uncompressedBytes > MAX_UNCOMPRESSED) throw new AppError('EXCHANGE_TOO_LARGE', { path: file });
  let raw: Buffer;
  try {
    raw = zlib.gunzipSync(payload, { maxOutputLength: Math.max(1, header.payload.uncompressedBytes) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ERR_BUFFER_TOO_LARGE' ? 'EXCHANGE_TOO_LARGE' : 'EXCHANGE_CORRUPT', { path: file });
  }
  if (raw.length !== header.payload.uncompressedBytes) throw new AppError('EXCHANGE_CORRUPT', { path: file });
  let changes: unknown;
  try { changes = JSON.parse(raw.toString('utf8')); } catch { throw new AppError('EXCHANGE_CORRUPT', { path: file }); }
  if (!Array.isArray(changes) || changes.length !== header.counts.changes) throw new AppError('EXCHANGE_CORRUPT', { path: file });
  for (const c of changes) if (!validChange(c)) throw new AppError('EXCHANGE_CORRUPT', { path: file });
  return { header, changes: changes as WireChange[] };
}
