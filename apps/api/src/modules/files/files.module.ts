import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuthModule } from '../auth/auth.module';
import { FilesController } from './files.controller';
import { FilesCleanupService } from './files-cleanup.service';
import { FilesResolver } from './files.resolver';
import { FilesService } from './files.service';
import { HttpContextService } from './http-context';
import { FILE_STORAGE, FileStorage } from './storage/file-storage';
import { LocalFileStorage } from './storage/local-file-storage';

/**
 * Uploads and downloads (`POST /files`, `GET /files/:id`), stored by content hash behind FileStorage
 * (local disk under LANTERN_DATA_DIR/files). Global so features can register FILE_READ_CHECKS and
 * FILE_DOWNLOAD_LISTENERS.
 */
@Global()
@Module({
  imports: [AuthModule, DiscoveryModule],
  controllers: [FilesController],
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): FileStorage => new LocalFileStorage(join(config.dataDir, 'files')),
    },
    FilesService,
    FilesResolver,
    FilesCleanupService,
    HttpContextService,
  ],
  exports: [FILE_STORAGE, FilesService, FilesCleanupService, HttpContextService],
})
export class FilesModule implements OnModuleInit {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  /** Temporary files a crash left mid-upload are removed at start. */
  async onModuleInit(): Promise<void> {
    if (this.storage instanceof LocalFileStorage) await this.storage.sweepTemp();
  }
}
