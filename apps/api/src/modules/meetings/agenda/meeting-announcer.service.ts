import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MeetingLiveBody, meetingStream } from '@lantern/shared-domain';
import { RealtimeBus } from '../../realtime/realtime-bus';
import { StreamsService } from '../../streams/streams.service';

/**
 * Tells a meeting's live stream (`meeting:<occurrenceId>`) what changed: a server item appended and
 * pushed to the room. Call after the change's transaction has committed (nobody is told of a change
 * that could still vanish); each append has a fresh client id.
 */
@Injectable()
export class MeetingAnnouncer {
  private readonly logger = new Logger(MeetingAnnouncer.name);

  constructor(
    private readonly streams: StreamsService,
    private readonly bus: RealtimeBus,
  ) {}

  async announce(occurrenceId: string, body: MeetingLiveBody): Promise<void> {
    try {
      const { item } = await this.streams.append(
        meetingStream(occurrenceId),
        `srv-${randomUUID()}`,
        null,
        body,
      );
      this.bus.streamItem(item);
    } catch (err) {
      // The change itself is committed; a reload shows it even if the room missed the news.
      this.logger.warn(`Could not announce ${body.type} in meeting ${occurrenceId}: ${String(err)}`);
    }
  }
}
