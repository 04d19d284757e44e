import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MyBookmarksDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, apiError, provideFakeClient } from '../../../testing/fake-client';
import { settle } from '../../../testing/fake-socket';
import { type Bookmark, BookmarksPage } from './bookmarks.page';

const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const THREAD: Bookmark = {
  id: 't-1',
  kind: 'FORUM_THREAD',
  title: 'Transition passports',
  context: 'Transition',
  link: '/forum/threads/t-1',
  bookmarkedAt: at(5),
};
const RESOURCE: Bookmark = {
  id: 'r-1',
  kind: 'LIBRARY_RESOURCE',
  title: 'Writing SMART outcomes',
  context: 'Library: Guide',
  link: '/library/resources/r-1',
  bookmarkedAt: at(60),
};

async function render(answer: (after: unknown) => unknown) {
  const client = new FakeGraphqlClient().on(MyBookmarksDocument, (vars) => answer(vars['after']) as never);
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      { provide: LiveAnnouncer, useValue: { announce: vi.fn().mockResolvedValue(undefined) } },
    ],
  });
  const fixture = TestBed.createComponent(BookmarksPage);
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    await settle();
    fixture.detectChanges();
  };
  await stable();
  await stable();
  return { el, client, stable };
}

const page = (nodes: Bookmark[], next: string | null) => ({
  myBookmarks: { nodes, pageInfo: { hasNextPage: !!next, endCursor: next }, totalCount: 3 },
});

describe('Bookmarks page', () => {
  it('lists forum threads and library resources, newest first, each a link, page by page', async () => {
    const { el, client, stable } = await render((after) =>
      after
        ? page([{ ...THREAD, id: 't-2', title: 'Older thread', link: '/forum/threads/t-2' }], null)
        : page([THREAD, RESOURCE], 'c1'),
    );
    expect(el.querySelector('h1')?.textContent).toBe('Your bookmarks');
    const links = () => Array.from(el.querySelectorAll<HTMLAnchorElement>('ul.bookmarks a'));
    expect(links().map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Transition passports', '/forum/threads/t-1'],
      ['Writing SMART outcomes', '/library/resources/r-1'],
    ]);
    expect(el.querySelector('ul.bookmarks li')?.textContent).toContain('Forum: Transition');
    expect(el.querySelectorAll('ul.bookmarks li')[1].textContent).toContain('Library: Guide');
    (
      Array.from(el.querySelectorAll('button')).find((b) =>
        b.textContent?.includes('Load more'),
      ) as HTMLButtonElement
    ).click();
    await vi.waitFor(async () => {
      await stable();
      expect(links()).toHaveLength(3);
    });
    expect(client.callsOf(MyBookmarksDocument).map((v) => v['after'] ?? null)).toEqual([null, 'c1']);
  });

  it('says how to bookmark when there are none', async () => {
    const { el } = await render(() => ({
      myBookmarks: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 },
    }));
    expect(el.textContent).toContain('No bookmarks yet');
    expect(el.querySelector('a[href="/forum"]')).toBeTruthy();
    expect(el.querySelector('a[href="/library"]')).toBeTruthy();
  });

  it('says so when they cannot be loaded', async () => {
    const { el } = await render(() => {
      throw apiError('SERVICE_UNAVAILABLE', 'Lantern is busy. Try again in a minute.');
    });
    expect(el.textContent).toContain('Bookmarks could not be loaded');
    expect(el.textContent).toContain('Lantern is busy.');
  });
});
