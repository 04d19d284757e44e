import { Field, ID, InputType } from '@nestjs/graphql';
import { IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Role } from '@lantern/shared-domain';
import { RoleEnum } from '../../../common/graphql/enums';

@InputType()
export class CategoryInput {
  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'Give the category a name.' })
  @MaxLength(80, { message: 'Keep the name under 80 characters.' })
  name!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'Keep the description under 500 characters.' })
  description?: string | null;
  @Field(() => ID, { nullable: true, description: 'Limit to one trust.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust from the list.' })
  trustId?: string | null;
  @Field(() => [RoleEnum], { nullable: true, description: 'Limit to these roles.' })
  @IsOptional()
  @IsArray()
  @IsIn(Object.values(Role), { each: true, message: 'Choose roles from the list.' })
  roles?: Role[] | null;
}
