import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ForumCategoriesDocument, SearchForumDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, provideFakeClient } from '../../../testing/fake-client';
import { settle } from '../../../testing/fake-socket';
import { CATEGORY } from '../../../testing/forum-data';
import { ForumSearchPage, dayStart } from './search.page';

function hit(n: number) {
  return {
    threadId: `th-${n}`,
    replyId: n % 2 ? `r-${n}` : null,
    title: `Thread ${n}`,
    snippetHtml: `an <mark>annual</mark> review <img src=x onerror="window.__xss=1">`,
    createdAt: new Date().toISOString(),
    author: { label: 'Anonymous', anonymous: true, isViewer: false },
    category: { id: CATEGORY.id, name: CATEGORY.name },
  };
}

async function render(params: Record<string, string>, total = 2, lowerBound = false) {
  const client = new FakeGraphqlClient()
    .on(ForumCategoriesDocument, { forumCategories: [CATEGORY] })
    .on(SearchForumDocument, (vars) => {
      const offset = Number(vars['offset'] ?? 0);
      const nodes = total === 0 ? [] : offset === 0 ? [hit(1), hit(2)] : [hit(3)];
      return {
        searchForum: {
          nodes,
          totalCount: total,
          totalIsLowerBound: lowerBound,
          sortedByDate: lowerBound,
          hasNextPage: offset === 0 && total > 2,
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
  const fixture = TestBed.createComponent(ForumSearchPage);
  for (const [k, v] of Object.entries(params)) fixture.componentRef.setInput(k, v);
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  fixture.detectChanges();
  await stable();
  return { fixture, el, client, stable };
}

describe('Forum search page', () => {
  it('turns a date field into the start of that day', () => {
    // Midnight in the UK, wherever the browser is: GMT in winter, BST (UTC+1) in summer.
    expect(dayStart('2026-03-03')).toBe('2026-03-03T00:00:00.000Z');
    expect(dayStart('2026-03-03', 1)).toBe('2026-03-04T00:00:00.000Z');
    expect(dayStart('2026-06-10')).toBe('2026-06-09T23:00:00.000Z');
    // The clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(dayStart('2026-03-29', 1)).toBe('2026-03-29T23:00:00.000Z');
    expect(dayStart('2026-10-25', 1)).toBe('2026-10-26T00:00:00.000Z');
    expect(dayStart('2026-01-31', 1)).toBe('2026-02-01T00:00:00.000Z');
    expect(dayStart('nonsense')).toBeNull();
  });

  it('searches with the filters from the URL and shows sanitised snippets with only <mark>', async () => {
    const { el, client } = await render({
      q: 'annual review',
      category: CATEGORY.id,
      tag: 'EHCP',
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(client.callsOf(SearchForumDocument)[0]).toEqual({
      query: 'annual review',
      first: 20,
      offset: 0,
      filter: {
        categoryId: CATEGORY.id,
        tag: 'ehcp',
        from: dayStart('2026-01-01'),
        to: dayStart('2026-01-31', 1),
      },
    });
    const items = el.querySelectorAll('ol[aria-label="Search results"] li');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Reply in EHCP requests: Essex');
    expect(items[0].textContent).toContain('by Anonymous');
    const snippet = items[0].querySelector('.snippet') as HTMLElement;
    expect(snippet.querySelector('mark')?.textContent).toBe('annual');
    expect(snippet.querySelector('img, [onerror]')).toBeNull();
  });

  it('loads more results by offset, and says when the count is only a lower bound', async () => {
    const { el, client, stable } = await render({ q: 'annual' }, 1000, true);
    expect(el.querySelector('.count')?.textContent).toContain('Showing 2 of 1,000+ results.');
    expect(el.querySelector('.count')?.textContent).toContain('Newest first');
    const more = Array.from(el.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === 'Load more results',
    )!;
    more.click();
    await stable();
    expect(client.callsOf(SearchForumDocument)[1]['offset']).toBe(2);
    expect(el.querySelectorAll('ol li')).toHaveLength(3);
  });

  it('links a hit in a reply to that reply in its thread, and a hit in an opening post to the thread', async () => {
    const { el } = await render({ q: 'annual' });
    expect(el.querySelector('.count')?.textContent).not.toContain('Newest first');
    const links = Array.from(el.querySelectorAll<HTMLAnchorElement>('li.hit a.title'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/forum/threads/th-1?reply=r-1',
      '/forum/threads/th-2',
    ]);
  });

  it('says so when nothing matches', async () => {
    const { el } = await render({ q: 'nothing like this' }, 0);
    expect(el.querySelector('lan-empty-state')?.textContent).toContain('No posts match your search');
  });
});
