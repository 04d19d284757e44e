import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Term, addDays, londonToday } from '@lantern/shared-domain';

/**
 * Demo meetings (issue 12): term dates for every demo local authority (three terms of the current
 * school year, each with a half term), and a termly network SENCO meeting (one date per term,
 * 13:30–15:30, hybrid) chaired by the trusts' shared SEND lead, hosted in turn by three schools.
 * Role names only, never real people.
 */
export function demoTerms(today: string = londonToday()): Term[] {
  const y = Number(today.slice(0, 4)) - (today.slice(5) < '08-01' ? 1 : 0);
  return [
    { name: 'Autumn term', starts: `${y}-09-03`, ends: `${y}-12-19`, halfTermStarts: `${y}-10-27`, halfTermEnds: `${y}-10-31` },
    { name: 'Spring term', starts: `${y + 1}-01-05`, ends: `${y + 1}-03-27`, halfTermStarts: `${y + 1}-02-16`, halfTermEnds: `${y + 1}-02-20` },
    { name: 'Summer term', starts: `${y + 1}-04-13`, ends: `${y + 1}-07-22`, halfTermStarts: `${y + 1}-05-25`, halfTermEnds: `${y + 1}-05-29` },
  ];
}

/** The first Wednesday on or after a date. */
function wednesdayFrom(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, (3 - day + 7) % 7);
}

export async function seedMeetings(
  m: EntityManager,
  schoolIds: ReadonlyMap<string, string>,
  userIds: ReadonlyMap<string, string>,
): Promise<void> {
  const terms = demoTerms();
  const las: Array<{ id: string }> = await m.query('SELECT id FROM local_authorities ORDER BY name');
  for (const la of las) {
    for (const t of terms) {
      await m.query(
        `INSERT INTO terms (local_authority_id, name, starts, ends, half_term_starts, half_term_ends)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [la.id, t.name, t.starts, t.ends, t.halfTermStarts, t.halfTermEnds],
      );
    }
  }
  const chair = userIds.get('send.lead@demo.lantern.test');
  const noteTaker = userIds.get('senco.holy-family@demo.lantern.test');
  const hosts = ['ACT/Holy Family Primary', 'CCT/Holy Cross Primary', 'MCT/St Bernadette\'s Primary']
    .map((k) => schoolIds.get(k))
    .filter((id): id is string => !!id);
  if (!chair) return;
  // The fourth week of each term, on a Wednesday, clear of the half terms.
  const dates = terms.map((t) => wednesdayFrom(addDays(t.starts, 21)));
  await m.query(
    `INSERT INTO meeting_series (scope_kind, title, description, mode, location, online_link, first_date, start_time,
            minutes, rrule, rdates, chair_id, note_taker_id, organiser_id, host_school_ids, uid)
     VALUES ('NETWORK', $1, $2, 'HYBRID', $3, $4, $5, '13:30', 120, NULL, $6::date[], $7, $8, $7, $9::uuid[], $10)`,
    [
      'Network SENCO meeting',
      'The termly meeting of SENCOs across the network: updates from the local authorities, practice to share, and the network’s SEND priorities.',
      'The host school’s hall',
      'https://meet.example.org/lantern-network-senco',
      dates[0],
      dates,
      chair,
      noteTaker ?? null,
      hosts,
      `${randomUUID()}@lantern`,
    ],
  );
}
