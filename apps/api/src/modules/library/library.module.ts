import { Module } from '@nestjs/common';
import { FILE_DOWNLOAD_LISTENERS, FILE_READ_CHECKS, FILE_USAGE } from '../files/file-access';
import { PersonalDataModule } from '../../common/personal-data/personal-data.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { LibraryAccessService } from './library-access.service';
import { LibraryEngagementService } from './library-engagement.service';
import {
  LibraryCommentFieldsResolver,
  LibraryResourceFieldsResolver,
  LibraryVersionFieldsResolver,
  ToolkitFieldsResolver,
} from './library-fields.resolver';
import { LibraryDownloadCounter, LibraryFileReadCheck, LibraryFileUsage } from './library-files';
import { LibraryNotifier } from './library-notifier.service';
import { LibraryReadService } from './library-read.service';
import { LibraryToolkitsService } from './library-toolkits.service';
import { LibrarySharingService } from './library-sharing.service';
import { LibraryLifecycleService } from './library-lifecycle.service';
import { LibraryWriteService } from './library-write.service';
import { LIBRARY_LOADERS } from './library.loader';
import { LibraryResolver } from './library.resolver';

/** The resource library (issue 5): resources, immutable versions, toolkits, adoption, discovery. */
@Module({
  imports: [NotificationsModule, PersonalDataModule],
  providers: [
    LibraryAccessService,
    LibraryReadService,
    LibraryWriteService,
    LibraryLifecycleService,
    LibrarySharingService,
    LibraryEngagementService,
    LibraryToolkitsService,
    LibraryNotifier,
    LibraryResolver,
    LibraryResourceFieldsResolver,
    LibraryVersionFieldsResolver,
    LibraryCommentFieldsResolver,
    ToolkitFieldsResolver,
    ...LIBRARY_LOADERS,
    LibraryFileReadCheck,
    LibraryDownloadCounter,
    { provide: FILE_READ_CHECKS, useExisting: LibraryFileReadCheck },
    { provide: FILE_DOWNLOAD_LISTENERS, useExisting: LibraryDownloadCounter },
    LibraryFileUsage,
    { provide: FILE_USAGE, useExisting: LibraryFileUsage },
  ],
  exports: [LibraryAccessService, LibraryReadService, LibraryNotifier],
})
export class LibraryModule {}
