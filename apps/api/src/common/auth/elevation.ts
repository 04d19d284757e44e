/**
 * Whether a session is elevated by the second factor right now (SECOND_FACTOR in the shared domain):
 * case data is served only to such a session. `elevatedUntil` comes with the session on every request.
 */
export function sessionIsElevated(
  session: { elevatedUntil?: Date | string | null } | null | undefined,
  now: Date = new Date(),
): boolean {
  const until = session?.elevatedUntil;
  return !!until && new Date(until).getTime() > now.getTime();
}
