import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { ReadingPreferencesResolver } from './reading-preferences.resolver';
import { RequestContextFactory } from './request-context.factory';

@Module({
  imports: [UsersModule],
  providers: [
    AuthService,
    AuthResolver,
    ReadingPreferencesResolver,
    PasswordService,
    RequestContextFactory,
  ],
  exports: [AuthService, PasswordService, RequestContextFactory],
})
export class AuthModule {}
