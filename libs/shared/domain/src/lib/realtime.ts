/**
 * The real-time protocol shared by server and client (socket.io on the API's own port, path
 * /socket.io). Client-to-server events are sent with an acknowledgement callback and always get an
 * `Ack`; server-to-client events carry the payloads below.
 */
export const SocketEvent = {
  // server -> client
  /** The session behind this socket ended (sign-out, deactivation, revocation); the client should sign in again. */
  SessionEnded: 'session:ended',
  /** A new item in a stream the socket is subscribed to. */
  StreamItem: 'stream:item',
  /** The viewer's unread notification count changed. */
  NotificationCount: 'notification:count',
  /** Someone the viewer can see changed presence. */
  PresenceChanged: 'presence:changed',
  /** The server refused something and says why (e.g. rate limit); may be followed by a disconnect. */
  Problem: 'lantern:problem',

  // client -> server (with ack)
  /** Join a stream's room and get what came after `after`. */
  StreamSubscribe: 'stream:subscribe',
  StreamUnsubscribe: 'stream:unsubscribe',
  /** Append an item; idempotent per (stream, clientId). */
  StreamSend: 'stream:send',
  /** Fetch items after a sequence number (catch-up after a reconnect or a gap). */
  StreamSync: 'stream:sync',
  /** Set one's own presence (online or away); offline is when the last socket goes. */
  PresenceSet: 'presence:set',
  /** Presence of some people (only those the viewer may see are answered). */
  PresenceQuery: 'presence:query',

  // both ways
  /**
   * An ephemeral signal in a stream's room (typing, read position): sent by a client (with ack),
   * relayed to the room's other members (not the sender) as `StreamSignal`. Never stored as an item.
   */
  StreamSignal: 'stream:signal',
} as const;
export type SocketEventName = (typeof SocketEvent)[keyof typeof SocketEvent];

/** Streams are named `<kind>:<id>`; the kind decides who may read and write (see the API's stream registry). */
export type StreamKey = `${string}:${string}`;

export const STREAM_KINDS = {
  /** A person's own notifications (server writes only). */
  Notifications: 'notifications',
  /** New replies in a forum thread (readers of the category). */
  ForumThread: 'forum-thread',
  /** A supervision session's live room (its participants, elevated; case data). */
  Supervision: 'supervision',
} as const;

export function supervisionStream(sessionId: string): StreamKey {
  return `${STREAM_KINDS.Supervision}:${sessionId}`;
}

export function notificationsStream(userId: string): StreamKey {
  return `${STREAM_KINDS.Notifications}:${userId}`;
}

export interface StreamItem<B = unknown> {
  stream: StreamKey;
  seq: number;
  clientId: string;
  authorId: string | null;
  body: B;
  createdAt: string;
}

/** Requests (payloads of client events) and their schemas: realtime-protocol.ts. */
export type Ack<T = object> = ({ ok: true } & T) | { ok: false; code: string; message: string };

export interface StreamSubscribeAck {
  items: StreamItem[];
  lastSeq: number;
  /** True when more than `REALTIME_LIMITS.syncBatch` items were missed: call StreamSync again from the last one. */
  more: boolean;
}
/** A signal relayed to a stream's room: who, and what (typing or how far they have read). */
export interface StreamSignal {
  stream: StreamKey;
  userId: string;
  typing?: boolean;
  readUpTo?: number;
}

export interface StreamSendAck {
  item: StreamItem;
  /** False when this clientId had already been stored (a retry). */
  created: boolean;
}

export type PresenceStatus = 'online' | 'away' | 'offline';
export interface PresenceChange {
  userId: string;
  status: PresenceStatus;
}

export interface NotificationCount {
  unread: number;
}

export interface SessionEnded {
  reason: 'signed-out' | 'deactivated' | 'revoked' | 'expired';
}

export interface Problem {
  code: string;
  message: string;
}

export const REALTIME_LIMITS = {
  /** Largest socket message, in bytes. */
  maxPayloadBytes: 64 * 1024,
  /** Largest stream item body once serialised. */
  maxBodyBytes: 16 * 1024,
  /** Client events per socket per 10 seconds before it is told and disconnected. */
  eventsPer10s: 100,
  /** Items returned by one subscribe or sync. */
  syncBatch: 500,
  /** How often the server rechecks that every socket's session and rooms are still allowed (ms). */
  revalidateMs: 500,
  /** Signals (typing, read) per socket per second; more are refused (RATE_LIMITED ack) and not relayed. */
  signalsPerSecond: 4,
} as const;

