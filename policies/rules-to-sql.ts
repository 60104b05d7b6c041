import { rulesToAST } from '@casl/ability/extra';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Action, AppAbility, SubjectType } from './app-ability.js';

// The one translator from CASL rules to SQL. Every list query filters with it, so a row outside
// the rules is never read; the same rules decide single-record checks in memory.

type Eb = ExpressionBuilder<any, any>;

/** How one condition field becomes SQL: a column reference, or a builder for virtual fields
 * (membership in a related table, an array column). */
export type FieldSql = string | ((eb: Eb, operator: string, value: unknown) => Expression<SqlBool>);
export type FieldMap = Record<string, FieldSql>;

interface AstNode {
  operator: string;
  value: unknown;
  field?: string;
}

const comparisons: Record<string, '=' | '<>' | '<' | '<=' | '>' | '>='> = {
  eq: '=',
  ne: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

/** A WHERE expression admitting exactly the rows `action` on `subjectType` is allowed for. */
export function accessibleBy(
  eb: Eb,
  ability: AppAbility,
  action: Action,
  subjectType: Exclude<SubjectType, 'all'>,
  fields: FieldMap,
): Expression<SqlBool> {
  const ast = rulesToAST(ability, action, subjectType) as AstNode | null;
  if (!ast) return sql<SqlBool>`false`;
  return translate(eb, ast, fields, subjectType);
}

function translate(eb: Eb, node: AstNode, fields: FieldMap, subjectType: string): Expression<SqlBool> {
  if (node.field === undefined) {
    const children = (node.value as AstNode[]).map((child) => translate(eb, child, fields, subjectType));
    switch (node.operator) {
      case 'and':
        return children.length ? eb.and(children) : sql<SqlBool>`true`;
      case 'or':
        return children.length ? eb.or(children) : sql<SqlBool>`false`;
      case 'not':
        return eb.not(eb.and(children));
      default:
        throw new Error(`rules-to-sql: unsupported compound operator ${node.operator}`);
    }
  }
  const field = fields[node.field];
  // An unmapped field is a programming error; refusing beats silently widening access.
  if (field === undefined)
    throw new Error(`rules-to-sql: field ${subjectType}.${node.field} has no SQL mapping`);
  if (typeof field === 'function') return field(eb, node.operator, node.value);
  return columnCondition(eb, field, node.operator, node.value);
}

/** Conditions on a plain column, with SQL's null handling made explicit. */
export function columnCondition(
  eb: Eb,
  column: string,
  operator: string,
  value: unknown,
): Expression<SqlBool> {
  const ref = eb.ref(column);
  if (operator === 'in' || operator === 'nin') {
    const values = value as unknown[];
    if (values.length === 0) return sql<SqlBool>`${sql.raw(operator === 'in' ? 'false' : 'true')}`;
    return eb(ref, operator === 'in' ? 'in' : 'not in', values);
  }
  const op = comparisons[operator];
  if (!op) throw new Error(`rules-to-sql: unsupported operator ${operator} on ${column}`);
  if (value === null) {
    if (op === '=') return eb(ref, 'is', null);
    if (op === '<>') return eb(ref, 'is not', null);
  }
  return eb(ref, op, value);
}

/** A virtual array field whose membership is an EXISTS over a related table. */
export function membership(exists: (eb: Eb, value: unknown) => Expression<SqlBool>): FieldSql {
  return (eb, operator, value) => {
    if (operator === 'eq') return exists(eb, value);
    if (operator === 'in') return eb.or((value as unknown[]).map((v) => exists(eb, v)));
    throw new Error(`rules-to-sql: unsupported operator ${operator} on a membership field`);
  };
}

/**
 * An array column (text[] / uuid[]): eq = contains, in = overlaps, as Mongo treats arrays. Both
 * are written with the array operators @> and && (not `value = any(column)`), which a GIN index on
 * the column answers; `= any` made PostgreSQL read every row of the table.
 */
export function arrayColumn(column: string, elementType = 'text'): FieldSql {
  return (eb, operator, value) => {
    const ref = eb.ref(column);
    if (operator === 'eq') return sql<SqlBool>`${ref} @> array[${value}::${sql.raw(elementType)}]`;
    if (operator === 'in' || operator === 'nin') {
      const overlaps = sql<SqlBool>`${ref} && ${value}::${sql.raw(elementType)}[]`;
      return operator === 'in' ? overlaps : eb.not(overlaps);
    }
    throw new Error(`rules-to-sql: unsupported operator ${operator} on array ${column}`);
  };
}
