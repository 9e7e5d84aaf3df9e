/** One step of the PostgreSQL schema: plain SQL, applied once, in version order, never edited once shipped. */
export interface Migration {
  readonly version: number;
  /** What the step brings, as recorded in `schema_migrations`. */
  readonly name: string;
  readonly sql: string;
}
