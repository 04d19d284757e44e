import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../../common/personal-data/personal-data.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SupervisionAccess } from './supervision-access.service';
import { SupervisionRoomResolver } from './supervision-room.resolver';
import { SupervisionRoom } from './supervision-room.service';
import { SupervisionRecordAddendaService } from './supervision-record-addenda.service';
import { SupervisionRecordEvents } from './supervision-record-events';
import { SupervisionRecordExportController } from './supervision-record-export.controller';
import { SupervisionRecordReadService } from './supervision-record-read.service';
import { SupervisionRecordResolver } from './supervision-record.resolver';
import { SupervisionRecordService } from './supervision-record.service';

/**
 * Live caseload supervision (ADR 12): sessions and their agenda, the live room on the stream
 * `supervision:<id>`, outcomes, the record both sides sign, and its export.
 */
@Module({
  imports: [PersonalDataModule, NotificationsModule],
  controllers: [SupervisionRecordExportController],
  providers: [
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
  exports: [SupervisionAccess],
})
export class SupervisionModule {}
