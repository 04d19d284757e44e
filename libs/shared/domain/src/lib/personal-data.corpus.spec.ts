import { describe, expect, it } from 'vitest';
import { NAME_DATA } from '../names';
import { CORPUS_MEMBERS, IDENTIFYING, ORDINARY } from './personal-data.corpus';
import { findPersonalData } from './personal-data';

const check = (text: string) => findPersonalData(text, { names: NAME_DATA, allowedNames: CORPUS_MEMBERS });

describe('the personal-data check on a corpus of school writing', () => {
  it('is big enough to mean something', () => {
    expect(IDENTIFYING.length).toBeGreaterThanOrEqual(150);
    expect(ORDINARY.length).toBeGreaterThanOrEqual(150);
  });

  it('stops at least 95% of identifying sentences and flags at most 3% of ordinary ones', () => {
    const missed = IDENTIFYING.filter((t) => check(t).length === 0);
    const flagged = ORDINARY.map((t) => ({ t, f: check(t).map((f) => f.match) })).filter((x) => x.f.length);
    const stopped = 1 - missed.length / IDENTIFYING.length;
    const falseAlarms = flagged.length / ORDINARY.length;
    console.log(
      `Pupil-details check: stopped ${IDENTIFYING.length - missed.length}/${IDENTIFYING.length} identifying ` +
        `(${(stopped * 100).toFixed(1)}%), flagged ${flagged.length}/${ORDINARY.length} ordinary ` +
        `(${(falseAlarms * 100).toFixed(1)}%).\nMissed: ${JSON.stringify(missed, null, 1)}\n` +
        `False alarms: ${JSON.stringify(flagged, null, 1)}`,
    );
    expect(stopped).toBeGreaterThanOrEqual(0.95);
    expect(falseAlarms).toBeLessThanOrEqual(0.03);
  });
});
