import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '@lantern/shared-domain';
import { Allow, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '@lantern/shared-domain';
import { PDF_MEDIA_TYPE, pdfDocument } from '../../common/documents/pdf-document';
import { DOCX_MEDIA_TYPE, wordDocument } from '../../common/documents/word-document';
import { Errors } from '../../common/errors/app-error';
import { setDownloadHeaders } from '../files/http-context';
import { recordDocument, recordFileName } from './supervision-record-document';
import { SupervisionRecordReadService } from './supervision-record-read.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /api/supervision/:sessionId/record.docx` and `.pdf`: a session's record as a Word document
 * (`docx`) or a PDF (`pdfkit`, built-in fonts), both made here, needing nothing installed. The rules
 * are the EHCP export's: PolicyGuard (@Allow(CaseDataUse): signed in, a role that reads case data,
 * an elevated session, the cross-site rule), then canSeeSupervision in the service (NOT_FOUND for
 * another school or trust, as for a missing session). Each export is logged for every case on it.
 */
@Controller('api/supervision')
export class SupervisionRecordExportController {
  constructor(private readonly read: SupervisionRecordReadService) {}

  @Get(':sessionId/record.docx')
  @Allow(Permission.CaseDataUse, 'export supervision records')
  async docx(
    @Param('sessionId') sessionId: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const record = await this.load(actor, sessionId);
    const bytes = await wordDocument(recordDocument(record, new Date()));
    setDownloadHeaders(res, {
      name: recordFileName(record, 'docx'),
      mediaType: DOCX_MEDIA_TYPE,
      size: bytes.length,
    });
    res.status(200).end(bytes);
  }

  @Get(':sessionId/record.pdf')
  @Allow(Permission.CaseDataUse, 'export supervision records')
  async pdf(
    @Param('sessionId') sessionId: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const record = await this.load(actor, sessionId);
    const bytes = await pdfDocument(recordDocument(record, new Date()));
    setDownloadHeaders(res, {
      name: recordFileName(record, 'pdf'),
      mediaType: PDF_MEDIA_TYPE,
      size: bytes.length,
    });
    res.status(200).end(bytes);
  }

  private load(actor: Actor, sessionId: string) {
    if (!UUID.test(sessionId)) throw Errors.notFound('That supervision session');
    return this.read.forExport(actor, sessionId);
  }
}
