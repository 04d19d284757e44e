import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** The job runner, available to every feature (see JobsService). */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
