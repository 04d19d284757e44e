import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../../common/personal-data/personal-data.module';
import { CalendarFeedController } from './calendar/calendar-feed.controller';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { MeetingCalendarController } from './calendar/meeting-calendar.controller';
import { MeetingDownloadsService } from './calendar/meeting-downloads.service';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingCalendarsResolver } from './meeting-calendars.resolver';
import { MeetingHostsService } from './meeting-hosts.service';
import { MeetingMailer } from './meeting-mailer.service';
import { MeetingOccurrenceEditService } from './meeting-occurrence-edit.service';
import { MeetingOccurrences } from './meeting-occurrences';
import { MeetingParticipationResolver } from './meeting-participation.resolver';
import { MeetingRsvpService } from './meeting-rsvp.service';
import { MeetingTermsService } from './meeting-terms.service';
import { MeetingsReadService } from './meetings-read.service';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsWriteService } from './meetings-write.service';

/**
 * Meetings (issue 12, ADR 13): series in London local time, occurrences with exceptions, RSVPs,
 * attendance, host rotation, term dates, .ics downloads, emailed invitations and the personal feed.
 * Exports what the agenda and minutes work builds on: the access check and the occurrence rows.
 */
@Module({
  imports: [PersonalDataModule],
  providers: [
    MeetingAccessService,
    MeetingOccurrences,
    MeetingsReadService,
    MeetingsWriteService,
    MeetingOccurrenceEditService,
    MeetingRsvpService,
    MeetingHostsService,
    MeetingTermsService,
    MeetingMailer,
    MeetingDownloadsService,
    CalendarFeedService,
    MeetingsResolver,
    MeetingParticipationResolver,
    MeetingCalendarsResolver,
  ],
  controllers: [MeetingCalendarController, CalendarFeedController],
  exports: [MeetingAccessService, MeetingOccurrences, MeetingsReadService, MeetingTermsService],
})
export class MeetingsModule {}
