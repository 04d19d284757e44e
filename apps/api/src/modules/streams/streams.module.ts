import { Global, Module } from '@nestjs/common';
import { StreamRegistry } from './stream-registry';
import { StreamsService } from './streams.service';

@Global()
@Module({ providers: [StreamsService, StreamRegistry], exports: [StreamsService, StreamRegistry] })
export class StreamsModule {}
