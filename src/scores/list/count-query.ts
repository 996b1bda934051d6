/** A statement answering a list's count from kept counts: one row, one `count` column. */
export interface KeptCountQuery {
  sql: string;
  params: unknown[];
}
