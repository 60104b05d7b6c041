import { describe, expect, it } from 'vitest';
import { discrepanciesOf, type Facts } from '../reports/report-facts.js';
import { supervisionAnswer } from './supervision-facts.js';

const facts = (supervision: Facts['supervision']): Facts => ({
  incidents: 0,
  approvedSubcontracts: 1,
  handlerList: 'acknowledged',
  handlersWithoutPledge: [],
  trainings: [],
  supervision,
});

describe('question 8 from the supervision records', () => {
  it('says いいえ with no record, and はい with the dates of each kind', () => {
    expect(supervisionAnswer({ inspections: [], reportRequests: [] })).toEqual({ answer: 'no', text: null });
    expect(
      supervisionAnswer({
        inspections: [{ on: '2026-11-20', organisation: '丙' }],
        reportRequests: [
          { on: '2026-10-05', topic: '保管状況', organisation: '丙' },
          { on: '2027-01-10', topic: '研修', organisation: '丙' },
        ],
      }),
    ).toEqual({
      answer: 'yes',
      text: '再委託先への立入検査 1件（令和8年11月20日）、報告の求め 2件（令和8年10月5日「保管状況」、令和9年1月10日「研修」）',
    });
  });

  it('flags a はい the records do not bear out, and not one made before they were gathered', () => {
    const none = discrepanciesOf(
      { q8: { answer: 'yes', text: '訪問した' } },
      facts({ inspections: [], reportRequests: [] }),
    );
    expect(none.map((d) => d.code)).toEqual(['no-supervision-recorded']);
    expect(discrepanciesOf({ q8: { answer: 'yes', text: '訪問した' } }, facts(undefined))).toEqual([]);
  });
});
