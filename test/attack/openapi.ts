// The OpenAPI document of the started server, read as an attacker reads it: every operation, its
// path parameters, and request bodies generated from its schemas — valid shapes (so that they
// get past validation into the use cases) carrying hostile values.

export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
}

export interface Operation {
  method: string;
  template: string;
  params: string[];
  bodySchema?: Schema;
  public: boolean;
  /** "METHOD /template", as coverage counts it. */
  key: string;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema> };
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      ops.push({
        method: method.toUpperCase(),
        template,
        params,
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
        public: !op.security,
        key: `${method.toUpperCase()} ${template}`,
      });
    }
  }
  return ops;
}

export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

/** A tiny deterministic random source, so a failing run can be repeated. */
export function randomSource(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}
export type Random = ReturnType<typeof randomSource>;

const HOSTILE = [
  "' OR '1'='1",
  "'; DROP TABLE contracts; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u202Eexe.pdf',
  '𠮷野家🍣',
  'ｱｲｳｴｵ①②',
  '../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile value (log4j lookup), not a template
  '${jndi:ldap://x}',
  '{{7*7}}',
  '%00',
  '\uFEFF',
  'NaN',
  '１２３',
  'line\r\nX-Injected: 1',
  '\\u0000',
  '😀'.repeat(40),
];
const DATES = [
  '2026-04-01',
  '2026-02-29',
  '2027-03-31',
  '1900-01-01',
  '9999-12-31',
  '2026-13-01',
  '2026-04-31',
];
/** Plausible dates inside the demo's fiscal year, for bodies meant to get past validation. */
const GOOD_DATES = ['2026-06-01', '2026-10-01', '2026-11-01'];
const PATTERN_SAMPLES = [
  '1011101000003',
  '2026-04-01',
  '2026H1',
  '2026H2',
  '01',
  'A1',
  '31契約第134号',
  'abc',
];

export interface BodyOptions {
  /** 'hostile': dangerous but well-shaped values; 'benign': plausible ones (for id sweeps). */
  mode: 'hostile' | 'benign';
  /** Ids to use for uuid fields (real ones reach further into the use cases). */
  ids: string[];
  /** Every property, optional ones too (to reach every id field of a body). */
  complete?: boolean;
}

export function generate(
  doc: OpenApiDoc,
  schema: Schema,
  r: Random,
  options: BodyOptions,
  depth = 0,
): unknown {
  if (schema.$ref) return generate(doc, resolve(doc, schema.$ref), r, options, depth);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => generate(doc, s, r, options, depth)));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return generate(doc, r.pick(alternatives), r, options, depth);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return r.pick(schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['object'];
  const type =
    types.length > 1 && types.includes('null') && r.next() < 0.8
      ? types.find((t) => t !== 'null')!
      : r.pick(types);
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return r.next() < 0.5;
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      const max =
        schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : min + 1000);
      const value = r.pick([min, max, r.int(Math.ceil(min), Math.floor(Math.min(max, min + 10_000))), 1]);
      return type === 'integer' ? Math.round(value) : value;
    }
    case 'string':
      return stringFor(schema, r, options);
    case 'array': {
      if (depth > 6) return [];
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 3, min + 3);
      return Array.from({ length: r.int(min, Math.max(min, max)) }, () =>
        generate(doc, schema.items ?? {}, r, options, depth + 1),
      );
    }
    default: {
      if (depth > 6) return {};
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        const required = schema.required?.includes(name);
        if (!required && !options.complete && r.next() < (options.mode === 'benign' ? 0.3 : 0.4)) continue;
        out[name] =
          name === 'version' && options.mode === 'benign' ? 1 : generate(doc, prop, r, options, depth + 1);
      }
      return out;
    }
  }
}

function resolve(doc: OpenApiDoc, ref: string): Schema {
  const name = ref.replace('#/components/schemas/', '');
  return doc.components.schemas[name] ?? {};
}

function withinLength(value: string, schema: Schema): string {
  let out = value;
  if (schema.maxLength !== undefined) out = [...out].slice(0, schema.maxLength).join('');
  if (schema.minLength !== undefined && [...out].length < schema.minLength)
    out = out.padEnd(schema.minLength, 'x');
  return out;
}

function stringFor(schema: Schema, r: Random, options: BodyOptions): string {
  switch (schema.format) {
    case 'uuid':
      return options.ids.length && r.next() < 0.8 ? r.pick(options.ids) : crypto.randomUUID();
    case 'email':
      return options.mode === 'benign'
        ? `x${r.int(1, 1e6)}@example.jp`
        : r.pick(['attack+<script>@example.jp', `x${r.int(1, 1e6)}@example.jp`, "o'brien@example.jp"]);
    case 'date-time':
      return options.mode === 'benign'
        ? '2026-11-01T00:00:00Z'
        : r.pick([
            '2026-04-01T00:00:00Z',
            '2026-04-01T09:00:00+09:00',
            '1970-01-01T00:00:00Z',
            '9999-12-31T23:59:59Z',
          ]);
    case 'date':
      return r.pick(options.mode === 'benign' ? GOOD_DATES : DATES);
  }
  if (schema.pattern) {
    const re = new RegExp(schema.pattern);
    const samples =
      options.mode === 'benign' ? [...GOOD_DATES, ...PATTERN_SAMPLES] : [...PATTERN_SAMPLES, ...DATES];
    const matching = samples.filter((s) => re.test(s));
    if (matching.length) return r.pick(matching);
  }
  const benign = ['問合せ者', '株式会社テスト', '月1回の業務報告', '氏名', '東京都新宿区'];
  const value =
    options.mode === 'benign'
      ? r.pick(benign)
      : r.next() < 0.15
        ? 'A'.repeat(schema.maxLength ?? 5000)
        : r.pick(HOSTILE);
  return withinLength(value, schema);
}
