import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LibraryPlacesDocument, LibraryResourcesDocument, ToolkitsDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, apiError, provideFakeClient } from '../../../testing/fake-client';
import { LibraryHomePage } from './library-home.page';
import { buttonByText, resource, signInAs, stable } from './testing/library-fixtures';

function hit(n: number) {
  return {
    ...resource({ id: `r-${n}`, title: `Resource ${n}` }),
    snippetHtml: 'the <mark>Essex</mark> panel <img src=x onerror="window.__xss=1">',
  };
}

async function render(
  params: Record<string, string>,
  opts: { total?: number; permissions?: string[]; fail?: boolean } = {},
) {
  const total = opts.total ?? 2;
  const client = new FakeGraphqlClient()
    .on(LibraryPlacesDocument, {
      uploadLimits: { maxBytes: 20 * 1024 * 1024 },
      localAuthorities: [{ id: 'la-essex', name: 'Essex' }],
      trusts: [],
    })
    .on(ToolkitsDocument, {
      toolkits: {
        nodes: [
          {
            id: 'tk-1',
            resource: resource({ id: 'tk-1', title: 'EHCP request toolkit — Essex' }),
            items: [{ position: 0 }],
          },
        ],
        pageInfo: { hasNextPage: false, endCursor: null },
        totalCount: 1,
      },
    })
    .on(LibraryResourcesDocument, (vars) => {
      if (opts.fail) throw apiError('SERVICE_UNAVAILABLE', 'Lantern is busy.');
      const after = vars['after'];
      const nodes = total === 0 ? [] : after ? [hit(3)] : [hit(1), hit(2)];
      return {
        libraryResources: {
          nodes,
          pageInfo: { hasNextPage: !after && total > 2, endCursor: after ? null : 'c1' },
          totalCount: total,
        },
      };
    });
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      { provide: LiveAnnouncer, useValue: { announce: vi.fn() } },
    ],
  });
  await signInAs(client, opts.permissions);
  const fixture = TestBed.createComponent(LibraryHomePage);
  for (const [k, v] of Object.entries(params)) fixture.componentRef.setInput(k, v);
  fixture.detectChanges();
  await stable(fixture);
  return { fixture, el: fixture.nativeElement as HTMLElement, client };
}

describe('Library home', () => {
  it('searches with the filters from the URL and shows sanitised snippets with only <mark>', async () => {
    const { el, client } = await render({
      q: 'essex panel',
      kind: 'TEMPLATE',
      la: '3f0b6c1e-2a7d-4c55-9a62-0d7e1c2b9f10',
    });
    expect(client.callsOf(LibraryResourcesDocument)[0]).toEqual({
      filter: {
        query: 'essex panel',
        kinds: ['TEMPLATE'],
        needArea: null,
        phase: null,
        localAuthorityId: '3f0b6c1e-2a7d-4c55-9a62-0d7e1c2b9f10',
        shareScope: null,
        tag: null,
      },
      sort: 'RELEVANCE',
      first: 20,
      after: null,
    });
    const items = el.querySelectorAll('ol[aria-label="Resources"] li');
    expect(items).toHaveLength(2);
    const snippet = items[0].querySelector('.snippet')!;
    expect(snippet.querySelector('mark')?.textContent).toBe('Essex');
    expect(snippet.querySelector('img, [onerror]')).toBeNull();
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/library/resources/r-1');
    expect(el.querySelector('select[name="kind"]')).toBeTruthy();
    expect((el.querySelector('select[name="kind"]') as HTMLSelectElement).value).toBe('TEMPLATE');
  });

  it('loads more with the cursor', async () => {
    const { el, client, fixture } = await render({}, { total: 3 });
    buttonByText(el, 'Load more')!.click();
    await stable(fixture);
    expect(client.callsOf(LibraryResourcesDocument)[1]['after']).toBe('c1');
    expect(el.querySelectorAll('ol[aria-label="Resources"] li')).toHaveLength(3);
  });

  it('says when nothing matches, and lists toolkits', async () => {
    const { el } = await render({ q: 'nothing like this' }, { total: 0 });
    expect(el.querySelector('lan-empty-state')?.textContent).toContain('No resources match');
    expect(el.textContent).toContain('EHCP request toolkit — Essex');
  });

  it('shows the error with a retry', async () => {
    const { el } = await render({}, { fail: true });
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Lantern is busy.');
    expect(buttonByText(el, 'Try again')).toBeTruthy();
  });

  it('offers sharing only to people who may publish', async () => {
    const publisher = await render({});
    expect(buttonByText(publisher.el, /Share a resource/)).toBeTruthy();
    TestBed.resetTestingModule();
    const reader = await render({}, { permissions: ['library.use'] });
    expect(buttonByText(reader.el, /Share a resource/)).toBeUndefined();
    expect(buttonByText(reader.el, 'Make a toolkit')).toBeUndefined();
  });
});
