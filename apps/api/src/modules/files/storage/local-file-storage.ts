import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStorage, FileTooLargeError, PutOptions, SHA256_HEX, StoredBlob } from './file-storage';

/**
 * Files on local disk under `<root>/<aa>/<bb>/<sha256>`. A stream is written to `<root>/tmp` while
 * it is hashed and counted, synced to disk, inspected, then renamed into place (atomic on one file
 * system), so a reader never sees half a file and a refused or failed upload leaves nothing behind.
 */
export class LocalFileStorage implements FileStorage {
  readonly tmpDir: string;

  constructor(readonly root: string) {
    this.tmpDir = join(root, 'tmp');
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('Not a SHA-256 hex digest');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable, options: PutOptions): Promise<StoredBlob> {
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = join(this.tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        sizeBytes += chunk.length;
        if (sizeBytes > options.maxBytes) return done(new FileTooLargeError(options.maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // flush: the bytes are synced to disk before the stream closes (durable once we answer).
    const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true });
    const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
    try {
      await pipeline(source, counter, out);
      const sha256 = hash.digest('hex');
      if (options.inspect) {
        const reader = await open(tmp, 'r');
        try {
          await options.inspect({
            sha256,
            sizeBytes,
            read: async (position, length) => {
              const buf = Buffer.alloc(Math.max(0, Math.min(length, sizeBytes - position)));
              if (!buf.length) return buf;
              const { bytesRead } = await reader.read(buf, 0, buf.length, position);
              return buf.subarray(0, bytesRead);
            },
          });
        } finally {
          await reader.close();
        }
      }
      const target = this.pathOf(sha256);
      if (await this.exists(sha256)) {
        await rm(tmp, { force: true });
      } else {
        await mkdir(dirname(target), { recursive: true });
        await rename(tmp, target);
        await syncDir(dirname(target));
      }
      return { sha256, sizeBytes };
    } catch (err) {
      // Wait until the file is closed, or it could be (re)created after it is removed.
      await closed;
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    const fh = await open(path, 'r');
    return fh.createReadStream();
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Remove temporary files older than `olderThanMs` (left by a crash mid-upload). */
  async sweepTemp(olderThanMs = 60 * 60 * 1000): Promise<number> {
    let removed = 0;
    let names: string[];
    try {
      names = await readdir(this.tmpDir);
    } catch {
      return 0;
    }
    for (const name of names) {
      const p = join(this.tmpDir, name);
      try {
        if (Date.now() - (await stat(p)).mtimeMs > olderThanMs) {
          await rm(p, { force: true });
          removed++;
        }
      } catch {
        /* gone already */
      }
    }
    return removed;
  }
}

/** Make a rename durable (best effort: not every platform lets a directory be synced). */
async function syncDir(dir: string): Promise<void> {
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* not supported here */
  }
}
