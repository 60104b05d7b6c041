/** Roles a user may hold. Ward roles act only inside their own ward (区); company roles only in
 * the engagements of their own company (受託者 / 再委託先). */
export const ROLES = [
  'system_admin', // システム管理者
  'ward_officer', // 個人情報保護担当 / 所管課の担当者
  'ward_chief', // 係長 (sign-off)
  'ward_manager', // 課長 (sign-off)
  'inspector', // 監督員
  'council_reviewer', // 審議会委員 (read only)
  'contractor_manager', // 統括責任者 / 取扱責任者
  'contractor_staff', // 取扱者
] as const;

export type Role = (typeof ROLES)[number];

export const WARD_ROLES: readonly Role[] = [
  'ward_officer',
  'ward_chief',
  'ward_manager',
  'inspector',
  'council_reviewer',
];
export const COMPANY_ROLES: readonly Role[] = ['contractor_manager', 'contractor_staff'];

/** Who is acting: built from the signed-in user, never from request input. */
export interface Actor {
  userId: string;
  organisationId: string;
  /** 'operator': the organisation running the system (its system administrators). */
  organisationKind: 'ward' | 'company' | 'operator';
  /** The ward for ward staff; null for company staff, who may work for several wards. */
  wardId: string | null;
  roles: readonly Role[];
  /**
   * A company's contact answering through a one-time link (回答用リンク), who has no account:
   * `userId` is then `contact:<link id>`, never a user's id, and the audit entry names the contact.
   */
  contact?: { linkId: string; name: string; email: string; organisation: string };
}

/** The user id a record stores for who acted: none for a contact answering through a link. */
export function storedUserId(actor: Actor): string | null {
  return actor.contact ? null : actor.userId;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
