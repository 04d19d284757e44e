import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  EHCP_SECTION_KEYS,
  EhcpSectionChange,
  EhcpSectionKey,
  EhcpSectionStatus,
} from '@lantern/shared-domain';
import { ConnectionType } from '../../common/pagination/connection';

export const EhcpSectionKeyEnum = Object.fromEntries(EHCP_SECTION_KEYS.map((k) => [k, k])) as {
  [K in EhcpSectionKey]: K;
};
const mirror = <E extends Record<string, string>>(e: E) =>
  Object.fromEntries(Object.values(e).map((v) => [v, v])) as { [K in E[keyof E]]: K };
export const EhcpSectionStatusEnum = mirror(EhcpSectionStatus);
export const EhcpSectionChangeEnum = mirror(EhcpSectionChange);
registerEnumType(EhcpSectionKeyEnum, {
  name: 'EhcpSectionKey',
  description: 'EHCP sections A to K (H holds H1 and H2).',
});
registerEnumType(EhcpSectionStatusEnum, {
  name: 'EhcpSectionStatus',
  description: "A section's state, set by the people writing it.",
});
registerEnumType(EhcpSectionChangeEnum, { name: 'EhcpSectionChange' });

@ObjectType('EhcpTemplateSection')
export class EhcpTemplateSectionModel {
  @Field(() => EhcpSectionKeyEnum) key!: EhcpSectionKey;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'Markdown.' }) guidance!: string;
  @Field(() => String, { description: 'The guidance as sanitised HTML.' }) guidanceHtml!: string;
  @Field(() => [String]) prompts!: string[];
}

@ObjectType('EhcpTemplate', {
  description: "An EHCP template: a library resource's newest version's sections.",
})
export class EhcpTemplateModel {
  @Field(() => ID) resourceId!: string;
  @Field(() => ID) versionId!: string;
  @Field(() => Int) versionNumber!: number;
  @Field(() => String) title!: string;
  @Field(() => ID, { nullable: true }) localAuthorityId!: string | null;
  @Field(() => String, { nullable: true, description: 'Null for a template for any local authority.' })
  localAuthorityName!: string | null;
  @Field(() => [EhcpTemplateSectionModel]) sections!: EhcpTemplateSectionModel[];
}

@ObjectType('EhcpSectionDifference', {
  description: 'What a variant adds, removes or changes in one section.',
})
export class EhcpSectionDifferenceModel {
  @Field(() => EhcpSectionKeyEnum) key!: EhcpSectionKey;
  @Field(() => EhcpSectionChangeEnum) change!: EhcpSectionChange;
  @Field(() => Boolean) titleChanged!: boolean;
  @Field(() => Boolean) guidanceChanged!: boolean;
  @Field(() => String, { nullable: true }) baseGuidance!: string | null;
  @Field(() => String, { nullable: true }) variantGuidance!: string | null;
  @Field(() => [String]) addedPrompts!: string[];
  @Field(() => [String]) removedPrompts!: string[];
}

@ObjectType('EhcpTemplateVariant')
export class EhcpTemplateVariantModel {
  @Field(() => EhcpTemplateModel) template!: EhcpTemplateModel;
  @Field(() => [EhcpSectionDifferenceModel], {
    description: 'Sections that differ from the base (A to K order).',
  })
  differences!: EhcpSectionDifferenceModel[];
}

@ObjectType('EhcpTemplateVariants')
export class EhcpTemplateVariantsModel {
  @Field(() => EhcpTemplateModel) base!: EhcpTemplateModel;
  @Field(() => [EhcpTemplateVariantModel], { description: "Local authorities' variants the viewer may see." })
  variants!: EhcpTemplateVariantModel[];
}

@ObjectType('EhcpCompleteness')
export class EhcpCompletenessModel {
  @Field(() => Int) complete!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Int) notStarted!: number;
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Whole percent of sections complete.' }) percent!: number;
}

@ObjectType('EhcpDraftSection')
export class EhcpDraftSectionModel {
  @Field(() => EhcpSectionKeyEnum) key!: EhcpSectionKey;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'A short name for navigation.' }) shortTitle!: string;
  @Field(() => String) guidance!: string;
  @Field(() => String) guidanceHtml!: string;
  @Field(() => [String]) prompts!: string[];
  @Field(() => String) text!: string;
  @Field(() => Int, { description: 'Pass it back when saving this section; a stale one is a CONFLICT.' })
  revision!: number;
  @Field(() => EhcpSectionStatusEnum, { description: 'Set by the writers (setEhcpDraftSectionState).' })
  status!: EhcpSectionStatus;
  @Field(() => Int) wordCount!: number;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
}

@ObjectType('EhcpDraft', { description: "A school's private EHCP draft. Every read is audited." })
export class EhcpDraftModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Pseudonymous, e.g. initials and year group.' })
  pupilReference!: string;
  @Field(() => ID, { nullable: true, description: "The school's case for this pupil (same reference), if recorded." })
  caseId!: string | null;
  @Field(() => String) templateTitle!: string;
  @Field(() => ID) templateResourceId!: string;
  @Field(() => ID) templateVersionId!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => String) schoolName!: string;
  @Field(() => Int, { description: 'Moves with every saved section.' }) revision!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => [EhcpDraftSectionModel], { description: 'A to K.' }) sections!: EhcpDraftSectionModel[];
  @Field(() => EhcpCompletenessModel) completeness!: EhcpCompletenessModel;
  @Field(() => String, { description: 'Where to download the .docx (permission-checked, audited).' })
  exportUrl!: string;
}

@ObjectType('EhcpDraftSummary')
export class EhcpDraftSummaryModel {
  @Field(() => ID) id!: string;
  @Field(() => String) pupilReference!: string;
  @Field(() => String) templateTitle!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => String) schoolName!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => EhcpCompletenessModel) completeness!: EhcpCompletenessModel;
}

export const EhcpDraftConnection = ConnectionType(EhcpDraftSummaryModel, 'EhcpDraftConnection');

@ObjectType('EhcpSectionSaved')
export class EhcpSectionSavedModel {
  @Field(() => EhcpDraftSectionModel) section!: EhcpDraftSectionModel;
  @Field(() => Int) draftRevision!: number;
  @Field(() => EhcpCompletenessModel, { description: 'Of the whole draft, after this save.' })
  completeness!: EhcpCompletenessModel;
}

@ObjectType('EhcpSectionStateSet')
export class EhcpSectionStateSetModel {
  @Field(() => EhcpDraftSectionModel) section!: EhcpDraftSectionModel;
  @Field(() => EhcpCompletenessModel, { description: 'Of the whole draft, after this change.' })
  completeness!: EhcpCompletenessModel;
}

@ObjectType('EhcpDraftSchool', { description: 'A school whose drafts the viewer may see.' })
export class EhcpDraftSchoolModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Schools in different trusts can share a name.' }) trustName!: string;
}
