import { TYPING_FORGET_MS, type TypingClock, TypingSignaller, TypingWatch } from './room-typing';

/** A clock whose time moves only when told. */
class FakeClock implements TypingClock {
  time = 0;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private ids = 0;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.ids;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.time = next.at;
      this.timers = this.timers.filter((t) => t !== next);
      next.fn();
    }
    this.time = end;
  }
}

describe('TypingSignaller', () => {
  it('says "typing" on the first keystroke, then at most every 2 s while typing goes on', () => {
    const clock = new FakeClock();
    const sent: boolean[] = [];
    const t = new TypingSignaller((typing) => sent.push(typing), clock);
    // A keystroke every 200 ms for 5 s.
    for (let ms = 0; ms < 5000; ms += 200) {
      t.input(true);
      clock.advance(200);
    }
    // At 0, 2000 and 4000 ms.
    expect(sent).toEqual([true, true, true]);
  });

  it('says "stopped" after 5 s without a keystroke, once', () => {
    const clock = new FakeClock();
    const sent: boolean[] = [];
    const t = new TypingSignaller((typing) => sent.push(typing), clock);
    t.input(true);
    clock.advance(4900);
    expect(sent).toEqual([true]);
    clock.advance(100);
    expect(sent).toEqual([true, false]);
    clock.advance(10_000);
    expect(sent).toEqual([true, false]);
    // Typing again starts over at once.
    t.input(true);
    expect(sent).toEqual([true, false, true]);
  });

  it('says "stopped" at once when the message is sent or the text emptied, and nothing if it never said "typing"', () => {
    const clock = new FakeClock();
    const sent: boolean[] = [];
    const t = new TypingSignaller((typing) => sent.push(typing), clock);
    t.stop();
    t.input(false);
    expect(sent).toEqual([]);
    t.input(true);
    t.stop();
    expect(sent).toEqual([true, false]);
    t.input(true);
    t.input(false);
    expect(sent).toEqual([true, false, true, false]);
    clock.advance(10_000);
    expect(sent).toHaveLength(4);
  });
});

describe('TypingWatch', () => {
  it('lists who is typing, and forgets them when they stop, when their message comes, or after a silence', () => {
    const clock = new FakeClock();
    let now: readonly string[] = [];
    const w = new TypingWatch((ids) => (now = ids), clock);
    w.signal('a', true);
    w.signal('b', true);
    expect(now).toEqual(['a', 'b']);
    w.signal('a', false);
    expect(now).toEqual(['b']);
    w.forget('b');
    expect(now).toEqual([]);
    w.signal('c', true);
    clock.advance(TYPING_FORGET_MS - 1);
    w.signal('c', true); // heard again: the silence starts over
    clock.advance(TYPING_FORGET_MS - 1);
    expect(now).toEqual(['c']);
    clock.advance(1);
    expect(now).toEqual([]);
  });
});
