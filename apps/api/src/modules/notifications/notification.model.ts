import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationDelivery, NotificationKind } from '@lantern/shared-domain';
import { ConnectionType } from '../../common/pagination/connection';

const mirror = <E extends Record<string, string>>(e: E) =>
  Object.fromEntries(Object.values(e).map((v) => [v, v])) as Record<string, string>;
export const NotificationKindEnum = mirror(NotificationKind);
export const NotificationDeliveryEnum = mirror(NotificationDelivery);
registerEnumType(NotificationKindEnum, { name: 'NotificationKind' });
registerEnumType(NotificationDeliveryEnum, { name: 'NotificationDelivery' });

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) body!: string | null;
  @Field(() => String, { nullable: true, description: 'A path inside Lantern.' }) link!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
}

export const NotificationConnection = ConnectionType(NotificationModel, 'NotificationConnection');

@ObjectType('NotificationPreference')
export class NotificationPreferenceModel {
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field(() => String) label!: string;
  @Field(() => NotificationDeliveryEnum) delivery!: NotificationDelivery;
}
