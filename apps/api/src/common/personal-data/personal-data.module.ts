import { Module } from '@nestjs/common';
import { PersonalDataService } from './personal-data.service';

/** The one personal-data check; import it in any feature that saves shared text. */
@Module({ providers: [PersonalDataService], exports: [PersonalDataService] })
export class PersonalDataModule {}
