import { isGroupBreak, isoOf, weekday } from "./calendar.ts";
import type { CareEvent, Context, DemoPatient, SiteStaff } from "./context.ts";
import type { Rng } from "./prng.ts";

/**
 * Groups as the pilot ran them: DBT skills training for patients and Family Connections for
 * relatives at most sites, IMR groups (at most 8) working through the 11 modules. Each group gets
 * weekly sessions (none in the summer and Christmas breaks, none after the cut-off), members, and
 * one group intervention per attended session — date, module, professional and duration taken
 * from the session, so interventions and `group_sessions` always agree.
 */
export interface GroupKind {
  kind: "dbt_skills" | "family_connections" | "imr";
  label: string;
  name: string;
  programmeId: number;
  /** module of each session, in order; its length is the number of sessions of a cycle */
  modules: Array<string | null>;
  durationMin: number;
  maxSize: number;
  type: string;
  recipient: CareEvent["recipient"];
  /** days after the start a patient may still join */
  joinWithin: number;
  facilitatorProfiles: string[];
}

const repeat = <T>(value: T, n: number) => Array.from({ length: n }, () => value);

/** 24 weekly sessions: the three modules, each after two of mindfulness. */
export const DBT_MODULES = [
  ...repeat("DBT-MF", 2),
  ...repeat("DBT-DT", 6),
  ...repeat("DBT-MF", 2),
  ...repeat("DBT-ER", 7),
  ...repeat("DBT-MF", 2),
  ...repeat("DBT-IE", 5),
];
export const FC_MODULES: null[] = repeat(null, 12);
/** The 11 IMR modules over 26 sessions. */
export const IMR_MODULES = [2, 2, 2, 3, 2, 2, 3, 3, 3, 2, 2].flatMap((n, i) => repeat(`IMR-${i + 1}`, n));

export interface GroupRun {
  staff: SiteStaff;
  siteCode: string;
  kind: GroupKind;
  groups: number;
  /** group starts are spread over [from, to] */
  from: number;
  to: number;
  eligible: (p: DemoPatient, start: number) => boolean;
  join: (p: DemoPatient) => void;
}

export function runGroups(ctx: Context, rng: Rng, patients: DemoPatient[], run: GroupRun): void {
  const { kind, staff } = run;
  const span = Math.max(0, run.to - run.from);
  for (let g = 0; g < run.groups; g++) {
    let start = run.from + Math.floor(((g + rng.next()) * span) / run.groups);
    const meetingDay = rng.int(1, 4); // Monday … Thursday
    while (weekday(start) !== meetingDay) start += 1;
    while (isGroupBreak(start)) start += 7;
    if (start > ctx.cutoff) continue;
    const members = patients
      .filter((p) => run.eligible(p, start))
      .sort((a, b) => Math.abs(a.enrolDay - start) - Math.abs(b.enrolDay - start) || a.id - b.id)
      .slice(0, kind.maxSize);
    if (members.length === 0) continue;

    const sessionDays: number[] = [];
    for (let d = start; sessionDays.length < kind.modules.length && d <= ctx.cutoff; d += 7) {
      if (!isGroupBreak(d)) sessionDays.push(d);
    }
    const completed = sessionDays.length === kind.modules.length;
    const endDay = completed ? sessionDays[sessionDays.length - 1]! : null;
    const facilitators = [
      staff.pickAmong(rng, kind.facilitatorProfiles),
      staff.pickAmong(rng, kind.facilitatorProfiles),
    ]
      .filter((f, i, all) => f !== null && all.findIndex((x) => x?.code === f.code) === i)
      .map((f) => f!);

    const key = `${run.siteCode}:${kind.label}`;
    const number = (ctx.groupNumbers.get(key) ?? 0) + 1;
    ctx.groupNumbers.set(key, number);
    const groupId = ctx.id("group");
    ctx.batch.add("groups", [
      groupId,
      `G-${run.siteCode}-${kind.label}-${String(number).padStart(2, "0")}`,
      staff.site.id,
      kind.programmeId,
      kind.kind,
      `${kind.name} ${number}`,
      isoOf(start),
      endDay === null ? null : isoOf(endDay),
      kind.maxSize,
      `{${facilitators.map((f) => `"${f.code}"`).join(",")}}`,
    ]);
    ctx.counts.groups += 1;

    const sessions = sessionDays.map((day, i) => {
      const id = ctx.id("session");
      const professional = facilitators.length ? facilitators[i % facilitators.length]! : null;
      const module = kind.modules[i] ?? null;
      ctx.batch.add("group_sessions", [
        id,
        groupId,
        isoOf(day),
        module,
        kind.durationMin,
        professional?.code ?? null,
        `${isoOf(day)} 18:00:00+00`,
      ]);
      return { id, day, module, professional };
    });
    ctx.counts.groupSessions += sessions.length;

    const groupEnd = endDay ?? ctx.cutoff;
    for (const p of members) {
      run.join(p);
      const joined = Math.max(start, p.enrolDay);
      const left = p.careEnd < groupEnd ? p.careEnd : null;
      ctx.batch.add("group_members", [groupId, p.id, isoOf(joined), left === null ? null : isoOf(left)]);
      ctx.counts.groupMembers += 1;
      for (const s of sessions) {
        if (s.day < joined || s.day > p.careEnd) continue;
        if (!rng.chance(p.attendance)) continue;
        p.events.push({
          day: s.day,
          type: kind.type,
          setting: "group",
          recipient: kind.recipient,
          professional: s.professional,
          withProfile: true,
          duration: kind.durationMin,
          groupId,
          sessionId: s.id,
          module: s.module,
        });
      }
    }
  }
}
