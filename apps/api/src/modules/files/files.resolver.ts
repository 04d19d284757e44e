import { Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { SignedIn } from '../../common/auth/decorators';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { UploadLimitsModel } from './upload-limits.model';

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
