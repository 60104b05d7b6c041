import type { usersJa } from './users-ja.js';

// The user administration pages in English; the same keys as users-ja.ts.

export const usersEn: typeof usersJa = {
  nav: 'Users',
  title: 'Users',
  intro:
    "Register your {self}'s or your company's users and change their roles, department or access. Every change is audited.",
  newUser: 'Register a user',
  newTitle: 'Register a user',
  editTitle: (name: string) => `User: ${name}`,
  filterQ: 'Name or e-mail address',
  columns: {
    displayName: 'Name',
    email: 'E-mail',
    roles: 'Roles',
    department: 'Department',
    state: 'State',
  },
  active: 'Active',
  disabled: 'Disabled',
  displayName: 'Name',
  email: 'E-mail address (sign-in ID)',
  password: 'Initial password',
  passwordHint: 'At least 12 characters. Tell the person by another channel and have them change it.',
  newPassword: 'New password (only to change it)',
  newPasswordHint: "At least 12 characters. Changing it ends all of the user's open sessions.",
  roles: 'Roles',
  rolesHint: 'Choose at least one.',
  department: 'Department',
  noDepartment: '(none)',
  disable: 'Disable this user (they cannot sign in; their open sessions end)',
  resetSecondFactor: 'Remove the second factor (a lost phone; they set it up again at their next sign-in)',
  state: 'Access',
  errors: {
    displayName: 'Enter the name',
    email: 'Enter an e-mail address',
    password: 'The password needs at least 12 characters',
    roles: 'Choose at least one role',
  },
  roleNames: {
    system_admin: 'System administrator',
    ward_officer: 'Officer',
    ward_chief: 'Chief (係長)',
    ward_manager: 'Manager (課長)',
    inspector: 'Inspector',
    council_reviewer: 'Council reviewer (read only)',
    contractor_manager: 'Manager (統括責任者・取扱責任者)',
    contractor_staff: 'Handler (取扱者)',
  },
};
