import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoaderFactory, groupedLoader } from '../../common/loaders/request-loaders';
import { MembershipEntity } from './membership.entity';

@Injectable()
export class MembershipsByUserLoader implements LoaderFactory<string, MembershipEntity[]> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () => groupedLoader(this.ds, MembershipEntity, 'userId', { createdAt: 'ASC' });
}
