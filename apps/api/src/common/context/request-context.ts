import type { Request, Response } from 'express';
import type { Actor } from '@lantern/shared-domain';
import type { RequestLoaders } from '../loaders/request-loaders';

export interface SessionInfo {
  sessionId: string;
  userId: string;
  displayName: string;
  email: string;
  /** Whether others may see when this person is online. */
  showPresence: boolean;
  /** When the session ends (ISO). */
  expiresAt: string;
  /** When the second factor's elevation of this session ends (ISO); null when not elevated. */
  elevatedUntil: string | null;
  /** The person has a confirmed second factor. */
  secondFactorEnrolled: boolean;
}

/** What every resolver receives: who is asking, from where, and this request's loaders. */
export interface RequestContext {
  req: Request;
  res: Response;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  session: SessionInfo | null;
  actor: Actor | null;
  loaders: RequestLoaders;
}
