import { describe, expect, it } from 'vitest';
import { fukuokaSupervisionChecklist } from '../fukuoka-supervision/fukuoka-supervision.form.js';
import { itemsOf } from './checklist.js';
import { extendTemplate } from './extend-template.js';
import { withSeed004Section } from './seed004-items.js';

describe('the seed 004 section (devices, 届書等, pledges)', () => {
  it('extends the supervision checklist as a new version, every standard item kept', () => {
    const result = extendTemplate(
      fukuokaSupervisionChecklist,
      withSeed004Section(fukuokaSupervisionChecklist),
      2,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.template.version).toBe(2);
    const keys = itemsOf(result.template).map(({ item }) => item.key);
    expect(keys.slice(0, itemsOf(fukuokaSupervisionChecklist).length)).toEqual(
      itemsOf(fukuokaSupervisionChecklist).map(({ item }) => item.key),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'x-s004-devices-1',
        'x-s004-devices-2',
        'x-s004-copying-1',
        'x-s004-pledges-1',
      ]),
    );
  });
});
