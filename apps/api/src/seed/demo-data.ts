import { FundingUnit, Phase, Role } from '@lantern/shared-domain';

/**
 * Demo network built from the workshop document ("The SEND Challenge: a collaborative CMAT
 * solution"): two trusts, sixteen schools with their roll, EHCP and SEN support counts exactly as in
 * its table (plus a small invented third trust, see TRUSTS), three local authorities with their banding tables, and the national averages.
 *
 * The document names the local authority of three schools (St Joseph's ACT: Essex; Sacred Heart:
 * Southend; Holy Cross: Thurrock). The others are placed by their towns along the Thames estuary for
 * the demo; correct them in the app once real data is loaded.
 */
export const DEMO_NETWORK = 'Thames Catholic SEND Network';
export const DEMO_CENSUS_DATE = '2025-01-16';
export const DEMO_PASSWORD = 'lantern-demo-2026';

export const LOCAL_AUTHORITIES: ReadonlyArray<{
  name: string;
  unit: FundingUnit;
  bands: ReadonlyArray<[label: string, pounds: number]>;
}> = [
  {
    name: 'Thurrock',
    unit: FundingUnit.Hours,
    bands: [
      ['2.5 hours', 975],
      ['5 hours', 1955],
      ['7.5 hours', 2925],
      ['10 hours', 4120],
      ['12.5 hours', 4875],
      ['15 hours', 6075],
      ['17.5 hours', 7450],
      ['20 hours', 8240],
    ],
  },
  {
    name: 'Essex',
    unit: FundingUnit.Band,
    bands: [
      ['Band 1', 1800],
      ['Band 2', 2700],
      ['Band 3', 4800],
      ['Band 4', 7500],
      ['Band 4+', 8000],
      ['Band 5', 10000],
      ['Band 6', 15000],
      ['Band 7', 20000],
      ['Band 8', 25000],
      ['Band 9', 30000],
      ['Band 10', 40000],
    ],
  },
  {
    name: 'Southend',
    unit: FundingUnit.Band,
    bands: [
      ['Band 1', 2065],
      ['Band 2', 3602],
      ['Band 3', 5034],
      ['Band 4', 7889],
      ['Band 5', 8703],
      ['Band 6', 10195],
      ['Band 7', 11638],
      ['Band 8', 13124],
      ['Band 9', 14238],
      ['Band 10', 18163],
    ],
  },
];

/** National averages (percent), from the workshop's comparison table. */
export const NATIONAL_AVERAGES = [
  { phase: 'PRIMARY', ehcp: 3.5, senSupport: 14.8 },
  { phase: 'SECONDARY', ehcp: 3.1, senSupport: 13.4 },
] as const;

export interface DemoSchool {
  name: string;
  phase: Phase;
  la: 'Thurrock' | 'Essex' | 'Southend';
  roll: number;
  ehcp: number;
  senSupport: number;
}

