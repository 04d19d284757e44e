import type { EntityManager } from 'typeorm';
import { CaseStatus } from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';

/**
 * Replace a session's agenda with `items`, in order, inside the caller's transaction. Only the
 * school's own cases, and only open or monitoring ones unless already on the agenda (a case closed
 * since stays where it was). A case whose outcome is recorded cannot be taken off. Returns the ids of
 * the cases on the new agenda.
 */
export async function replaceAgenda(
  m: EntityManager,
  session: { id: string; schoolId: string },
  items: ReadonlyArray<{ caseId: string; question: string }>,
  actorId: string,
): Promise<string[]> {
  const caseIds = items.map((i) => i.caseId);
  const [cases, current]: [
    Array<{ id: string; status: CaseStatus }>,
    Array<{ case_id: string; question: string; has_outcome: boolean }>,
  ] = [
    await m.query('SELECT id, status FROM cases WHERE id = ANY($1::uuid[]) AND school_id = $2', [
      caseIds,
      session.schoolId,
    ]),
    await m.query(
      `SELECT case_id, question, (summary <> '' OR decisions <> '') AS has_outcome
         FROM supervision_agenda_items WHERE session_id = $1`,
      [session.id],
    ),
  ];
  const status = new Map(cases.map((c) => [c.id, c.status]));
  const onAgenda = new Map(current.map((c) => [c.case_id, c]));
  for (const i of items) {
    const s = status.get(i.caseId);
    if (!s)
      throw Errors.badInput("Choose cases from this school's caseload.", {
        agenda: 'Not a case of the school',
      });
    if (s === CaseStatus.Closed && !onAgenda.has(i.caseId))
      throw Errors.badInput('Bring open or monitoring cases only: that case is closed.', {
        agenda: 'Closed case',
      });
  }
  const removed = current.filter((c) => !caseIds.includes(c.case_id));
  if (removed.some((c) => c.has_outcome))
    throw Errors.badInput(
      'A case whose outcome is recorded stays on the agenda: clear its summary and decisions first.',
      { agenda: 'Has an outcome' },
    );
  if (removed.length)
    await m.query(
      'DELETE FROM supervision_agenda_items WHERE session_id = $1 AND case_id = ANY($2::uuid[])',
      [session.id, removed.map((c) => c.case_id)],
    );
  if (items.length)
    await m.query(
      `INSERT INTO supervision_agenda_items (session_id, case_id, position, question, added_by)
       SELECT $1, x.case_id, x.position, x.question, $2
         FROM unnest($3::uuid[], $4::int[], $5::text[]) AS x(case_id, position, question)
       ON CONFLICT (session_id, case_id) DO UPDATE
         SET position = EXCLUDED.position, question = EXCLUDED.question,
             updated_at = CASE WHEN supervision_agenda_items.question IS DISTINCT FROM EXCLUDED.question
                               THEN now() ELSE supervision_agenda_items.updated_at END`,
      [session.id, actorId, caseIds, items.map((_, n) => n), items.map((i) => i.question)],
    );
  // The current case leaves with its agenda item.
  await m.query(
    `UPDATE supervision_sessions SET current_case_id = NULL, updated_at = now()
      WHERE id = $1 AND current_case_id IS NOT NULL AND NOT (current_case_id = ANY($2::uuid[]))`,
    [session.id, caseIds],
  );
  return caseIds;
}
