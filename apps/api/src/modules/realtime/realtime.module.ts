import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PresenceResolver } from './presence.resolver';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';
import { SocketConnections } from './socket-connections.service';
import { SocketRevalidator } from './socket-revalidator';
import { SocketStreams } from './socket-streams.service';

@Module({
  imports: [NotificationsModule],
  providers: [
    RealtimeGateway,
    SocketConnections,
    SocketStreams,
    SocketRevalidator,
    PresenceService,
    PresenceResolver,
  ],
  exports: [PresenceService],
})
export class RealtimeModule {}
