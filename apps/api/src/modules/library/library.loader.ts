import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { LoaderFactory, byIdLoader, byKey, groupByKey } from '../../common/loaders/request-loaders';
import { LibraryAdoptionEntity, LibraryResourceEntity, LibraryVersionEntity } from './library.entity';
import { LibraryFileModel } from './library.model';

@Injectable()
export class LibraryVersionByIdLoader implements LoaderFactory<string, LibraryVersionEntity | null> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () => byIdLoader(this.ds, LibraryVersionEntity);
}

@Injectable()
export class LibraryResourceByIdLoader implements LoaderFactory<string, LibraryResourceEntity | null> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () => byIdLoader(this.ds, LibraryResourceEntity);
}

/** Local-authority variants of each base resource (visibility is checked by the caller). */
@Injectable()
export class LibraryVariantsLoader implements LoaderFactory<string, LibraryResourceEntity[]> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () =>
    new DataLoader<string, LibraryResourceEntity[]>(async (ids) =>
      groupByKey(
        ids,
        await this.ds
          .getRepository(LibraryResourceEntity)
          .createQueryBuilder('r')
          .where('r.base_resource_id = ANY(:ids)', { ids: [...ids] })
          .orderBy('r.title', 'ASC')
          .getMany(),
        (r) => r.baseResourceId!,
      ),
    );
}

/** Trusts that adopted each resource, in order of adoption. */
@Injectable()
export class LibraryAdoptionsLoader implements LoaderFactory<string, LibraryAdoptionEntity[]> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () =>
    new DataLoader<string, LibraryAdoptionEntity[]>(async (ids) =>
      groupByKey(
        ids,
        await this.ds
          .getRepository(LibraryAdoptionEntity)
          .createQueryBuilder('a')
          .where('a.resource_id = ANY(:ids)', { ids: [...ids] })
          .orderBy('a.adopted_at', 'ASC')
          .getMany(),
        (a) => a.resourceId,
      ),
    );
}

/** Stored files (the files module's table) by id, as the library shows them. */
@Injectable()
export class LibraryFileLoader implements LoaderFactory<string, LibraryFileModel | null> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () =>
    new DataLoader<string, LibraryFileModel | null>(async (ids) => {
      const rows: Array<{ id: string; original_name: string; size_bytes: string; media_type: string }> =
        await this.ds.query(
          'SELECT id, original_name, size_bytes, media_type FROM files WHERE id = ANY($1::uuid[])',
          [ids],
        );
      return byKey(
        ids,
        rows.map(
          (r): LibraryFileModel => ({
            id: r.id,
            name: r.original_name,
            sizeBytes: Number(r.size_bytes),
            mediaType: r.media_type,
            downloadUrl: `/files/${r.id}`,
          }),
        ),
        (f) => f.id,
      );
    });
}

export const LIBRARY_LOADERS = [
  LibraryVersionByIdLoader,
  LibraryResourceByIdLoader,
  LibraryVariantsLoader,
  LibraryAdoptionsLoader,
  LibraryFileLoader,
];
