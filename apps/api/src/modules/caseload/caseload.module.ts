import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../../common/personal-data/personal-data.module';
import { CaseActionsSource } from './case-actions.source';
import { CaseloadReadService } from './caseload-read.service';
import { CaseloadResolver } from './caseload.resolver';
import { CaseloadWriteService } from './caseload-write.service';

/**
 * A school's caseload (case data). Uses the global ActionsModule (cases are an action source) and
 * CaseAccessModule (every read and change is logged).
 */
@Module({
  imports: [PersonalDataModule],
  providers: [CaseloadReadService, CaseloadWriteService, CaseActionsSource, CaseloadResolver],
})
export class CaseloadModule {}
