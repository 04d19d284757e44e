import { ResourceSort } from '@lantern/shared-domain';
import { activeFilterCount, filterInput, filtersFromParams, paramsOf, queryProblem } from './library-filters';

const LA = '3f0b6c1e-2a7d-4c55-9a62-0d7e1c2b9f10';

describe('library filters in the URL', () => {
  it('reads known values and drops unknown ones', () => {
    const f = filtersFromParams({
      q: '  ehcp  ',
      kind: 'TEMPLATE',
      need: 'NOPE',
      phase: 'PRIMARY',
      la: 'x',
      scope: 'TRUST',
      tag: 'Essex',
    });
    expect(f).toEqual({
      q: 'ehcp',
      kind: 'TEMPLATE',
      need: null,
      phase: 'PRIMARY',
      la: null,
      scope: 'TRUST',
      tag: 'Essex',
      sort: ResourceSort.Relevance,
    });
  });

  it('ranks a search by relevance by default, and never sorts by relevance without words', () => {
    expect(filtersFromParams({ q: 'ehcp' }).sort).toBe(ResourceSort.Relevance);
    expect(filtersFromParams({ q: 'ehcp', sort: 'MOST_USED' }).sort).toBe(ResourceSort.MostUsed);
    expect(filtersFromParams({ sort: 'RELEVANCE' }).sort).toBe(ResourceSort.Recent);
    expect(filtersFromParams({}).sort).toBe(ResourceSort.Recent);
  });

  it('writes short URLs (defaults left out) that read back the same', () => {
    const f = filtersFromParams({ q: 'provision map', la: LA, sort: 'RECENTLY_REVIEWED' });
    const params = paramsOf(f);
    expect(params).toEqual({
      q: 'provision map',
      kind: null,
      need: null,
      phase: null,
      la: LA,
      scope: null,
      tag: null,
      sort: 'RECENTLY_REVIEWED',
    });
    expect(filtersFromParams(params)).toEqual(f);
    expect(paramsOf(filtersFromParams({ q: 'x y' })).sort).toBeNull();
  });

  it('gives the API its filter and counts what is on', () => {
    const f = filtersFromParams({ q: 'plan', kind: 'POLICY', need: 'SEMH', tag: 'handling' });
    expect(filterInput(f)).toEqual({
      query: 'plan',
      kinds: ['POLICY'],
      needArea: 'SEMH',
      phase: null,
      localAuthorityId: null,
      shareScope: null,
      tag: 'handling',
    });
    expect(activeFilterCount(f)).toBe(3);
    expect(queryProblem('a')).toMatch(/at least 2/);
    expect(queryProblem('ab')).toBeNull();
  });
});
