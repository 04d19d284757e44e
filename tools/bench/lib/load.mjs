// The load side: socket.io clients in this one process, a fan-out driver and histograms.
import { availableParallelism } from 'node:os';
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import hdr from 'hdr-histogram-js';
import { io } from 'socket.io-client';
import { ORIGIN, cpuSeconds, machineCpu, sleep, waitQuiet } from './servers.mjs';

/** Latency histogram in microseconds (1 µs .. 120 s, 3 significant digits). */
export const histogram = () =>
  hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
  });

const cores = availableParallelism();

export const ms = (us) => (us / 1000).toFixed(2);

/** Open one socket as a browser tab would (websocket, the allowed origin, the session cookie). */
function openOne(url, cookie) {
  return new Promise((resolve, reject) => {
    const s = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 60_000,
      extraHeaders: { origin: ORIGIN, ...(cookie ? { cookie } : {}) },
    });
    const t = setTimeout(() => {
      s.disconnect();
      reject(new Error('timed out connecting'));
    }, 60_000);
    s.once('connect', () => {
      clearTimeout(t);
      resolve(s);
    });
    s.once('connect_error', (err) => {
      clearTimeout(t);
      const cause =
        err?.description?.error?.message ?? err?.description?.message ?? err?.context?.statusText ?? '';
      reject(new Error(`${err.message}${cause ? ` (${cause})` : ''}`));
    });
  });
}

/**
 * Open sockets in batches (`specs[i] = { url, cookie }`); `onOpen(socket, i)` runs before the next
 * batch (e.g. to subscribe). Returns the sockets in order.
 */
export async function openSockets(specs, { batch = 50, onOpen, progress } = {}) {
  const sockets = new Array(specs.length);
  for (let i = 0; i < specs.length; i += batch) {
    const slice = specs.slice(i, i + batch);
    await Promise.all(
      slice.map(async (spec, j) => {
        const s = await openOne(spec.url, spec.cookie);
        sockets[i + j] = s;
        await onOpen?.(s, i + j);
      }),
    );
    progress?.(Math.min(i + batch, specs.length));
  }
  return sockets;
}

export function closeSockets(sockets) {
  for (const s of sockets) s?.disconnect();
}

const ack = (s, event, payload, timeoutMs = 30_000) => s.timeout(timeoutMs).emitWithAck(event, payload);

/**
 * Room fan-out: `specs.length` sockets in rooms of `roomSize` (socket k in room floor(k / roomSize));
 * each sends one item per second on its own phase (open loop: sends are never held back for acks),
 * for `warmupS + durationS` seconds. Send-to-receive latency is recorded at the other members of the
 * room for items sent after the warm-up, with this process's monotonic clock on both ends.
 */
