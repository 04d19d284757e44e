import { tz } from '@date-fns/tz';
import { subMonths } from 'date-fns';
import { EntityManager } from 'typeorm';
import {
  EHCP_SECTION_TITLES,
  EhcpSectionKey,
  EhcpTemplateSection,
  NeedArea,
  Phase,
  ResourceKind,
  ResourceStatus,
  ShareScope,
  nextReviewDue,
} from '@lantern/shared-domain';
import { renderMarkdown } from '../common/markdown/render-markdown';

/**
 * Library demo content, written for the demo (no pupil detail): an EHCP request template with
 * sections A to K and an Essex variant, a one-page profile, a provision map, a positive handling
 * policy, guides, an Essex toolkit and one trust adoption.
 */

const SENCO_HF = 'senco.holy-family@demo.lantern.test';
const SENCO_HC = 'senco.holy-cross@demo.lantern.test';
const SEND_LEAD = 'send.lead@demo.lantern.test';

type Guidance = Record<EhcpSectionKey, { guidance: string; prompts: string[] }>;

const BASE_SECTIONS: Guidance = {
  A: {
    guidance:
      'Write in the first person where you can, using the words the child and family used. Record **how** their views were gathered (conversation, drawings, a trusted adult) and when.',
    prompts: [
      'What does the child enjoy and what are they good at?',
      'What do the child and family hope for in the next year, and in the longer term?',
      'What helps, and what makes things harder, in the child’s own words?',
    ],
  },
  B: {
    guidance:
      'Describe needs under the four broad areas. Each need should be specific enough that Section F can meet it. Avoid diagnoses standing in for needs.',
    prompts: [
      'Communication and interaction: what does the child find hard, and when?',
      'Cognition and learning: current attainment and rate of progress against age-related expectations.',
      'Social, emotional and mental health: patterns observed, triggers and what helps.',
      'Sensory and/or physical: the impact on access to learning.',
    ],
  },
  C: {
    guidance:
      'Only health needs that relate to the special educational needs. Summarise reports and name their dates.',
    prompts: [
      'Which health professionals are involved?',
      'How does the health need affect learning in school?',
    ],
  },
  D: {
    guidance:
      'Social care needs relating to the SEN or a disability. Write “None identified” when there are none.',
    prompts: ['Is there an assessment by children’s social care?', 'What support does the family receive?'],
  },
  E: {
    guidance:
      'Outcomes are the difference the provision will make, not the provision itself. Make them specific, measurable, achievable, relevant and time-bound, and link each to a need in Section B.',
    prompts: [
      'By the end of the key stage, what will the child be able to do?',
      'What are the steps towards it for the next twelve months?',
    ],
  },
  F: {
    guidance:
      'Provision must be **specific and quantified**: who delivers it, how often, for how long and in what group size. “Access to” and “opportunities for” are not provision.',
    prompts: [
      'For each need in Section B, what provision meets it?',
      'Hours of adult support, the qualification or training of the adult, and group size.',
      'Which therapies are educational provision and by whom are they delivered?',
    ],
  },
  G: {
    guidance: 'Health provision reasonably required by the learning difficulties or disabilities.',
    prompts: ['Which health services provide what, and how often?'],
  },
  H: {
    guidance:
      'H1 is provision under the Chronically Sick and Disabled Persons Act 1970; H2 is other social care provision.',
    prompts: [
      'Is any social care provision needed in school hours?',
      'Short breaks or respite arrangements.',
    ],
  },
  I: {
    guidance: 'Left blank in the request: the local authority names the placement in the final plan.',
    prompts: ['Which settings have the family visited or expressed a preference for?'],
  },
  J: {
    guidance: 'Only if the family requests a personal budget. Explain what it would fund.',
    prompts: ['Has the family asked about a personal budget or direct payments?'],
  },
  K: {
    guidance:
      'List every piece of advice with its author’s role and date. Attach reports rather than quoting at length.',
    prompts: [
      'Educational psychology advice',
      'Health advice',
      'Social care advice',
      'School’s own advice and evidence',
    ],
  },
};

