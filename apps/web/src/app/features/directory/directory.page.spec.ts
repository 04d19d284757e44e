import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DirectoryDocument } from '@lantern/web-graphql';
import { DIRECTORY } from '../../../testing/directory-data';
import { FakeGraphqlClient, provideFakeClient } from '../../../testing/fake-client';
import { DirectoryPage } from './directory.page';

async function render(url: string) {
  const client = new FakeGraphqlClient().on(DirectoryDocument, DIRECTORY);
  TestBed.configureTestingModule({
    providers: [provideFakeClient(client), provideRouter([{ path: 'directory', component: DirectoryPage }])],
  });
  const router = TestBed.inject(Router);
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url, DirectoryPage);
  await new Promise((r) => setTimeout(r));
  harness.detectChanges();
  await harness.fixture.whenStable();
  return { el: harness.routeNativeElement as HTMLElement, router, harness, client };
}

function rowTexts(el: HTMLElement): string[] {
  return Array.from(el.querySelectorAll('lan-trust-table tbody tr')).map((tr) =>
    (tr.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

describe('DirectoryPage', () => {
  it('shows one h1, trusts as sections and each school with its trust', async () => {
    const { el } = await render('/directory');
    expect(Array.from(el.querySelectorAll('h1')).map((h) => h.textContent?.trim())).toEqual(['Directory']);
    const headings = Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim());
    expect(headings).toContain('Assisi Catholic Trust');
    expect(headings).toContain('Christus Catholic Trust');
    const rows = rowTexts(el);
    expect(rows).toHaveLength(6);
    const stJosephs = rows.filter((r) => r.includes("St Joseph's Primary"));
    expect(stJosephs).toHaveLength(2);
    expect(stJosephs[0]).toContain('Assisi Catholic Trust');
    expect(stJosephs[1]).toContain('Christus Catholic Trust');
  });

  it('compares each school with the national average for its phase', async () => {
    const { el } = await render('/directory');
    const rows = rowTexts(el);
    expect(rows.find((r) => r.startsWith('Holy Family'))).toContain('18.9%');
    expect(rows.find((r) => r.startsWith('Holy Family'))).toContain('0.6 points above');
    // Infant schools compare with primary; special schools have no national figure.
    expect(rows.find((r) => r.startsWith('St Anne Line'))).toContain('5.3 points below');
    expect(rows.find((r) => r.startsWith('Beacon'))).toContain('Not published for this phase');
  });

  it('has a trust totals row in each table', async () => {
    const { el } = await render('/directory');
    const footers = Array.from(el.querySelectorAll('lan-trust-table tfoot tr')).map((tr) =>
      (tr.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(footers).toHaveLength(2);
    expect(footers[0]).toContain('Trust total (3 schools)');
    expect(footers[0]).toContain('1,610');
    expect(footers[0]).toContain('14.2%');
  });

  it('applies filters from the URL and says how many schools are shown', async () => {
    const { el } = await render('/directory?la=la-essex&phase=PRIMARY');
    expect(rowTexts(el).map((r) => r.split(' (')[0])).toEqual(['Holy Family Primary', "St Joseph's Primary"]);
    expect(el.textContent).toContain('Showing 2 of 6 schools.');
    expect(el.textContent).toContain('Total of the schools shown (2 schools)');
    const phase = Array.from(el.querySelectorAll('select'))[2] as HTMLSelectElement;
    expect(phase.value).toBe('PRIMARY');
  });

  it('writes a changed filter into the URL', async () => {
    const { el, router, harness } = await render('/directory');
    const trust = el.querySelector('select') as HTMLSelectElement;
    trust.value = 't-christus';
    trust.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
    expect(router.url).toBe('/directory?trust=t-christus');
    harness.detectChanges();
    expect(rowTexts(el)).toHaveLength(3);
  });

  it('gives the chart a text alternative naming every school', async () => {
    const { el } = await render('/directory');
    const img = el.querySelector('lan-send-bar-chart [role="img"]');
    const label = img?.getAttribute('aria-label') ?? '';
    expect(label).toContain('Holy Family Primary (Assisi Catholic Trust): 18.9% with SEND');
    expect(label).toContain('national average 18.3%');
    expect(el.querySelector('lan-send-bar-chart figcaption')?.textContent).toContain('tables below');
  });

  it('offers a way out when no school matches', async () => {
    const { el } = await render('/directory?phase=ALL_THROUGH');
    expect(el.querySelector('lan-empty-state')?.textContent).toContain('No schools match these filters');
  });
});
