import type { catalogueJa } from './catalogue-ja.js';

// The data-item catalogue page in English, key for key with catalogue-ja.ts.

export const catalogueEn: typeof catalogueJa = {
  nav: 'Data-item catalogue',
  title: 'Data-item catalogue (情報項目の候補)',
  intro:
    "The items to pick from when recording the data items of a contract. The standard items are shared by every municipality and cannot change; the {self} may add its own. An item's special category and My Number flag cannot be lowered in a register.",
  filter: 'Item code or name',
  filterButton: 'Filter',
  clear: 'Clear the filter',
  count: (n: number) => `${n} items`,
  empty: 'No item matches.',
  columns: {
    code: 'Item code',
    name: 'Name',
    nameEn: 'English name',
    special: 'Special category (要配慮)',
    myNumber: 'My Number',
    origin: 'Origin',
  },
  origins: { standard: 'Standard', own: "The {self}'s own" } as Record<string, string>,
  yes: 'Yes',
  no: '—',
  add: {
    title: "Add an item of the {self}'s own",
    code: 'Item code',
    codeHint:
      'Lower-case letters, digits and _ (e.g. parking_permit_no); not a code a standard or added item has.',
    name: 'Name (Japanese)',
    nameEn: 'English name',
    special: 'Special category (要配慮)',
    myNumber: 'Includes My Number (特定個人情報)',
    submit: 'Add to the catalogue',
    required: {
      code: 'Enter the code in lower-case letters, digits and _',
      name: 'Enter the name',
      nameEn: 'Enter the English name',
    },
  },
  fromRegister: 'The data-item catalogue',
};
