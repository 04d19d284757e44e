import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../../common/personal-data/personal-data.module';
import { SupervisionAccess } from './supervision-access.service';

/**
 * Live caseload supervision (ADR 12): sessions and their agenda, the live room on the stream
 * `supervision:<id>`, outcomes, the record both sides sign, and its export.
 */
@Module({
  imports: [PersonalDataModule],
  providers: [SupervisionAccess],
  exports: [SupervisionAccess],
})
export class SupervisionModule {}
