import { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import type { StagedFile } from './storage/file-storage';

/** One entry of a zip's central directory, as declared (nothing is inflated). */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General purpose flags (bit 0: encrypted). */
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
}

/** The zip is malformed, or uses something we do not read (several disks, other compression). */
export class ZipFormatError extends Error {}

/** An opened zip: its directory, and the data of its entries on demand (read with yauzl). */
export interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  /**
   * How many bytes an entry really inflates to, counted while streaming and stopped as soon as it
   * passes `limit` (then `limit + 1` is returned): a zip can declare small sizes in its directory and
   * still expand to gigabytes, so the declared sizes are checked against what the data does.
   * Nothing inflated is kept. Corrupt data throws ZipFormatError.
   */
  inflatedSize(entry: ZipEntry, limit: number): Promise<number>;
  /** The bytes of a small stored (uncompressed) entry, e.g. an OpenDocument `mimetype`. */
  readStored(entry: ZipEntry, max?: number): Promise<Buffer | null>;
}

const READ_CHUNK = 64 * 1024;
/** Central directories larger than this are refused while being read (10,000 entries fit easily). */
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;
/** Fixed part of a central directory header. */
const DIRECTORY_HEADER_BYTES = 46;

/** yauzl reads the staged upload through this (random access, no copy of the whole file). */
class StagedFileReader extends yauzl.RandomAccessReader {
  constructor(private readonly file: StagedFile) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const file = this.file;
    return Readable.from(
      (async function* () {
        for (let pos = start; pos < end; pos += READ_CHUNK) {
          const chunk = await file.read(pos, Math.min(READ_CHUNK, end - pos));
          if (!chunk.length) return; // yauzl refuses a range that ends early
          yield chunk;
        }
      })(),
    );
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null, bytesRead?: number) => void,
  ): void {
    this.file.read(position, length).then(
      (chunk) => callback(null, chunk.copy(buffer, offset, 0, Math.min(chunk.length, length))),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
    );
  }
}

const formatError = (err: unknown, what: string) =>
  err instanceof ZipFormatError
    ? err
    : new ZipFormatError(`${what}: ${err instanceof Error ? err.message : String(err)}`);

/**
 * Open a zip and read the entries its central directory lists (no decompression). Office documents
 * and OpenDocument files are zips: this is how their contents are checked. More than `maxEntries`
 * entries, a directory over 4 MB, unsafe file names (absolute, `..`, backslashes) or anything
 * malformed throw ZipFormatError.
 */
export async function openZip(file: StagedFile, maxEntries: number): Promise<ZipArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromRandomAccessReaderPromise(new StagedFileReader(file), file.sizeBytes, {
      autoClose: false,
      // Sizes are counted by inflatedSize (so a liar is told apart from a damaged file).
      validateEntrySizes: false,
      strictFileNames: true,
    });
  } catch (err) {
    throw formatError(err, 'Not a readable zip');
  }
  if (zip.entryCount > maxEntries) throw new ZipFormatError('Too many entries');
  const found = new Map<ZipEntry, yauzl.Entry>();
  let directoryBytes = 0;
  try {
    for await (const e of zip.eachEntry()) {
      directoryBytes += DIRECTORY_HEADER_BYTES + e.fileNameLength + e.extraFieldLength + e.fileCommentLength;
      if (directoryBytes > MAX_DIRECTORY_BYTES) throw new ZipFormatError('Central directory too large');
      found.set(
        {
          name: e.fileName,
          method: e.compressionMethod,
          flags: e.generalPurposeBitFlag,
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
        },
        e,
      );
    }
  } catch (err) {
    throw formatError(err, 'Bad central directory');
  }

  async function open(entry: ZipEntry): Promise<Readable> {
    const raw = found.get(entry);
    if (!raw) throw new ZipFormatError('Not an entry of this zip');
    if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError('Unsupported compression method');
    try {
      return await zip.openReadStreamPromise(raw);
    } catch (err) {
      throw formatError(err, `Cannot read ${entry.name}`);
    }
  }

  return {
    entries: [...found.keys()],

    async inflatedSize(entry, limit) {
      const stream = await open(entry);
      return new Promise<number>((resolve, reject) => {
        let out = 0;
        stream.on('data', (chunk: Buffer) => {
          out += chunk.length;
          if (out > limit) {
            stream.removeAllListeners('data');
            stream.destroy();
            resolve(limit + 1);
          }
        });
        stream.on('error', (err) => reject(formatError(err, `Cannot inflate ${entry.name}`)));
        stream.on('end', () => resolve(out));
      });
    },

    async readStored(entry, max = 256) {
      if (entry.method !== 0 || entry.compressedSize > max) return null;
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of await open(entry)) chunks.push(chunk as Buffer);
        const data = Buffer.concat(chunks);
        return data.length === entry.compressedSize ? data : null;
      } catch {
        return null;
      }
    },
  };
}