const ESSEX_CHANGES: Partial<Guidance> = {
  A: {
    guidance:
      'Essex asks for a **one-page profile** to accompany Section A. Record the family’s views on the Essex “All About Me” headings and how they were gathered.',
    prompts: [
      'What people like and admire about the child.',
      'What is important to the child now and in the future.',
      'How best to support the child, in the family’s words.',
    ],
  },
  E: {
    guidance:
      'Essex groups outcomes under the Preparing for Adulthood headings (education and employment, independent living, friends and community, good health) from Year 9, and expects each outcome to name the need in Section B it answers.',
    prompts: [
      'Which Preparing for Adulthood heading does each outcome sit under?',
      'Which Section B need does each outcome answer?',
    ],
  },
  F: {
    guidance:
      'Essex panels look for **two full cycles** of assess, plan, do, review before a request. Attach the provision map for each term with its review and quantify provision in hours per week.',
    prompts: [
      'The provision map for each of the last two cycles, with review notes.',
      'Hours per week of additional adult support and the funding already used.',
      'What changed between the two cycles and why.',
    ],
  },
};

function sections(changes: Partial<Guidance> = {}): EhcpTemplateSection[] {
  return (Object.keys(BASE_SECTIONS) as EhcpSectionKey[]).map((key) => ({
    key,
    title: EHCP_SECTION_TITLES[key],
    ...(changes[key] ?? BASE_SECTIONS[key]),
  }));
}

interface DemoVersion {
  body: string;
  note: string;
  author?: string;
  summary?: string;
  ehcp?: EhcpTemplateSection[];
}

interface DemoResource {
  key: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  needAreas: NeedArea[];
  phases: Phase[];
  la?: 'Essex' | 'Thurrock' | 'Southend';
  tags: string[];
  scope: ShareScope;
  trust?: 'ACT' | 'CCT';
  school?: { trust: 'ACT' | 'CCT'; name: string };
  owner: string;
  base?: string;
  versions: DemoVersion[];
  reviewedMonthsAgo?: number;
  endorsedBy?: string[];
}

const ALL_AREAS = Object.values(NeedArea);

const EHCP_BODY_V1 = `Use this template to prepare a request for an EHC needs assessment. Each section below has guidance and prompts; write your school's evidence under each heading.

## Before you start
- Check the local authority's own request form: some ask for extra sections (see the local-authority variants).
- Gather the last two assess, plan, do, review cycles.
- Agree with the family how their views will be recorded.

## Evidence to attach
- Provision maps with review notes
- Reports from professionals, with dates
`;

const EHCP_BODY_V2 = EHCP_BODY_V1.replace(
  '- Reports from professionals, with dates\n',
  '- Reports from professionals, with dates\n- Costed provision: hours of adult support and any top-up funding already received\n',
);

