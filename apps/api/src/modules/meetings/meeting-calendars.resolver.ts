import { Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lantern/shared-domain';
import { CurrentActor, SignedIn } from '../../common/auth/decorators';
import { IdArg, InputArg } from '../../common/validation';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { SetTermsInput } from './dto/meeting.input';
import { CalendarFeedStatusModel, CalendarFeedUrlModel, TermDatesModel } from './meeting.model';
import { MeetingTermsService } from './meeting-terms.service';

/** Term dates and the viewer's personal calendar feed. */
@Resolver()
export class MeetingCalendarsResolver {
  constructor(
    private readonly terms: MeetingTermsService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @Query(() => TermDatesModel, { description: "A local authority's term dates, or a school's (its own, else its local authority's)." })
  @SignedIn()
  termDates(
    @IdArg('localAuthorityId', { nullable: true }) localAuthorityId: string | null,
    @IdArg('schoolId', { nullable: true }) schoolId: string | null,
  ): Promise<TermDatesModel> {
    return this.terms.termDates(localAuthorityId ?? null, schoolId ?? null);
  }

  @Mutation(() => TermDatesModel, {
    description: "Replace a local authority's term dates (network admin) or a school's own (its headteacher or SENCO; none: follow the LA).",
  })
  @SignedIn()
  setTerms(@CurrentActor() actor: Actor, @InputArg('input', SetTermsInput) input: SetTermsInput): Promise<TermDatesModel> {
    return this.terms.setTerms(actor, input);
  }

  @Query(() => CalendarFeedStatusModel, { description: 'Whether the viewer has a calendar feed (its URL is shown only when made).' })
  @SignedIn()
  myCalendarFeed(@CurrentActor() actor: Actor): Promise<CalendarFeedStatusModel> {
    return this.feeds.status(actor);
  }

  @Mutation(() => CalendarFeedUrlModel, { description: 'A new calendar feed URL (the old one stops working).' })
  @SignedIn()
  regenerateCalendarFeed(@CurrentActor() actor: Actor): Promise<CalendarFeedUrlModel> {
    return this.feeds.regenerate(actor);
  }

  @Mutation(() => Boolean, { description: 'Stop the calendar feed (its URL stops working).' })
  @SignedIn()
  revokeCalendarFeed(@CurrentActor() actor: Actor): Promise<boolean> {
    return this.feeds.revoke(actor);
  }
}
