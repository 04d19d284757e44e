import { AveragePhase, Phase } from '@lantern/shared-domain';
import type { DirectoryQuery } from '@lantern/web-graphql';
import { ASSISI, CHRISTUS } from './fake-client';

const ESSEX = { id: 'la-essex', name: 'Essex' };
const THURROCK = { id: 'la-thurrock', name: 'Thurrock' };

function school(
  id: string,
  name: string,
  trust: typeof ASSISI,
  la: typeof ESSEX,
  phase: Phase,
  numberOnRoll: number,
  ehcpCount: number,
  senSupportCount: number,
): DirectoryQuery['schools'][number] {
  return {
    id,
    name,
    displayName: `${name} (${trust.name})`,
    phase,
    censusDate: '2025-01-16',
    numberOnRoll,
    ehcpCount,
    senSupportCount,
    ehcpPercent: null,
    senSupportPercent: null,
    totalSendPercent: null,
    trust,
    localAuthority: la,
  };
}

/** A small directory: both trusts have a St Joseph's Primary; one infant school; one special school. */
export const DIRECTORY: DirectoryQuery = {
  trusts: [ASSISI, CHRISTUS].map((t) => ({
    ...t,
    totals: {
      numberOnRoll: 0,
      ehcpCount: 0,
      senSupportCount: 0,
      ehcpPercent: null,
      senSupportPercent: null,
      totalSendPercent: null,
    },
  })),
  schools: [
    school('s-hf', 'Holy Family Primary', ASSISI, ESSEX, Phase.Primary, 212, 9, 31),
    school('s-sj-a', "St Joseph's Primary", ASSISI, ESSEX, Phase.Primary, 192, 8, 26),
    school('s-tm', 'St Thomas More High School', ASSISI, THURROCK, Phase.Secondary, 1206, 56, 98),
    school('s-sj-c', "St Joseph's Primary", CHRISTUS, THURROCK, Phase.Primary, 194, 12, 31),
    school('s-al', 'St Anne Line Infants', CHRISTUS, ESSEX, Phase.Infant, 261, 5, 29),
    school('s-sp', 'Beacon Special School', CHRISTUS, THURROCK, Phase.Special, 0, 0, 0),
  ],
  localAuthorities: [ESSEX, THURROCK],
  nationalAverages: [
    { phase: AveragePhase.Primary, ehcpPercent: 3.5, senSupportPercent: 14.8, totalSendPercent: 18.3 },
    { phase: AveragePhase.Secondary, ehcpPercent: 3.1, senSupportPercent: 13.4, totalSendPercent: 16.5 },
  ],
};
