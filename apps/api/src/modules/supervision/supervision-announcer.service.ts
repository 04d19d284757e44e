import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SupervisionServerBody, supervisionStream } from '@lantern/shared-domain';
import { RealtimeBus } from '../realtime/realtime-bus';
import { StreamsService } from '../streams/streams.service';

/**
 * Tells the live room (`supervision:<id>`) what changed: a server item appended to the session's
 * stream and pushed to those in the room. Call after the change's transaction has committed, so
 * nobody is told of a change that could still vanish; each append has a fresh client id.
 */
@Injectable()
export class SupervisionAnnouncer {
  private readonly logger = new Logger(SupervisionAnnouncer.name);

  constructor(
    private readonly streams: StreamsService,
    private readonly bus: RealtimeBus,
  ) {}

  async announce(sessionId: string, body: SupervisionServerBody): Promise<void> {
    try {
      const { item } = await this.streams.append(
        supervisionStream(sessionId),
        `srv-${randomUUID()}`,
        null,
        body,
      );
      this.bus.streamItem(item);
    } catch (err) {
      // The change itself is committed; a reload shows it even if the room missed the news.
      this.logger.warn(`Could not announce ${body.type} in supervision ${sessionId}: ${String(err)}`);
    }
  }
}
