import type { Db } from "../../infra/db/database.ts";
import { SMALL_SITE_DEFAULT } from "../present.ts";
import { meta, type ProgrammeView } from "../programme-view.ts";
import { indicatorValues } from "./values.ts";

/**
 * Every indicator with a target, for one programme, as the indicators API computes it
 * (values.ts): the definitions' `target` and `direction` resolved for the programme, the values
 * of every site and of the programme; `suppress` applies the viewers' small-cell rule. `values`
 * undefined when no indicator has a target. Other capabilities read it through the per-server
 * memos of read-cache.ts.
 */
export async function valuesWithTargets(db: Db, view: ProgrammeView, asOf: string, suppress: boolean) {
  const defs = view.all.filter((d) => {
    const m = meta(d, view.ctx);
    return m.target !== null || m.siteTargets.length > 0;
  });
  if (defs.length === 0) return { view, values: undefined };
  const values = await indicatorValues(db, view, defs, {
    asOf,
    suppress,
    smallSiteThreshold: SMALL_SITE_DEFAULT,
  });
  return { view, values };
}
