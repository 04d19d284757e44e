import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canSeeResource } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import type { FileDownloadListener, FileReadCheck, FileUsage } from '../files/file-access';
import { LibraryResourceEntity } from './library.entity';

/** Resources with a version that carries this file (any version, so history stays downloadable). */
async function resourcesWithFile(ds: DataSource, fileId: string): Promise<LibraryResourceEntity[]> {
  return ds
    .getRepository(LibraryResourceEntity)
    .createQueryBuilder('r')
    .where(
      'r.id IN (SELECT v.resource_id FROM library_resource_versions v WHERE v.file_ids @> ARRAY[:fileId]::uuid[])',
      { fileId },
    )
    .getMany();
}

/** A file is readable by whoever may see a resource one of whose versions it is attached to. */
@Injectable()
export class LibraryFileReadCheck implements FileReadCheck {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async mayRead(ctx: RequestContext, fileId: string): Promise<boolean> {
    if (!ctx.actor) return false;
    return (await resourcesWithFile(this.ds, fileId)).some((r) => canSeeResource(ctx.actor, r));
  }
}

/** Counts a permitted download once for each resource holding the file that the downloader may see. */
@Injectable()
export class LibraryDownloadCounter implements FileDownloadListener {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async onDownload(ctx: RequestContext, file: { id: string }): Promise<void> {
    if (!ctx.actor) return;
    const ids = (await resourcesWithFile(this.ds, file.id))
      .filter((r) => canSeeResource(ctx.actor, r))
      .map((r) => r.id);
    if (ids.length)
      await this.ds.query(
        'UPDATE library_resources SET download_count = download_count + 1 WHERE id = ANY($1::uuid[])',
        [ids],
      );
  }
}

/** Files attached to any version of any resource (history included) are in use. */
@Injectable()
export class LibraryFileUsage implements FileUsage {
  async inUse(fileIds: string[], m: EntityManager): Promise<Set<string>> {
    if (!fileIds.length) return new Set();
    const rows: Array<{ id: string }> = await m.query(
      `SELECT DISTINCT f.id FROM unnest($1::uuid[]) AS f(id)
        WHERE EXISTS (SELECT 1 FROM library_resource_versions v WHERE v.file_ids @> ARRAY[f.id])`,
      [fileIds],
    );
    return new Set(rows.map((r) => r.id));
  }
}
