import { Module, OnModuleInit } from '@nestjs/common';
import { STREAM_KINDS, threadStreamBodySchema } from '@lantern/shared-domain';
import { PersonalDataModule } from '../../common/personal-data/personal-data.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { StreamRegistry } from '../streams/stream-registry';
import { ForumAccessService } from './forum-access.service';
import { ForumPostsService } from './forum-posts.service';
import { ForumReadService } from './forum-read.service';
import { ForumSearchService } from './forum-search.service';
import { ForumResolver } from './forum.resolver';
import { ForumEngagementService } from './forum-engagement.service';
import { ForumModerationService } from './forum-moderation.service';
import { ForumCategoriesService } from './forum-categories.service';
import { ForumLiveService } from './forum-live.service';
import { ForumNotifier } from './forum-notifier.service';
import {
  ForumCategoryFieldsResolver,
  ForumEngagementResolver,
  ForumReplyFieldsResolver,
  ForumThreadFieldsResolver,
} from './forum-engagement.resolver';

@Module({
  imports: [NotificationsModule, PersonalDataModule],
  providers: [
    ForumAccessService,
    ForumReadService,
    ForumPostsService,
    ForumSearchService,
    ForumEngagementService,
    ForumModerationService,
    ForumCategoriesService,
    ForumLiveService,
    ForumNotifier,
    ForumResolver,
    ForumEngagementResolver,
    ForumThreadFieldsResolver,
    ForumReplyFieldsResolver,
    ForumCategoryFieldsResolver,
  ],
  exports: [ForumAccessService],
})
export class ForumModule implements OnModuleInit {
  constructor(
    private readonly registry: StreamRegistry,
    private readonly access: ForumAccessService,
  ) {}

  /** New replies and changes stream to everyone who may read the thread; only the server writes. */
  onModuleInit(): void {
    this.registry.register({
      kind: STREAM_KINDS.ForumThread,
      rule: 'canReadThread',
      record: (threadId) => this.access.threadScope(threadId),
      writers: 'server',
      body: threadStreamBodySchema,
    });
  }
}
