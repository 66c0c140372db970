import { rebuildFacts, runVerification } from "../../server/indicators/facts/maintenance.ts";
import { defaultVerifyDates } from "../../server/indicators/facts/verify.ts";
import { findProgrammeId, loadProgrammeContext } from "../../server/indicators/service.ts";
import { SYSTEM } from "../../server/infra/audit/audit.ts";
import { CivilDate } from "../../server/shared/schemas.ts";
import { CliError, configFrom, DB_HELP, DB_OPTIONS, parse, withDatabase } from "../common.ts";

export const VERIFY_USAGE = `praxis indicators verify --programme CODE [--as-of YYYY-MM-DD …] [options]

Recomputes the built-in catalogue of the programme from the registry (no facts, no cache) and
compares it, cell by cell, with what the maintained indicator facts give: by site, and by sex
(the per-enrolment facts). Prints the differing cells; exit status 1 when any differs, 0 when
all agree. Each run is recorded (the administrators' "Indicator facts" page shows the last one).
Meant for a nightly job — see docs/operations.md.

  --programme CODE       the programme
  --as-of YYYY-MM-DD     a reference date (repeatable; default today and the end of last month,
                         in the region's calendar, PRAXIS_TIME_ZONE)
  --deep                 also compare the stored facts rows (per enrolment, per site and day, the
                         month histograms, the parameters) with a rebuild from the registry, which
                         is rolled back: finds drift the outputs do not show yet. Writers of the
                         programme wait while it runs (at region scale, about as long as a rebuild)
${DB_HELP}`;

export const REBUILD_USAGE = `praxis indicators rebuild --programme CODE [options]

Rebuilds the programme's indicator facts from the registry, in one transaction (writers of the
programme wait for it). For after a verification that found differences.

  --programme CODE       the programme
${DB_HELP}`;

const cell = (c: { numerator: number | null; denominator: number | null; value: number | null } | null) =>
  c === null ? "—" : `${c.numerator ?? "·"}/${c.denominator ?? "·"} = ${c.value ?? "null"}`;

export async function verifyCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    ...DB_OPTIONS,
    programme: { type: "string" },
    "as-of": { type: "string", multiple: true },
    deep: { type: "boolean" },
  });
  if (values.help) {
    console.log(VERIFY_USAGE);
    return 0;
  }
  if (!values.programme) throw new CliError("--programme CODE is required", 2);
  const dates = values["as-of"]?.length ? values["as-of"] : defaultVerifyDates();
  for (const d of dates) {
    const ok = CivilDate.safeParse(d);
    if (!ok.success)
      throw new CliError(`--as-of: "${d}" is ${ok.error.issues[0]?.message ?? "not a date"}`, 2);
  }
  const code = values.programme;
  return withDatabase(configFrom(values), async ({ db }) => {
    const id = await findProgrammeId(db, code);
    const ctx = id === undefined ? undefined : await loadProgrammeContext(db, id);
    if (!ctx) throw new CliError(`--programme: no programme with code ${code}`, 2);
    const { verification: v } = await runVerification(db, ctx, dates, SYSTEM, { deep: !!values.deep });
    if (v.missing) {
      console.log(
        `${code}: the indicator facts were never built — run praxis indicators rebuild --programme ${code}`,
      );
      return 1;
    }
    for (const d of v.differences) {
      console.log(
        `${d.asOf} by ${d.by} ${d.indicator} ${d.group ?? "(programme)"}: facts ${cell(d.facts)}, recomputed ${cell(d.recomputed)}`,
      );
    }
    for (const t of v.stored) {
      console.log(
        `stored ${t.table}: ${t.missing} rows of a rebuild not stored, ${t.extra} stored rows not in a rebuild`,
      );
    }
    const deep = values.deep
      ? `; stored facts ${v.stored.length ? `differ in ${v.stored.length} tables` : "equal to a rebuild"}`
      : "";
    console.log(
      `${code} as of ${dates.join(", ")}: ${v.cells} cells compared, ${v.differences.length} differ${deep} (${(v.ms / 1000).toFixed(1)} s)`,
    );
    return v.differences.length || v.stored.length ? 1 : 0;
  });
}

export async function rebuildCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { ...DB_OPTIONS, programme: { type: "string" } });
  if (values.help) {
    console.log(REBUILD_USAGE);
    return 0;
  }
  if (!values.programme) throw new CliError("--programme CODE is required", 2);
  const code = values.programme;
  return withDatabase(configFrom(values), async ({ db }) => {
    const id = await findProgrammeId(db, code);
    const ctx = id === undefined ? undefined : await loadProgrammeContext(db, id);
    if (!ctx) throw new CliError(`--programme: no programme with code ${code}`, 2);
    const out = await rebuildFacts(db, ctx, SYSTEM);
    console.log(
      `${code}: indicator facts rebuilt for ${out.enrolments} enrolments (${(out.ms / 1000).toFixed(1)} s)`,
    );
    return 0;
  });
}
