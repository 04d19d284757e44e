import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { LoginThrottleEntity } from '../modules/auth/login-throttle.entity';
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
import { ForumCategoryEntity, ForumReplyEntity, ForumThreadEntity } from '../modules/forum/forum.entity';
import {
  NotificationEntity,
  NotificationPreferenceEntity,
} from '../modules/notifications/notification.entity';

/** Listed explicitly (no globs): the API is bundled, so files are not on disk at run time. */
export const ENTITIES = [
  NetworkEntity,
  LocalAuthorityEntity,
  FundingBandEntity,
  NationalAverageEntity,
  TrustEntity,
  SchoolEntity,
  UserEntity,
  MembershipEntity,
  SessionEntity,
  LoginThrottleEntity,
  InvitationEntity,
  AuditEntryEntity,
  OutboxMessageEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  ForumCategoryEntity,
  ForumThreadEntity,
  ForumReplyEntity,
];

export const MIGRATIONS = [
  Foundation1763800000000,
  Realtime1763900000000,
  AuthEpoch1764000000000,
  MillisecondCursors1764050000000,
  Forum1764100000000,
  ForumEngagement1764200000000,
];
