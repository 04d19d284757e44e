import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('UploadLimits', { description: 'What `POST /files` accepts on this server.' })
export class UploadLimitsModel {
  @Field(() => Float, { description: 'The largest file accepted, in bytes (UPLOAD_MAX_BYTES).' })
  maxBytes!: number;
}
