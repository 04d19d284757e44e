import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { Role } from '@lantern/shared-domain';
import {
  EndorseResourceDocument,
  LibraryResourceDocument,
  ResourceCommentsDocument,
  ResourceVersionDocument,
  ResourceVersionsDocument,
} from '@lantern/web-graphql';
import { FakeGraphqlClient, apiError, provideFakeClient } from '../../../testing/fake-client';
import { ResourcePage } from './resource.page';
import { type Resource } from './resource.page';
import { SECTIONS, buttonByText, resource, signInAs, stable } from './testing/library-fixtures';

const EMPTY_PAGE = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

async function render(
  r: Resource | null,
  opts: {
    permissions?: string[];
    memberships?: Parameters<typeof signInAs>[2];
    baseSections?: typeof SECTIONS;
  } = {},
) {
  let current = r;
  const client = new FakeGraphqlClient()
    .on(LibraryResourceDocument, () => {
      if (!current) throw apiError('NOT_FOUND', 'Not found.');
      return { libraryResource: current };
    })
    .on(ResourceVersionsDocument, { resourceVersions: EMPTY_PAGE })
    .on(ResourceCommentsDocument, { resourceComments: EMPTY_PAGE })
    .on(ResourceVersionDocument, {
      resourceVersion: {
        ...resource().currentVersion,
        ehcpSections: opts.baseSections ?? SECTIONS.slice(0, 1),
      },
    })
    .on(EndorseResourceDocument, (vars) => {
      current = {
        ...current!,
        endorsedByViewer: !!vars['endorsed'],
        endorsementCount: current!.endorsementCount + 1,
      };
      return { endorseResource: current };
    });
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      { provide: LiveAnnouncer, useValue: { announce: vi.fn() } },
      { provide: MatSnackBar, useValue: { open: vi.fn() } },
    ],
  });
  await signInAs(client, opts.permissions, opts.memberships);
  const fixture = TestBed.createComponent(ResourcePage);
  fixture.componentRef.setInput('id', 'r-1');
  fixture.detectChanges();
  await stable(fixture);
  await stable(fixture);
  return { fixture, el: fixture.nativeElement as HTMLElement, client };
}

describe('Resource page', () => {
  it('renders the body sanitised, the files as downloads, and the details', async () => {
    const { el } = await render(resource());
    expect(el.querySelector('h1')?.textContent).toContain('EHCP request template (Essex)');
    const body = el.querySelector('lan-post-body')!;
    expect(body.querySelector('h3')?.textContent).toBe('Use');
    expect(body.querySelector('[onerror]')).toBeNull();
    const link = el.querySelector<HTMLAnchorElement>('.files a')!;
    expect(link.getAttribute('href')).toBe('/files/f-1');
    expect(link.hasAttribute('download')).toBe(true);
    expect(el.querySelector('.files')?.textContent).toContain('20 KB');
    const details = el.querySelector('aside.details')!.textContent!;
    expect(details).toContain('Shared with the whole network');
    expect(details).toContain('Essex');
    expect(details).toContain('Communication and interaction');
    expect(details).toContain('by Trust SEND lead, Assisi');
    expect(details).toContain('No trust has adopted it yet.');
  });

  it('toggles "Useful" and shows the count', async () => {
    const { el, client, fixture } = await render(resource());
    const useful = buttonByText(el, /^Useful/)!;
    expect(useful.getAttribute('aria-pressed')).toBe('false');
    expect(useful.textContent).toContain('2');
    useful.click();
    await stable(fixture);
    expect(client.callsOf(EndorseResourceDocument)[0]).toEqual({ resourceId: 'r-1', endorsed: true });
    expect(buttonByText(el, /^Useful/)!.getAttribute('aria-pressed')).toBe('true');
    expect(buttonByText(el, /^Useful/)!.textContent).toContain('3');
  });

  it('hides editing and adoption from people who may not, and shows them to those who may', async () => {
    const reader = await render(resource());
    expect(buttonByText(reader.el, /^Edit/)).toBeUndefined();
    expect(buttonByText(reader.el, 'Adopt for my trust')).toBeUndefined();
    TestBed.resetTestingModule();
    const lead = await render(
      resource({ canManage: true, adoptableForTrusts: [{ id: 't-assisi', name: 'Assisi Catholic Trust' }] }),
      {
        permissions: ['library.use', 'library.publish', 'library.adopt', 'case.data'],
        memberships: [{ role: Role.TrustSendLead, trustId: 't-assisi' }],
      },
    );
    expect(buttonByText(lead.el, /^Edit/)).toBeTruthy();
    expect(buttonByText(lead.el, 'Mark as reviewed')).toBeTruthy();
    expect(buttonByText(lead.el, 'Adopt for my trust')).toBeTruthy();
    // A trust SEND lead does not write school drafts.
    expect(buttonByText(lead.el, 'Start a draft')).toBeUndefined();
  });

  it('shows an EHCP template section by section, and "Start a draft" to a SENCO', async () => {
    const { el } = await render(resource());
    const sections = el.querySelectorAll('ol[aria-label="Sections"] > li');
    expect(sections).toHaveLength(2);
    expect(sections[1].textContent).toContain('Which area of need is primary?');
    expect(sections[0].querySelector('strong')?.textContent).toBe('pupil voice');
    expect(buttonByText(el, 'Start a draft')).toBeTruthy();
  });

  it('shows how a variant differs from its base template', async () => {
    const { el, client } = await render(
      resource({ baseResource: { id: 'r-base', title: 'EHCP request template', localAuthority: null } }),
    );
    expect(client.callsOf(ResourceVersionDocument)[0]).toEqual({ resourceId: 'r-base' });
    const diff = el.querySelector('.differences')!;
    expect(diff.textContent).toContain('Section B');
    expect(diff.textContent).toContain('Added in this variant');
    expect(diff.textContent).toContain('Which area of need is primary?');
  });

  it('shows a variant’s reworded guidance as formatted text, not raw markdown', async () => {
    const { el } = await render(
      resource({ baseResource: { id: 'r-base', title: 'EHCP request template', localAuthority: null } }),
      {
        baseSections: [
          { ...SECTIONS[0], guidance: 'Ask the family.', guidanceHtml: '<p>Ask the family.</p>' },
        ],
      },
    );
    const quote = el.querySelector('.differences blockquote')!;
    expect(quote.textContent).toContain('Use the pupil voice.');
    expect(quote.textContent).not.toContain('**');
    expect(quote.querySelector('strong')?.textContent).toBe('pupil voice');
  });

  it('says so when the resource is not shared with the viewer', async () => {
    const { el } = await render(null);
    expect(el.querySelector('h1')?.textContent).toBe('Resource not found');
  });
});
