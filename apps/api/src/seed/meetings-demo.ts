import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Term, addDays, londonToday } from '@lantern/shared-domain';

/**
 * Demo meetings (issue 12): term dates for every demo local authority (three terms of the current
 * school year, each with a half term), and a termly network SENCO meeting (one date per term,
 * 13:30–15:30, hybrid) chaired by the trusts' shared SEND lead, hosted in turn by three schools,
 * whose next meeting has a published agenda (four accepted items, 115 of its 120 minutes).
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
  const [series]: Array<{ id: string }> = await m.query(
    `INSERT INTO meeting_series (scope_kind, title, description, mode, location, online_link, first_date, start_time,
            minutes, rrule, rdates, chair_id, note_taker_id, organiser_id, host_school_ids, uid)
     VALUES ('NETWORK', $1, $2, 'HYBRID', $3, $4, $5, '13:30', 120, NULL, $6::date[], $7, $8, $7, $9::uuid[], $10)
     RETURNING id`,
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
  if (series) await publishNextAgenda(m, series.id, dates, chair, noteTaker ?? chair);
}

/** The next meeting of the series (or the last, when all are past) has a published agenda. */
async function publishNextAgenda(
  m: EntityManager,
  seriesId: string,
  dates: readonly string[],
  chair: string,
  member: string,
): Promise<void> {
  const today = londonToday();
  const key = dates.find((d) => d >= today) ?? dates[dates.length - 1];
  const [occurrence]: Array<{ id: string }> = await m.query(
    `INSERT INTO meeting_occurrences (series_id, key, agenda_published_at, papers_due_at)
     VALUES ($1, $2, now(), ($2::date - 2)::timestamp AT TIME ZONE 'Europe/London' + interval '17 hours')
     RETURNING id`,
    [seriesId, key],
  );
  if (!occurrence) return;
  const items: Array<[string, string, string, number]> = [
    ['Updates from the local authorities', 'INFORM', chair, 20],
    ['Sharing practice: structured conversations with families before reviews', 'DISCUSS', member, 40],
    ['Transition to secondary: a shared checklist for the network', 'DISCUSS', member, 30],
    ['The network’s SEND priorities for next term', 'DECIDE', chair, 25],
  ];
  for (const [position, [title, purpose, presenter, minutes]] of items.entries()) {
    await m.query(
      `INSERT INTO meeting_agenda_items (occurrence_id, title, purpose, presenter_id, minutes, status, position, proposed_by)
       VALUES ($1, $2, $3, $4, $5, 'ACCEPTED', $6, $4)`,
      [occurrence.id, title, purpose, presenter, minutes, position],
    );
  }
}
