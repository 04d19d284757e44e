import { Field, Float, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { SignedIn } from '../../common/auth/decorators';
import { APP_CONFIG, AppConfig } from '../../config/config';

@ObjectType('UploadLimits', { description: 'What `POST /files` accepts on this server.' })
export class UploadLimitsModel {
  @Field(() => Float, { description: 'The largest file accepted, in bytes (UPLOAD_MAX_BYTES).' })
  maxBytes!: number;
}

@Resolver()
export class FilesResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Query(() => UploadLimitsModel, {
    description: 'Upload limits, so the client can refuse a file before sending it.',
  })
  @SignedIn()
  uploadLimits(): UploadLimitsModel {
    return { maxBytes: this.config.uploadMaxBytes };
  }
}
