import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseAttention, CaseConcern, CaseSort, CaseStatus, SenNeed, SenStatus } from '@lantern/shared-domain';
import { ActionModel, ActionPersonModel } from '../actions/action.model';

const mirror = <E extends Record<string, string>>(e: E) =>
  Object.fromEntries(Object.values(e).map((v) => [v, v])) as { [K in E[keyof E]]: K };
export const SenStatusEnum = mirror(SenStatus);
export const SenNeedEnum = mirror(SenNeed);
export const CaseConcernEnum = mirror(CaseConcern);
export const CaseStatusEnum = mirror(CaseStatus);
export const CaseAttentionEnum = mirror(CaseAttention);
export const CaseSortEnum = mirror(CaseSort);
registerEnumType(SenStatusEnum, { name: 'SenStatus' });
registerEnumType(SenNeedEnum, { name: 'SenNeed', description: 'A DfE SEN census code for a type of need.' });
registerEnumType(CaseConcernEnum, { name: 'CaseConcern' });
registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
registerEnumType(CaseAttentionEnum, {
  name: 'CaseAttention',
  description: 'OVERDUE: an action is overdue; SOON: a concern or action is due within 14 days.',
});
registerEnumType(CaseSortEnum, { name: 'CaseSort' });

@ObjectType('CaseSchool', { description: 'A school whose caseload the viewer may read.' })
export class CaseSchoolModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) trustName!: string;
  @Field(() => Int) openCases!: number;
}

@ObjectType('CaseConcernEntry')
export class CaseConcernModel {
  @Field(() => CaseConcernEnum) kind!: CaseConcern;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when it matters (a hearing, a review).' })
  dueOn!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('CaseSummary')
export class CaseSummaryModel {
  @Field(() => ID) id!: string;
  @Field(() => String, {
    description: 'The pseudonymous reference the school chose (initials and year group).',
  })
  reference!: string;
  @Field(() => Int, {
    description: 'The year group today (-1 nursery, 0 reception); moves up each 1 September.',
  })
  yearGroup!: number;
  @Field(() => String) yearGroupLabel!: string;
  @Field(() => SenStatusEnum) senStatus!: SenStatus;
  @Field(() => SenNeedEnum) primaryNeed!: SenNeed;
  @Field(() => SenNeedEnum, { nullable: true }) secondaryNeed!: SenNeed | null;
  @Field(() => CaseStatusEnum) status!: CaseStatus;
  @Field(() => [CaseConcernModel]) concerns!: CaseConcernModel[];
  @Field(() => Int) openActions!: number;
  @Field(() => Int) overdueActions!: number;
  @Field(() => String, { nullable: true, description: 'The nearest date of an open action or a concern.' })
  nextDueOn!: string | null;
  @Field(() => CaseAttentionEnum) attention!: CaseAttention;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('CaseList')
export class CaseListModel {
  @Field(() => [CaseSummaryModel]) nodes!: CaseSummaryModel[];
  @Field(() => Int) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@ObjectType('CaseNoteVersion', { description: 'An earlier text of a log note, kept when it was edited.' })
export class CaseNoteVersionModel {
  @Field(() => Int) version!: number;
  @Field(() => String) body!: string;
  @Field(() => String) bodyHtml!: string;
  @Field(() => ActionPersonModel) writtenBy!: ActionPersonModel;
  @Field(() => Date) writtenAt!: Date;
}

@ObjectType('CaseNote', {
  description: 'A dated note in the case log (append-only: edits keep the earlier text).',
})
export class CaseNoteModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'YYYY-MM-DD: when it happened.' }) happenedOn!: string;
  @Field(() => String, { description: 'Markdown.' }) body!: string;
  @Field(() => String) bodyHtml!: string;
  @Field(() => Int) version!: number;
  @Field(() => ActionPersonModel) writtenBy!: ActionPersonModel;
  @Field(() => Date) writtenAt!: Date;
  @Field(() => Date, { description: 'When the first version was written.' }) firstWrittenAt!: Date;
  @Field(() => [CaseNoteVersionModel], { description: 'Earlier versions, newest first.' })
  earlierVersions!: CaseNoteVersionModel[];
}

@ObjectType('CaseEhcpDraft')
export class CaseEhcpDraftModel {
  @Field(() => ID) id!: string;
  @Field(() => String) templateTitle!: string;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('Case')
export class CaseModel extends CaseSummaryModel {
  @Field(() => ID) schoolId!: string;
  @Field(() => String) schoolName!: string;
  @Field(() => Int, {
    description: 'Send it back when changing the case (refused if someone changed it since).',
  })
  revision!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [CaseNoteModel], { description: 'Newest first.' }) notes!: CaseNoteModel[];
  @Field(() => [ActionModel]) actions!: ActionModel[];
  @Field(() => [CaseEhcpDraftModel]) ehcpDrafts!: CaseEhcpDraftModel[];
}
