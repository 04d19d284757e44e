import { EntityManager } from 'typeorm';
import { Role } from '@lantern/shared-domain';
import { renderMarkdown } from '../common/markdown/render-markdown';

/** Forum categories and a few threads for the demo, written for it, with no pupil detail. */
export const FORUM_CATEGORIES: ReadonlyArray<{
  name: string;
  description: string;
  trust?: 'ACT' | 'CCT';
  roles?: Role[];
}> = [
  { name: 'EHCP requests: Essex', description: 'Evidence, timelines and what the Essex panel asks for.' },
  { name: 'EHCP requests: Thurrock', description: 'Requests, reviews and banding in Thurrock.' },
  { name: 'EHCP requests: Southend', description: 'Requests and annual reviews with Southend.' },
  { name: 'Funding and banding', description: 'Top-up funding, banding tables and chasing shortfalls.' },
  { name: 'Positive handling', description: 'Training, refreshers and de-escalation practice.' },
  { name: 'Transition', description: 'Moving between phases and schools.' },
  { name: 'SEND leads', description: 'For trust SEND leads only.', roles: [Role.TrustSendLead] },
  { name: 'Assisi staffroom', description: 'For staff of the Assisi Catholic Trust.', trust: 'ACT' },
];

interface DemoPost {
  author: string;
  body: string;
  anonymous?: boolean;
  replies?: DemoPost[];
  accepted?: boolean;
}

export const FORUM_THREADS: ReadonlyArray<
  DemoPost & { category: string; kind: 'QUESTION' | 'DISCUSSION'; title: string; tags: string[] }
> = [
  {
    category: 'EHCP requests: Essex',
    kind: 'QUESTION',
    title: 'How are you evidencing the graduated approach for Essex requests?',
    tags: ['ehcp', 'essex', 'graduated-approach'],
    author: 'senco.holy-family@demo.lantern.test',
    body: 'Our last request came back asking for **two full cycles** of assess, plan, do, review.\n\nWhat are you sending as evidence of each cycle? Do you attach provision maps or summarise them?',
    replies: [
      {
        author: 'senco.holy-cross@demo.lantern.test',
        accepted: true,
        body: 'We attach the provision map for each term with the review notes, plus a one-page summary of what changed between cycles. The panel told us the summary is what they read first.',
        replies: [
          {
            author: 'senco.holy-family@demo.lantern.test',
            body: 'That summary idea is really helpful, thank you. Would you share the template?',
          },
        ],
      },
      {
        author: 'send.lead@demo.lantern.test',
        body: 'The Essex guidance was updated this term: section 3 of the request form now asks for outcomes from the last two reviews.',
      },
    ],
  },
  {
    category: 'Funding and banding',
    kind: 'DISCUSSION',
    title: 'Thurrock hourly rate and the living wage: how are you covering the gap?',
    tags: ['funding', 'thurrock'],
    author: 'send.lead@demo.lantern.test',
    body: 'Thurrock funds support at **£11.30 an hour**, below the living wage once on-costs are added. How are schools covering the difference, and are you recording the shortfall anywhere?',
    replies: [
      {
        author: 'headteacher.holy-family@demo.lantern.test',
        body: 'We record it per band in our budget plan so trustees can see the total each term.',
      },
    ],
  },
  {
    category: 'Positive handling',
    kind: 'DISCUSSION',
    title: 'Refresher dates for the spring term',
    tags: ['training', 'positive-handling'],
    author: 'send.lead@demo.lantern.test',
    body: 'I can run short refreshers in school during the spring term. Reply with the weeks that suit you and how many staff need the refresher.',
  },
  {
    category: 'Transition',
    kind: 'QUESTION',
    title: 'What goes in your one-page profile for the move to secondary?',
    tags: ['transition', 'one-page-profile'],
    author: 'senco.st-josephs-act@demo.lantern.test',
    anonymous: true,
    body: 'I am reworking our one-page profile for the move to Year 7. What sections do secondary colleagues find most useful?',
    replies: [
      {
        author: 'headteacher.holy-family@demo.lantern.test',
        body: 'Ours has: what people like about me, what is important to me, and how best to support me, each in the pupil’s own words.',
      },
    ],
  },
  {
    category: 'Assisi staffroom',
    kind: 'DISCUSSION',
    title: 'Sharing our provision map template',
    tags: ['templates', 'provision-map'],
    author: 'trust.leader.assisi@demo.lantern.test',
    body: 'The trust provision map template is now in the library. Tell us here what works and what to change for next year.',
  },
];

export async function seedForum(
  m: EntityManager,
  userIds: Map<string, string>,
  trustIds: Map<string, string>,
): Promise<void> {
  const categoryIds = new Map<string, string>();
  for (const [i, c] of FORUM_CATEGORIES.entries()) {
    const [row] = await m.query(
      'INSERT INTO forum_categories (name, description, position, trust_id, roles) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [c.name, c.description, i + 1, c.trust ? trustIds.get(c.trust) : null, c.roles ?? null],
    );
    categoryIds.set(c.name, row.id);
  }
  for (const t of FORUM_THREADS) {
    const [thread] = await m.query(
      `INSERT INTO forum_threads (category_id, author_id, anonymous, kind, title, body, body_html, tags)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        categoryIds.get(t.category),
        userIds.get(t.author),
        !!t.anonymous,
        t.kind,
        t.title,
        t.body,
        renderMarkdown(t.body),
        t.tags,
      ],
    );
    let seq = 0;
    const addReplies = async (
      replies: readonly DemoPost[] | undefined,
      parent: { id: string; path: string; depth: number } | null,
    ) => {
      for (const r of replies ?? []) {
        seq++;
        const path = parent ? `${parent.path}.${String(seq).padStart(8, '0')}` : String(seq).padStart(8, '0');
        const [row] = await m.query(
          `INSERT INTO forum_replies (thread_id, parent_id, author_id, anonymous, body, body_html, path, depth)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            thread.id,
            parent?.id ?? null,
            userIds.get(r.author),
            !!r.anonymous,
            r.body,
            renderMarkdown(r.body),
            path,
            parent ? parent.depth + 1 : 0,
          ],
        );
        if (r.accepted)
          await m.query('UPDATE forum_threads SET accepted_reply_id = $2 WHERE id = $1', [thread.id, row.id]);
        await addReplies(r.replies, { id: row.id, path, depth: parent ? parent.depth + 1 : 0 });
      }
    };
    await addReplies(t.replies, null);
    await m.query('UPDATE forum_threads SET reply_seq = $2::bigint, reply_count = $2::int WHERE id = $1', [
      thread.id,
      seq,
    ]);
  }
}
