import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AuditAction } from '@lantern/shared-domain';

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(AuditAction), { message: 'Choose an action from the list.' })
  action?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust from the list.' })
  trustId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a school from the list.' })
  schoolId?: string | null;
}
