import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../../common/personal-data/personal-data.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SupervisionAccess } from './supervision-access.service';
import { SupervisionAgendaService } from './supervision-agenda.service';
import { SupervisionAnnouncer } from './supervision-announcer.service';
import { SupervisionAgendaFieldsResolver, SupervisionSessionFieldsResolver } from './supervision-fields.resolver';
import { SupervisionLifecycleService } from './supervision-lifecycle.service';
import { SupervisionLoaders } from './supervision-loaders';
import { SupervisionNotifier } from './supervision-notifier.service';
import { SupervisionReadService } from './supervision-read.service';
import { SupervisionResolver } from './supervision.resolver';
import { SupervisionSessionsService } from './supervision-sessions.service';
import { SupervisionRecordAddendaService } from './supervision-record-addenda.service';
import { SupervisionRecordEvents } from './supervision-record-events';
import { SupervisionRecordExportController } from './supervision-record-export.controller';
import { SupervisionRecordReadService } from './supervision-record-read.service';
import { SupervisionRecordResolver } from './supervision-record.resolver';
import { SupervisionRecordService } from './supervision-record.service';
import { SupervisionRoomResolver } from './supervision-room.resolver';
import { SupervisionRoom } from './supervision-room.service';

/**
 * Live caseload supervision (ADR 12): sessions and their agenda, the live room on the stream
 * `supervision:<id>`, outcomes, the record both sides sign, and its export.
 */
@Module({
  imports: [PersonalDataModule, NotificationsModule],
  controllers: [SupervisionRecordExportController],
  providers: [
    // Sessions (schedule, change, lifecycle, agenda, outcomes, actions, reads, reminders)
    SupervisionSessionsService,
    SupervisionLifecycleService,
    SupervisionAgendaService,
    SupervisionReadService,
    SupervisionLoaders,
    SupervisionNotifier,
    SupervisionAnnouncer,
    SupervisionResolver,
    SupervisionSessionFieldsResolver,
    SupervisionAgendaFieldsResolver,
    SupervisionAccess,
    SupervisionRoom,
    SupervisionRoomResolver,
    // The record: drafting, signatures, addenda, export (supervision-record*.ts).
    SupervisionRecordReadService,
    SupervisionRecordService,
    SupervisionRecordAddendaService,
    SupervisionRecordEvents,
    SupervisionRecordResolver,
  ],
  exports: [SupervisionAnnouncer, SupervisionAccess],
})
export class SupervisionModule {}
