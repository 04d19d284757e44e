import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SupervisionServerBody, supervisionStream } from '@lantern/shared-domain';
import { RealtimeBus } from '../realtime/realtime-bus';
import { StreamsService } from '../streams/streams.service';

/** Emits a staged item to the room; call it only after the change's transaction has committed. */
export type EmitToRoom = () => void;

/**
 * Tells the live room (`supervision:<id>`) what changed: a server item appended to the session's
 * stream in the change's own transaction (with its manager: the embedded database has one
 * connection), so the change and the room's record of it are saved together or not at all; it is
 * pushed to those in the room only after commit, so nobody hears of a change that could vanish.
 */
@Injectable()
export class SupervisionAnnouncer {
  constructor(
    private readonly streams: StreamsService,
    private readonly bus: RealtimeBus,
  ) {}

  async stage(m: EntityManager, sessionId: string, body: SupervisionServerBody): Promise<EmitToRoom> {
    const { item } = await this.streams.append(supervisionStream(sessionId), `srv-${randomUUID()}`, null, body, m);
    return () => this.bus.streamItem(item);
  }
}
