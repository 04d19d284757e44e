import { Injectable, inject } from '@angular/core';
import type { AgendaItemStatus } from '@lantern/shared-domain';
import {
  type ActionPartsFragment,
  AddMeetingActionDocument,
  type AddMeetingActionInput,
  DecideAgendaItemDocument,
  EndMeetingDocument,
  GraphqlClient,
  type MeetingAgendaItemPartsFragment,
  type MeetingAgendaPartsFragment,
  MeetingAgendaDocument,
  OrderAgendaDocument,
  ProposeAgendaItemDocument,
  type ProposeAgendaItemInput,
  PublishAgendaDocument,
  PublishMinutesDocument,
  SaveItemMinutesDocument,
  type SaveItemMinutesInput,
  SetCurrentAgendaItemDocument,
  StartMeetingDocument,
  UpdateAgendaItemDocument,
  type UpdateAgendaItemInput,
} from '@lantern/web-graphql';

export type MeetingAgenda = MeetingAgendaPartsFragment;
export type AgendaItem = MeetingAgendaItemPartsFragment;
export type MeetingAction = ActionPartsFragment;

/** One occurrence's agenda, live state, minutes and actions over GraphQL (ADR 13, second contract). */
@Injectable({ providedIn: 'root' })
export class AgendaData {
  private readonly client = inject(GraphqlClient);

  async agenda(seriesId: string, key: string): Promise<MeetingAgenda> {
    return (await this.client.request(MeetingAgendaDocument, { seriesId, key })).meetingAgenda;
  }

  async propose(input: ProposeAgendaItemInput): Promise<AgendaItem> {
    return (await this.client.request(ProposeAgendaItemDocument, { input })).proposeAgendaItem;
  }

  async update(input: UpdateAgendaItemInput): Promise<AgendaItem> {
    return (await this.client.request(UpdateAgendaItemDocument, { input })).updateAgendaItem;
  }

  async decide(id: string, status: AgendaItemStatus): Promise<AgendaItem> {
    return (await this.client.request(DecideAgendaItemDocument, { id, status })).decideAgendaItem;
  }

  async order(seriesId: string, key: string, itemIds: readonly string[]): Promise<MeetingAgenda> {
    return (await this.client.request(OrderAgendaDocument, { seriesId, key, itemIds })).orderAgenda;
  }

  async publish(seriesId: string, key: string, papersDueAt: string | null): Promise<MeetingAgenda> {
    return (await this.client.request(PublishAgendaDocument, { seriesId, key, papersDueAt })).publishAgenda;
  }

  async start(seriesId: string, key: string): Promise<MeetingAgenda> {
    return (await this.client.request(StartMeetingDocument, { seriesId, key })).startMeeting;
  }

  async setCurrent(seriesId: string, key: string, itemId: string | null): Promise<MeetingAgenda> {
    return (await this.client.request(SetCurrentAgendaItemDocument, { seriesId, key, itemId }))
      .setCurrentAgendaItem;
  }

  async end(seriesId: string, key: string): Promise<MeetingAgenda> {
    return (await this.client.request(EndMeetingDocument, { seriesId, key })).endMeeting;
  }

  async saveMinutes(input: SaveItemMinutesInput): Promise<AgendaItem> {
    return (await this.client.request(SaveItemMinutesDocument, { input })).saveItemMinutes;
  }

  async addAction(input: AddMeetingActionInput): Promise<MeetingAction> {
    return (await this.client.request(AddMeetingActionDocument, { input })).addMeetingAction;
  }

  async publishMinutes(seriesId: string, key: string): Promise<MeetingAgenda> {
    return (await this.client.request(PublishMinutesDocument, { seriesId, key })).publishMinutes;
  }
}