/** The order in which the client retries: 0.5 s doubling to 15 s, with jitter added by the client. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(15_000, 500 * 2 ** Math.max(0, attempt));
}

/**
 * Merge incoming items into what a client has: drops duplicates, returns the items to apply in
 * order and whether a gap was seen (then the client must sync from `lastSeq`).
 */
export function acceptItems(
  lastSeq: number,
  incoming: readonly StreamItem[],
): { apply: StreamItem[]; lastSeq: number; gap: boolean } {
  const apply: StreamItem[] = [];
  let last = lastSeq;
  let gap = false;
  for (const item of [...incoming].sort((a, b) => a.seq - b.seq)) {
    if (item.seq <= last) continue;
    if (item.seq !== last + 1) {
      gap = true;
      break;
    }
    apply.push(item);
    last = item.seq;
  }
  return { apply, lastSeq: last, gap };
}

/** Notification kinds; the forum, library, supervision and meetings will add theirs. */
export enum NotificationKind {
  InvitationAccepted = 'INVITATION_ACCEPTED',
  RoleGranted = 'ROLE_GRANTED',
  ForumReply = 'FORUM_REPLY',
  ForumMention = 'FORUM_MENTION',
  LibraryNewVersion = 'LIBRARY_NEW_VERSION',
  LibraryReviewDue = 'LIBRARY_REVIEW_DUE',
  ForumNewThread = 'FORUM_NEW_THREAD',
  ForumAnswerAccepted = 'FORUM_ANSWER_ACCEPTED',
  ActionAssigned = 'ACTION_ASSIGNED',
  ActionDueSoon = 'ACTION_DUE_SOON',
  ActionOverdue = 'ACTION_OVERDUE',
  SupervisionInvited = 'SUPERVISION_INVITED',
  SupervisionStartingSoon = 'SUPERVISION_STARTING_SOON',
  SupervisionRecordToSign = 'SUPERVISION_RECORD_TO_SIGN',
  MeetingAgendaPublished = 'MEETING_AGENDA_PUBLISHED',
  MeetingMinutesPublished = 'MEETING_MINUTES_PUBLISHED',
  MeetingPollInvited = 'MEETING_POLL_INVITED',
  MeetingPollDecided = 'MEETING_POLL_DECIDED',
}

export enum NotificationDelivery {
  InApp = 'IN_APP',
  Digest = 'DIGEST',
  Off = 'OFF',
}

export const NOTIFICATION_KIND_LABEL: Readonly<Record<NotificationKind, string>> = {
  [NotificationKind.InvitationAccepted]: 'Someone accepted your invitation',
  [NotificationKind.RoleGranted]: 'You were given a role',
  [NotificationKind.ForumReply]: 'Someone replied to you in the forum',
  [NotificationKind.ForumMention]: 'Someone mentioned you in the forum',
  [NotificationKind.LibraryNewVersion]: 'A new version of a library resource you use or saved',
  [NotificationKind.LibraryReviewDue]: 'A library resource you own is due for review',
  [NotificationKind.ForumNewThread]: 'A new thread in a forum category you watch',
  [NotificationKind.ForumAnswerAccepted]: 'Your forum reply was accepted as the answer',
  [NotificationKind.ActionAssigned]: 'Someone gave you an action',
  [NotificationKind.ActionDueSoon]: 'An action you own is due soon',
  [NotificationKind.ActionOverdue]: 'An action you own is overdue',
  [NotificationKind.SupervisionInvited]: 'You were invited to a supervision session',
  [NotificationKind.SupervisionStartingSoon]: 'A supervision session you take part in starts in 15 minutes',
  [NotificationKind.SupervisionRecordToSign]: 'A supervision record awaits your signature',
  [NotificationKind.MeetingAgendaPublished]: 'The agenda of a meeting you are invited to is published',
  [NotificationKind.MeetingMinutesPublished]: 'The minutes of a meeting you attended are published',
  [NotificationKind.MeetingPollInvited]: 'You are asked when you can meet',
  [NotificationKind.MeetingPollDecided]: 'A time was chosen for a meeting you were asked about',
};

export const DEFAULT_DELIVERY: NotificationDelivery = NotificationDelivery.InApp;
