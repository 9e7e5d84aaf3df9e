/**
 * A ZIP archive written as its entries are: each entry's bytes go through the platform's own
 * deflate (`CompressionStream('deflate-raw')`, in browsers, workers and Node alike) as they are
 * produced, so that only compressed bytes are held; the archive is assembled once every entry
 * is closed. What an Office Open XML package needs, nothing more: no encryption, no ZIP64
 * (entries and archive under 4 GiB), fixed timestamps so that equal content gives equal bytes.
 */

/** CRC-32 tables for eight bytes at a time ("slicing by 8"): table k holds the CRC of a byte followed by k zero bytes. */
const CRC_TABLES = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[0]![n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++) tables[k]![n] = (tables[k - 1]![n]! >>> 8) ^ tables[0]![tables[k - 1]![n]! & 0xff]!;
  return tables as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
})();

/** The CRC-32 of `bytes` continued from `crc` (0 for a fresh one). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  for (const end = bytes.length - 8; i <= end; i += 8) {
    const low = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t7[low & 0xff]! ^
      t6[(low >>> 8) & 0xff]! ^
      t5[(low >>> 16) & 0xff]! ^
      t4[low >>> 24]! ^
      t3[bytes[i + 4]!]! ^
      t2[bytes[i + 5]!]! ^
      t1[bytes[i + 6]!]! ^
      t0[bytes[i + 7]!]!;
  }
  for (; i < bytes.length; i++) c = t0[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

interface ClosedEntry {
  readonly name: Uint8Array;
  readonly crc: number;
  readonly size: number;
  readonly compressed: readonly Uint8Array[];
  readonly compressedSize: number;
}

const encoder = new TextEncoder();

async function collect(readable: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = readable.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return chunks;
}

/** The deflater's writing end, as both the DOM's and Node's stream types describe it. */
interface ChunkWriter {
  write(chunk: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
}

/** One file of the archive, deflated as it is written. */
export class ZipEntry {
  private readonly writer: ChunkWriter;
  private readonly output: Promise<Uint8Array[]>;
  private crc = 0;
  private size = 0;

  constructor(readonly name: string) {
    const stream = new CompressionStream('deflate-raw');
    this.writer = stream.writable.getWriter();
    this.output = collect(stream.readable);
  }

  /** Appends text (UTF-8) to the entry; resolves once the deflater has taken it. */
  async write(text: string): Promise<void> {
    if (text.length === 0) return;
    const bytes = encoder.encode(text);
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    await this.writer.write(bytes);
  }

  /** Ends the entry: the deflater's last bytes, its CRC and sizes. */
  async close(): Promise<ClosedEntry> {
    await this.writer.close();
    const compressed = await this.output;
    const compressedSize = compressed.reduce((sum, chunk) => sum + chunk.length, 0);
    return { name: encoder.encode(this.name), crc: this.crc, size: this.size, compressed, compressedSize };
  }
}

/** Version 2.0 (deflate), UTF-8 names, deflated, 1 January 1980 00:00. */
const VERSION = 20;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function header(size: number, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer));
  return bytes;
}

/** The fields local and central headers share, from offset `at`. */
function commonFields(view: DataView, at: number, entry: ClosedEntry): void {
  view.setUint16(at, VERSION, true);
  view.setUint16(at + 2, UTF8_NAMES, true);
  view.setUint16(at + 4, DEFLATE, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.compressedSize, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, entry.name.length, true);
}

/** The archive of closed entries, in their order. */
export async function zipArchive(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const closed = await Promise.all(entries.map((entry) => entry.close()));
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of closed) {
    const local = header(30, (view) => {
      view.setUint32(0, 0x04034b50, true);
      commonFields(view, 4, entry);
    });
    central.push(
      header(46, (view) => {
        view.setUint32(0, 0x02014b50, true);
        view.setUint16(4, VERSION, true);
        commonFields(view, 6, entry);
        view.setUint32(42, offset, true);
      }),
      entry.name,
    );
    parts.push(local, entry.name, ...entry.compressed);
    offset += local.length + entry.name.length + entry.compressedSize;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = header(22, (view) => {
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, closed.length, true);
    view.setUint16(10, closed.length, true);
    view.setUint32(12, centralSize, true);
    view.setUint32(16, offset, true);
  });
  const archive = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...parts, ...central, end]) {
    archive.set(part, at);
    at += part.length;
  }
  return archive;
}
