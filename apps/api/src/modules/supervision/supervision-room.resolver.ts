import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Actor, Permission } from '@lantern/shared-domain';
import { Allow, CurrentActor } from '../../common/auth/decorators';
import { IdArg } from '../../common/validation';
import { SupervisionRoom } from './supervision-room.service';

/** The live room over GraphQL: search within a session's conversation (participants, elevated). */
@Resolver()
export class SupervisionRoomResolver {
  constructor(private readonly room: SupervisionRoom) {}

  @Query(() => [Int], {
    description:
      "Sequence numbers of the session's messages whose newest text contains the query (not deleted ones), newest first, at most 100.",
  })
  @Allow(Permission.CaseDataUse, 'search supervision sessions')
  supervisionMessageSearch(
    @CurrentActor() actor: Actor,
    @IdArg('sessionId') sessionId: string,
    @Args('query', { type: () => String }) query: string,
  ): Promise<number[]> {
    return this.room.search(actor, sessionId, query);
  }
}
