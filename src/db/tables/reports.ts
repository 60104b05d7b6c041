// Table types of this feature (filled in by the feature).
export type ReportTables = {};
