import { Injectable, inject } from '@angular/core';
import type { PollAnswer } from '@lantern/shared-domain';
import {
  AnswerMeetingPollDocument,
  CancelMeetingPollDocument,
  CreateMeetingPollDocument,
  type CreateMeetingPollInput,
  DecideMeetingPollDocument,
  type DecideMeetingPollInput,
  GraphqlClient,
  MeetingPollDocument,
  type MeetingPollPartsFragment,
  MyMeetingPollsDocument,
  type MyMeetingPollsQuery,
} from '@lantern/web-graphql';

export type MeetingPoll = MeetingPollPartsFragment;
export type PollSummary = MyMeetingPollsQuery['myMeetingPolls'][number];

/** Finding a time (ADR 13): polls of candidate slots answered yes / if need be / no. */
@Injectable({ providedIn: 'root' })
export class PollsData {
  private readonly client = inject(GraphqlClient);

  async poll(id: string): Promise<MeetingPoll> {
    return (await this.client.request(MeetingPollDocument, { id })).meetingPoll;
  }

  async mine(open = true): Promise<readonly PollSummary[]> {
    return (await this.client.request(MyMeetingPollsDocument, { open })).myMeetingPolls;
  }

  async create(input: CreateMeetingPollInput): Promise<MeetingPoll> {
    return (await this.client.request(CreateMeetingPollDocument, { input })).createMeetingPoll;
  }

  async answer(
    pollId: string,
    answers: ReadonlyArray<{ slotId: string; answer: PollAnswer }>,
  ): Promise<MeetingPoll> {
    return (await this.client.request(AnswerMeetingPollDocument, { input: { pollId, answers } }))
      .answerMeetingPoll;
  }

  async decide(input: DecideMeetingPollInput): Promise<{ id: string; firstDate: string }> {
    return (await this.client.request(DecideMeetingPollDocument, { input })).decideMeetingPoll;
  }

  async cancel(id: string): Promise<MeetingPoll> {
    return (await this.client.request(CancelMeetingPollDocument, { id })).cancelMeetingPoll;
  }
}
