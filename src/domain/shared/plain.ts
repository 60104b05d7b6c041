/**
 * A value as it survives JSON: instants become ISO 8601 strings, everything else stays as it is.
 * Documents (src/pdf) are drawn from data of this shape only, so they can be drawn anywhere — in a
 * worker thread, from a stored copy — and never need the database.
 */
export type Plain<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;

/** Turns a record (with Date fields) into its plain form, exactly as JSON would carry it. */
export function toPlain<T>(value: T): Plain<T> {
  return JSON.parse(JSON.stringify(value)) as Plain<T>;
}
