import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '@lantern/shared-domain';
import { Allow, Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { setDownloadHeaders } from '../files/http-context';
import { DOCX_MEDIA_TYPE, ehcpDraftDocx, exportFileName } from './ehcp-docx';
import { EhcpDraftsService } from './ehcp-drafts.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /ehcp-drafts/:id/export.docx`: the draft as a Word document. The same rule as the GraphQL
 * drafts (PolicyGuard: @Allow(CaseDataUse), so a network admin is FORBIDDEN here too), then the
 * case-data rule in the service (404 for other schools and trusts, as for a missing draft). An
 * export is audited, so the cross-site rule keeps a page elsewhere from triggering one.
 */
@Controller('ehcp-drafts')
export class EhcpExportController {
  constructor(private readonly drafts: EhcpDraftsService) {}

  @Get(':id/export.docx')
  @Allow(Permission.CaseDataUse, 'export EHCP drafts')
  async export(@Param('id') id: string, @Ctx() ctx: RequestContext, @Res() res: Response): Promise<void> {
    const { actor, session } = ctx;
    if (!actor || !session) throw Errors.unauthenticated();
    if (!UUID.test(id)) throw Errors.notFound('That EHCP draft');
    const d = await this.drafts.forExport({ ...ctx, actor, session }, id);
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
  }
}
