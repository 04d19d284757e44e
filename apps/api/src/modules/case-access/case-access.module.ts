import { Global, Module } from '@nestjs/common';
import { CaseAccessLogService } from './case-access-log.service';
import { CaseAccessResolver } from './case-access.resolver';

/** The case-access log, written by every feature that holds case data (caseload, EHCP drafts). */
@Global()
@Module({ providers: [CaseAccessLogService, CaseAccessResolver], exports: [CaseAccessLogService] })
export class CaseAccessModule {}
