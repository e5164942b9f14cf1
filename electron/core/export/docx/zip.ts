/** A minimal ZIP reader/writer on Node's zlib (deflate + crc32), enough to open the package the docx library writes,
 * replace word/document.xml, and write it back. No new dependency; entries other than the replaced one are copied
 * compressed as they are. */
import zlib from 'node:zlib';

export interface ZipEntry { name: string; method: number; crc: number; compSize: number; size: number; data: Buffer /* compressed */ }

export function readZip(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('zip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('zip: bad central directory');
    const method = buf.readUInt16LE(p + 10), crc = buf.readUInt32LE(p + 16), compSize = buf.readUInt32LE(p + 20), size = buf.readUInt32LE(p + 24);
    const n = buf.readUInt16LE(p + 28), e = buf.readUInt16LE(p + 30), c = buf.readUInt16LE(p + 32), local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + n);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, method, crc, compSize, size, data: buf.subarray(start, start + compSize) });
    p += 46 + n + e + c;
  }
  return out;
}

export function entryText(e: ZipEntry): string {
  return (e.method === 0 ? e.data : zlib.inflateRawSync(e.data)).toString('utf8');
}

export function deflatedEntry(name: string, content: Buffer): ZipEntry {
  const data = zlib.deflateRawSync(content, { level: 6 });
  return { name, method: 8, crc: zlib.crc32(content) >>> 0, compSize: data.length, size: content.length, data };
}

/** Deflates an entry from several pieces without joining them first (each piece is released once written). */
export async function deflatedEntryFromChunks(name: string, chunks: Buffer[]): Promise<ZipEntry> {
  const deflate = zlib.createDeflateRaw({ level: 4 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => { deflate.on('end', resolve); deflate.on('error', reject); });
  let crc = 0, size = 0;
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    crc = zlib.crc32(c, crc);
    size += c.length;
    if (!deflate.write(c)) await new Promise((r) => deflate.once('drain', r));
    chunks[i] = EMPTY;
  }
  deflate.end();
  await ended;
  const data = Buffer.concat(out);
  return { name, method: 8, crc: crc >>> 0, compSize: data.length, size, data };
}
const EMPTY = Buffer.alloc(0);

export function writeZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(0x0800, 6); h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(0, 10); h.writeUInt32LE(e.crc, 14); h.writeUInt32LE(e.compSize, 18); h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(name.length, 26); h.writeUInt16LE(0, 28);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(0x0800, 8); c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(0, 12); c.writeUInt32LE(e.crc, 16); c.writeUInt32LE(e.compSize, 20); c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28); c.writeUInt32LE(offset, 42);
    parts.push(h, name, e.data);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}
