import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, type Grant, ROLE_LABEL, Role, canSeePersonDetails } from '@lantern/shared-domain';
import { MeetingPersonCandidateModel } from './meeting-people.model';

export const CANDIDATES_MAX = 20;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type CandidateRow = {
  id: string;
  display_name: string;
  grants: Array<Grant & { place: string | null }>;
};

/**
 * People who may be named in a meeting (chair, note-taker, guests) or asked in a poll: anyone in the
 * network with a role who is not deactivated, found by part of their name. Any signed-in person may
 * invite named guests from other scopes, so this is wider than `people`; it shows names only, and a
 * role line only where the shared policy lets the viewer see more than a name.
 */
@Injectable()
export class MeetingPeopleService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async candidates(actor: Actor, search: string, first: number): Promise<MeetingPersonCandidateModel[]> {
    const q = search.trim().toLowerCase();
    if (q.length < 2 || q.length > 200) return [];
    const limit = Math.min(Math.max(Math.trunc(first) || 0, 1), CANDIDATES_MAX);
    const rows: CandidateRow[] = await this.ds.query(
      `SELECT u.id, u.display_name,
              json_agg(json_build_object(
                'role', mb.role,
                'trustId', COALESCE(mb.trust_id, sc.trust_id),
                'schoolId', mb.school_id,
                'place', COALESCE(sc.name, tr.name)
              ) ORDER BY mb.created_at, mb.id) AS grants
         FROM users u
         JOIN memberships mb ON mb.user_id = u.id
         LEFT JOIN schools sc ON sc.id = mb.school_id
         LEFT JOIN trusts tr ON tr.id = mb.trust_id
        WHERE u.deactivated_at IS NULL AND lower(u.display_name) LIKE $1 ESCAPE '\\'
        GROUP BY u.id, u.display_name
        ORDER BY lower(u.display_name), u.id
        LIMIT $2`,
      [`%${likeEscape(q)}%`, limit],
    );
    return rows.map((r) => {
      const target: Actor = {
        userId: r.id,
        grants: r.grants.map((g) => ({ role: g.role, trustId: g.trustId, schoolId: g.schoolId })),
      };
      return {
        id: r.id,
        displayName: r.display_name,
        roleLine: canSeePersonDetails(actor, target) ? roleLine(r.grants) : null,
      };
    });
  }
}

function roleLine(grants: CandidateRow['grants']): string {
  const [g] = grants;
  if (!g) return '';
  const first =
    g.role === Role.NetworkAdmin || !g.place ? ROLE_LABEL[g.role] : `${ROLE_LABEL[g.role]}, ${g.place}`;
  const more = grants.length - 1;
  return more > 0 ? `${first} (and ${more} more role${more === 1 ? '' : 's'})` : first;
}
