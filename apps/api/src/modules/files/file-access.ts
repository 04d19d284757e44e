import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import type { FileEntity } from './file.entity';

/**
 * Who may download a file, decided by the features that use files. Provide one (or an array) under
 * the token FILE_READ_CHECKS in any module, e.g.
 * `{ provide: FILE_READ_CHECKS, useClass: LibraryFileReadCheck }`; the files module collects every
 * provider registered under the token in every module (Nest has no multi-providers of its own). A
 * file is readable when its uploader asks, or when any check says yes.
 */
export interface FileReadCheck {
  mayRead(ctx: RequestContext, fileId: string): Promise<boolean>;
}

export const FILE_READ_CHECKS = Symbol('FILE_READ_CHECKS');

/**
 * Told after a permitted download has been sent (e.g. the library counts downloads per resource).
 * Registered like FILE_READ_CHECKS, under FILE_DOWNLOAD_LISTENERS. Failures are logged, never shown.
 */
export interface FileDownloadListener {
  onDownload(ctx: RequestContext, file: Pick<FileEntity, 'id' | 'sha256' | 'uploadedBy'>): Promise<void>;
}

export const FILE_DOWNLOAD_LISTENERS = Symbol('FILE_DOWNLOAD_LISTENERS');

/**
 * Which of these files a feature still uses (e.g. attached to a library version). Registered like
 * FILE_READ_CHECKS, under FILE_USAGE. A file no provider uses is removed by the clean-up once it is
 * older than a day (an upload the person never attached). It is asked inside the clean-up's
 * transaction, so it reads through that transaction's manager.
 */
export interface FileUsage {
  inUse(fileIds: string[], m: EntityManager): Promise<Set<string>>;
}

export const FILE_USAGE = Symbol('FILE_USAGE');
