import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, SupervisionStatus } from '@lantern/shared-domain';
import type { SupervisionAccess, SupervisionSessionScope } from './supervision-access.service';
import type { SupervisionAnnouncer } from './supervision-announcer.service';
import { assertChangeable, loadSession } from './supervision-rows';
import type { SupervisionSessionModel } from './supervision.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One change of a session's own row: lock it, check `rule` (NOT_FOUND to those who may not see it,
 * FORBIDDEN otherwise) and that it may still change (CONFLICT once signed or cancelled), run `apply`
 * (true: something changed) and stage the session's new state for the room, emitted after commit.
 */
export async function changeSession(
  deps: { ds: DataSource; access: SupervisionAccess; announcer: SupervisionAnnouncer },
  actor: Actor,
  id: string,
  rule: (actor: Actor, s: SupervisionSessionScope) => boolean,
  what: string,
  apply: (m: EntityManager, s: SupervisionSessionScope) => Promise<boolean>,
): Promise<SupervisionSessionModel> {
  const emit = await deps.ds.transaction(async (m) => {
    if (UUID.test(id)) await m.query('SELECT 1 FROM supervision_sessions WHERE id = $1 FOR UPDATE', [id]);
    const s = await deps.access.require(actor, id, rule, what, m);
    assertChangeable(s);
    if (!(await apply(m, s))) return null;
    const [now]: Array<{ status: SupervisionStatus; chair_id: string }> = await m.query(
      'SELECT status, chair_id FROM supervision_sessions WHERE id = $1',
      [id],
    );
    return deps.announcer.stage(m, id, { type: 'state', status: now.status, chairId: now.chair_id });
  });
  emit?.();
  return loadSession(deps.ds.manager, id, actor.userId);
}