export async function fanout({
  label,
  specs,
  roomSize = 4,
  streamPrefix,
  warmupS = 3,
  durationS = 20,
  settleS = 3,
  cpuGroups = [],
  // Other stream kinds (e.g. the supervision benchmark): the stream of socket k, the body of a send
  // and how to read the send time and sender back from a received item (default: in the body).
  roomOf: streamOf,
  bodyOf = ({ t, from }) => ({ t, from }),
  timingOf = (item) => item.body,
}) {
  const n = specs.length;
  const tag = `${streamPrefix}`;
  const roomOf = streamOf ?? ((k) => `bench-room:${tag}-${Math.floor(k / roomSize)}`);
  const latency = histogram();
  const ackLatency = histogram();
  let problems = 0;
  let disconnects = 0;
  let refused = 0;
  const refusedCodes = new Map();
  let presenceEvents = 0;
  let measuredSends = 0;
  let measuredReceives = 0;
  let measuring = { from: Infinity, to: -Infinity };
  const otherEvents = new Map();

  const quiet = await waitQuiet();
  const t0 = performance.now();
  process.stdout.write(`  [${label}] machine ${Math.round(quiet * 100)}% busy before; opening ${n} sockets`);
  const sockets = await openSockets(specs, {
    batch: 50,
    progress: (done) => done % 250 === 0 && process.stdout.write(` ${done}`),
    onOpen: async (s, k) => {
      s.on('disconnect', () => disconnects++);
      s.on('lantern:problem', () => problems++);
      s.on('presence:changed', () => presenceEvents++);
      s.on('stream:item', (item) => {
        const now = performance.now();
        const b = timingOf(item);
        if (!b || b.from === k) return;
        if (b.t >= measuring.from && b.t < measuring.to) {
          latency.recordValue(Math.max(1, Math.round((now - b.t) * 1000)));
          measuredReceives++;
        }
      });
      s.onAny((event) => {
        if (event !== 'stream:item' && event !== 'presence:changed')
          otherEvents.set(event, (otherEvents.get(event) ?? 0) + 1);
      });
      const r = await ack(s, 'stream:subscribe', { stream: roomOf(k) });
      if (!r.ok) throw new Error(`subscribe refused: ${JSON.stringify(r)}`);
    },
  });
  const openedS = (performance.now() - t0) / 1000;
  process.stdout.write(` in ${openedS.toFixed(1)} s; settling ${settleS} s\n`);
  await sleep(settleS * 1000);

  const loopDelay = monitorEventLoopDelay({ resolution: 2 });
  const start = performance.now() + 200;
  const period = 1000;
  const rounds = warmupS + durationS;
  measuring = { from: start + warmupS * period, to: start + rounds * period };
  let round = 0;
  let k = 0;
  let lateUs = histogram();
  // CPU seconds per process of each group (e.g. the server, the database backends) over the window.
  const groupCpu = () => cpuGroups.map((g) => new Map(g.pids().map((pid) => [pid, cpuSeconds(pid) || 0])));
  for (const g of cpuGroups) await g.refresh?.();
  const cpu0 = { self: process.cpuUsage(), groups: groupCpu() };
  let machine0 = null;
  await new Promise((resolveRun) => {
    const tick = () => {
      const now = performance.now();
      if (machine0 === null && now >= measuring.from) {
        machine0 = machineCpu();
        cpu0.self = process.cpuUsage();
        cpu0.groups = groupCpu();
        loopDelay.enable();
      }
      while (round < rounds) {
        const due = start + round * period + (k * period) / n;
        if (due > now) break;
        const s = sockets[k];
        const t = performance.now();
        const inWindow = t >= measuring.from && t < measuring.to;
        if (inWindow) {
          measuredSends++;
          lateUs.recordValue(Math.max(1, Math.round((t - due) * 1000)));
        }
        const from = k;
        const clientId = `${tag}-${from}-${round}`;
        s.emit(
          'stream:send',
          { stream: roomOf(from), clientId, body: bodyOf({ t, from, round, clientId }) },
          (r) => {
            if (!r?.ok) {
              refused++;
              refusedCodes.set(r?.code ?? 'none', (refusedCodes.get(r?.code ?? 'none') ?? 0) + 1);
            } else if (inWindow)
              ackLatency.recordValue(Math.max(1, Math.round((performance.now() - t) * 1000)));
          },
        );
        if (++k === n) {
          k = 0;
          round++;
        }
      }
      if (round >= rounds) return resolveRun();
      setTimeout(tick, 1);
    };
    tick();
  });
  const machine1 = machineCpu();
  const windowS = (performance.now() - measuring.from) / 1000;
  const self = process.cpuUsage(cpu0.self);
  for (const g of cpuGroups) await g.refresh?.();
  const groups = groupCpu().map((now, i) => {
    let used = 0;
    for (const [pid, c] of now) used += c - (cpu0.groups[i].get(pid) ?? 0);
    return { label: cpuGroups[i].label, cpu: used / windowS };
  });
  loopDelay.disable();
  // Let the last items arrive.
  const expected = measuredSends * (roomSize - 1);
  for (let waited = 0; waited < 10_000 && measuredReceives < expected; waited += 100) await sleep(100);
  const unexpectedDisconnects = disconnects;
  closeSockets(sockets);
  await sleep(500);

  const result = {
    label,
    sockets: n,
    rooms: Math.ceil(n / roomSize),
    measuredSends,
    expectedReceives: expected,
    receives: measuredReceives,
    p50: latency.getValueAtPercentile(50),
    p90: latency.getValueAtPercentile(90),
    p99: latency.getValueAtPercentile(99),
    p999: latency.getValueAtPercentile(99.9),
    max: latency.maxValue,
    ackP50: ackLatency.getValueAtPercentile(50),
    ackP99: ackLatency.getValueAtPercentile(99),
    sendLateP99: lateUs.getValueAtPercentile(99),
    loopDelayP99: Math.max(0, loopDelay.percentile(99) / 1e6 - 2),
    loadCpu: (self.user + self.system) / 1e6 / windowS,
    cpu: groups,
    machineBusy: (machine1.busy - machine0.busy) / (machine1.total - machine0.total),
    refused,
    refusedCodes: Object.fromEntries(refusedCodes),
    problems,
    disconnects: unexpectedDisconnects,
    presenceEvents,
    otherEvents: Object.fromEntries(otherEvents),
    openedS,
  };
  printFanout(result);
  return result;
}

export function printFanout(r) {
  const pct = (x) => `${Math.round(x * 100)}%`;
  console.log(
    `  [${r.label}] ${r.sockets} sockets in ${r.rooms} rooms, ${r.measuredSends} sends measured, ${r.receives}/${r.expectedReceives} receives\n` +
      `    send->receive  p50 ${ms(r.p50)} ms  p90 ${ms(r.p90)} ms  p99 ${ms(r.p99)} ms  p99.9 ${ms(r.p999)} ms  max ${ms(r.max)} ms\n` +
      `    send->ack      p50 ${ms(r.ackP50)} ms  p99 ${ms(r.ackP99)} ms\n` +
      `    load process: CPU ${pct(r.loadCpu)}, event-loop delay p99 ${r.loopDelayP99.toFixed(1)} ms, sends late p99 ${ms(r.sendLateP99)} ms; ` +
      `${r.cpu.map((g) => `${g.label} CPU ${pct(g.cpu)}`).join(', ')}; machine busy ${pct(r.machineBusy)} of ${cores} cores\n` +
      `    refused acks ${r.refused}${r.refused ? ` ${JSON.stringify(r.refusedCodes)}` : ''}, problems ${r.problems}, unexpected disconnects ${r.disconnects}`,
  );
}

/** Whether a fan-out run kept up: every measured item delivered and every send accepted. */
export const keptUp = (r) => r.receives === r.expectedReceives && r.refused === 0;

export function ratioLine(name, value, base, target, valid = true) {
  const ratio = value / base;
  const verdict =
    target === undefined
      ? ''
      : !valid
        ? `  (target <= ${target}: not meaningful, a run did not keep up: items refused or lost)`
        : ratio <= target
          ? `  (target <= ${target}: met)`
          : `  (target <= ${target}: MISSED)`;
  return `  ${name.padEnd(14)} ${ms(value).padStart(9)} ms vs ${ms(base).padStart(9)} ms  ratio ${ratio.toFixed(2)}${verdict}`;
}
