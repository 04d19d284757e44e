import { TestBed } from '@angular/core/testing';
import { NeedArea, Phase, ResourceKind, ResourceStatus, Role, ShareScope } from '@lantern/shared-domain';
import { LoginDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, viewer } from '../../../../testing/fake-client';
import { settle } from '../../../../testing/fake-socket';
import { Session } from '../../../core/session';
import type { Resource } from '../resource.page';

/** A SENCO of Holy Family Primary (Assisi) who may use and publish in the library and write drafts. */
export const SENCO_PERMISSIONS = ['directory.read', 'library.use', 'library.publish', 'case.data'];

export async function signInAs(
  client: FakeGraphqlClient,
  permissions: string[] = SENCO_PERMISSIONS,
  memberships: Parameters<typeof viewer>[1] = [{ role: Role.Senco, schoolId: 's-hf' }],
): Promise<void> {
  client.on(LoginDocument, { login: viewer(permissions, memberships) });
  await TestBed.inject(Session).signIn('a@b.test', 'pw');
}

export const SECTIONS = [
  {
    key: 'A',
    title: 'Views, interests and aspirations',
    guidance: 'Use the **pupil voice**.',
    guidanceHtml: '<p>Use the <strong>pupil voice</strong>.</p>',
    prompts: ['What do they enjoy?'],
  },
  {
    key: 'B',
    title: 'Special educational needs',
    guidance: 'Describe needs, not diagnoses.',
    guidanceHtml: '<p>Describe needs, not diagnoses.</p>',
    prompts: ['Which area of need is primary?', 'What assessments were used?'],
  },
];

export function resource(overrides: Partial<Resource> = {}): Resource {
  return {
    id: 'r-1',
    kind: ResourceKind.Template,
    title: 'EHCP request template (Essex)',
    summary: 'Sections A to K with Essex guidance.',
    needAreas: [NeedArea.CommunicationInteraction],
    phases: [Phase.Primary],
    tags: ['ehcp', 'essex'],
    shareScope: ShareScope.Network,
    status: ResourceStatus.Published,
    updatedAt: '2026-03-01T10:00:00Z',
    lastReviewedAt: '2026-02-01T10:00:00Z',
    reviewDueAt: '2027-02-01T10:00:00Z',
    reviewOverdue: false,
    downloadCount: 4,
    endorsementCount: 2,
    commentCount: 0,
    adoptionCount: 0,
    snippetHtml: null,
    localAuthority: { id: 'la-essex', name: 'Essex' },
    createdAt: '2026-01-01T10:00:00Z',
    versionCount: 2,
    canManage: false,
    endorsedByViewer: false,
    bookmarkedByViewer: false,
    trust: null,
    school: null,
    owner: { id: 'u-owner', displayName: 'Trust SEND lead, Assisi' },
    lastReviewedBy: { id: 'u-owner', displayName: 'Trust SEND lead, Assisi' },
    baseResource: null,
    variants: [],
    usedByTrusts: [],
    adoptableForTrusts: [],
    currentVersion: {
      id: 'v-2',
      number: 2,
      title: 'EHCP request template (Essex)',
      summary: 'Sections A to K with Essex guidance.',
      changeNote: 'Essex panel wording',
      createdAt: '2026-03-01T10:00:00Z',
      restoredFrom: null,
      isCurrent: true,
      author: { id: 'u-owner', displayName: 'Trust SEND lead, Assisi' },
      bodyMd: '# Use\n\nFill each section.',
      bodyHtml: '<h3>Use</h3><p>Fill each section.</p><img src="x" onerror="window.__xss=1">',
      ehcpSections: SECTIONS,
      files: [
        {
          id: 'f-1',
          name: 'Essex panel form.docx',
          sizeBytes: 20480,
          mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          downloadUrl: '/files/f-1',
        },
      ],
    },
    ...overrides,
  } as Resource;
}

/** Let promises settle and the view catch up. */
export async function stable(fixture: {
  detectChanges(): void;
  whenStable(): Promise<unknown>;
}): Promise<void> {
  await settle();
  fixture.detectChanges();
  await fixture.whenStable();
  await settle();
  fixture.detectChanges();
}

export function buttonByText(root: ParentNode, text: string | RegExp): HTMLButtonElement | undefined {
  return Array.from(root.querySelectorAll<HTMLButtonElement>('button, a')).find((b) => {
    const t = b.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return typeof text === 'string' ? t === text : text.test(t);
  }) as HTMLButtonElement | undefined;
}
