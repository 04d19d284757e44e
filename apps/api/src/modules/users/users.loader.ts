import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoaderFactory, byIdLoader } from '../../common/loaders/request-loaders';
import { UserEntity } from './user.entity';

@Injectable()
export class UserByIdLoader implements LoaderFactory<string, UserEntity | null> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  create = () => byIdLoader(this.ds, UserEntity);
}
