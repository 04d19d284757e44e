import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ActionDueState, ActionSourceKind, ActionStatus } from '@lantern/shared-domain';
import { settle } from '../../../testing/fake-socket';
import { ActionsPage } from './actions.page';
import { type MyAction, MyActions, type MyActionsPage } from './my-actions';

/** The value, or a failed test saying it is missing. */
function must<T>(value: T | null | undefined, what = 'element'): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}

function action(id: string, over: Partial<MyAction> = {}): MyAction {
  return {
    id,
    title: `Action ${id}`,
    status: ActionStatus.Open,
    dueOn: '2026-03-10',
    dueState: ActionDueState.Later,
    owner: { id: 'u1', displayName: 'SENCO, Holy Family Primary' },
    sourceKind: ActionSourceKind.Case,
    sourceId: `c-${id}`,
    sourceLabel: `Case ${id.toUpperCase()} Y4`,
    sourceLink: `/caseload/cases/c-${id}`,
    createdAt: '2026-03-01T10:00:00Z',
    closedAt: null,
    canChange: true,
    ...over,
  };
}

const page = (nodes: MyAction[], hiddenCaseActions = 0): MyActionsPage => ({
  nodes,
  totalCount: nodes.length,
  hasNextPage: false,
  hiddenCaseActions,
});

async function render(url: string, pages: Array<(open: boolean) => MyActionsPage>) {
  let call = 0;
  const list = vi.fn(async (open: boolean) => must(pages[Math.min(call++, pages.length - 1)])(open));
  const setStatus = vi.fn(async (id: string, status: ActionStatus) =>
    action(id, { status, dueState: ActionDueState.Closed, closedAt: '2026-03-02T10:00:00Z' }),
  );
  const unlockCaseData = vi.fn(async () => undefined);
  const announce = vi.fn();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'actions', component: ActionsPage }], withComponentInputBinding()),
      { provide: MyActions, useValue: { list, setStatus, unlockCaseData } },
      { provide: LiveAnnouncer, useValue: { announce } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  const stable = async () => {
    for (let i = 0; i < 3; i++) {
      await settle();
      harness.detectChanges();
      await harness.fixture.whenStable();
    }
  };
  await stable();
  const el = () => harness.routeNativeElement as HTMLElement;
  const text = (node: Element | null | undefined) =>
    node?.textContent?.replace(/\s+/g, ' ').replace(/ ,/g, ',').trim();
  const button = (name: string) =>
    Array.from(el().querySelectorAll('button')).find((b) => text(b)?.startsWith(name));
  return { el, list, setStatus, unlockCaseData, announce, stable, text, button };
}

describe('My actions', () => {
  it('lists open actions with when they are due in words, a link to where they came from, and marks one done', async () => {
    const { el, text, button, setStatus, stable, announce, list } = await render('/actions', [
      () =>
        page([
          action('ab', { dueOn: '2026-03-01', dueState: ActionDueState.Overdue }),
          action('cd', { dueState: ActionDueState.Today }),
          action('ef', { dueOn: '2026-03-12', dueState: ActionDueState.Soon }),
          action('gh', { dueOn: '2026-04-20', canChange: false }),
        ]),
    ]);
    expect(list).toHaveBeenCalledWith(true, 0);
    expect(text(el().querySelector('h1'))).toBe('My actions');
    expect(el().querySelector('nav a[aria-current="page"]')?.textContent?.trim()).toBe('Open');
    const items = Array.from(el().querySelectorAll('li.action'));
    expect(items.map((i) => text(i.querySelector('lan-action-due')))).toEqual([
      'Overdue, was due 1 March 2026',
      'Due today',
      'Due soon, due 12 March 2026',
      'Due 20 April 2026',
    ]);
    expect(must(items[0]).querySelector('a')?.getAttribute('href')).toBe('/caseload/cases/c-ab');
    expect(text(must(items[0]).querySelector('a'))).toBe('Case AB Y4');
    // Only actions the viewer may change have the button.
    expect(must(items[3]).querySelector('button')).toBeNull();
    expect(text(el().querySelector('.count'))).toBe('4 open actions');

    must(button('Mark done: Action ab')).click();
    await stable();
    expect(setStatus).toHaveBeenCalledWith('ab', ActionStatus.Done);
    expect(el().querySelectorAll('li.action')).toHaveLength(3);
    expect(text(el().querySelector('[role="status"].save-status'))).toBe('Marked “Action ab” done.');
    expect(announce).toHaveBeenCalledWith('Marked “Action ab” done.', 'polite');
    expect(text(el().querySelector('.count'))).toBe('3 open actions');
  });

  it('shows done actions on their own tab, with Reopen', async () => {
    const { el, list, text, button } = await render('/actions?show=done', [
      () => page([action('ab', { status: ActionStatus.Done, dueState: ActionDueState.Closed })]),
    ]);
    expect(list).toHaveBeenCalledWith(false, 0);
    expect(el().querySelector('nav a[aria-current="page"]')?.textContent?.trim()).toBe('Done');
    expect(text(el().querySelector('lan-action-due'))).toBe('Done (was due 10 March 2026)');
    expect(button('Reopen')).toBeTruthy();
  });

  it('says how many case actions wait for the second factor, and brings them in once the code is given', async () => {
    const { el, text, button, unlockCaseData, stable, list } = await render('/actions', [
      () => page([], 2),
      () => page([action('ab'), action('cd')], 0),
    ]);
    expect(text(el().querySelector('lan-alert .lan-alert-title'))).toBe(
      '2 case actions are hidden until you enter your code',
    );
    expect(text(el().querySelector('lan-empty-state'))).toContain('Nothing to do');
    must(button('Enter your code')).click();
    await stable();
    expect(unlockCaseData).toHaveBeenCalled();
    expect(list).toHaveBeenCalledTimes(2);
    expect(el().querySelector('lan-alert')).toBeNull();
    expect(el().querySelectorAll('li.action')).toHaveLength(2);
  });
});
