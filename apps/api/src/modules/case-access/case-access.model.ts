import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseAccessKind } from '@lantern/shared-domain';
import { ActionPersonModel } from '../actions/action.model';

export const CaseAccessKindEnum = Object.fromEntries(Object.values(CaseAccessKind).map((v) => [v, v])) as {
  [K in CaseAccessKind]: K;
};
registerEnumType(CaseAccessKindEnum, { name: 'CaseAccessKind' });

@ObjectType('CaseAccessEntry')
export class CaseAccessEntryModel {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => CaseAccessKindEnum) kind!: CaseAccessKind;
  @Field(() => String) description!: string;
  @Field(() => ActionPersonModel) actor!: ActionPersonModel;
  @Field(() => ID, { nullable: true }) caseId!: string | null;
  @Field(() => String, { nullable: true }) caseReference!: string | null;
  @Field(() => ID, { nullable: true }) ehcpDraftId!: string | null;
}

@ObjectType('CaseAccessLog')
export class CaseAccessLogModel {
  @Field(() => [CaseAccessEntryModel]) nodes!: CaseAccessEntryModel[];
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
