import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class PeopleFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust from the list.' })
  trustId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a school from the list.' })
  schoolId?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100, { message: 'Search for at most 100 characters.' })
  search?: string | null;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  includeDeactivated?: boolean | null;
}
