import { Global, Module } from '@nestjs/common';
import { DevOutboxController } from './dev-outbox.controller';
import { MailService } from './mail.service';

@Global()
@Module({ providers: [MailService], controllers: [DevOutboxController], exports: [MailService] })
export class MailModule {}
