import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../../common/auth/decorators';
import { Errors } from '../../../common/errors/app-error';
import { CalendarFeedService } from './calendar-feed.service';
import { ICS_MEDIA_TYPE } from './meeting-downloads.service';

/**
 * `GET /api/calendar/<token>.ics`: the personal feed calendar apps subscribe to. They ask without a
 * session or cookies, so the secret token in the URL is the credential (revocable, regenerable,
 * only its hash stored); an unknown or revoked token is NOT_FOUND.
 */
@Controller('api/calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':file')
  @Public('calendar apps subscribe without a session: the secret, revocable token in the URL is the credential')
  async feed(
    @Param('file') file: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const answer = file.endsWith('.ics') ? await this.feeds.feed(file.slice(0, -4), ifNoneMatch) : { status: 404 as const };
    if (answer.status === 404) throw Errors.notFound('That calendar');
    res.setHeader('ETag', answer.etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (answer.status === 304) {
      res.status(304).end();
      return;
    }
    const bytes = Buffer.from(answer.body, 'utf8');
    res.setHeader('Content-Type', ICS_MEDIA_TYPE);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', 'inline; filename="lantern.ics"');
    res.status(200).end(bytes);
  }
}
