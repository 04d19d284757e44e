export enum Phase {
  Infant = 'INFANT',
  Primary = 'PRIMARY',
  Secondary = 'SECONDARY',
  AllThrough = 'ALL_THROUGH',
  Special = 'SPECIAL',
}

export const PHASE_LABEL: Readonly<Record<Phase, string>> = {
  [Phase.Infant]: 'Infant',
  [Phase.Primary]: 'Primary',
  [Phase.Secondary]: 'Secondary',
  [Phase.AllThrough]: 'All-through',
  [Phase.Special]: 'Special',
};

/** National averages are published for primary and secondary; other phases compare with one of them. */
export enum AveragePhase {
  Primary = 'PRIMARY',
  Secondary = 'SECONDARY',
}

export function comparablePhase(phase: Phase): AveragePhase | null {
  switch (phase) {
    case Phase.Infant:
    case Phase.Primary:
      return AveragePhase.Primary;
    case Phase.Secondary:
      return AveragePhase.Secondary;
    default:
      return null;
  }
}

/** How a local authority expresses its top-up funding levels. */
export enum FundingUnit {
  Hours = 'HOURS',
  Band = 'BAND',
}

/** A share of the roll as a percentage with one decimal place, or null when the roll is empty. */
export function percentOfRoll(count: number, numberOnRoll: number): number | null {
  if (!Number.isFinite(count) || !Number.isFinite(numberOnRoll) || numberOnRoll <= 0) return null;
  return Math.round((count / numberOnRoll) * 1000) / 10;
}

export interface SendFigures {
  numberOnRoll: number;
  ehcpCount: number;
  senSupportCount: number;
}

export interface SendPercentages {
  ehcpPercent: number | null;
  senSupportPercent: number | null;
  totalSendPercent: number | null;
}

export function sendPercentages(f: SendFigures): SendPercentages {
  return {
    ehcpPercent: percentOfRoll(f.ehcpCount, f.numberOnRoll),
    senSupportPercent: percentOfRoll(f.senSupportCount, f.numberOnRoll),
    totalSendPercent: percentOfRoll(f.ehcpCount + f.senSupportCount, f.numberOnRoll),
  };
}

/** Sum several schools' figures (a trust total). */
export function sumFigures(list: readonly SendFigures[]): SendFigures {
  return list.reduce<SendFigures>(
    (acc, s) => ({
      numberOnRoll: acc.numberOnRoll + s.numberOnRoll,
      ehcpCount: acc.ehcpCount + s.ehcpCount,
      senSupportCount: acc.senSupportCount + s.senSupportCount,
    }),
    { numberOnRoll: 0, ehcpCount: 0, senSupportCount: 0 },
  );
}

/** Why a set of school figures is impossible, or null when it is consistent. */
export function invalidFigures(f: SendFigures): string | null {
  for (const [name, v] of Object.entries(f)) {
    if (!Number.isInteger(v) || v < 0) return `${name} must be a whole number of zero or more`;
  }
  if (f.ehcpCount + f.senSupportCount > f.numberOnRoll) {
    return 'EHCP and SEN support together cannot exceed the number on roll';
  }
  return null;
}
