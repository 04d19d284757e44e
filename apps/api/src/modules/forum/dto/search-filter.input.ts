import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class ForumSearchFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') categoryId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(30) tag?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') authorId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() from?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() to?: Date | null;
}
