import { Module } from '@nestjs/common';
import {
  FundingBandsByAuthorityLoader,
  LocalAuthorityByIdLoader,
  SchoolByIdLoader,
  SchoolsByTrustLoader,
  TrustByIdLoader,
} from './directory.loader';
import { LocalAuthorityResolver, SchoolResolver, TrustResolver } from './directory.resolver';
import { DirectoryService } from './directory.service';

const loaders = [
  TrustByIdLoader,
  SchoolByIdLoader,
  SchoolsByTrustLoader,
  LocalAuthorityByIdLoader,
  FundingBandsByAuthorityLoader,
];

@Module({
  providers: [DirectoryService, TrustResolver, SchoolResolver, LocalAuthorityResolver, ...loaders],
  exports: [DirectoryService, ...loaders],
})
export class DirectoryModule {}
