import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import {
  ForumCategoriesWatchingDocument,
  ForumThreadsDocument,
  WatchForumCategoryDocument,
} from '@lantern/web-graphql';
import { FakeGraphqlClient, apiError, provideFakeClient } from '../../../testing/fake-client';
import { settle } from '../../../testing/fake-socket';
import { CATEGORY } from '../../../testing/forum-data';
import { ForumCategoryPage } from './category.page';

async function render(client: FakeGraphqlClient) {
  const announce = vi.fn().mockResolvedValue(undefined);
  const snack = vi.fn();
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      { provide: LiveAnnouncer, useValue: { announce } },
      { provide: MatSnackBar, useValue: { open: snack } },
    ],
  });
  const fixture = TestBed.createComponent(ForumCategoryPage);
  fixture.componentRef.setInput('id', CATEGORY.id);
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    await settle();
    fixture.detectChanges();
  };
  await vi.waitFor(async () => {
    await stable();
    expect(el.querySelector('h1')?.textContent).toBe(CATEGORY.name);
  });
  const watch = () =>
    Array.from(el.querySelectorAll('button')).find((b) => /Watch(ing)? category/.test(b.textContent ?? ''))!;
  return { el, stable, announce, snack, watch };
}

function client(watching: boolean) {
  return new FakeGraphqlClient()
    .on(ForumCategoriesWatchingDocument, { forumCategories: [{ ...CATEGORY, watching }] })
    .on(ForumThreadsDocument, {
      forumThreads: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 },
    });
}

describe('Forum category page: watching', () => {
  it('shows "Watch category" as a toggle from the API and turns it on and off', async () => {
    const c = client(false).on(WatchForumCategoryDocument, (vars) => ({ watchForumCategory: vars['on'] }));
    const { el, stable, announce, watch } = await render(c);
    expect(watch().getAttribute('aria-pressed')).toBe('false');
    watch().click();
    await vi.waitFor(async () => {
      await stable();
      expect(watch().getAttribute('aria-pressed')).toBe('true');
    });
    expect(watch().textContent?.trim()).toBe('Watching category');
    expect(el.textContent).toContain('You will be told about new threads and replies here.');
    expect(announce).toHaveBeenCalledWith(
      `You are watching ${CATEGORY.name}: you will be told about new threads and replies.`,
    );
    watch().click();
    await vi.waitFor(async () => {
      await stable();
      expect(watch().getAttribute('aria-pressed')).toBe('false');
    });
    expect(c.callsOf(WatchForumCategoryDocument)).toEqual([
      { categoryId: CATEGORY.id, on: true },
      { categoryId: CATEGORY.id, on: false },
    ]);
  });

  it('puts the toggle back and says why when the API refuses', async () => {
    const c = client(true).on(WatchForumCategoryDocument, () => {
      throw apiError('NOT_FOUND', 'That category was not found.');
    });
    const { stable, snack, watch } = await render(c);
    expect(watch().getAttribute('aria-pressed')).toBe('true');
    watch().click();
    await vi.waitFor(async () => {
      await stable();
      expect(snack).toHaveBeenCalled();
    });
    expect(watch().getAttribute('aria-pressed')).toBe('true');
    expect(snack.mock.calls[0][0]).toBe('That category was not found.');
  });
});
