import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoaderFactory, byIdLoader, groupedLoader } from '../../common/loaders/request-loaders';
import { FundingBandEntity, LocalAuthorityEntity } from './local-authority.entity';
import { SchoolEntity } from './school.entity';
import { TrustEntity } from './trust.entity';

@Injectable()
export class TrustByIdLoader implements LoaderFactory<string, TrustEntity | null> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () => byIdLoader(this.ds, TrustEntity);
}

@Injectable()
export class SchoolByIdLoader implements LoaderFactory<string, SchoolEntity | null> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () => byIdLoader(this.ds, SchoolEntity);
}

@Injectable()
export class SchoolsByTrustLoader implements LoaderFactory<string, SchoolEntity[]> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () => groupedLoader(this.ds, SchoolEntity, 'trustId', { name: 'ASC' });
}

@Injectable()
export class LocalAuthorityByIdLoader implements LoaderFactory<string, LocalAuthorityEntity | null> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () => byIdLoader(this.ds, LocalAuthorityEntity);
}

@Injectable()
export class FundingBandsByAuthorityLoader implements LoaderFactory<string, FundingBandEntity[]> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () => groupedLoader(this.ds, FundingBandEntity, 'localAuthorityId', { position: 'ASC' });
}
