import { performance } from 'node:perf_hooks';
import { histogram } from './load.mjs';

/**
 * Time two ways of answering the same request side by side: each round sends one of each (which goes
 * first alternates), so both see the same load even when other work shares the machine. 20 warm-up
 * rounds first. Returns the two histograms (microseconds).
 */
export async function sideBySide(rounds, a, b) {
  const g = histogram();
  const r = histogram();
  const time = async (h, fn) => {
    const t0 = performance.now();
    await fn();
    h.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
  };
  for (let i = 0; i < 20; i++) {
    await a();
    await b();
  }
  for (let i = 0; i < rounds; i++) {
    if (i % 2) {
      await time(g, a);
      await time(r, b);
    } else {
      await time(r, b);
      await time(g, a);
    }
  }
  return { g, r };
}
