import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { UsersModule } from '../users/users.module';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationAcceptanceService } from './invitation-acceptance.service';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [AuthModule, DirectoryModule, MembershipsModule, UsersModule, NotificationsModule],
  providers: [InvitationsService, InvitationAcceptanceService, InvitationsResolver],
})
export class InvitationsModule {}
