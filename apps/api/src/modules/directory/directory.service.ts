import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROLE_SCOPE, Role, Scope, ScopeKind, NETWORK } from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { LocalAuthorityEntity, NationalAverageEntity } from './local-authority.entity';
import { SchoolEntity } from './school.entity';
import { TrustEntity } from './trust.entity';
import { SchoolFilter } from './dto/school-filter.input';

@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  trusts(): Promise<TrustEntity[]> {
    return this.ds.getRepository(TrustEntity).find({ order: { name: 'ASC' } });
  }

  schools(filter: SchoolFilter | null | undefined): Promise<SchoolEntity[]> {
    const qb = this.ds
      .getRepository(SchoolEntity)
      .createQueryBuilder('s')
      .orderBy('s.name', 'ASC')
      .addOrderBy('s.id');
    if (filter?.trustId) qb.andWhere('s.trust_id = :trustId', { trustId: filter.trustId });
    if (filter?.localAuthorityId) qb.andWhere('s.local_authority_id = :la', { la: filter.localAuthorityId });
    if (filter?.phase) qb.andWhere('s.phase = :phase', { phase: filter.phase });
    return qb.getMany();
  }

  localAuthorities(): Promise<LocalAuthorityEntity[]> {
    return this.ds.getRepository(LocalAuthorityEntity).find({ order: { name: 'ASC' } });
  }

  nationalAverages(): Promise<NationalAverageEntity[]> {
    return this.ds.getRepository(NationalAverageEntity).find({ order: { phase: 'ASC' } });
  }

  /**
   * The scope a role would be held in, checked against the database: a trust role needs an existing
   * trust, a school role an existing school (its trust comes from the school, never from the caller).
   */
  async scopeFor(
    role: Role,
    trustId: string | null | undefined,
    schoolId: string | null | undefined,
  ): Promise<Scope> {
    switch (ROLE_SCOPE[role]) {
      case ScopeKind.Network:
        if (trustId || schoolId) throw Errors.badInput('A network role is not held in a trust or school.');
        return NETWORK;
      case ScopeKind.Trust: {
        if (!trustId) throw Errors.badInput('Choose the trust for this role.', { trustId: 'Choose a trust' });
        if (schoolId) throw Errors.badInput('A trust role is held in a trust, not a school.');
        const trust = await this.ds.getRepository(TrustEntity).findOneBy({ id: trustId });
        if (!trust) throw Errors.notFound('That trust');
        return { kind: ScopeKind.Trust, trustId };
      }
      case ScopeKind.School: {
        if (!schoolId)
          throw Errors.badInput('Choose the school for this role.', { schoolId: 'Choose a school' });
        const school = await this.ds.getRepository(SchoolEntity).findOneBy({ id: schoolId });
        if (!school) throw Errors.notFound('That school');
        return { kind: ScopeKind.School, trustId: school.trustId, schoolId };
      }
    }
  }
}
