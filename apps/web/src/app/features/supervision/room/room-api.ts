import { Injectable, inject } from '@angular/core';
import type { SupervisionRole, SupervisionStatus } from '@lantern/shared-domain';
import { type ActionPartsFragment, GraphqlClient, TypedDocumentString } from '@lantern/web-graphql';

/**
 * The room's GraphQL operations (ADR 12's contract). Case data: the API demands the second factor,
 * and GraphqlClient asks for the code on its own.
 *
 * TEMPORARY: written by hand against the contract until apps/api/schema.gql has the supervision
 * types; then these move to libs/web/graphql/src/operations and the generated documents replace them.
 */

export type RoomAction = ActionPartsFragment;

export interface RoomParticipant {
  readonly userId: string;
  readonly displayName: string;
  readonly role: SupervisionRole;
  readonly lastReadSeq: number;
}

export interface RoomAgendaItem {
  readonly id: string;
  readonly caseId: string;
  readonly caseReference: string;
  readonly position: number;
  readonly question: string;
  readonly summary: string;
  readonly decisions: string;
  readonly openActions: readonly RoomAction[];
  readonly actionsRaisedHere: readonly RoomAction[];
}

export interface RoomSession {
  readonly id: string;
  readonly schoolId: string;
  readonly schoolName: string;
  readonly title: string;
  readonly status: SupervisionStatus;
  readonly startsAt: string;
  readonly minutes: number;
  readonly location: string | null;
  readonly onlineLink: string | null;
  readonly chairId: string;
  readonly currentCaseId: string | null;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly revision: number;
  readonly stream: string;
  readonly myRole: SupervisionRole | null;
  readonly participants: readonly RoomParticipant[];
  readonly agenda: readonly RoomAgendaItem[];
  readonly record: {
    readonly id: string;
    readonly revision: number;
    readonly signedAt: string | null;
  } | null;
}

const ACTION_FIELDS = `
  id title status dueOn dueState owner { id displayName } sourceKind sourceId sourceLabel sourceLink
  createdAt closedAt canChange`;

const AGENDA_FIELDS = `
  id caseId caseReference position question summary decisions
  openActions { ${ACTION_FIELDS} }
  actionsRaisedHere { ${ACTION_FIELDS} }`;

const SESSION_FIELDS = `
  id schoolId schoolName title status startsAt minutes location onlineLink chairId currentCaseId
  startedAt endedAt revision stream myRole
  participants { userId displayName role lastReadSeq }
  agenda { ${AGENDA_FIELDS} }
  record { id revision signedAt }`;

type SessionResult<K extends string> = { readonly [P in K]: RoomSession };

const SessionDocument = new TypedDocumentString<SessionResult<'supervisionSession'>, { id: string }>(
  `query SupervisionRoomSession($id: ID!) { supervisionSession(id: $id) { ${SESSION_FIELDS} } }`,
);
const StartDocument = new TypedDocumentString<SessionResult<'startSupervision'>, { id: string }>(
  `mutation StartSupervisionRoom($id: ID!) { startSupervision(id: $id) { ${SESSION_FIELDS} } }`,
);
const EndDocument = new TypedDocumentString<SessionResult<'endSupervision'>, { id: string }>(
  `mutation EndSupervisionRoom($id: ID!) { endSupervision(id: $id) { ${SESSION_FIELDS} } }`,
);
const HandOverDocument = new TypedDocumentString<
  SessionResult<'handOverSupervisionChair'>,
  { id: string; userId: string }
>(
  `mutation HandOverSupervisionRoomChair($id: ID!, $userId: ID!) {
    handOverSupervisionChair(id: $id, userId: $userId) { ${SESSION_FIELDS} } }`,
);

export interface OutcomeInput {
  sessionId: string;
  caseId: string;
  summary: string;
  decisions: string;
  override?: boolean | null;
}
const OutcomeDocument = new TypedDocumentString<
  { readonly setSupervisionOutcome: RoomAgendaItem },
  { input: OutcomeInput }
>(
  `mutation SetSupervisionRoomOutcome($input: SupervisionOutcomeInput!) {
    setSupervisionOutcome(input: $input) { ${AGENDA_FIELDS} } }`,
);

export interface ActionInput {
  sessionId: string;
  caseId: string;
  title: string;
  ownerId: string;
  dueOn: string;
  fromSeq?: number | null;
}
const AddActionDocument = new TypedDocumentString<
  { readonly addSupervisionAction: RoomAction },
  { input: ActionInput }
>(
  `mutation AddSupervisionRoomAction($input: SupervisionActionInput!) {
    addSupervisionAction(input: $input) { ${ACTION_FIELDS} } }`,
);

const SearchDocument = new TypedDocumentString<
  { readonly supervisionMessageSearch: readonly number[] },
  { sessionId: string; query: string }
>(
  `query SupervisionRoomSearch($sessionId: ID!, $query: String!) {
    supervisionMessageSearch(sessionId: $sessionId, query: $query) }`,
);

/** The room's calls to the API (one instance for the app: it holds nothing). */
@Injectable({ providedIn: 'root' })
export class SupervisionRoomApi {
  private readonly client = inject(GraphqlClient);

  async session(id: string): Promise<RoomSession> {
    return (await this.client.request(SessionDocument, { id })).supervisionSession;
  }

  async start(id: string): Promise<RoomSession> {
    return (await this.client.request(StartDocument, { id })).startSupervision;
  }

  async end(id: string): Promise<RoomSession> {
    return (await this.client.request(EndDocument, { id })).endSupervision;
  }

  async handOver(id: string, userId: string): Promise<RoomSession> {
    return (await this.client.request(HandOverDocument, { id, userId })).handOverSupervisionChair;
  }

  async setOutcome(input: OutcomeInput): Promise<RoomAgendaItem> {
    return (await this.client.request(OutcomeDocument, { input })).setSupervisionOutcome;
  }

  async addAction(input: ActionInput): Promise<RoomAction> {
    return (await this.client.request(AddActionDocument, { input })).addSupervisionAction;
  }

  /** Sequence numbers of the messages whose newest text matches, as the API finds them. */
  async search(sessionId: string, query: string): Promise<readonly number[]> {
    return (await this.client.request(SearchDocument, { sessionId, query })).supervisionMessageSearch;
  }
}
