import type { Db } from "../../infra/db/database.ts";
import { SMALL_SITE_DEFAULT } from "../present.ts";
import { loadView, meta } from "../programme-view.ts";
import { programmeVersion } from "../service.ts";
import { indicatorValues } from "./values.ts";

/**
 * Every indicator with a target, for one programme, as the indicators API computes it
 * (values.ts): the definitions' `target` and `direction` resolved for the programme, the values
 * of every site and of the programme; `suppress` applies the viewers' small-cell rule. Undefined
 * for an unknown programme; `values` undefined when no indicator has a target.
 */
export async function valuesWithTargets(db: Db, programmeId: number, asOf: string, suppress: boolean) {
  const version = await programmeVersion(db, programmeId);
  if (version === undefined) return undefined;
  const view = await loadView(db, programmeId, version);
  if (!view) return undefined;
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
