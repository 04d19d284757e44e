import { Injectable, inject } from '@angular/core';
import { MEETING_LIMITS, type RsvpAnswer } from '@lantern/shared-domain';
import {
  CancelOccurrenceDocument,
  CancelSeriesDocument,
  CreateMeetingDocument,
  type CreateMeetingInput,
  EditOccurrenceDocument,
  type EditOccurrenceInput,
  GraphqlClient,
  type MeetingAttendeePartsFragment,
  MeetingAttendeesDocument,
  MeetingModeBalanceDocument,
  type MeetingModeBalanceQuery,
  MeetingOccurrenceDocument,
  type MeetingOccurrencePartsFragment,
  MeetingPlacesDocument,
  type MeetingPlacesQuery,
  MeetingSeriesDocument,
  type MeetingSeriesPartsFragment,
  MyCalendarFeedDocument,
  type MyCalendarFeedQuery,
  MyMeetingsDocument,
  RecordAttendanceDocument,
  RegenerateCalendarFeedDocument,
  RevokeCalendarFeedDocument,
  RsvpOccurrenceDocument,
  RsvpSeriesDocument,
  SetHostRotationDocument,
  SetTermsDocument,
  type SetTermsInput,
  SkipHostDocument,
  TermDatesDocument,
  type TermDatesQuery,
  UpdateMeetingSeriesDocument,
  type UpdateMeetingSeriesInput,
} from '@lantern/web-graphql';

export type MeetingOccurrence = MeetingOccurrencePartsFragment;
export type MeetingSeries = MeetingSeriesPartsFragment;
export type MeetingAttendee = MeetingAttendeePartsFragment;
export type ModeBalance = MeetingModeBalanceQuery['meetingModeBalance'];
export type TermDates = TermDatesQuery['termDates'];
export type CalendarFeedStatus = MyCalendarFeedQuery['myCalendarFeed'];
export type MeetingPlaces = MeetingPlacesQuery;

export interface OccurrencePage {
  nodes: readonly MeetingOccurrence[];
  totalCount: number;
  hasNextPage: boolean;
}

/**
 * Meetings over GraphQL (ADR 13's contract): series and occurrences, answers, attendance, host
 * rotation, term dates and the personal calendar feed. Not case data: any signed-in person asks,
 * and the API answers NOT_FOUND for a meeting the person may not see.
 */
@Injectable({ providedIn: 'root' })
export class MeetingsData {
  private readonly client = inject(GraphqlClient);

  async myMeetings(
    from: string,
    to: string,
    offset = 0,
    first: number = MEETING_LIMITS.pageSize,
  ): Promise<OccurrencePage> {
    return (await this.client.request(MyMeetingsDocument, { from, to, first, offset })).myMeetings;
  }

  async occurrence(
    seriesId: string,
    key: string,
  ): Promise<{ occurrence: MeetingOccurrence; series: MeetingSeries }> {
    const r = await this.client.request(MeetingOccurrenceDocument, { seriesId, key });
    return { occurrence: r.meetingOccurrence, series: r.meetingSeries };
  }

  async series(id: string): Promise<MeetingSeries> {
    return (await this.client.request(MeetingSeriesDocument, { id })).meetingSeries;
  }

  async attendees(seriesId: string, key: string): Promise<readonly MeetingAttendee[]> {
    return (await this.client.request(MeetingAttendeesDocument, { seriesId, key })).meetingAttendees;
  }

  async modeBalance(seriesId: string, on: string | null): Promise<ModeBalance> {
    return (await this.client.request(MeetingModeBalanceDocument, { seriesId, on })).meetingModeBalance;
  }

  async create(input: CreateMeetingInput): Promise<MeetingSeries> {
    return (await this.client.request(CreateMeetingDocument, { input })).createMeeting;
  }

  async updateSeries(input: UpdateMeetingSeriesInput): Promise<MeetingSeries> {
    return (await this.client.request(UpdateMeetingSeriesDocument, { input })).updateMeetingSeries;
  }

  async editOccurrence(input: EditOccurrenceInput): Promise<MeetingOccurrence> {
    return (await this.client.request(EditOccurrenceDocument, { input })).editOccurrence;
  }

  async cancelOccurrence(seriesId: string, key: string): Promise<MeetingOccurrence> {
    return (await this.client.request(CancelOccurrenceDocument, { seriesId, key })).cancelOccurrence;
  }

  async cancelSeries(id: string): Promise<MeetingSeries> {
    return (await this.client.request(CancelSeriesDocument, { id })).cancelSeries;
  }

  async rsvpOccurrence(seriesId: string, key: string, answer: RsvpAnswer | null): Promise<MeetingOccurrence> {
    return (await this.client.request(RsvpOccurrenceDocument, { seriesId, key, answer })).rsvpOccurrence;
  }

  async rsvpSeries(seriesId: string, answer: RsvpAnswer | null): Promise<MeetingSeries> {
    return (await this.client.request(RsvpSeriesDocument, { seriesId, answer })).rsvpSeries;
  }

  async recordAttendance(
    seriesId: string,
    key: string,
    entries: ReadonlyArray<{ userId: string; attended: boolean }>,
  ): Promise<readonly MeetingAttendee[]> {
    return (await this.client.request(RecordAttendanceDocument, { input: { seriesId, key, entries } }))
      .recordAttendance;
  }

  async setHostRotation(seriesId: string, schoolIds: readonly string[]): Promise<MeetingSeries> {
    return (await this.client.request(SetHostRotationDocument, { seriesId, schoolIds })).setHostRotation;
  }

  async skipHost(seriesId: string, key: string, skipped: boolean): Promise<MeetingOccurrence> {
    return (await this.client.request(SkipHostDocument, { seriesId, key, skipped })).skipHost;
  }

  /** Local authorities and trusts with their schools (scope, host rotation and term-date pickers). */
  async places(): Promise<MeetingPlaces> {
    return this.client.request(MeetingPlacesDocument, {});
  }

  async termDates(where: { localAuthorityId?: string | null; schoolId?: string | null }): Promise<TermDates> {
    return (await this.client.request(TermDatesDocument, where)).termDates;
  }

  async setTerms(input: SetTermsInput): Promise<TermDates> {
    return (await this.client.request(SetTermsDocument, { input })).setTerms;
  }

  async calendarFeed(): Promise<CalendarFeedStatus> {
    return (await this.client.request(MyCalendarFeedDocument, {})).myCalendarFeed;
  }

  async regenerateCalendarFeed(): Promise<string> {
    return (await this.client.request(RegenerateCalendarFeedDocument, {})).regenerateCalendarFeed.url;
  }

  async revokeCalendarFeed(): Promise<void> {
    await this.client.request(RevokeCalendarFeedDocument, {});
  }
}
