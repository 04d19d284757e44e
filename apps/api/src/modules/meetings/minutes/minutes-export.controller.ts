import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@lantern/shared-domain';
import { CurrentActor, SignedIn } from '../../../common/auth/decorators';
import { DOCX_MEDIA_TYPE } from '../../../common/documents/word-document';
import { Errors } from '../../../common/errors/app-error';
import { setDownloadHeaders } from '../../files/http-context';
import { MeetingMinutesExportService } from './meeting-minutes-export.service';

/**
 * `GET /api/meetings/occurrences/:seriesId/:key/minutes.docx`: a meeting's minutes as a Word
 * document. PolicyGuard (@SignedIn: signed in, from our site; meetings are not case data), then the
 * meetings policy in the service: NOT_FOUND unless the person may see the meeting and the minutes
 * are published (the chair and note-taker: at any time).
 */
@Controller('api/meetings')
export class MinutesExportController {
  constructor(private readonly exports: MeetingMinutesExportService) {}

  @Get('occurrences/:seriesId/:key/:file')
  @SignedIn()
  async minutes(
    @Param('seriesId') seriesId: string,
    @Param('key') key: string,
    @Param('file') file: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    if (file !== 'minutes.docx') throw Errors.notFound('That file');
    const { name, bytes } = await this.exports.docx(actor, seriesId, key);
    setDownloadHeaders(res, { name, mediaType: DOCX_MEDIA_TYPE, size: bytes.length });
    res.status(200).end(bytes);
  }
}