export const LIBRARY_DEMO: readonly DemoResource[] = [
  {
    key: 'ehcp',
    kind: ResourceKind.Template,
    title: 'EHCP request template',
    summary:
      'A structured template for requesting an EHC needs assessment, with guidance and prompts for sections A to K.',
    needAreas: ALL_AREAS,
    phases: [Phase.Primary, Phase.Secondary],
    tags: ['ehcp', 'ehcp-request', 'template'],
    scope: ShareScope.Network,
    owner: SEND_LEAD,
    versions: [
      { body: EHCP_BODY_V1, note: 'First version', ehcp: sections() },
      {
        body: EHCP_BODY_V2,
        note: 'Evidence list: added costed provision, which panels now ask for',
        ehcp: sections(),
      },
    ],
    reviewedMonthsAgo: 2,
    endorsedBy: [SENCO_HF, SENCO_HC],
  },
  {
    key: 'ehcp-essex',
    kind: ResourceKind.Template,
    title: 'EHCP request template — Essex',
    summary:
      'The network EHCP request template adapted to what Essex asks for: a one-page profile with Section A, Preparing for Adulthood outcomes and two cycles of evidence.',
    needAreas: ALL_AREAS,
    phases: [Phase.Primary, Phase.Secondary],
    la: 'Essex',
    tags: ['ehcp', 'ehcp-request', 'essex', 'template'],
    scope: ShareScope.Network,
    owner: SENCO_HF,
    base: 'ehcp',
    versions: [
      {
        body: `${EHCP_BODY_V2}\n## Essex\nEssex requests go through the SEND portal. The panel reads the one-page profile and the provision maps first.\n`,
        note: 'Essex variant of the network template',
        ehcp: sections(ESSEX_CHANGES),
      },
    ],
    reviewedMonthsAgo: 1,
    endorsedBy: [SEND_LEAD],
  },
  {
    key: 'profile',
    kind: ResourceKind.Template,
    title: 'One-page profile template',
    summary:
      'What people appreciate about the pupil, what matters to them and how best to support them, on one page.',
    needAreas: [NeedArea.CommunicationInteraction, NeedArea.Semh],
    phases: [Phase.Infant, Phase.Primary, Phase.Secondary],
    tags: ['one-page-profile', 'pupil-voice', 'template'],
    scope: ShareScope.Network,
    owner: SENCO_HC,
    versions: [
      {
        body: `## What people like and admire about me\n_Three or four strengths, in the words of people who know the pupil well._\n\n## What is important to me\n_Interests, people, routines; in the pupil's own words where possible._\n\n## How best to support me\n_Specific, practical strategies that work; what to avoid._\n\nKeep it to one page, review it each term and share it with every adult who works with the pupil.`,
        note: 'First version',
      },
    ],
  },
  {
    key: 'provision-map',
    kind: ResourceKind.Template,
    title: 'Provision map template',
    summary:
      'A termly map of additional and different provision: the need it meets, group size, frequency, staff, cost and impact.',
    needAreas: ALL_AREAS,
    phases: [Phase.Primary],
    tags: ['provision-map', 'graduated-approach', 'template'],
    scope: ShareScope.Trust,
    trust: 'ACT',
    owner: SENCO_HF,
    versions: [
      {
        body: `| Need area | Provision | Group size | Frequency | Staff | Cost per term | Impact at review |\n| --- | --- | --- | --- | --- | --- | --- |\n| Cognition and learning | Precision teaching (reading) | 1:1 | 3 x 10 min a week | TA | | |\n| Communication and interaction | Language group | 1:4 | 2 x 30 min a week | TA trained in the programme | | |\n\nReview each line at the end of term: keep, change or stop. The review notes become evidence of assess, plan, do, review.`,
        note: 'First version',
      },
    ],
    endorsedBy: [SEND_LEAD],
  },
  {
    key: 'positive-handling',
    kind: ResourceKind.Policy,
    title: 'Positive handling policy template',
    summary:
      'A model positive handling policy: de-escalation first, reasonable force as a last resort, recording and reporting, and support afterwards.',
    needAreas: [NeedArea.Semh],
    phases: [Phase.Primary, Phase.Secondary, Phase.AllThrough, Phase.Special],
    tags: ['positive-handling', 'policy', 'behaviour'],
    scope: ShareScope.Network,
    owner: SEND_LEAD,
    versions: [
      {
        body: `## Purpose\nThis policy sets out how staff support pupils whose behaviour puts themselves or others at risk, with de-escalation first and physical intervention only as a last resort.\n\n## Principles\n- Every pupil at risk of physical intervention has a positive handling plan, agreed with the family.\n- Only trained staff use restrictive physical intervention, and only for as long as necessary.\n\n## Recording and reporting\nEvery incident is recorded on the day, and parents are told the same day.\n\n## After an incident\nA debrief for the pupil and the staff involved, and a review of the plan.`,
        note: 'First version',
      },
    ],
    reviewedMonthsAgo: 13,
  },
  {
    key: 'graduated-guide',
    kind: ResourceKind.Guide,
    title: 'Evidencing the graduated approach',
    summary: 'How to show two cycles of assess, plan, do, review in an EHCP request.',
    needAreas: ALL_AREAS,
    phases: [Phase.Primary, Phase.Secondary],
    tags: ['graduated-approach', 'ehcp'],
    scope: ShareScope.Network,
    owner: SENCO_HC,
    versions: [
      {
        body: `## Assess\nRecord baseline assessments with dates.\n\n## Plan\nSet outcomes and the provision that will meet them.\n\n## Do\nDeliver the provision and keep attendance records for each intervention.\n\n## Review\nCompare progress with the baseline and decide what changes. Two full cycles are usually expected before a request.`,
        note: 'First version',
      },
    ],
  },
  {
    key: 'smart-guide',
    kind: ResourceKind.Guide,
    title: 'Writing SMART outcomes',
    summary:
      'Outcomes that are specific, measurable, achievable, relevant and time-bound, with worked examples.',
    needAreas: [NeedArea.CognitionLearning, NeedArea.CommunicationInteraction],
    phases: [Phase.Primary, Phase.Secondary],
    tags: ['outcomes', 'ehcp'],
    scope: ShareScope.Network,
    owner: SEND_LEAD,
    versions: [
      {
        body: `An outcome is the difference provision makes. Compare:\n\n- _Will have access to a reading intervention._ (provision, not an outcome)\n- **By the end of Year 4, will read a Year 3 text aloud at 90 words a minute with 95% accuracy.**\n\nLink every outcome to a need in Section B and to the provision in Section F.`,
        note: 'First version',
      },
    ],
  },
  {
    key: 'annual-review-checklist',
    kind: ResourceKind.Form,
    title: 'Annual review checklist — Holy Family',
    summary: 'Our school’s checklist for preparing and running EHCP annual reviews.',
    needAreas: ALL_AREAS,
    phases: [Phase.Primary],
    tags: ['annual-review', 'checklist'],
    scope: ShareScope.School,
    school: { trust: 'ACT', name: 'Holy Family Primary' },
    owner: SENCO_HF,
    versions: [
      {
        body: `- [ ] Invitations sent six weeks ahead\n- [ ] Advice requested from professionals\n- [ ] Pupil views gathered\n- [ ] Report to the local authority within two weeks of the meeting`,
        note: 'First version',
      },
    ],
  },
  {
    key: 'toolkit-essex',
    kind: ResourceKind.Toolkit,
    title: 'EHCP request toolkit — Essex',
    summary: 'Everything for an Essex EHCP request, in the order you need it.',
    needAreas: ALL_AREAS,
    phases: [Phase.Primary, Phase.Secondary],
    la: 'Essex',
    tags: ['ehcp', 'essex', 'toolkit'],
    scope: ShareScope.Network,
    owner: SEND_LEAD,
    versions: [
      {
        body: 'Work through these in order: gather two cycles of evidence, write the one-page profile, then complete the Essex template.',
        note: 'First version',
      },
    ],
  },
];

