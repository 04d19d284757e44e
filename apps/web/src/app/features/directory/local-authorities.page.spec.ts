import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FundingUnit } from '@lantern/shared-domain';
import { LocalAuthoritiesDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, provideFakeClient } from '../../../testing/fake-client';
import { LocalAuthoritiesPage } from './local-authorities.page';

describe('LocalAuthoritiesPage', () => {
  it('lists each authority with its funding bands in pounds per year', async () => {
    const client = new FakeGraphqlClient().on(LocalAuthoritiesDocument, {
      localAuthorities: [
        {
          id: 'la-t',
          name: 'Thurrock',
          fundingUnit: FundingUnit.Hours,
          fundingBands: [{ id: 'b1', label: '2.5 hours', annualValue: 975 }],
        },
        {
          id: 'la-e',
          name: 'Essex',
          fundingUnit: FundingUnit.Band,
          fundingBands: [
            { id: 'b2', label: 'Band 1', annualValue: 1800 },
            { id: 'b3', label: 'Band 2', annualValue: 2700.5 },
          ],
        },
      ],
      schools: [
        { id: 's1', localAuthority: { id: 'la-e' } },
        { id: 's2', localAuthority: { id: 'la-e' } },
      ],
    });
    TestBed.configureTestingModule({ providers: [provideFakeClient(client), provideRouter([])] });
    const fixture = TestBed.createComponent(LocalAuthoritiesPage);
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toBe('Local authorities');
    expect(Array.from(el.querySelectorAll('h2')).map((h) => h.textContent)).toEqual(['Thurrock', 'Essex']);
    const tables = Array.from(el.querySelectorAll('table'));
    expect(tables[0].querySelector('thead')?.textContent).toContain('Hours');
    expect(tables[1].querySelector('thead')?.textContent).toContain('Band');
    const essex = Array.from(tables[1].querySelectorAll('tbody tr')).map((r) =>
      Array.from(r.children)
        .map((c) => c.textContent?.trim())
        .join(' | '),
    );
    expect(essex).toEqual(['Band 1 | £1,800', 'Band 2 | £2,700.50']);
    expect(el.textContent).toContain('2 schools in the network');
    expect(el.textContent).toContain('0 schools in the network');
  });
});
