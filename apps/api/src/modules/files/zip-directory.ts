import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import type { StagedFile } from './storage/file-storage';

/** One entry of a zip's central directory, as declared (nothing is inflated). */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The zip is malformed, or uses something we do not read (several disks, ZIP64). */
export class ZipFormatError extends Error {}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const EOCD_MIN = 22;
/** Central directories larger than this are refused without being read (10,000 entries fit easily). */
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

/**
 * The entries listed in a zip's central directory, read from its end (no decompression). Office
 * documents and OpenDocument files are zips: this is how their contents are checked.
 */
export async function readZipDirectory(file: StagedFile, maxEntries: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(file.sizeBytes, EOCD_MIN + 0xffff);
  const tailStart = file.sizeBytes - tailLength;
  const tail = await file.read(tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + EOCD_MIN + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('No end of central directory');
  const disk = tail.readUInt16LE(eocd + 4);
  const cdDisk = tail.readUInt16LE(eocd + 6);
  const onDisk = tail.readUInt16LE(eocd + 8);
  const total = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total) throw new ZipFormatError('Multi-disk zip');
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw new ZipFormatError('ZIP64 is not read');
  if (total > maxEntries) throw new ZipFormatError('Too many entries');
  if (cdSize > MAX_DIRECTORY_BYTES || cdOffset + cdSize > tailStart + eocd)
    throw new ZipFormatError('Central directory out of bounds');
  const cd = await file.read(cdOffset, cdSize);
  if (cd.length !== cdSize) throw new ZipFormatError('Central directory truncated');
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < total; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH_SIG) throw new ZipFormatError('Bad directory entry');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length) throw new ZipFormatError('Directory entry out of bounds');
    const entry: ZipEntry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
      name: cd.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff
    )
      throw new ZipFormatError('ZIP64 is not read');
    if (entry.localHeaderOffset >= cdOffset) throw new ZipFormatError('Entry outside the archive');
    entries.push(entry);
    p = end;
  }
  return entries;
}

/** The bytes of a small stored (uncompressed) entry, e.g. an OpenDocument `mimetype`. */
export async function readStoredEntry(file: StagedFile, entry: ZipEntry, max = 256): Promise<Buffer | null> {
  if (entry.method !== 0 || entry.compressedSize > max) return null;
  const header = await file.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LFH_SIG) return null;
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await file.read(start, entry.compressedSize);
  return data.length === entry.compressedSize ? data : null;
}

const INFLATE_CHUNK = 64 * 1024;

class InflatedPastLimit extends Error {}

/**
 * How many bytes an entry really inflates to, counted while streaming and stopped as soon as it
 * passes `limit` (then `limit + 1` is returned): a zip can declare small sizes in its directory and
 * still expand to gigabytes, so the declared sizes are checked against what the data does.
 * Nothing inflated is kept. Corrupt data throws ZipFormatError.
 */
export async function inflatedSize(file: StagedFile, entry: ZipEntry, limit: number): Promise<number> {
  const header = await file.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LFH_SIG) throw new ZipFormatError('Bad local header');
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.method === 0) return entry.compressedSize;
  if (entry.method !== 8) throw new ZipFormatError('Unsupported compression method');
  async function* compressed(): AsyncGenerator<Buffer> {
    for (let pos = 0; pos < entry.compressedSize; pos += INFLATE_CHUNK) {
      const chunk = await file.read(start + pos, Math.min(INFLATE_CHUNK, entry.compressedSize - pos));
      if (!chunk.length) return;
      yield chunk;
    }
  }
  let out = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.length;
      done(out > limit ? new InflatedPastLimit() : null);
    },
  });
  try {
    await pipeline(Readable.from(compressed()), createInflateRaw(), counter);
  } catch (err) {
    if (err instanceof InflatedPastLimit) return limit + 1;
    throw new ZipFormatError(
      `Cannot inflate ${entry.name}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return out;
}
