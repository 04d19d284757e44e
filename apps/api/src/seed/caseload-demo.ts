import type { EntityManager } from 'typeorm';
import {
  CaseConcern,
  CaseStatus,
  DatedConcern,
  SenNeed,
  SenStatus,
  londonToday,
  pupilReferenceProblem,
} from '@lantern/shared-domain';

/**
 * Demo caseloads: pseudonymous cases (initials and year group) for a few schools, sized from each
 * school's census (Holy Family Primary: 9 EHCPs and 31 on SEN support), with dated concerns, log notes
 * (one edited, so the earlier text shows) and actions, one of them overdue. Generated from a fixed
 * sequence, so every demo start has the same caseload; dates are counted from the day of seeding.
 */

/** Letters that read as initials, never as a name. */
const INITIALS = 'ABCDEFGHJKLMNPRSTW';
/** Needs in roughly the proportions a primary school reports (SLCN, SEMH and ASD lead). */
const NEEDS: SenNeed[] = [
  SenNeed.SLCN,
  SenNeed.SEMH,
  SenNeed.ASD,
  SenNeed.SLCN,
  SenNeed.MLD,
  SenNeed.SEMH,
  SenNeed.SpLD,
  SenNeed.ASD,
  SenNeed.SLCN,
  SenNeed.SEMH,
  SenNeed.OTH,
  SenNeed.MLD,
  SenNeed.PD,
  SenNeed.ASD,
  SenNeed.HI,
  SenNeed.SLCN,
];

export interface DemoCaseload {
  school: string;
  ehcp: number;
  senSupport: number;
  /** Year groups the school teaches. */
  years: readonly number[];
  /** The demo account that recorded the cases (the school's SENCO). */
  senco: string;
}

const PRIMARY = [0, 1, 2, 3, 4, 5, 6];

export const DEMO_CASELOADS: readonly DemoCaseload[] = [
  {
    school: 'ACT/Holy Family Primary',
    ehcp: 9,
    senSupport: 31,
    years: PRIMARY,
    senco: 'senco.holy-family@demo.lantern.test',
  },
  {
    school: "ACT/St Joseph's Primary",
    ehcp: 2,
    senSupport: 4,
    years: PRIMARY,
    senco: 'senco.st-josephs-act@demo.lantern.test',
  },
  {
    school: 'CCT/Holy Cross Primary',
    ehcp: 3,
    senSupport: 3,
    years: PRIMARY,
    senco: 'senco.holy-cross@demo.lantern.test',
  },
  {
    school: "MCT/St Bernadette's Primary",
    ehcp: 2,
    senSupport: 4,
    years: PRIMARY,
    senco: 'senco.st-bernadettes@demo.lantern.test',
  },
];

/** Log notes for the first cases of Holy Family Primary: [days ago, text]; a third item is an edit. */
export const DEMO_NOTES: ReadonlyArray<[number, string, string?]> = [
  [21, 'Met parents with the class teacher. Agreed a visual timetable and a movement break before phonics.'],
  [9, 'Speech and language therapy report received: targets added to the SEN support plan.'],
  [
    4,
    'Annual review meeting held; the local authority caseworker attended online.',
    'Annual review meeting held; the local authority caseworker attended online. Paperwork sent the same day.',
  ],
  [2, 'Two incidents at lunchtime this week. Midday supervisors briefed on the agreed calm-down space.'],
];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Concerns for the n-th case of a school: a few, with dates spread over the coming weeks. */
function concernsFor(n: number, ehcp: boolean, today: string): DatedConcern[] {
  if (ehcp && n % 3 === 0)
    return [{ kind: CaseConcern.AnnualReview, dueOn: addDays(today, 7 + n), note: null }];
  if (n === 4)
    return [{ kind: CaseConcern.EhcpRequest, dueOn: addDays(today, 30), note: 'Evidence pack in progress.' }];
  if (n === 7) return [{ kind: CaseConcern.SuspensionRisk, dueOn: null, note: null }];
  if (n === 10)
    return [{ kind: CaseConcern.AppealTribunal, dueOn: addDays(today, 45), note: 'Hearing booked.' }];
  if (n === 13)
    return [{ kind: CaseConcern.FundingShortfall, dueOn: null, note: 'Top-up below the band agreed.' }];
  return [];
}

