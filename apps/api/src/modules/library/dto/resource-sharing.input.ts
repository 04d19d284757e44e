import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ResourceKind, ShareScope } from '@lantern/shared-domain';
import { ResourceKindEnum, ShareScopeEnum } from '../library.model';

/** Who a resource is shared with: the same fields, messages and rules when creating or changing it. */
@InputType({ isAbstract: true })
export class ResourceSharingInput {
  @Field(() => ShareScopeEnum)
  @IsIn(Object.values(ShareScope), { message: 'Choose who to share it with.' })
  shareScope!: ShareScope;
  @Field(() => ID, { nullable: true, description: 'For TRUST scope.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust from the list.' })
  trustId?: string | null;
  @Field(() => ID, { nullable: true, description: 'For SCHOOL scope.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a school from the list.' })
  schoolId?: string | null;
}

@InputType({ description: "Change a resource's kind and who it is shared with (widen or narrow)." })
export class ChangeResourceSharingInput extends ResourceSharingInput {
  @Field(() => ID) @IsUUID('all', { message: 'That resource does not exist.' }) resourceId!: string;
  @Field(() => ResourceKindEnum, { nullable: true, description: 'Leave out to keep the kind.' })
  @IsOptional()
  @IsIn(Object.values(ResourceKind), { message: 'Choose a kind of resource.' })
  kind?: ResourceKind | null;
}
