import type { Logger } from '@nestjs/common';
import {
  Ack,
  ErrorCode,
  SECOND_FACTOR_MESSAGES,
  SocketRequest,
  SocketRequestEvent,
  parseSocketRequest,
  ruleNeedsSecondFactor,
  secondFactorRefusal,
} from '@lantern/shared-domain';
import { isDatabaseUnavailable } from '../../common/errors/format-error';
import type { LanternSocket } from './socket-data';

export const refuse = (code: string, message: string): Ack<never> => ({ ok: false, code, message });

/**
 * Streams whose kind's rule is about case data (ruleNeedsSecondFactor) are, like case data over
 * GraphQL and REST, only for a session elevated by the second factor: the refusal, or null.
 */
export function secondFactorAck(socket: LanternSocket, kind: { rule: string } | null): Ack<never> | null {
  if (!kind || !ruleNeedsSecondFactor(kind.rule)) return null;
  const s = socket.data.session;
  const code = secondFactorRefusal({ enrolled: s.secondFactorEnrolled, elevatedUntil: s.elevatedUntil });
  return code ? refuse(code, SECOND_FACTOR_MESSAGES[code]) : null;
}

/**
 * Run a handler so that the client always gets an ack, never a thrown exception: the payload is
 * validated with the event's schema from the shared domain first (BAD_USER_INPUT otherwise), and
 * any failure inside becomes an ack too.
 */
export async function handle<E extends SocketRequestEvent, T extends object>(
  logger: Logger,
  event: E,
  payload: unknown,
  fn: (request: SocketRequest<E>) => Promise<Ack<T>>,
): Promise<Ack<T>> {
  try {
    const parsed = parseSocketRequest(event, payload);
    if (!parsed.ok) return refuse(ErrorCode.BadInput, parsed.message);
    return await fn(parsed.request);
  } catch (err) {
    if (isDatabaseUnavailable(err)) {
      // Busy or briefly unreachable: nothing was stored; the client retries with the same clientId.
      logger.warn(
        `Socket handler could not reach the database: ${err instanceof Error ? err.message : String(err)}`,
      );
      return refuse(
        ErrorCode.Unavailable,
        'Lantern is busy just now. Your message will be sent again shortly.',
      );
    }
    logger.error(`Socket handler failed: ${err instanceof Error ? err.message : String(err)}`);
    return refuse(ErrorCode.Internal, 'Something went wrong on our side. Please try again.');
  }
}
