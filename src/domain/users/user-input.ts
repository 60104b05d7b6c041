import { COMPANY_ROLES, type Role, WARD_ROLES } from '../../../policies/actor.js';
import { type FieldError, ValidationError } from '../shared/errors.js';

export interface NewUserInput {
  organisationId: string;
  departmentId?: string | null;
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
}

export interface UserPatch {
  displayName?: string;
  departmentId?: string | null;
  roles?: Role[];
  disabled?: boolean;
  password?: string;
}

/** Ward roles belong to ward staff and company roles to company staff. */
export function checkRolesFit(kind: 'ward' | 'company', roles: Role[]): void {
  const allowed = kind === 'ward' ? WARD_ROLES : COMPANY_ROLES;
  const wrong = roles.filter((r) => r !== 'system_admin' && !allowed.includes(r));
  const errors: FieldError[] = wrong.map((r) => ({
    path: 'roles',
    message: `${r} is not a role for ${kind === 'ward' ? 'ward' : 'company'} staff`,
    message_ja: `${r} は${kind === 'ward' ? '区' : '事業者'}の職員に付与できない役割です`,
  }));
  if (roles.length === 0) {
    errors.push({
      path: 'roles',
      message: 'at least one role is required',
      message_ja: '役割を1つ以上指定してください',
    });
  }
  if (errors.length)
    throw new ValidationError({ en: 'The roles do not fit', ja: '役割の指定に誤りがあります' }, errors);
}
