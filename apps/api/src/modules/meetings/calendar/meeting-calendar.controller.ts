import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@lantern/shared-domain';
import { CurrentActor, SignedIn } from '../../../common/auth/decorators';
import { Errors } from '../../../common/errors/app-error';
import { setDownloadHeaders } from '../../files/http-context';
import { ICS_MEDIA_TYPE, MeetingDownloadsService } from './meeting-downloads.service';

/** `<id>.ics` -> id (the route takes the whole last segment, whatever the router makes of dots). */
function stem(file: string): string {
  if (!file.endsWith('.ics')) throw Errors.notFound('That meeting');
  return file.slice(0, -4);
}

/**
 * `GET /api/meetings/series/:id.ics` and `GET /api/meetings/occurrences/:seriesId/:key.ics`: calendar
 * files (METHOD:PUBLISH) for anyone who may see the meeting (PolicyGuard: signed in, from our site;
 * then canSeeMeeting: NOT_FOUND otherwise, as for a missing meeting).
 */
@Controller('api/meetings')
export class MeetingCalendarController {
  constructor(private readonly downloads: MeetingDownloadsService) {}

  @Get('series/:file')
  @SignedIn()
  async series(@Param('file') file: string, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const { name, body } = await this.downloads.series(actor, stem(file));
    this.send(res, name, body);
  }

  @Get('occurrences/:seriesId/:file')
  @SignedIn()
  async occurrence(
    @Param('seriesId') seriesId: string,
    @Param('file') file: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const { name, body } = await this.downloads.occurrence(actor, seriesId, stem(file));
    this.send(res, name, body);
  }

  private send(res: Response, name: string, body: string): void {
    const bytes = Buffer.from(body, 'utf8');
    setDownloadHeaders(res, { name, mediaType: ICS_MEDIA_TYPE, size: bytes.length });
    res.status(200).end(bytes);
  }
}
