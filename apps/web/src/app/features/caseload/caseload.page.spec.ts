import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CaseAttention, CaseConcern, CaseSort, CaseStatus, SenNeed, SenStatus } from '@lantern/shared-domain';
import { settle } from '../../../testing/fake-socket';
import { type CaseSchool, type CaseSummary, CaseloadData } from './caseload-data';
import type { CaseListQuery } from './caseload-model';
import { CaseloadPage } from './caseload.page';

/** The value, or a failed test saying it is missing. */
function must<T>(value: T | null | undefined, what = 'element'): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}

const HF: CaseSchool = {
  id: 's-hf',
  name: 'Holy Family Primary',
  trustName: 'Assisi Catholic Trust',
  openCases: 3,
};
const HC: CaseSchool = {
  id: 's-hc',
  name: 'Holy Cross Primary',
  trustName: 'Christus Catholic Trust',
  openCases: 0,
};

function summary(id: string, over: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id,
    reference: `${id.toUpperCase()} Y4`,
    yearGroup: 4,
    yearGroupLabel: 'Year 4',
    senStatus: SenStatus.SenSupport,
    primaryNeed: SenNeed.SLCN,
    secondaryNeed: null,
    status: CaseStatus.Open,
    concerns: [],
    openActions: 0,
    overdueActions: 0,
    nextDueOn: null,
    attention: CaseAttention.None,
    updatedAt: '2026-03-01T10:00:00Z',
    ...over,
  };
}

const CASES = [
  summary('ab', { attention: CaseAttention.Overdue, overdueActions: 2, openActions: 3 }),
  summary('cd', {
    attention: CaseAttention.Soon,
    concerns: [{ kind: CaseConcern.AppealTribunal, dueOn: '2026-03-12', note: null }],
    secondaryNeed: SenNeed.SEMH,
  }),
  summary('ef', { status: CaseStatus.Monitoring }),
];

async function render(url: string, schools: CaseSchool[] = [HF], cases: CaseSummary[] = CASES) {
  const list = vi.fn(async (_school: string, q: CaseListQuery) => {
    const nodes = q.need === SenNeed.SEMH ? cases.filter((c) => c.secondaryNeed === SenNeed.SEMH) : cases;
    return { nodes, totalCount: nodes.length, hasNextPage: false };
  });
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'caseload', component: CaseloadPage }], withComponentInputBinding()),
      { provide: CaseloadData, useValue: { schools: vi.fn(async () => schools), list } },
      { provide: LiveAnnouncer, useValue: { announce: vi.fn() } },
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
  const select = (name: string) => must(el().querySelector<HTMLSelectElement>(`select[name="${name}"]`));
  return { harness, el, select, list, stable, router: TestBed.inject(Router) };
}

const cellText = (row: Element, label: string) =>
  row.querySelector(`td[data-label="${label}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('Caseload list', () => {
  it('shows each case with its attention in words, not colour alone', async () => {
    const { el, list } = await render('/caseload');
    // A SENCO's only school is chosen for them.
    expect(list).toHaveBeenCalledWith('s-hf', expect.objectContaining({ sort: CaseSort.NeedsAttention }));
    const rows = Array.from(el().querySelectorAll('tbody tr'));
    expect(rows.map((r) => r.querySelector('th a')?.textContent?.trim())).toEqual([
      'AB Y4',
      'CD Y4',
      'EF Y4',
    ]);
    expect(rows.map((r) => cellText(r, 'Attention'))).toEqual(['Overdue: 2 actions', 'Due soon', 'None']);
    expect(cellText(must(rows[0]), 'Actions')).toBe('3 open, 2 overdue');
    expect(cellText(must(rows[1]), 'Concerns')).toBe('Appeal or tribunal, 12 March 2026');
    expect(cellText(must(rows[1]), 'Needs')).toBe('SLCN, then SEMH');
    expect(must(rows[2]).querySelector('th')?.textContent).toContain('Monitoring');
    expect(el().querySelector('.count')?.textContent).toContain('3 cases open or being monitored');
    const links = Array.from(el().querySelectorAll('a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toContainEqual(['Record a case', '/caseload/new?school=s-hf']);
    expect(links).toContainEqual(['Case-access log', '/caseload/access-log?school=s-hf']);
  });

  it('keeps the filters and the sort in the URL and asks the API for them', async () => {
    const { el, select, list, stable, router } = await render('/caseload?school=s-hf');
    // Needs are grouped by the four areas of need, then those outside them.
    expect(Array.from(select('need').querySelectorAll('optgroup')).map((g) => g.label)).toEqual([
      'Communication and interaction',
      'Cognition and learning',
      'Social, emotional and mental health',
      'Sensory and/or physical',
      'Outside the four areas',
    ]);
    select('need').value = SenNeed.SEMH;
    select('status').value = CaseStatus.Monitoring;
    select('year').value = '4';
    select('sort').value = CaseSort.Reference;
    must(el().querySelector<HTMLButtonElement>('button[type="submit"]')).click();
    await stable();
    expect(router.url).toBe('/caseload?school=s-hf&status=MONITORING&need=SEMH&year=4&sort=REFERENCE');
    expect(list).toHaveBeenLastCalledWith('s-hf', {
      school: 's-hf',
      status: CaseStatus.Monitoring,
      need: SenNeed.SEMH,
      concern: null,
      year: 4,
      sort: CaseSort.Reference,
    });
    expect(el().querySelectorAll('tbody tr')).toHaveLength(1);
    expect(el().querySelector('.count')?.textContent).toContain('1 case match these filters');
    // The choices come back from the URL (a bookmark, Back).
    expect(select('need').value).toBe(SenNeed.SEMH);

    const clear = must(
      Array.from(el().querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Clear filters'),
    );
    clear.click();
    await stable();
    expect(router.url).toBe('/caseload?school=s-hf&sort=REFERENCE');
  });

  it('lets a SEND lead of several schools choose one, remembered in the URL', async () => {
    const { el, list, select, stable, router } = await render('/caseload', [HF, HC]);
    expect(list).not.toHaveBeenCalled();
    expect(el().querySelector('h2')?.textContent).toBe('Choose a school');
    select('school').value = 's-hc';
    select('school').dispatchEvent(new Event('change'));
    await stable();
    expect(router.url).toBe('/caseload?school=s-hc');
    expect(list).toHaveBeenLastCalledWith('s-hc', expect.anything());
  });

  it('offers "Record a case" when the school has none', async () => {
    const { el } = await render('/caseload?school=s-hf', [HF], []);
    const empty = el().querySelector('lan-empty-state');
    expect(empty?.textContent).toContain('No cases recorded yet');
    expect(empty?.querySelector('a')?.getAttribute('href')).toBe('/caseload/new?school=s-hf');
  });
});
