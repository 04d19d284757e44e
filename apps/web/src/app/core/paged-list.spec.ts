import { type Page, PagedList } from './paged-list';

function page(nodes: number[], endCursor: string | null, hasNextPage: boolean, totalCount = 5): Page<number> {
  return { nodes, pageInfo: { endCursor, hasNextPage }, totalCount };
}

describe('PagedList', () => {
  it('loads the first page, then appends the next one from the cursor', async () => {
    const cursors: (string | null)[] = [];
    const list = new PagedList<number>(async (after) => {
      cursors.push(after);
      return after ? page([4, 5], null, false) : page([1, 2, 3], 'c3', true);
    });
    await list.reload();
    expect(list.items()).toEqual([1, 2, 3]);
    expect(list.hasMore()).toBe(true);
    await list.loadMore();
    expect(list.items()).toEqual([1, 2, 3, 4, 5]);
    expect(list.hasMore()).toBe(false);
    expect(cursors).toEqual([null, 'c3']);
    expect(list.totalCount()).toBe(5);
  });

  it('drops an answer that arrives after a newer reload', async () => {
    let release!: (p: Page<number>) => void;
    let call = 0;
    const list = new PagedList<number>(() => {
      call++;
      if (call === 1) return new Promise((resolve) => (release = resolve));
      return Promise.resolve(page([9], null, false, 1));
    });
    const first = list.reload();
    await list.reload();
    release(page([1], null, false, 1));
    await first;
    expect(list.items()).toEqual([9]);
  });

  it('keeps a plain-English error and reports empty only once loaded', async () => {
    const list = new PagedList<number>(async () => {
      throw new Error('boom');
    });
    expect(list.empty()).toBe(false);
    await list.reload();
    expect(list.error()).toMatch(/went wrong/);
    expect(list.empty()).toBe(false);
  });
});
