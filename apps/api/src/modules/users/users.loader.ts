import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { Grant, Role } from '@lantern/shared-domain';
import { LoaderFactory, byIdLoader, groupByKey } from '../../common/loaders/request-loaders';
import { UserEntity } from './user.entity';

@Injectable()
export class UserByIdLoader implements LoaderFactory<string, UserEntity | null> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () => byIdLoader(this.ds, UserEntity);
}

/** A person's role grants (school roles with their school's trust), as the policy reads them. */
@Injectable()
export class GrantsByUserLoader implements LoaderFactory<string, Grant[]> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () =>
    new DataLoader<string, Grant[]>(async (ids) => {
      const rows: Array<{ user_id: string; role: Role; trust_id: string | null; school_id: string | null }> =
        await this.ds.query(
          `SELECT m.user_id, m.role, COALESCE(m.trust_id, sc.trust_id) AS trust_id, m.school_id
             FROM memberships m LEFT JOIN schools sc ON sc.id = m.school_id
            WHERE m.user_id = ANY($1::uuid[])`,
          [ids],
        );
      return groupByKey(ids, rows, (r) => r.user_id).map((list) =>
        list.map((r) => ({ role: r.role, trustId: r.trust_id, schoolId: r.school_id })),
      );
    });
}