export async function seedCaseloads(
  m: EntityManager,
  schoolIds: ReadonlyMap<string, string>,
  userIds: ReadonlyMap<string, string>,
): Promise<void> {
  const today = londonToday();
  const senco = userIds.get('senco.holy-family@demo.lantern.test')!;
  const head = userIds.get('headteacher.holy-family@demo.lantern.test')!;
  const lead = userIds.get('send.lead@demo.lantern.test')!;
  let seq = 0;
  for (const load of DEMO_CASELOADS) {
    const schoolId = schoolIds.get(load.school);
    if (!schoolId) throw new Error(`Demo caseload names an unknown school: ${load.school}`);
    const creator = userIds.get(load.senco)!;
    const caseIds: string[] = [];
    const used = new Set<string>();
    const total = load.ehcp + load.senSupport;
    for (let n = 0; n < total; n++) {
      seq++;
      const ehcp = n < load.ehcp;
      const year = load.years[(n * 3) % load.years.length]!;
      const yearLabel = year === 0 ? 'R' : `Y${year}`;
      let initials = `${INITIALS[(seq * 7) % INITIALS.length]}${INITIALS[(seq * 11 + 3) % INITIALS.length]}`;
      for (let k = 0; used.has(`${initials} ${yearLabel}`); k++)
        initials = initials.slice(0, 2) + INITIALS[(seq + k) % INITIALS.length];
      const reference = `${initials} ${yearLabel}`;
      used.add(reference);
      if (pupilReferenceProblem(reference)) throw new Error(`Demo reference refused: ${reference}`);
      const status =
        n % 11 === 9 ? CaseStatus.Monitoring : n === total - 1 ? CaseStatus.Closed : CaseStatus.Open;
      const senStatus = ehcp
        ? SenStatus.Ehcp
        : n === load.ehcp
          ? SenStatus.AssessmentRequested
          : SenStatus.SenSupport;
      const primary = !ehcp && n % 9 === 5 ? SenNeed.NSA : NEEDS[seq % NEEDS.length]!;
      const secondary =
        n % 4 === 1 && primary !== SenNeed.SEMH && primary !== SenNeed.NSA ? SenNeed.SEMH : null;
      const concerns = concernsFor(n, ehcp, today);
      const [row] = await m.query(
        `INSERT INTO cases (school_id, reference, year_group, year_group_on, sen_status, primary_need, secondary_need,
                            status, concerns, concern_kinds, next_concern_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::text[], $11, $12) RETURNING id`,
        [
          schoolId,
          reference,
          year,
          today,
          senStatus,
          primary,
          secondary,
          status,
          JSON.stringify(concerns),
          concerns.map((c) => c.kind),
          concerns
            .map((c) => c.dueOn)
            .filter(Boolean)
            .sort()[0] ?? null,
          creator,
        ],
      );
      caseIds.push(row.id);
    }
    if (!load.school.startsWith('ACT/Holy Family')) continue;
    for (const [i, [daysAgo, text, edited]] of DEMO_NOTES.entries()) {
      const caseId = caseIds[i]!;
      const [note] = await m.query(
        `INSERT INTO case_log_entries (case_id, note_id, version, happened_on, body, written_by)
         VALUES ($1, gen_random_uuid(), 1, $2, $3, $4) RETURNING note_id`,
        [caseId, addDays(today, -daysAgo), text, senco],
      );
      if (edited)
        await m.query(
          `INSERT INTO case_log_entries (case_id, note_id, version, happened_on, body, written_by)
           VALUES ($1, $2, 2, $3, $4, $5)`,
          [caseId, note.note_id, addDays(today, -daysAgo), edited, senco],
        );
    }
    const [school] = await m.query('SELECT trust_id FROM schools WHERE id = $1', [schoolId]);
    const actions: Array<[number, string, string, number]> = [
      [0, 'Send the updated one-page profile to the class teacher', senco, 5],
      [2, 'Return the annual review paperwork to the local authority', senco, -3],
      [4, 'Gather evidence for the EHC needs assessment request', head, 14],
      [10, 'Prepare the case summary for the tribunal bundle', lead, 21],
    ];
    for (const [i, title, owner, inDays] of actions) {
      await m.query(
        `INSERT INTO actions (source_kind, source_id, school_id, trust_id, title, owner_id, due_on, created_by)
         VALUES ('CASE', $1, $2, $3, $4, $5, $6, $7)`,
        [caseIds[i], schoolId, school.trust_id, title, owner, addDays(today, inDays), senco],
      );
    }
  }
}
