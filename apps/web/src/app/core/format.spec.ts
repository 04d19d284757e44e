import {
  formatCount,
  formatDate,
  formatDateTime,
  formatPercent,
  formatPounds,
  formatRelative,
} from './format';

describe('formatting (en-GB)', () => {
  it('formats pounds', () => {
    expect(formatPounds(12000)).toBe('£12,000');
    expect(formatPounds(1234.5)).toBe('£1,234.50');
    expect(formatPounds(null)).toBe('–');
  });
  it('formats percentages with one decimal', () => {
    expect(formatPercent(18.25)).toBe('18.3%');
    expect(formatPercent(4)).toBe('4.0%');
    expect(formatPercent(null)).toBe('–');
  });
  it('formats counts and UK dates', () => {
    expect(formatCount(1206)).toBe('1,206');
    expect(formatDate('2026-03-03T10:00:00Z')).toBe('3 March 2026');
    // British Summer Time: 13:05 UTC is 14:05 in London.
    expect(formatDateTime('2026-07-03T13:05:00Z')).toBe('3 Jul 2026, 14:05');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();
  it('says how long ago, in words, then the date after a week', () => {
    expect(formatRelative(ago(10_000), now)).toBe('just now');
    expect(formatRelative(ago(60_000), now)).toBe('1 minute ago');
    expect(formatRelative(ago(5 * 60_000), now)).toBe('5 minutes ago');
    expect(formatRelative(ago(3 * 3_600_000), now)).toBe('3 hours ago');
    expect(formatRelative(ago(24 * 3_600_000), now)).toBe('yesterday');
    expect(formatRelative(ago(3 * 24 * 3_600_000), now)).toBe('3 days ago');
    expect(formatRelative(ago(10 * 24 * 3_600_000), now)).toBe('28 February 2026');
    expect(formatRelative(null, now)).toBe('');
  });
});
