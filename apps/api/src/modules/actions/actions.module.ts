import { Global, Module } from '@nestjs/common';
import { PersonalDataModule } from '../../common/personal-data/personal-data.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SecondFactorModule } from '../second-factor/second-factor.module';
import { ActionRemindersService } from './action-reminders.service';
import { ActionSources } from './action-sources';
import { ActionsResolver } from './actions.resolver';
import { ActionsService } from './actions.service';

/**
 * Actions for every feature (cases now; supervision sessions and meetings next): a feature registers
 * an ActionSource for its records and calls ActionsService to add and list actions on them. Global, so
 * features depend on it without importing each other.
 */
@Global()
@Module({
  imports: [NotificationsModule, SecondFactorModule, PersonalDataModule],
  providers: [ActionSources, ActionsService, ActionRemindersService, ActionsResolver],
  exports: [ActionSources, ActionsService],
})
export class ActionsModule {}
