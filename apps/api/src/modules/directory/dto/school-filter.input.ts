import { PhaseEnum } from '../../../common/graphql/enums';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Phase } from '@lantern/shared-domain';

@InputType()
export class SchoolFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust from the list.' })
  trustId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a local authority from the list.' })
  localAuthorityId?: string | null;
  @Field(() => PhaseEnum, { nullable: true })
  @IsOptional()
  @IsEnum(Phase, { message: 'Choose a phase from the list.' })
  phase?: Phase | null;
}
