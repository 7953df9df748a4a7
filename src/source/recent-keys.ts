/**
 * Primary keys of the current and the previous page of one list. A record that moves while
 * a list is paged shows up again on the next page; this catches that repeat with memory bounded
 * by two pages, whatever the number of records.
 */
export class RecentKeys {
  private page = '';
  private previous = new Set<string>();
  private current = new Set<string>();

  /** True the first time a key is met on this page or the one before. */
  firstTime(pageId: string, key: string): boolean {
    if (pageId !== this.page) {
      this.previous = this.current;
      this.current = new Set();
      this.page = pageId;
    }
    if (this.previous.has(key) || this.current.has(key)) return false;
    this.current.add(key);
    return true;
  }
}

/** The record's primary key as one string, or undefined when a part is missing. */
export function keyOf(
  record: Record<string, unknown>,
  primaryKey: readonly string[],
): string | undefined {
  const values = primaryKey.map((field) => record[field]);
  if (values.some((value) => value === undefined || value === null)) return undefined;
  return JSON.stringify(values);
}
