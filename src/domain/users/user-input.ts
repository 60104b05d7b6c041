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
  /** Removes the user's second factor (a lost phone and lost recovery codes); they set it up again. */
  resetSecondFactor?: boolean;
}

const STAFF: Record<'ward' | 'company' | 'operator', { en: string; ja: string; roles: readonly Role[] }> = {
  ward: { en: '{self}', ja: '{self}', roles: WARD_ROLES },
  company: { en: 'company', ja: '事業者', roles: COMPANY_ROLES },
  operator: { en: 'operator', ja: 'システム運用者', roles: [] },
};

/** Ward roles belong to ward staff, company roles to company staff; the operator's staff are
 * system administrators only. */
export function checkRolesFit(kind: 'ward' | 'company' | 'operator', roles: Role[]): void {
  const staff = STAFF[kind];
  const wrong = roles.filter((r) => r !== 'system_admin' && !staff.roles.includes(r));
  const errors: FieldError[] = wrong.map((r) => ({
    path: 'roles',
    message: `${r} is not a role for ${staff.en} staff`,
    message_ja: `${r} は${staff.ja}の職員に付与できない役割です`,
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
