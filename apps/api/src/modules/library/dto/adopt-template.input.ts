import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LIBRARY_LIMITS as L } from '@lantern/shared-domain';

@InputType()
export class AdoptTemplateInput {
  @Field(() => ID) @IsUUID('all', { message: 'That resource does not exist.' }) resourceId!: string;
  @Field(() => String, { nullable: true, description: 'Local notes (markdown).' })
  @IsOptional()
  @IsString()
  @MaxLength(L.adoptionNotesMax, { message: `Keep notes under ${L.adoptionNotesMax} characters.` })
  notes?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The trust adopting it; needed when the viewer is SEND lead of several trusts.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a trust from the list.' })
  trustId?: string | null;
}
