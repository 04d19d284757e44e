import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  LibraryReach,
  ResourceRecord,
  canManageResource,
  canSeeResource,
  libraryReach,
} from '@lantern/shared-domain';
import { ActorsRepository } from '../../common/auth/actors.repository';
import { Errors } from '../../common/errors/app-error';
import { LibraryResourceEntity } from './library.entity';

/**
 * Who may see and look after library resources: always the shared policy (canSeeResource,
 * canManageResource); lists use `visibleSql`, which implements the same rule (reachSees) in SQL.
 */
@Injectable()
export class LibraryAccessService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly actors: ActorsRepository,
  ) {}

  /** The resource, or NOT_FOUND when it does not exist or the actor may not see it (never FORBIDDEN). */
  async resource(
    actor: Actor,
    id: string,
    m: EntityManager = this.ds.manager,
  ): Promise<LibraryResourceEntity> {
    const r = await m.getRepository(LibraryResourceEntity).findOneBy({ id });
    if (!r || !canSeeResource(actor, r)) throw Errors.notFound('That resource');
    return r;
  }

  /** The resource, locked for the transaction, when the actor may look after it. */
  async managed(actor: Actor, id: string, m: EntityManager, what: string): Promise<LibraryResourceEntity> {
    const r = await m
      .getRepository(LibraryResourceEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    if (!r || !canSeeResource(actor, r)) throw Errors.notFound('That resource');
    if (!canManageResource(actor, r)) throw Errors.forbidden(what);
    return r;
  }

  /**
   * A SQL condition on resources aliased `alias` that holds exactly when reachSees(reach, row);
   * parameters are appended to `params` ($n placeholders).
   */
  visibleSql(actor: Actor, alias: string, params: unknown[]): string {
    const reach: LibraryReach = libraryReach(actor);
    if (!reach.member) return 'false';
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const audience = reach.everywhere
      ? 'true'
      : `(${alias}.share_scope = 'NETWORK'
          OR (${alias}.share_scope = 'TRUST' AND ${alias}.trust_id = ANY(${p(reach.trustIds)}::uuid[]))
          OR (${alias}.share_scope = 'SCHOOL' AND (${alias}.school_id = ANY(${p(reach.schoolIds)}::uuid[])
              OR ${alias}.trust_id = ANY(${p(reach.schoolsOfTrustIds)}::uuid[]))))`;
    const drafts = reach.manageEverywhere
      ? 'true'
      : `(${alias}.owner_id = ${p(reach.userId)}
          OR (${alias}.share_scope <> 'NETWORK' AND ${alias}.trust_id = ANY(${p(reach.manageTrustIds)}::uuid[]))
          OR (${alias}.share_scope = 'SCHOOL' AND ${alias}.school_id = ANY(${p(reach.manageSchoolIds)}::uuid[])))`;
    return `(${audience} AND (${alias}.status <> 'DRAFT' OR ${drafts}))`;
  }

  /** Of these people, those who may see the resource now (current roles, active accounts). */
  async whoCanSee(
    userIds: string[],
    r: ResourceRecord,
    m: EntityManager = this.ds.manager,
  ): Promise<string[]> {
    const actors = await this.activeActors(userIds, m);
    return [...actors.values()].filter((a) => canSeeResource(a, r)).map((a) => a.userId);
  }

  /** These people's current roles, in one statement; deactivated accounts are left out (ActorsRepository). */
  activeActors(userIds: string[], m: EntityManager = this.ds.manager): Promise<Map<string, Actor>> {
    return this.actors.actorsFor(userIds, m);
  }
}
