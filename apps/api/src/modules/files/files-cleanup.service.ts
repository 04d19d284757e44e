import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { FILE_USAGE, FileUsage } from './file-access';
import { FILE_STORAGE, FileStorage } from './storage/file-storage';

/** An upload nobody attached within this long is removed. */
export const UNATTACHED_GRACE_MS = 24 * 60 * 60_000;
const BATCH = 500;

/**
 * Removes uploads that no feature uses (uploaded, then never attached) once they are a day old, and
 * their bytes when no other row shares them. Rows are locked while checked, so an attach that is
 * checking the same file waits and then finds it gone (and says so) rather than keeping a dangling id.
 */
@Injectable()
export class FilesCleanupService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(FilesCleanupService.name);
  private usage: FileUsage[] = [];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly discovery: DiscoveryService,
    private readonly jobs: JobsService,
  ) {}

  /** Hourly, as the job `files.sweep` (once across processes). */
  onModuleInit(): void {
    this.jobs.register({
      name: 'files.sweep',
      cron: '17 * * * *',
      handler: async () => {
        const removed = await this.sweep(new Date());
        if (removed) this.logger.log(`Removed ${removed} unattached upload${removed === 1 ? '' : 's'}`);
      },
    });
  }

  onApplicationBootstrap(): void {
    this.usage = this.discovery
      .getProviders()
      .filter((w) => w.token === FILE_USAGE && w.instance)
      .flatMap((w) => (Array.isArray(w.instance) ? (w.instance as FileUsage[]) : [w.instance as FileUsage]));
  }

  /** Remove unattached uploads older than the grace period; returns how many rows went. */
  async sweep(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const { removed, blobs, full } = await this.ds.transaction(async (m) => {
        const old: Array<{ id: string; sha256: string }> = await m.query(
          `SELECT id, sha256 FROM files WHERE created_at < $1 ORDER BY created_at LIMIT ${BATCH}
             FOR UPDATE SKIP LOCKED`,
          [new Date(now.getTime() - UNATTACHED_GRACE_MS)],
        );
        const used = new Set<string>();
        for (const u of this.usage) for (const id of await u.inUse(old.map((f) => f.id), m)) used.add(id);
        const unused = old.filter((f) => !used.has(f.id));
        if (!unused.length) return { removed: 0, blobs: [] as string[], full: old.length === BATCH };
        await m.query('DELETE FROM files WHERE id = ANY($1::uuid[])', [unused.map((f) => f.id)]);
        const shared: Array<{ sha256: string }> = await m.query(
          'SELECT DISTINCT sha256 FROM files WHERE sha256 = ANY($1::text[])',
          [[...new Set(unused.map((f) => f.sha256))]],
        );
        const keep = new Set(shared.map((s) => s.sha256.trim()));
        return {
          removed: unused.length,
          blobs: [...new Set(unused.map((f) => f.sha256.trim()))].filter((s) => !keep.has(s)),
          full: old.length === BATCH,
        };
      });
      // After the commit: a blob is removed only once no row names it (a new upload of the same
      // bytes meanwhile stores them again).
      for (const sha of blobs) await this.storage.remove(sha);
      total += removed;
      if (!full || !removed) return total;
    }
  }
}
