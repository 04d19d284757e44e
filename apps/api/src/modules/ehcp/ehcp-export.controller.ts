import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode } from '@lantern/shared-domain';
import { Public } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { HttpContextService, HttpRefusal, sendRefusal, setDownloadHeaders } from '../files/http-context';
import { DOCX_MEDIA_TYPE, ehcpDraftDocx, exportFileName } from './ehcp-docx';
import { EhcpDraftsService } from './ehcp-drafts.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /ehcp-drafts/:id/export.docx`: the draft as a Word document, for those who may read it
 * (404 for everyone else, as for a missing draft); every export is audited.
 */
@Controller('ehcp-drafts')
export class EhcpExportController {
  private readonly logger = new Logger(EhcpExportController.name);

  constructor(
    private readonly drafts: EhcpDraftsService,
    private readonly http: HttpContextService,
  ) {}

  @Get(':id/export.docx')
  @Public()
  async export(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const ctx = await this.http.signedIn(req, res);
      // An export is audited: a page elsewhere must not be able to trigger one (browsers say where a request came from).
      if (req.get('sec-fetch-site') === 'cross-site')
        throw new HttpRefusal(
          403,
          ErrorCode.Forbidden,
          'Open the draft in Lantern and export it from there.',
        );
      if (!UUID.test(id)) throw new HttpRefusal(404, ErrorCode.NotFound, 'That EHCP draft was not found.');
      const d = await this.drafts.forExport(ctx, id);
      const bytes = await ehcpDraftDocx({
        templateTitle: d.draft.templateTitle,
        pupilReference: d.draft.pupilReference,
        schoolName: d.schoolName,
        exportedAt: new Date(),
        sections: d.sections,
      });
      setDownloadHeaders(res, {
        name: exportFileName(d.draft.templateTitle, d.draft.pupilReference),
        mediaType: DOCX_MEDIA_TYPE,
        size: bytes.length,
      });
      res.status(200).end(bytes);
    } catch (err) {
      if (err instanceof HttpRefusal) return sendRefusal(res, err.status, err.code, err.message, err.headers);
      if (err instanceof AppError)
        return sendRefusal(res, err.code === ErrorCode.NotFound ? 404 : 400, err.code, err.message);
      this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      sendRefusal(
        res,
        500,
        ErrorCode.Internal,
        'Something went wrong on our side while making the document. Please try again.',
      );
    }
  }
}
