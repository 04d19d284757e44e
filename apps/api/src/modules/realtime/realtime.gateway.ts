import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Server } from 'socket.io';
import { Ack, ErrorCode, SocketEvent, StreamSendAck, StreamSubscribeAck } from '@lantern/shared-domain';
import { PresenceService } from './presence.service';
import { RealtimeBus } from './realtime-bus';
import { handle } from './socket-ack';
import { SocketConnections } from './socket-connections.service';
import type { LanternSocket } from './socket-data';
import { SocketRevalidator } from './socket-revalidator';
import { SocketStreams } from './socket-streams.service';

/**
 * The real-time entry point: it wires socket.io's events to the pieces that handle them. The
 * handshake and a socket's set-up are SocketConnections'; every payload is checked against its
 * event's schema (shared domain) before anything else (`handle`); streams are SocketStreams';
 * the recheck of open sockets every half second is SocketRevalidator's.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('Realtime');

  constructor(
    private readonly bus: RealtimeBus,
    private readonly connections: SocketConnections,
    private readonly socketStreams: SocketStreams,
    private readonly revalidator: SocketRevalidator,
    private readonly presence: PresenceService,
  ) {}

  afterInit(server: Server): void {
    this.bus.attach(server);
    server.use((socket, next) => this.connections.authenticate(socket, next));
    this.revalidator.start();
  }

  /**
   * Errors here must never escape: Nest does not catch them, and an unhandled rejection would end
   * the process. A socket that cannot be set up is told and closed instead.
   */
  async handleConnection(socket: LanternSocket): Promise<void> {
    try {
      await this.connections.setUp(socket);
    } catch (err) {
      this.logger.warn(`Could not set up a socket: ${err instanceof Error ? err.message : String(err)}`);
      socket.emit(SocketEvent.Problem, {
        code: ErrorCode.Unavailable,
        message: 'Lantern cannot reach its database just now. The page will reconnect shortly.',
      });
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: LanternSocket): Promise<void> {
    return this.connections.tearDown(socket);
  }

  @SubscribeMessage(SocketEvent.StreamSubscribe)
  subscribe(
    @ConnectedSocket() socket: LanternSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<StreamSubscribeAck>> {
    return handle(this.logger, SocketEvent.StreamSubscribe, payload, (r) =>
      this.socketStreams.subscribe(socket, r),
    );
  }

  @SubscribeMessage(SocketEvent.StreamUnsubscribe)
  unsubscribe(@ConnectedSocket() socket: LanternSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return handle(this.logger, SocketEvent.StreamUnsubscribe, payload, (r) =>
      this.socketStreams.unsubscribe(socket, r),
    );
  }

  @SubscribeMessage(SocketEvent.StreamSync)
  sync(
    @ConnectedSocket() socket: LanternSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<StreamSubscribeAck>> {
    return handle(this.logger, SocketEvent.StreamSync, payload, (r) => this.socketStreams.sync(socket, r));
  }

  @SubscribeMessage(SocketEvent.StreamSend)
  send(
    @ConnectedSocket() socket: LanternSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<StreamSendAck>> {
    return handle(this.logger, SocketEvent.StreamSend, payload, (r) => this.socketStreams.send(socket, r));
  }

  @SubscribeMessage(SocketEvent.StreamSignal)
  signal(@ConnectedSocket() socket: LanternSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return handle(this.logger, SocketEvent.StreamSignal, payload, (r) =>
      this.socketStreams.signal(socket, r),
    );
  }

  @SubscribeMessage(SocketEvent.PresenceSet)
  setPresence(@ConnectedSocket() socket: LanternSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return handle(this.logger, SocketEvent.PresenceSet, payload, async ({ status }) => {
      socket.data.presence = status;
      const { actor, session } = socket.data;
      if (session.showPresence && !this.presence.staysOnline(actor.userId, socket.id))
        await this.presence.announce(actor, true);
      return { ok: true };
    });
  }

  @SubscribeMessage(SocketEvent.PresenceQuery)
  queryPresence(
    @ConnectedSocket() socket: LanternSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ statuses: Awaited<ReturnType<PresenceService['query']>> }>> {
    return handle(this.logger, SocketEvent.PresenceQuery, payload, async ({ userIds }) => ({
      ok: true,
      statuses: await this.presence.query(socket.data.actor, userIds),
    }));
  }
}