export const TRUSTS: ReadonlyArray<{ name: string; shortName: string; schools: DemoSchool[] }> = [
  {
    name: 'Assisi Catholic Trust',
    shortName: 'ACT',
    schools: [
      { name: 'Holy Family Primary', phase: Phase.Primary, la: 'Essex', roll: 212, ehcp: 9, senSupport: 31 },
      {
        name: 'Our Lady of Lourdes Primary',
        phase: Phase.Primary,
        la: 'Southend',
        roll: 457,
        ehcp: 4,
        senSupport: 61,
      },
      {
        name: 'Our Lady of Ransom Primary',
        phase: Phase.Primary,
        la: 'Essex',
        roll: 421,
        ehcp: 6,
        senSupport: 66,
      },
      {
        name: 'Sacred Heart Primary',
        phase: Phase.Primary,
        la: 'Southend',
        roll: 429,
        ehcp: 16,
        senSupport: 48,
      },
      {
        name: "St George's Primary",
        phase: Phase.Primary,
        la: 'Southend',
        roll: 209,
        ehcp: 7,
        senSupport: 38,
      },
      {
        name: "St Helen's Primary",
        phase: Phase.Primary,
        la: 'Southend',
        roll: 419,
        ehcp: 10,
        senSupport: 65,
      },
      { name: "St Joseph's Primary", phase: Phase.Primary, la: 'Essex', roll: 192, ehcp: 8, senSupport: 26 },
      { name: "St Teresa's Primary", phase: Phase.Primary, la: 'Essex', roll: 197, ehcp: 8, senSupport: 28 },
      {
        name: 'St Thomas More High School',
        phase: Phase.Secondary,
        la: 'Southend',
        roll: 1206,
        ehcp: 56,
        senSupport: 98,
      },
    ],
  },
  {
    name: 'Christus Catholic Trust',
    shortName: 'CCT',
    schools: [
      {
        name: 'Holy Cross Primary',
        phase: Phase.Primary,
        la: 'Thurrock',
        roll: 218,
        ehcp: 23,
        senSupport: 23,
      },
      { name: 'St Anne Line Infants', phase: Phase.Infant, la: 'Essex', roll: 261, ehcp: 5, senSupport: 29 },
      {
        name: "St Joseph's Primary",
        phase: Phase.Primary,
        la: 'Thurrock',
        roll: 194,
        ehcp: 12,
        senSupport: 31,
      },
      {
        name: "St Mary's Primary",
        phase: Phase.Primary,
        la: 'Thurrock',
        roll: 229,
        ehcp: 11,
        senSupport: 29,
      },
      { name: "St Peter's Primary", phase: Phase.Primary, la: 'Essex', roll: 419, ehcp: 9, senSupport: 47 },
      { name: "St Teresa's Primary", phase: Phase.Primary, la: 'Essex', roll: 219, ehcp: 10, senSupport: 20 },
      {
        name: "St Thomas' Primary",
        phase: Phase.Primary,
        la: 'Thurrock',
        roll: 533,
        ehcp: 20,
        senSupport: 100,
      },
    ],
  },
  /**
   * Not in the workshop document: a small third trust invented for the demo, with its own SEND lead
   * and SENCO, so that "another trust's SEND lead is refused" can be seen and tested.
   */
  {
    name: 'Magnificat Catholic Trust',
    shortName: 'MCT',
    schools: [
      { name: "St Bernadette's Primary", phase: Phase.Primary, la: 'Southend', roll: 236, ehcp: 6, senSupport: 30 },
      { name: "St Cedd's Primary", phase: Phase.Primary, la: 'Essex', roll: 315, ehcp: 7, senSupport: 41 },
    ],
  },
];

/** One account per role, named by role. `scope` is a trust short name, or "trust short name/school name". */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  name: string;
  grants: ReadonlyArray<{ role: Role; scope?: string }>;
}> = [
  { email: 'network.admin@demo.lantern.test', name: 'Network admin', grants: [{ role: Role.NetworkAdmin }] },
  {
    email: 'send.lead@demo.lantern.test',
    name: 'Head of SEND and Inclusion (both trusts)',
    grants: [
      { role: Role.TrustSendLead, scope: 'ACT' },
      { role: Role.TrustSendLead, scope: 'CCT' },
    ],
  },
  {
    email: 'trust.leader.assisi@demo.lantern.test',
    name: 'CSEL, Assisi Catholic Trust',
    grants: [{ role: Role.TrustLeader, scope: 'ACT' }],
  },
  {
    email: 'trust.leader.christus@demo.lantern.test',
    name: 'CSEL, Christus Catholic Trust',
    grants: [{ role: Role.TrustLeader, scope: 'CCT' }],
  },
  {
    email: 'headteacher.holy-family@demo.lantern.test',
    name: 'Headteacher, Holy Family Primary',
    grants: [{ role: Role.Headteacher, scope: 'ACT/Holy Family Primary' }],
  },
  {
    email: 'senco.holy-family@demo.lantern.test',
    name: 'SENCO, Holy Family Primary',
    grants: [{ role: Role.Senco, scope: 'ACT/Holy Family Primary' }],
  },
  {
    email: 'senco.st-josephs-act@demo.lantern.test',
    name: "SENCO, St Joseph's Primary (Assisi)",
    grants: [{ role: Role.Senco, scope: "ACT/St Joseph's Primary" }],
  },
  {
    email: 'senco.holy-cross@demo.lantern.test',
    name: 'SENCO, Holy Cross Primary',
    grants: [{ role: Role.Senco, scope: 'CCT/Holy Cross Primary' }],
  },
  {
    email: 'send.lead.magnificat@demo.lantern.test',
    name: 'Head of SEND, Magnificat Catholic Trust',
    grants: [{ role: Role.TrustSendLead, scope: 'MCT' }],
  },
  {
    email: 'senco.st-bernadettes@demo.lantern.test',
    name: "SENCO, St Bernadette's Primary",
    grants: [{ role: Role.Senco, scope: "MCT/St Bernadette's Primary" }],
  },
  {
    email: 'staff.holy-family@demo.lantern.test',
    name: 'Teaching assistant, Holy Family Primary',
    grants: [{ role: Role.Staff, scope: 'ACT/Holy Family Primary' }],
  },
];