const TOOLKIT_ITEMS: ReadonlyArray<{ key: string; note: string }> = [
  { key: 'graduated-guide', note: 'Start here: the evidence Essex expects.' },
  { key: 'provision-map', note: 'One map per term, with review notes.' },
  { key: 'profile', note: 'Sent with Section A.' },
  { key: 'smart-guide', note: 'For Section E.' },
  { key: 'ehcp-essex', note: 'The request itself.' },
];

/** `n` months before now on the UTC calendar (clamped to the month's end, like review dates). */
const monthsAgo = (n: number) => new Date(subMonths(new Date(), n, { in: tz('UTC') }).getTime());

export async function seedLibrary(m: EntityManager, userIds: Map<string, string>): Promise<void> {
  const trusts: Array<{ id: string; short_name: string }> = await m.query(
    'SELECT id, short_name FROM trusts',
  );
  const las: Array<{ id: string; name: string }> = await m.query('SELECT id, name FROM local_authorities');
  const schools: Array<{ id: string; name: string; short_name: string }> = await m.query(
    'SELECT s.id, s.name, t.short_name FROM schools s JOIN trusts t ON t.id = s.trust_id',
  );
  const trustId = (short: string) => trusts.find((t) => t.short_name === short)!.id;
  const user = (email: string) => {
    const id = userIds.get(email);
    if (!id) throw new Error(`Library demo names an unknown account: ${email}`);
    return id;
  };
  const ids = new Map<string, string>();
  for (const r of LIBRARY_DEMO) {
    const school = r.school
      ? schools.find((s) => s.short_name === r.school!.trust && s.name === r.school!.name)!
      : null;
    const reviewedAt = r.reviewedMonthsAgo !== undefined ? monthsAgo(r.reviewedMonthsAgo) : null;
    const reviewDue = nextReviewDue(reviewedAt ?? new Date());
    const [row] = await m.query(
      `INSERT INTO library_resources (kind, title, summary, need_areas, phases, local_authority_id, tags, share_scope, trust_id,
                                      school_id, status, owner_id, base_resource_id, last_reviewed_at, last_reviewed_by, review_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        r.kind,
        r.title,
        r.summary,
        r.needAreas,
        r.phases,
        r.la ? las.find((l) => l.name === r.la)!.id : null,
        r.tags,
        r.scope,
        school ? trustId(school.short_name) : r.trust ? trustId(r.trust) : null,
        school?.id ?? null,
        ResourceStatus.Published,
        user(r.owner),
        r.base ? ids.get(r.base)! : null,
        reviewedAt,
        reviewedAt ? user(r.owner) : null,
        reviewDue,
      ],
    );
    ids.set(r.key, row.id);
    for (const [i, v] of r.versions.entries()) {
      const [version] = await m.query(
        `INSERT INTO library_resource_versions (resource_id, number, title, summary, body_md, body_html, change_note, author_id, ehcp_sections)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) RETURNING id`,
        [
          row.id,
          i + 1,
          r.title,
          v.summary ?? r.summary,
          v.body,
          renderMarkdown(v.body),
          v.note,
          user(v.author ?? r.owner),
          v.ehcp ? JSON.stringify(v.ehcp) : null,
        ],
      );
      await m.query(
        'UPDATE library_resources SET current_version_id = $2, version_count = $3 WHERE id = $1',
        [row.id, version.id, i + 1],
      );
    }
    for (const email of r.endorsedBy ?? []) {
      await m.query('INSERT INTO library_endorsements (resource_id, user_id) VALUES ($1, $2)', [
        row.id,
        user(email),
      ]);
    }
    if (r.endorsedBy?.length)
      await m.query('UPDATE library_resources SET endorsement_count = $2 WHERE id = $1', [
        row.id,
        r.endorsedBy.length,
      ]);
  }
  for (const [position, item] of TOOLKIT_ITEMS.entries()) {
    await m.query(
      'INSERT INTO library_toolkit_items (toolkit_id, resource_id, position, note) VALUES ($1, $2, $3, $4)',
      [ids.get('toolkit-essex'), ids.get(item.key), position, item.note],
    );
  }
  await m.query(
    `INSERT INTO library_adoptions (resource_id, trust_id, notes, adopted_by) VALUES ($1, $2, $3, $4)`,
    [
      ids.get('ehcp'),
      trustId('ACT'),
      'Adopted for all Assisi schools from this term. Send drafts to the SEND lead for a read-through before submission.',
      user(SEND_LEAD),
    ],
  );
  await m.query('UPDATE library_resources SET adoption_count = 1 WHERE id = $1', [ids.get('ehcp')]);
  await m.query('INSERT INTO library_bookmarks (user_id, resource_id) VALUES ($1, $2)', [
    user(SENCO_HC),
    ids.get('toolkit-essex'),
  ]);
}
