import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { CATALOGUE_IDS } from "./catalogue.ts";
import { type Cell, type Dimension, NO_KEY } from "./compile.ts";
import type { IndicatorDefinition } from "./definition.ts";
import {
  BUILT_IN,
  liveFromFacts,
  loadProgrammeContext,
  loadUserDefinitions,
  type ProgrammeContext,
  type StoredDefinition,
} from "./service.ts";
import { type ResolvedTargets, resolveTargets } from "./targets.ts";

/** Everything a read needs about a programme, as of one data_version. */
export interface ProgrammeView {
  version: number;
  ctx: ProgrammeContext;
  own: StoredDefinition[];
  all: IndicatorDefinition[];
  pins: string[];
}

export async function loadView(
  db: Db,
  programmeId: number,
  version: number,
): Promise<ProgrammeView | undefined> {
  const [ctx, own, pins] = await Promise.all([
    loadProgrammeContext(db, programmeId),
    loadUserDefinitions(db, programmeId),
    pinsOf(db, programmeId),
  ]);
  if (!ctx) return undefined;
  const all = [...BUILT_IN, ...own.map((o) => o.definition)];
  return { version, ctx, own, all, pins: pins.filter((id) => all.some((d) => d.id === id)) };
}

/** The indicators a programme pins to its overview, in order. */
export async function pinsOf(db: Db, programmeId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("indicator_pins")
    .select("indicator_id")
    .where("programme_id", "=", programmeId)
    .orderBy("position")
    .execute();
  return rows.map((r) => r.indicator_id);
}

/** One indicator's targets for this programme: the programme row's and each site row's (targets.ts). */
export const targetsOf = (d: IndicatorDefinition, ctx: ProgrammeContext): ResolvedTargets =>
  resolveTargets(d, ctx.inputs.parameters, ctx.sites, ctx.targets);

/** What the API says about a definition beside its values. */
export function meta(d: IndicatorDefinition, ctx: ProgrammeContext) {
  const targets = targetsOf(d, ctx);
  return {
    id: d.id,
    label: d.label,
    description: d.description,
    kind: d.kind,
    target: targets.programme?.value ?? null,
    direction: targets.programme?.direction ?? d.direction,
    targetSource: targets.programme?.source ?? null,
    siteTargets: [...targets.sites].map(([site, t]) => ({
      site,
      target: t.value,
      direction: t.direction,
      source: t.source,
    })),
    source: d.compute.source,
    builtIn: CATALOGUE_IDS.includes(d.id),
    computedFrom: liveFromFacts(d, ctx.inputs) ? ("facts" as const) : ("records" as const),
  };
}

export const programmeRef = (ctx: ProgrammeContext) => ({ id: ctx.id, code: ctx.code, name: ctx.name });

export function findDefinition(all: IndicatorDefinition[], id: string): IndicatorDefinition {
  const d = all.find((x) => x.id === id);
  if (!d) throw notFound("indicator");
  return d;
}

const SEX_LABELS: Record<string, string> = { F: "female", M: "male", X: "other", U: "unknown" };

export function groupLabel(by: Dimension, key: string, ctx: ProgrammeContext): string {
  if (key === NO_KEY) return by === "area" ? "no area" : "no band";
  if (by === "site") return ctx.sites.find((s) => s.code === key)?.name ?? key;
  if (by === "area") return ctx.sites.find((s) => s.areaCode === key)?.areaName ?? key;
  if (by === "sex") return SEX_LABELS[key] ?? key;
  return key;
}

/** The cell of a group with no enrolments. */
export const ZERO = (d: IndicatorDefinition): Cell => {
  if (d.kind === "ratio") return { numerator: 0, denominator: 0, value: null, size: 0 };
  if (d.kind === "count") return { numerator: 0, denominator: null, value: 0, size: 0 };
  return { numerator: null, denominator: null, value: null, size: 0 };
};
