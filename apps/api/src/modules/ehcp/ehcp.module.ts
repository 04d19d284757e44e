import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../../common/personal-data/personal-data.module';
import { EhcpDraftsService } from './ehcp-drafts.service';
import { EhcpExportController } from './ehcp-export.controller';
import { EhcpTemplatesService } from './ehcp-templates.service';
import { EhcpResolver } from './ehcp.resolver';

/**
 * EHCP templates (from the library) and schools' private drafts with their .docx export. Uses the
 * PolicyGuard for the REST export (as for GraphQL) and the global AuditService.
 */
@Module({
  imports: [PersonalDataModule],
  controllers: [EhcpExportController],
  providers: [EhcpTemplatesService, EhcpDraftsService, EhcpResolver],
})
export class EhcpModule {}
