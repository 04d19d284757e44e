import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PresenceResolver } from './presence.resolver';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';

@Module({
  imports: [NotificationsModule],
  providers: [RealtimeGateway, PresenceService, PresenceResolver],
  exports: [PresenceService],
})
export class RealtimeModule {}
