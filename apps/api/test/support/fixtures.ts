import type { TestApp } from './test-app';

/** Ids of demo records, looked up by trust short name and school name (never by name alone). */
export async function ids(t: TestApp) {
  const trusts = await t.sql<{ id: string; short_name: string }>('SELECT id, short_name FROM trusts');
  const schools = await t.sql<{ id: string; name: string; short_name: string }>(
    'SELECT s.id, s.name, t.short_name FROM schools s JOIN trusts t ON t.id = s.trust_id',
  );
  const users = await t.sql<{ id: string; email: string }>('SELECT id, email FROM users');
  return {
    trust: (short: 'ACT' | 'CCT' | 'MCT') => trusts.find((x) => x.short_name === short)!.id,
    school: (short: 'ACT' | 'CCT' | 'MCT', name: string) =>
      schools.find((x) => x.short_name === short && x.name === name)!.id,
    user: (email: string) => users.find((u) => u.email === email)!.id,
  };
}

/** The newest invitation link in the development outbox for an address. */
export async function invitationLink(t: TestApp, email: string): Promise<string> {
  const [row] = await t.sql<{ text: string }>(
    'SELECT text FROM outbox_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1',
    [email],
  );
  const match = row?.text.match(/https?:\/\/\S+\/invitations\/accept\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`No invitation mail for ${email}`);
  return match[1]!;
}
