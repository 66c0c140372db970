import type { IssueParams } from "../../shared/validation-messages.ts";
import { AppError, type FieldIssue } from "../infra/http/errors.ts";

/** Collects field issues while a document is checked; `throwIfAny` answers 400 naming each. */
export class Issues {
  readonly list: FieldIssue[] = [];
  add(field: string, rule: string, message: string, params?: IssueParams): void {
    this.list.push(params ? { field, rule, params, message } : { field, rule, message });
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    throw new AppError("validation", this.list.map((i) => `${i.field}: ${i.message}`).join("; "), this.list);
  }
}

/** Report every id used twice in `items` (field `${base}.N.id`). */
export function checkUniqueIds(
  issues: Issues,
  items: Array<{ id: string }>,
  base: string,
  seen = new Set<string>(),
) {
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.add(`${base}.${i}.id`, "unique", `the id "${item.id}" is used twice`);
    seen.add(item.id);
  });
  return seen;
}
