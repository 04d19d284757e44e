import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { MembershipsByUserLoader } from './memberships.loader';
import { MembershipsResolver } from './memberships.resolver';
import { MembershipsService } from './memberships.service';

@Module({
  imports: [DirectoryModule, NotificationsModule],
  providers: [MembershipsService, MembershipsResolver, MembershipsByUserLoader],
  exports: [MembershipsService, MembershipsByUserLoader],
})
export class MembershipsModule {}
