import { UserEntity } from './user.entity';
import { UserModel } from './user.model';

export const toUser = (e: UserEntity): UserModel => ({
  id: e.id,
  email: e.email,
  displayName: e.displayName,
  deactivatedAt: e.deactivatedAt,
  createdAt: e.createdAt,
});
