import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.js';
import { checkEventTime } from './custody-steps.js';

// The refusal a person reads names the previous step's time in Japan time, never a raw UTC instant.

describe('a custody time before the previous step', () => {
  it('is refused with that step’s time in Japan time', () => {
    const previous = new Date('2026-12-07T02:17:51.694Z');
    let refused: unknown;
    try {
      checkEventTime(new Date('2026-12-07T01:00:00Z'), new Date('2026-12-07T05:00:00Z'), previous, 'at');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValidationError);
    const [field] = (refused as ValidationError).errors;
    expect(field!.message_ja).toBe(
      'この受渡データの直前の手続（2026-12-07 11:17 (JST)）より前の日時は記録できません',
    );
    expect(`${field!.message} ${field!.message_ja}`).not.toMatch(/\d{2}:\d{2}:\d{2}|Z\b/);
  });
});
