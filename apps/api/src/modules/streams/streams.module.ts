import { Global, Module } from '@nestjs/common';
import { StreamBatcher } from './stream-batcher';
import { StreamRegistry } from './stream-registry';
import { StreamsService } from './streams.service';

@Global()
@Module({
  providers: [StreamsService, StreamRegistry, StreamBatcher],
  exports: [StreamsService, StreamRegistry, StreamBatcher],
})
export class StreamsModule {}
