import { Global, Injectable, Module } from '@nestjs/common';
import type { Server } from 'socket.io';
import { SocketEvent, StreamItem } from '@lantern/shared-domain';

export const userRoom = (userId: string) => `user:${userId}`;
export const streamRoom = (key: string) => `stream:${key}`;

/**
 * How services push to sockets without knowing about the gateway. With REDIS_URL the socket.io
 * Redis adapter carries each emit to every process.
 */
@Injectable()
export class RealtimeBus {
  private server: Server | null = null;

  attach(server: Server): void {
    this.server = server;
  }

  toUser(userId: string, event: string, payload: unknown): void {
    this.server?.to(userRoom(userId)).emit(event, payload);
  }

  streamItem(item: StreamItem): void {
    this.server?.to(streamRoom(item.stream)).emit(SocketEvent.StreamItem, item);
  }

  toRooms(rooms: string[], event: string, payload: unknown): void {
    if (rooms.length) this.server?.to(rooms).emit(event, payload);
  }

  toAll(event: string, payload: unknown): void {
    this.server?.emit(event, payload);
  }

  get io(): Server | null {
    return this.server;
  }
}

@Global()
@Module({ providers: [RealtimeBus], exports: [RealtimeBus] })
export class RealtimeBusModule {}
