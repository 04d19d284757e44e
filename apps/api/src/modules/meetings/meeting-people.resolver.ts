import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lantern/shared-domain';
import { CurrentActor, SignedIn } from '../../common/auth/decorators';
import { MeetingPersonCandidateModel } from './meeting-people.model';
import { CANDIDATES_MAX, MeetingPeopleService } from './meeting-people.service';

/** The people pickers of meetings and polls (chair, note-taker, guests, people asked). */
@Resolver()
export class MeetingPeopleResolver {
  constructor(private readonly people: MeetingPeopleService) {}

  @Query(() => [MeetingPersonCandidateModel], {
    description: `People with a role anywhere in the network (not deactivated) whose name contains the search (at least 2 characters; at most ${CANDIDATES_MAX}), to name in a meeting or ask in a poll. Names only, with a role line where the viewer may see it; never email addresses.`,
  })
  @SignedIn()
  meetingPeopleCandidates(
    @CurrentActor() actor: Actor,
    @Args('search', { type: () => String }) search: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: CANDIDATES_MAX }) first: number,
  ): Promise<MeetingPersonCandidateModel[]> {
    return this.people.candidates(actor, search, first ?? CANDIDATES_MAX);
  }
}
