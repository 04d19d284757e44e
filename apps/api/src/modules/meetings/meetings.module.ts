import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../../common/personal-data/personal-data.module';
import { CalendarFeedController } from './calendar/calendar-feed.controller';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { MeetingCalendarController } from './calendar/meeting-calendar.controller';
import { MeetingDownloadsService } from './calendar/meeting-downloads.service';
import { FILE_READ_CHECKS, FILE_USAGE } from '../files/file-access';
import { NotificationsModule } from '../notifications/notifications.module';
import { AgendaChecks } from './agenda/agenda-checks.service';
import { MeetingAgendaContext } from './agenda/meeting-agenda-context';
import { MeetingAgendaReadService } from './agenda/meeting-agenda-read.service';
import { MeetingAgendaResolver } from './agenda/meeting-agenda.resolver';
import { MeetingAgendaService } from './agenda/meeting-agenda.service';
import { MeetingAnnouncer } from './agenda/meeting-announcer.service';
import { MeetingLiveService } from './agenda/meeting-live.service';
import { MeetingNotifier } from './agenda/meeting-notifier.service';
import { MeetingPaperReadCheck, MeetingPaperUsage } from './agenda/meeting-papers';
import { MeetingActionsService } from './minutes/meeting-actions.service';
import { MeetingActionsSource } from './minutes/meeting-actions.source';
import { MeetingMinutesExportService } from './minutes/meeting-minutes-export.service';
import { MeetingMinutesResolver } from './minutes/meeting-minutes.resolver';
import { MeetingMinutesService } from './minutes/meeting-minutes.service';
import { MinutesExportController } from './minutes/minutes-export.controller';
import { MeetingPollReadService } from './polls/meeting-poll-read.service';
import { MeetingPollsResolver } from './polls/meeting-polls.resolver';
import { MeetingPollsService } from './polls/meeting-polls.service';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingCalendarsResolver } from './meeting-calendars.resolver';
import { MeetingHostsService } from './meeting-hosts.service';
import { MeetingMailer } from './meeting-mailer.service';
import { MeetingOccurrenceEditService } from './meeting-occurrence-edit.service';
import { MeetingOccurrences } from './meeting-occurrences';
import { MeetingParticipationResolver } from './meeting-participation.resolver';
import { MeetingPeopleResolver } from './meeting-people.resolver';
import { MeetingPeopleService } from './meeting-people.service';
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
  imports: [PersonalDataModule, NotificationsModule],
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
    MeetingPeopleService,
    MeetingPeopleResolver,
    // Agenda, live, minutes and polls.
    MeetingAgendaContext,
    AgendaChecks,
    MeetingNotifier,
    MeetingAnnouncer,
    MeetingAgendaReadService,
    MeetingAgendaService,
    MeetingLiveService,
    MeetingActionsSource,
    MeetingMinutesService,
    MeetingActionsService,
    MeetingMinutesExportService,
    MeetingPollReadService,
    MeetingPollsService,
    MeetingAgendaResolver,
    MeetingMinutesResolver,
    MeetingPollsResolver,
    MeetingPaperReadCheck,
    MeetingPaperUsage,
    { provide: FILE_READ_CHECKS, useExisting: MeetingPaperReadCheck },
    { provide: FILE_USAGE, useExisting: MeetingPaperUsage },
  ],
  controllers: [MeetingCalendarController, CalendarFeedController, MinutesExportController],
  exports: [MeetingAccessService, MeetingOccurrences, MeetingsReadService, MeetingTermsService],
})
export class MeetingsModule {}
