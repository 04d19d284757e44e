import { Injectable, inject } from '@angular/core';
import {
  type ActionPartsFragment,
  AddSupervisionRoomActionDocument,
  EndSupervisionRoomDocument,
  GraphqlClient,
  HandOverSupervisionRoomChairDocument,
  SetSupervisionRoomOutcomeDocument,
  StartSupervisionRoomDocument,
  type SupervisionActionInput,
  type SupervisionOutcomeInput,
  type SupervisionRoomAgendaPartsFragment,
  SupervisionRoomSearchDocument,
  SupervisionRoomSessionDocument,
  type SupervisionRoomSessionPartsFragment,
} from '@lantern/web-graphql';

/**
 * The room's GraphQL operations (ADR 12's contract; libs/web/graphql/src/operations/supervision-room.graphql).
 * Case data: the API demands the second factor, and GraphqlClient asks for the code on its own.
 */

export type RoomAction = ActionPartsFragment;
export type RoomSession = SupervisionRoomSessionPartsFragment;
export type RoomAgendaItem = SupervisionRoomAgendaPartsFragment;
export type RoomParticipant = RoomSession['participants'][number];
export type OutcomeInput = SupervisionOutcomeInput;
export type ActionInput = SupervisionActionInput;

/** The room's calls to the API (one instance for the app: it holds nothing). */
@Injectable({ providedIn: 'root' })
export class SupervisionRoomApi {
  private readonly client = inject(GraphqlClient);

  async session(id: string): Promise<RoomSession> {
    return (await this.client.request(SupervisionRoomSessionDocument, { id })).supervisionSession;
  }

  async start(id: string): Promise<RoomSession> {
    return (await this.client.request(StartSupervisionRoomDocument, { id })).startSupervision;
  }

  async end(id: string): Promise<RoomSession> {
    return (await this.client.request(EndSupervisionRoomDocument, { id })).endSupervision;
  }

  async handOver(id: string, userId: string): Promise<RoomSession> {
    return (await this.client.request(HandOverSupervisionRoomChairDocument, { id, userId }))
      .handOverSupervisionChair;
  }

  async setOutcome(input: OutcomeInput): Promise<RoomAgendaItem> {
    return (await this.client.request(SetSupervisionRoomOutcomeDocument, { input })).setSupervisionOutcome;
  }

  async addAction(input: ActionInput): Promise<RoomAction> {
    return (await this.client.request(AddSupervisionRoomActionDocument, { input })).addSupervisionAction;
  }

  /** Sequence numbers of the messages whose newest text matches, as the API finds them. */
  async search(sessionId: string, query: string): Promise<readonly number[]> {
    return (await this.client.request(SupervisionRoomSearchDocument, { sessionId, query }))
      .supervisionMessageSearch;
  }
}
