import { describe, expect, it } from 'vitest';
import {
  Phase,
  AveragePhase,
  comparablePhase,
  invalidFigures,
  percentOfRoll,
  sendPercentages,
  sumFigures,
} from './organisation';
import { passwordProblem, isEmail, normaliseEmail } from './limits';

describe('SEND figures', () => {
  it('matches the workshop table for Holy Family Primary', () => {
    expect(sendPercentages({ numberOnRoll: 212, ehcpCount: 9, senSupportCount: 31 })).toEqual({
      ehcpPercent: 4.2,
      senSupportPercent: 14.6,
      totalSendPercent: 18.9,
    });
  });

  it('totals a trust', () => {
    const t = sumFigures([
      { numberOnRoll: 212, ehcpCount: 9, senSupportCount: 31 },
      { numberOnRoll: 457, ehcpCount: 4, senSupportCount: 61 },
    ]);
    expect(t).toEqual({ numberOnRoll: 669, ehcpCount: 13, senSupportCount: 92 });
  });

  it('gives no percentage for an empty roll', () => {
    expect(percentOfRoll(3, 0)).toBeNull();
  });

  it('refuses impossible figures', () => {
    expect(invalidFigures({ numberOnRoll: 10, ehcpCount: 6, senSupportCount: 5 })).toMatch(/cannot exceed/);
    expect(invalidFigures({ numberOnRoll: 10, ehcpCount: -1, senSupportCount: 5 })).toMatch(/whole number/);
    expect(invalidFigures({ numberOnRoll: 10, ehcpCount: 1, senSupportCount: 5 })).toBeNull();
  });

  it('compares infants with primary averages', () => {
    expect(comparablePhase(Phase.Infant)).toBe(AveragePhase.Primary);
    expect(comparablePhase(Phase.Special)).toBeNull();
  });
});

describe('passwords and emails', () => {
  it('needs 12 characters', () => {
    expect(passwordProblem('short')).toMatch(/12/);
    expect(passwordProblem('a long enough passphrase')).toBeNull();
  });
  it('refuses a password made of the email', () => {
    expect(passwordProblem('senco.holyfamily!!', ['senco.holyfamily@example.org'.split('@')[0]])).toMatch(
      /name or email/,
    );
  });
  it('normalises emails', () => {
    expect(normaliseEmail('  SENCO@Example.ORG ')).toBe('senco@example.org');
    expect(isEmail('senco@example.org')).toBe(true);
    expect(isEmail('not an email')).toBe(false);
  });
});

import { acceptItems, reconnectDelayMs, StreamItem } from './realtime';

describe('acceptItems', () => {
  const item = (seq: number): StreamItem => ({
    stream: 'x:1',
    seq,
    clientId: `c${seq}`,
    authorId: null,
    body: {},
    createdAt: '',
  });
  it('applies the next items in order and drops ones already seen', () => {
    expect(acceptItems(2, [item(4), item(3), item(2)]).apply.map((i) => i.seq)).toEqual([3, 4]);
  });
  it('reports a gap and stops before it', () => {
    const r = acceptItems(2, [item(3), item(5)]);
    expect(r).toMatchObject({ lastSeq: 3, gap: true });
  });
  it('backs off up to 15 seconds', () => {
    expect([0, 1, 2, 10].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 15000]);
  });
});
