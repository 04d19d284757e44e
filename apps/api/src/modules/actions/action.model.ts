import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActionDueState, ActionSourceKind, ActionStatus } from '@lantern/shared-domain';

const mirror = <E extends Record<string, string>>(e: E) =>
  Object.fromEntries(Object.values(e).map((v) => [v, v])) as { [K in E[keyof E]]: K };
export const ActionStatusEnum = mirror(ActionStatus);
export const ActionSourceKindEnum = mirror(ActionSourceKind);
export const ActionDueStateEnum = mirror(ActionDueState);
registerEnumType(ActionStatusEnum, { name: 'ActionStatus' });
registerEnumType(ActionSourceKindEnum, {
  name: 'ActionSourceKind',
  description: 'What an action came from.',
});
registerEnumType(ActionDueStateEnum, {
  name: 'ActionDueState',
  description: 'OVERDUE, TODAY, SOON (within the reminder window), LATER, or CLOSED (done or cancelled).',
});

@ObjectType('ActionPerson')
export class ActionPersonModel {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
}

@ObjectType('Action', {
  description: 'Something someone has to do, by a date, from a case, a session or a meeting.',
})
export class ActionModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => ActionStatusEnum) status!: ActionStatus;
  @Field(() => String, { description: 'YYYY-MM-DD (a date in England).' }) dueOn!: string;
  @Field(() => ActionDueStateEnum) dueState!: ActionDueState;
  @Field(() => ActionPersonModel) owner!: ActionPersonModel;
  @Field(() => ActionSourceKindEnum) sourceKind!: ActionSourceKind;
  @Field(() => ID) sourceId!: string;
  @Field(() => String, { description: 'What it came from, e.g. "Case JS Y4".' }) sourceLabel!: string;
  @Field(() => String, { description: 'Where to open what it came from.' }) sourceLink!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => Boolean, {
    description: 'Whether the viewer may change it (owner, or anyone who may use its source).',
  })
  canChange!: boolean;
}

@ObjectType('MyActions')
export class MyActionsModel {
  @Field(() => [ActionModel]) nodes!: ActionModel[];
  @Field(() => Int) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Int, {
    description:
      'Case actions not listed because case data needs the second factor and this session is not elevated.',
  })
  hiddenCaseActions!: number;
}
