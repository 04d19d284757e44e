import { Module } from '@nestjs/common';
import { MembershipsModule } from '../memberships/memberships.module';
import { GrantsByUserLoader, UserByIdLoader } from './users.loader';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [MembershipsModule],
  providers: [UsersService, UsersResolver, UserByIdLoader, GrantsByUserLoader],
  exports: [UsersService, UserByIdLoader],
})
export class UsersModule {}
