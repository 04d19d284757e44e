import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { FILE_TYPES, FileRefusal, sanitiseFileName } from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/context/request-context';
import {
  FILE_DOWNLOAD_LISTENERS,
  FILE_READ_CHECKS,
  FileDownloadListener,
  FileReadCheck,
} from './file-access';
import { FileEntity } from './file.entity';
import { inspectUpload } from './file-inspector';
import { FileRefusedError } from './file-refused.error';
import { FILE_STORAGE, FileStorage, FileTooLargeError } from './storage/file-storage';

export interface UploadedFile {
  id: string;
  name: string;
  sizeBytes: number;
  mediaType: string;
  sha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Uploads (checked, stored by content hash, recorded) and permission-checked downloads. */
@Injectable()
export class FilesService implements OnModuleInit {
  private readonly logger = new Logger(FilesService.name);
  private readChecks: FileReadCheck[] = [];
  private listeners: FileDownloadListener[] = [];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
  ) {}

  /** Collect every FILE_READ_CHECKS and FILE_DOWNLOAD_LISTENERS provider, from every module. */
  onModuleInit(): void {
    const collect = <T>(token: symbol): T[] =>
      this.discovery
        .getProviders()
        .filter((w) => w.token === token && w.instance)
        .flatMap((w) => (Array.isArray(w.instance) ? (w.instance as T[]) : [w.instance as T]));
    this.readChecks = collect<FileReadCheck>(FILE_READ_CHECKS);
    this.listeners = collect<FileDownloadListener>(FILE_DOWNLOAD_LISTENERS);
  }

  /** For tests and features created at run time. */
  addReadCheck(check: FileReadCheck): void {
    this.readChecks.push(check);
  }

  addDownloadListener(listener: FileDownloadListener): void {
    this.listeners.push(listener);
  }

  /** The name from X-File-Name (encodeURIComponent), sanitised; refused when unusable. */
  nameFrom(header: string | undefined): string {
    let raw = '';
    try {
      raw = decodeURIComponent(header ?? '');
    } catch {
      throw new FileRefusedError(FileRefusal.BadName);
    }
    const name = sanitiseFileName(raw);
    if (!name) throw new FileRefusedError(FileRefusal.BadName);
    return name;
  }

  /**
   * Stream `body` to storage (refused past the cap), decide its type from its bytes, then record it.
   * Nothing is kept when it is refused. Identical bytes are stored once.
   */
  async upload(
    ctx: RequestContext & { session: NonNullable<RequestContext['session']> },
    body: Readable,
    name: string,
    declaredType: string | null,
  ): Promise<UploadedFile> {
    let kind: keyof typeof FILE_TYPES | null = null;
    let blob;
    try {
      blob = await this.storage.put(body, {
        maxBytes: this.config.uploadMaxBytes,
        inspect: async (staged) => {
          kind = await inspectUpload(staged, name, declaredType);
        },
      });
    } catch (err) {
      if (err instanceof FileTooLargeError)
        throw new FileRefusedError(FileRefusal.TooLarge, { maxBytes: this.config.uploadMaxBytes });
      throw err;
    }
    const mediaType = FILE_TYPES[kind!].mediaType;
    const row = await this.ds.getRepository(FileEntity).save({
      sha256: blob.sha256,
      sizeBytes: blob.sizeBytes,
      mediaType,
      originalName: name,
      uploadedBy: ctx.session.userId,
    });
    return { id: row.id, name, sizeBytes: blob.sizeBytes, mediaType, sha256: blob.sha256 };
  }

  /** The file when the viewer may read it: its uploader, or any registered check says yes; else null. */
  async readable(ctx: RequestContext, id: string): Promise<FileEntity | null> {
    if (!ctx.session || !UUID.test(id)) return null;
    const file = await this.ds.getRepository(FileEntity).findOneBy({ id });
    if (!file) return null;
    if (file.uploadedBy === ctx.session.userId) return file;
    for (const check of this.readChecks) {
      if (await check.mayRead(ctx, id)) return file;
    }
    return null;
  }

  open(file: FileEntity): Promise<Readable> {
    return this.storage.open(file.sha256);
  }

  /** Tell the listeners (after the bytes were sent); a failing listener is logged, not shown. */
  async downloaded(ctx: RequestContext, file: FileEntity): Promise<void> {
    for (const l of this.listeners) {
      try {
        await l.onDownload(ctx, { id: file.id, sha256: file.sha256, uploadedBy: file.uploadedBy });
      } catch (err) {
        this.logger.warn(`A download listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}
