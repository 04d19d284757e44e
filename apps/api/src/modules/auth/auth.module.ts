import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordResetResolver } from './password-reset.resolver';
import { PasswordResetService } from './password-reset.service';
import { PasswordService } from './password.service';
import { ReadingPreferencesResolver } from './reading-preferences.resolver';
import { RequestContextFactory } from './request-context.factory';

@Module({
  imports: [UsersModule, MailModule],
  providers: [
    AuthService,
    AuthResolver,
    ReadingPreferencesResolver,
    PasswordResetService,
    PasswordResetResolver,
    PasswordService,
    RequestContextFactory,
  ],
  exports: [AuthService, PasswordService, RequestContextFactory],
})
export class AuthModule {}
