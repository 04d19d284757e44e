import { findPersonalData } from '@lantern/shared-domain';
import { NAME_DATA } from '@lantern/shared-domain/names';
import { DEMO_ACCOUNTS } from './demo-data';
import { FORUM_CATEGORIES, FORUM_THREADS } from './forum-demo';
import { LIBRARY_DEMO } from './library-demo';
import { DEMO_NOTES } from './caseload-demo';

/** Every string in a value, however deeply nested. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the demo data', () => {
  it('passes the personal-data check (demo posts and resources name no pupils)', () => {
    const members = DEMO_ACCOUNTS.map((a) => a.name);
    // Authors are referred to by their demo account's email: a key, not text anyone posts.
    const emails = new Set(DEMO_ACCOUNTS.map((a) => a.email));
    const texts = strings([FORUM_CATEGORIES, FORUM_THREADS, LIBRARY_DEMO, DEMO_NOTES]).filter((t) => !emails.has(t));
    expect(texts.length).toBeGreaterThan(50);
    const flagged = texts
      .map((t) => ({
        t: t.slice(0, 120),
        found: findPersonalData(t, { names: NAME_DATA, allowedNames: members }),
      }))
      .filter((x) => x.found.length)
      .map((x) => `${x.found.map((f) => f.match).join(', ')} in “${x.t}”`);
    expect(flagged).toEqual([]);
  });
});
