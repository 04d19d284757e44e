import { convertToParamMap } from '@angular/router';
import { AveragePhase, Phase } from '@lantern/shared-domain';
import { DIRECTORY } from '../../../testing/directory-data';
import {
  buildDirectory,
  compareWithNational,
  describeDifference,
  filtersFromQuery,
  NO_FILTERS,
  toSchoolRow,
} from './directory.model';

const averages = DIRECTORY.nationalAverages;

describe('compareWithNational', () => {
  it('compares a primary school with the primary average, in points', () => {
    const c = compareWithNational(Phase.Primary, 18.9, averages);
    expect(c.averagePhase).toBe(AveragePhase.Primary);
    expect(c.average?.totalSendPercent).toBe(18.3);
    expect(c.difference).toBe(0.6);
  });

  it('compares an infant school with the primary average', () => {
    expect(compareWithNational(Phase.Infant, 13, averages).averagePhase).toBe(AveragePhase.Primary);
    expect(compareWithNational(Phase.Infant, 13, averages).difference).toBe(-5.3);
  });

  it('compares a secondary school with the secondary average', () => {
    const c = compareWithNational(Phase.Secondary, 12.8, averages);
    expect(c.average?.totalSendPercent).toBe(16.5);
    expect(c.difference).toBe(-3.7);
  });

  it('has no comparison for all-through and special schools, or without a figure', () => {
    expect(compareWithNational(Phase.Special, 40, averages)).toEqual({
      average: null,
      averagePhase: null,
      difference: null,
    });
    expect(compareWithNational(Phase.AllThrough, 20, averages).difference).toBeNull();
    expect(compareWithNational(Phase.Primary, null, averages).difference).toBeNull();
    expect(compareWithNational(Phase.Primary, 20, []).difference).toBeNull();
  });
});

describe('describeDifference', () => {
  it('puts the comparison in words', () => {
    expect(describeDifference(0.6)).toBe('0.6 points above');
    expect(describeDifference(-5.3)).toBe('5.3 points below');
    expect(describeDifference(1)).toBe('1.0 point above');
    expect(describeDifference(0)).toBe('Same as national');
    expect(describeDifference(null)).toBe('No comparison');
  });
});

describe('toSchoolRow', () => {
  it('derives percentages from the counts with the shared rule', () => {
    const row = toSchoolRow(DIRECTORY.schools[0], averages);
    expect(row).toMatchObject({
      displayName: 'Holy Family Primary (Assisi Catholic Trust)',
      ehcpPercent: 4.2,
      senSupportPercent: 14.6,
      totalSendPercent: 18.9,
      difference: 0.6,
      phaseLabel: 'Primary',
    });
  });

  it('has no percentages for an empty roll', () => {
    const row = toSchoolRow(DIRECTORY.schools[5], averages);
    expect(row.totalSendPercent).toBeNull();
    expect(row.difference).toBeNull();
  });
});

describe('buildDirectory', () => {
  it('groups schools by trust with totals summed from counts', () => {
    const groups = buildDirectory(DIRECTORY, NO_FILTERS);
    expect(groups.map((g) => g.name)).toEqual(['Assisi Catholic Trust', 'Christus Catholic Trust']);
    const assisi = groups[0];
    expect(assisi.rows).toHaveLength(3);
    expect(assisi.totals).toEqual({
      numberOnRoll: 1610,
      ehcpCount: 73,
      senSupportCount: 155,
      ehcpPercent: 4.5,
      senSupportPercent: 9.6,
      totalSendPercent: 14.2,
    });
    expect(assisi.filtered).toBe(false);
  });

  it('filters by trust, local authority and phase, and totals only what is shown', () => {
    const byLa = buildDirectory(DIRECTORY, { ...NO_FILTERS, localAuthorityId: 'la-essex' });
    expect(byLa.flatMap((g) => g.rows.map((r) => r.id))).toEqual(['s-hf', 's-sj-a', 's-al']);
    expect(byLa[0].filtered).toBe(true);
    expect(byLa[0].totals.numberOnRoll).toBe(404);

    const byTrustAndPhase = buildDirectory(DIRECTORY, {
      trustId: 't-christus',
      localAuthorityId: null,
      phase: Phase.Primary,
    });
    expect(byTrustAndPhase.map((g) => g.id)).toEqual(['t-christus']);
    expect(byTrustAndPhase[0].rows.map((r) => r.displayName)).toEqual([
      "St Joseph's Primary (Christus Catholic Trust)",
    ]);
  });

  it('leaves out trusts with no matching schools', () => {
    expect(buildDirectory(DIRECTORY, { ...NO_FILTERS, phase: Phase.AllThrough })).toEqual([]);
  });
});

describe('filtersFromQuery', () => {
  it('reads known values and ignores unknown ones', () => {
    expect(
      filtersFromQuery(convertToParamMap({ trust: 't-assisi', la: 'la-x', phase: 'INFANT' }), DIRECTORY),
    ).toEqual({ trustId: 't-assisi', localAuthorityId: null, phase: Phase.Infant });
    expect(filtersFromQuery(convertToParamMap({ phase: 'NURSERY' }), DIRECTORY).phase).toBeNull();
  });
});
