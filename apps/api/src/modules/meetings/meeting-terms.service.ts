import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Role, Term, isIsoDate, termsProblem } from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import type { SetTermsInput } from './dto/meeting.input';
import { TermDatesModel, TermSource } from './meeting.model';

const TERM_COLUMNS = `name, starts::text AS starts, ends::text AS ends,
  half_term_starts::text AS "halfTermStarts", half_term_ends::text AS "halfTermEnds"`;

/**
 * Term dates: a local authority's (the network admin enters them) and a school's own (its headteacher
 * or SENCO; `schools.own_term_dates`); a school without its own follows its local authority's.
 */
@Injectable()
export class MeetingTermsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async termDates(localAuthorityId: string | null, schoolId: string | null, m: EntityManager = this.ds.manager): Promise<TermDatesModel> {
    if (!!localAuthorityId === !!schoolId) throw Errors.badInput('Choose a local authority or a school.', { schoolId: 'One of them' });
    if (localAuthorityId) {
      const [la] = await m.query('SELECT id FROM local_authorities WHERE id = $1', [localAuthorityId]);
      if (!la) throw Errors.notFound('That local authority');
      return { source: TermSource.LOCAL_AUTHORITY, terms: await this.termsOf(m, 'local_authority_id', localAuthorityId) };
    }
    const [school] = await m.query('SELECT local_authority_id, own_term_dates FROM schools WHERE id = $1', [schoolId]);
    if (!school) throw Errors.notFound('That school');
    if (school.own_term_dates) return { source: TermSource.SCHOOL, terms: await this.termsOf(m, 'school_id', schoolId!) };
    return {
      source: TermSource.LOCAL_AUTHORITY,
      terms: school.local_authority_id ? await this.termsOf(m, 'local_authority_id', school.local_authority_id) : [],
    };
  }

  private termsOf(m: EntityManager, column: 'local_authority_id' | 'school_id', id: string): Promise<Term[]> {
    return m.query(`SELECT ${TERM_COLUMNS} FROM terms WHERE ${column} = $1 ORDER BY starts`, [id]);
  }

  async setTerms(actor: Actor, input: SetTermsInput): Promise<TermDatesModel> {
    if (!!input.localAuthorityId === !!input.schoolId)
      throw Errors.badInput('Choose a local authority or a school.', { schoolId: 'One of them' });
    const terms: Term[] = input.terms.map((t) => ({
      name: t.name.trim(),
      starts: t.starts,
      ends: t.ends,
      halfTermStarts: t.halfTermStarts || null,
      halfTermEnds: t.halfTermEnds || null,
    }));
    const dates = terms.flatMap((t) => [t.starts, t.ends, t.halfTermStarts, t.halfTermEnds]).filter((d): d is string => !!d);
    if (dates.some((d) => !isIsoDate(d))) throw Errors.badInput('Give every term date as a real date.', { terms: 'Not a date' });
    const problem = termsProblem(terms);
    if (problem) throw Errors.badInput(problem, { terms: problem });
    return this.ds.transaction(async (m) => {
      if (input.localAuthorityId) {
        if (!actor.grants.some((g) => g.role === Role.NetworkAdmin))
          throw Errors.forbidden('set a local authority’s term dates (the network admin does)');
        const [la] = await m.query('SELECT id FROM local_authorities WHERE id = $1', [input.localAuthorityId]);
        if (!la) throw Errors.notFound('That local authority');
        await this.replace(m, 'local_authority_id', la.id, terms);
        return this.termDates(la.id, null, m);
      }
      const [school] = await m.query('SELECT id FROM schools WHERE id = $1', [input.schoolId]);
      if (!school) throw Errors.notFound('That school');
      if (!actor.grants.some((g) => g.schoolId === school.id && (g.role === Role.Headteacher || g.role === Role.Senco)))
        throw Errors.forbidden('set this school’s term dates (its headteacher or SENCO does)');
      await this.replace(m, 'school_id', school.id, terms);
      // No terms of its own: the school follows its local authority again.
      await m.query('UPDATE schools SET own_term_dates = $2 WHERE id = $1', [school.id, terms.length > 0]);
      return this.termDates(null, school.id, m);
    });
  }

  private async replace(m: EntityManager, column: 'local_authority_id' | 'school_id', id: string, terms: Term[]): Promise<void> {
    await m.query(`DELETE FROM terms WHERE ${column} = $1`, [id]);
    if (!terms.length) return;
    await m.query(
      `INSERT INTO terms (${column}, name, starts, ends, half_term_starts, half_term_ends)
       SELECT $1, * FROM unnest($2::text[], $3::date[], $4::date[], $5::date[], $6::date[])`,
      [
        id,
        terms.map((t) => t.name),
        terms.map((t) => t.starts),
        terms.map((t) => t.ends),
        terms.map((t) => t.halfTermStarts),
        terms.map((t) => t.halfTermEnds),
      ],
    );
  }
}
