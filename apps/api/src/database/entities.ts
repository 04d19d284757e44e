import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { SessionEntity } from '../modules/sessions/session.entity';
import {
  FundingBandEntity,
  LocalAuthorityEntity,
  NationalAverageEntity,
} from '../modules/directory/local-authority.entity';
import { NetworkEntity } from '../modules/directory/network.entity';
import { SchoolEntity } from '../modules/directory/school.entity';
import { TrustEntity } from '../modules/directory/trust.entity';
import { InvitationEntity } from '../modules/invitations/invitation.entity';
import { OutboxMessageEntity } from '../modules/mail/outbox-message.entity';
import { MembershipEntity } from '../modules/memberships/membership.entity';
import { UserEntity } from '../modules/users/user.entity';
import { Foundation1763800000000 } from './migrations/1763800000000-foundation';
import { Realtime1763900000000 } from './migrations/1763900000000-realtime';
import { AuthEpoch1764000000000 } from './migrations/1764000000000-auth-epoch';
import { MillisecondCursors1764050000000 } from './migrations/1764050000000-millisecond-cursors';
import { Forum1764100000000 } from './migrations/1764100000000-forum';
import { ForumEngagement1764200000000 } from './migrations/1764200000000-forum-engagement';
import { ForumLiveAccess1764250000000 } from './migrations/1764250000000-forum-live-access';
import { ForumSearchRecency1764260000000 } from './migrations/1764260000000-forum-search-recency';
import { ForumCategoryEntity, ForumReplyEntity, ForumThreadEntity } from '../modules/forum/forum.entity';
import { Files1764300000000 } from './migrations/1764300000000-files';
import { Library1764400000000 } from './migrations/1764400000000-library';
import { LIBRARY_ENTITIES } from '../modules/library/library.entity';
import { FileEntity } from '../modules/files/file.entity';
import { EhcpDrafts1764500000000 } from './migrations/1764500000000-ehcp-drafts';
import { FilesSweep1764600000000 } from './migrations/1764600000000-files-sweep';
import { JobRunner1765800000000 } from './migrations/1765800000000-job-runner';
import { ReadingPreferences1765200000000 } from './migrations/1765200000000-reading-preferences';
import { ForumSearchTags1765300000000 } from './migrations/1765300000000-forum-search-tags';
import { DropLoginLock1765500000000 } from './migrations/1765500000000-drop-login-lock';
import { EhcpSectionState1765400000000 } from './migrations/1765400000000-ehcp-section-state';
import { PasswordResets1765410000000 } from './migrations/1765410000000-password-resets';
import { Caseload1765960000000 } from './migrations/1765960000000-caseload';
import { CASELOAD_ENTITIES } from '../modules/caseload/case.entity';
import { CaseAccessEntity } from '../modules/case-access/case-access.entity';
import { ActionEntity } from '../modules/actions/action.entity';
import { SUPERVISION_ENTITIES } from '../modules/supervision/supervision.entity';
import { MEETING_ENTITIES } from '../modules/meetings/meeting.entity';
import { Meetings1766100000000 } from './migrations/1766100000000-meetings';
import { MeetingsReading1766150000000 } from './migrations/1766150000000-meetings-reading';
import { Supervision1766000000000 } from './migrations/1766000000000-supervision';
import { SecondFactor1765970000000 } from './migrations/1765970000000-second-factor';
import { PasswordResetEntity } from '../modules/auth/password-reset.entity';
import { EhcpDraftEntity, EhcpDraftSectionEntity } from '../modules/ehcp/ehcp.entity';
import {
  NotificationEntity,
  NotificationPreferenceEntity,
} from '../modules/notifications/notification.entity';

/** Listed explicitly (no globs): the API is bundled, so files are not on disk at run time. */
export const ENTITIES = [
  PasswordResetEntity,
  NetworkEntity,
  LocalAuthorityEntity,
  FundingBandEntity,
  NationalAverageEntity,
  TrustEntity,
  SchoolEntity,
  UserEntity,
  MembershipEntity,
  SessionEntity,
  InvitationEntity,
  AuditEntryEntity,
  OutboxMessageEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  ForumCategoryEntity,
  ForumThreadEntity,
  ForumReplyEntity,
  FileEntity,
  EhcpDraftEntity,
  EhcpDraftSectionEntity,
  ...LIBRARY_ENTITIES,
  ...CASELOAD_ENTITIES,
  CaseAccessEntity,
  ActionEntity,
  ...SUPERVISION_ENTITIES,
  ...MEETING_ENTITIES,
];

export const MIGRATIONS = [
  Foundation1763800000000,
  Realtime1763900000000,
  AuthEpoch1764000000000,
  MillisecondCursors1764050000000,
  Forum1764100000000,
  ForumEngagement1764200000000,
  ForumLiveAccess1764250000000,
  ForumSearchRecency1764260000000,
  Files1764300000000,
  Library1764400000000,
  EhcpDrafts1764500000000,
  FilesSweep1764600000000,
  JobRunner1765800000000,
  ReadingPreferences1765200000000,
  ForumSearchTags1765300000000,
  DropLoginLock1765500000000,
  EhcpSectionState1765400000000,
  PasswordResets1765410000000,
  Caseload1765960000000,
  SecondFactor1765970000000,
  Supervision1766000000000,
  Meetings1766100000000,
  MeetingsReading1766150000000,
];
