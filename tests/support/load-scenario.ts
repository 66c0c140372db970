import { randomBytes } from "node:crypto";
import os from "node:os";
import { sql } from "kysely";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { verifyAuditChain } from "../../src/server/infra/audit/verify.ts";
import type { Db } from "../../src/server/infra/db/database.ts";
import { today as regionToday } from "../../src/server/infra/time/civil-date.ts";
import { createUser } from "../../src/server/users/create-user.ts";
import { pool } from "./demo-database.ts";

/**
 * Issue 14, "load with nothing lost": clinicians record interventions and group sessions (with
 * attendance) through the HTTP API of several servers sharing one PostgreSQL, while readers load
 * dashboards (programme list, programme page, indicator catalogue). Every write carries a marker
 * of its own in `professionalCode` (`LD<run>-<client>-<n>`), so afterwards each acknowledged write
 * is looked up in the database by its marker and by the ids it was answered with: found once,
 * missing, or duplicated. Writes that were not acknowledged are looked up too and reported as
 * absent or present (all or nothing); writes made invalid on purpose must be refused and leave
 * nothing. Shared by `tests/load/load.test.ts` (short) and `bench/load.ts` (60 s).
 */

export const LOAD_PASSWORD = "load-scenario-password-2026";

/** Intervention types of the base taxonomy (present in every database). */
const TYPES = ["psychiatric_visit", "psychoeducation", "skills_training", "family_intervention"] as const;

export interface Clinician {
  username: string;
  siteId: number;
  patients: number[];
  /** Groups of the clinician's site that can take a session now: its date and who may attend. */
  groups: Array<{ id: number; date: string; attendees: number[] }>;
}

export interface Cast {
  run: string;
  clinicians: Clinician[];
  readers: Array<{ username: string }>;
  programmes: Array<{ id: number; code: string }>;
  /** The latest care date: yesterday (UTC), never in the future in the region's zone. */
  yesterday: string;
}

/** One request of the run. `status` 0: no answer (network error or the client's timeout). */
export interface Sample {
  server: number;
  kind: "intervention" | "intervention_batch" | "group_session" | "read";
  path: string;
  status: number;
  ms: number;
  /** writes: the marker sent */
  marker?: string;
  /** acknowledged writes: the ids answered (intervention ids; for a session, its id first) */
  sessionId?: number;
  interventionIds?: number[];
  /** writes: the intervention rows sent (1, a batch's rows, a session's attendees) */
  rows?: number;
  /** writes the server must refuse: why */
  refusal?: string;
  error?: string;
}

export interface RunResult {
  samples: Sample[];
  seconds: number;
  /** 1-minute load average sampled every 5 s during the run (first at the start) */
  loadAverages: number[];
}

/**
 * Create the run's users (clinicians spread over the sites that have enrolled patients, each
 * with a clinician grant at one site; readers alternately regional coordinators of the first
 * programme and viewers) and pick, for each clinician, the patients and groups of its site.
 */
export async function prepareCast(db: Db, options: { clinicians: number; readers: number }): Promise<Cast> {
  const run = randomBytes(3).toString("hex");
  const y = new Date(`${regionToday()}T00:00:00Z`);
  y.setUTCDate(y.getUTCDate() - 1);
  const yesterday = y.toISOString().slice(0, 10);
  y.setUTCDate(y.getUTCDate() - 13);
  const earliest = y.toISOString().slice(0, 10);

  const sites = await db
    .selectFrom("enrolments")
    .select(["site_id", (eb) => eb.fn.count<number>("patient_id").distinct().as("n")])
    .groupBy("site_id")
    .orderBy("n", "desc")
    .orderBy("site_id")
    .execute();
  if (sites.length === 0) throw new Error("no enrolled patients: load the demo first (`praxis demo`)");
  const programmes = (await db.selectFrom("programmes").select(["id", "code"]).orderBy("id").execute()).map(
    (p) => ({ id: p.id, code: p.code }),
  );

  const chosen = Array.from({ length: options.clinicians }, (_, i) => sites[i % sites.length]!.site_id);
  const siteIds = [...new Set(chosen)];
  const enrolled = await db
    .selectFrom("enrolments as e")
    .innerJoin("patients as p", "p.id", "e.patient_id")
    .select(["e.site_id", "e.patient_id", "p.birth_year"])
    .distinct()
    .where("e.site_id", "in", siteIds)
    .orderBy("e.site_id")
    .orderBy("e.patient_id")
    .execute();
  const patientsAt = new Map<number, number[]>();
  for (const r of enrolled) {
    // care dates go back up to 13 days from yesterday: never before the patient's birth year
    if (Number(earliest.slice(0, 4)) < r.birth_year) continue;
    const list = patientsAt.get(r.site_id) ?? [];
    if (list.length < 200) list.push(r.patient_id);
    patientsAt.set(r.site_id, list);
  }
  const groups = await db
    .selectFrom("groups")
    .select(["id", "site_id", "start_date", "end_date"])
    .where("site_id", "in", siteIds)
    .where("start_date", "<=", yesterday)
    .orderBy("id")
    .execute();
  const members = groups.length
    ? await db
        .selectFrom("group_members as m")
        .innerJoin("patients as p", "p.id", "m.patient_id")
        .select(["m.group_id", "m.patient_id", "m.joined_date", "m.left_date", "p.birth_year"])
        .where(
          "m.group_id",
          "in",
          groups.map((g) => g.id),
        )
        .execute()
    : [];
  const groupsAt = new Map<number, Clinician["groups"]>();
  for (const g of groups) {
    // the session's date: yesterday, or the group's last day when it has ended
    const date = g.end_date !== null && g.end_date < yesterday ? g.end_date : yesterday;
    if (date < g.start_date) continue;
    const attendees = members
      .filter(
        (m) =>
          m.group_id === g.id &&
          m.joined_date <= date &&
          (m.left_date === null || m.left_date >= date) &&
          Number(date.slice(0, 4)) >= m.birth_year,
      )
      .map((m) => m.patient_id)
      .slice(0, 8);
    if (attendees.length === 0) continue;
    const list = groupsAt.get(g.site_id) ?? [];
    list.push({ id: g.id, date, attendees });
    groupsAt.set(g.site_id, list);
  }

  const clinicians: Clinician[] = [];
  for (const [i, siteId] of chosen.entries()) {
    const username = `load_${run}_c${String(i + 1).padStart(2, "0")}`;
    await createUser(db, SYSTEM, {
      username,
      password: LOAD_PASSWORD,
      grants: [{ role: "clinician", programmeId: null, siteId }],
    });
    clinicians.push({
      username,
      siteId,
      patients: patientsAt.get(siteId) ?? [],
      groups: groupsAt.get(siteId) ?? [],
    });
  }
  const readers: Cast["readers"] = [];
  for (let i = 0; i < options.readers; i++) {
    const username = `load_${run}_r${String(i + 1).padStart(2, "0")}`;
    const coordinator = i % 2 === 0 && programmes.length > 0;
    await createUser(db, SYSTEM, {
      username,
      password: LOAD_PASSWORD,
      grants: [
        coordinator
          ? { role: "regional_coordinator", programmeId: programmes[0]!.id, siteId: null }
          : { role: "viewer", programmeId: null, siteId: null },
      ],
    });
    readers.push({ username });
  }
  return { run, clinicians, readers, programmes, yesterday };
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, username: string): Promise<Session> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${base}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: LOAD_PASSWORD }),
    });
    // the per-address throttle counts logins in progress; wait for the others to be forgiven
    if (res.status === 429 && attempt < 20) {
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    if (res.status !== 200)
      throw new Error(`login of ${username} on ${base}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, csrf: body.csrfToken };
  }
}

/** A small deterministic generator per client (xorshift32, seed scrambled), so a run is reproducible in what it asks. */
function rng(seed: number) {
  let s = Math.imul(seed + 1, 0x9e3779b1) >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  for (let i = 0; i < 8; i++) next();
  return next;
}

/**
 * Sign every client in on its server (client i on server i mod N), then let them all work for
 * `seconds`: each clinician records one write after another for its site's patients — a group
 * session with its attendance one time in four when its site has a group that can meet, a
 * day-form batch of three interventions, else one intervention; one write in 20 made invalid;
 * each reader reads the programme list, a programme page and a programme's indicators in turn.
 * A client whose server does not answer (connection refused or reset: the server is gone) goes
 * on with the next server, with the same session — sessions are shared by all servers.
 */
export async function runLoad(
  cast: Cast,
  servers: string[],
  options: {
    seconds: number;
    requestTimeoutMs?: number;
    /** things to do during the run (stop a server…), at a time after its start */
    events?: Array<{ afterSeconds: number; run: () => unknown }>;
  },
): Promise<RunResult> {
  const timeout = options.requestTimeoutMs ?? 120_000;
  const serverOf = (i: number) => i % servers.length;
  const clinicianSessions = await pool(
    cast.clinicians.map((c, i) => () => login(servers[serverOf(i)]!, c.username)),
    4,
  );
  const readerSessions = await pool(
    cast.readers.map((r, i) => async () => {
      const session = await login(servers[serverOf(i)]!, r.username);
      // the programmes this reader may open, as its dashboard lists them
      const res = await fetch(`${servers[serverOf(i)]}/api/programmes`, {
        headers: { cookie: session.cookie },
      });
      if (res.status !== 200) throw new Error(`programmes of ${r.username}: ${res.status}`);
      const programmes = ((await res.json()) as Array<{ id: number }>).map((p) => p.id);
      if (programmes.length === 0) throw new Error(`${r.username} may read no programme`);
      return { ...session, programmes };
    }),
    4,
  );

  const samples: Sample[] = [];
  const send = async (
    server: number,
    session: Session,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; ms: number; json: unknown; error?: string; gone?: boolean }> => {
    const started = performance.now();
    try {
      const res = await fetch(`${servers[server]}${path}`, {
        method,
        headers: {
          cookie: session.cookie,
          "x-csrf-token": session.csrf,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeout),
      });
      const text = await res.text();
      const ms = performance.now() - started;
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: res.status, ms, json };
    } catch (e) {
      const timedOut = e instanceof Error && e.name === "TimeoutError";
      const cause = e instanceof Error && e.cause ? ` (${String(e.cause)})` : "";
      return {
        status: 0,
        ms: performance.now() - started,
        json: null,
        error: `${String(e)}${cause}`,
        gone: !timedOut,
      };
    }
  };

  const deadline = performance.now() + options.seconds * 1000;
  const loadAverages = [os.loadavg()[0]!];
  const sampler = setInterval(() => loadAverages.push(os.loadavg()[0]!), 5000);

  const ok = (status: number) => status >= 200 && status < 300;
  const errorOf = (r: { status: number; json: unknown; error?: string }) =>
    r.error ? { error: r.error } : ok(r.status) ? {} : { error: JSON.stringify(r.json).slice(0, 300) };
  const otherSites = (siteId: number) =>
    cast.clinicians.filter((x) => x.siteId !== siteId && x.patients.length);

  const clinicianLoop = async (c: Clinician, i: number) => {
    let server = serverOf(i);
    const session = clinicianSessions[i]!;
    const random = rng(i + 1);
    const careDate = () => {
      const d = new Date(`${cast.yesterday}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - Math.floor(random() * 14));
      return d.toISOString().slice(0, 10);
    };
    const row = (marker: string, patientId: number, siteId = c.siteId, date = careDate()) => ({
      patientId,
      siteId,
      date,
      type: TYPES[Math.floor(random() * TYPES.length)]!,
      recipient: random() < 0.2 ? "family" : "patient",
      durationMin: 30 + Math.floor(random() * 30),
      professionalCode: marker,
    });
    const patient = () => c.patients[Math.floor(random() * c.patients.length)]!;
    for (let n = 1; performance.now() < deadline; n++) {
      const marker = `LD${cast.run}-${i + 1}-${n}`;
      // one write in 20 is one the server must refuse (and store nothing of): a care date in the
      // future, a patient of another site, a non-member in a session's attendance. The first four
      // writes of each clinician are one of each kind, in turns, so even a short run on a busy
      // machine has every kind on every server.
      const first = n <= 4 ? (Math.floor(i / servers.length) + n) % 4 : -1;
      const refuse = first >= 0 ? first === 3 : random() < 0.05;
      const pick = first === 0 ? 0.5 : first === 1 ? 0.9 : first === 2 ? 0 : random();
      if (c.groups.length > 0 && (pick < 0.25 || c.patients.length === 0)) {
        const g = c.groups[Math.floor(random() * c.groups.length)]!;
        const outsider = c.patients.find((p) => !g.attendees.includes(p));
        const refusal = refuse
          ? outsider
            ? "a non-member attending"
            : "an attendee listed twice"
          : undefined;
        const attendees = refuse ? [...g.attendees, outsider ?? g.attendees[0]!] : g.attendees;
        const r = await send(server, session, "POST", `/api/groups/${g.id}/sessions`, {
          date: g.date,
          durationMin: 60,
          professionalCode: marker,
          attendees,
        });
        const body = r.json as { id?: number; interventions?: Array<{ id: number }> };
        samples.push({
          server,
          kind: "group_session",
          path: "/api/groups/:id/sessions",
          status: r.status,
          ms: r.ms,
          marker,
          rows: attendees.length,
          ...(refusal ? { refusal } : {}),
          ...(ok(r.status)
            ? { sessionId: body.id, interventionIds: body.interventions?.map((x) => x.id) ?? [] }
            : {}),
          ...errorOf(r),
        });
        if (r.gone) server = (server + 1) % servers.length;
      } else if (c.patients.length > 0) {
        const batch = pick > 0.85;
        const elsewhere = otherSites(c.siteId);
        const refusal = !refuse
          ? undefined
          : elsewhere.length && random() < 0.5
            ? "a patient of another site"
            : "a care date in the future";
        const future = new Date(`${cast.yesterday}T00:00:00Z`);
        future.setUTCDate(future.getUTCDate() + 3);
        const bad = () => {
          if (refusal === "a patient of another site") {
            const o = elsewhere[Math.floor(random() * elsewhere.length)]!;
            return row(marker, o.patients[0]!, o.siteId);
          }
          return row(marker, patient(), c.siteId, future.toISOString().slice(0, 10));
        };
        // the day form: three rows, all or nothing (a refused one spoils the batch)
        const rows = batch
          ? [row(marker, patient()), row(marker, patient()), refusal ? bad() : row(marker, patient())]
          : [refusal ? bad() : row(marker, patient())];
        const r = batch
          ? await send(server, session, "POST", "/api/interventions/batch", { rows })
          : await send(server, session, "POST", "/api/interventions", rows[0]);
        const body = r.json as { id?: number; items?: Array<{ id: number }> };
        samples.push({
          server,
          kind: batch ? "intervention_batch" : "intervention",
          path: batch ? "/api/interventions/batch" : "/api/interventions",
          status: r.status,
          ms: r.ms,
          marker,
          rows: rows.length,
          ...(refusal ? { refusal } : {}),
          ...(ok(r.status)
            ? { interventionIds: batch ? (body.items ?? []).map((x) => x.id) : [body.id!] }
            : {}),
          ...errorOf(r),
        });
        if (r.gone) server = (server + 1) % servers.length;
      } else return;
    }
  };

  const readerLoop = async (i: number) => {
    let server = serverOf(i);
    const session = readerSessions[i]!;
    const random = rng(1000 + i);
    for (let n = 0; performance.now() < deadline; n++) {
      const programme = session.programmes[Math.floor(random() * session.programmes.length)]!;
      const [path, label] =
        n % 3 === 0
          ? ["/api/programmes", "/api/programmes"]
          : n % 3 === 1
            ? [`/api/programmes/${programme}`, "/api/programmes/:id"]
            : [`/api/programmes/${programme}/indicators`, "/api/programmes/:id/indicators"];
      const r = await send(server, session, "GET", path);
      samples.push({
        server,
        kind: "read",
        path: label,
        status: r.status,
        ms: r.ms,
        ...(r.error
          ? { error: r.error }
          : r.status >= 300
            ? { error: JSON.stringify(r.json).slice(0, 300) }
            : {}),
      });
      if (r.gone) server = (server + 1) % servers.length;
    }
  };

  const started = performance.now();
  const timers = (options.events ?? []).map((e) => setTimeout(e.run, e.afterSeconds * 1000));
  try {
    await Promise.all([...cast.clinicians.map(clinicianLoop), ...cast.readers.map((_, i) => readerLoop(i))]);
  } finally {
    clearInterval(sampler);
    for (const t of timers) clearTimeout(t);
  }
  loadAverages.push(os.loadavg()[0]!);
  return { samples, seconds: (performance.now() - started) / 1000, loadAverages };
}

export interface Verdict {
  /** writes answered 2xx */
  acknowledged: number;
  /** …whose rows are in the database exactly once, with the ids they were answered with */
  foundOnce: number;
  /** acknowledged writes with no row (or fewer intervention rows than sent) */
  missing: string[];
  /** acknowledged writes stored more than once, or stored under other ids than answered */
  duplicates: string[];
  /** writes made to be refused (1 in 20) that were refused (4xx) and left nothing stored */
  refused: number;
  /** writes made to be refused that were acknowledged, failed otherwise than 4xx, or left rows */
  refusalProblems: string[];
  /** valid writes answered with an error (or not at all): marker → status, present or absent */
  notAcknowledged: Array<{ marker: string; status: number; stored: boolean; error?: string }>;
  /** writes not acknowledged whose rows are there in part, or more than once (not all or nothing) */
  partial: string[];
  /** rows carrying the run's marker that no write accounts for */
  unexplained: string[];
  /** acknowledged writes without exactly one `create` audit entry (each intervention and session) */
  auditMismatches: string[];
  audit: { ok: boolean; entries: number; detail?: string };
}

/** Look every write of the run up in the database by its marker and ids, and verify the audit chain. */
export async function verifyLoad(db: Db, cast: Cast, result: RunResult): Promise<Verdict> {
  const prefix = `LD${cast.run}-%`;
  const interventionRows = await db
    .selectFrom("interventions")
    .select(["id", "professional_code", "group_session_id"])
    .where("professional_code", "like", prefix)
    .execute();
  const sessionRows = await db
    .selectFrom("group_sessions")
    .select(["id", "professional_code"])
    .where("professional_code", "like", prefix)
    .execute();
  const byMarker = new Map<string, { interventions: number[]; sessions: number[] }>();
  const entry = (m: string) => {
    const e = byMarker.get(m) ?? { interventions: [], sessions: [] };
    byMarker.set(m, e);
    return e;
  };
  for (const r of interventionRows) entry(r.professional_code!).interventions.push(Number(r.id));
  for (const r of sessionRows) entry(r.professional_code!).sessions.push(Number(r.id));

  const writes = result.samples.filter((s) => s.kind !== "read");
  const verdict: Verdict = {
    acknowledged: 0,
    foundOnce: 0,
    refused: 0,
    refusalProblems: [],
    missing: [],
    duplicates: [],
    notAcknowledged: [],
    partial: [],
    unexplained: [],
    auditMismatches: [],
    audit: { ok: false, entries: 0 },
  };
  const sorted = (a: number[]) => [...a].sort((x, y) => x - y).join(",");
  const seen = new Set<string>();
  for (const w of writes) {
    const marker = w.marker!;
    seen.add(marker);
    const stored = byMarker.get(marker) ?? { interventions: [], sessions: [] };
    const storedAny = stored.interventions.length + stored.sessions.length > 0;
    const expectedSessions = w.kind === "group_session" ? 1 : 0;
    const expectedRows = w.rows!;
    // a refusal answered by no one (its server stopped) is fine as long as nothing was stored
    if (w.refusal) {
      if (((w.status >= 400 && w.status < 500) || w.status === 0) && !storedAny) verdict.refused += 1;
      else
        verdict.refusalProblems.push(
          `${w.kind} ${marker} with ${w.refusal}: ${w.status}${storedAny ? ", rows stored" : ""} ${w.error ?? ""}`,
        );
      continue;
    }
    if (!(w.status >= 200 && w.status < 300)) {
      verdict.notAcknowledged.push({
        marker,
        status: w.status,
        stored: storedAny,
        ...(w.error ? { error: w.error.slice(0, 300) } : {}),
      });
      if (
        storedAny &&
        (stored.sessions.length !== expectedSessions || stored.interventions.length !== expectedRows)
      )
        verdict.partial.push(
          `${w.kind} ${marker} (${w.status}): ${stored.sessions.length} session(s), ${stored.interventions.length} of ${expectedRows} intervention(s) stored`,
        );
      continue;
    }
    verdict.acknowledged += 1;
    const what = `${w.kind} ${marker}`;
    if (stored.sessions.length < expectedSessions || stored.interventions.length < expectedRows)
      verdict.missing.push(
        `${what}: ${stored.sessions.length} session(s), ${stored.interventions.length} intervention(s) stored`,
      );
    else if (
      stored.sessions.length > expectedSessions ||
      stored.interventions.length > expectedRows ||
      sorted(stored.interventions) !== sorted(w.interventionIds ?? []) ||
      (w.kind === "group_session" && stored.sessions[0] !== w.sessionId)
    )
      verdict.duplicates.push(
        `${what}: answered ${w.sessionId ?? ""}[${sorted(w.interventionIds ?? [])}], stored [${sorted(stored.sessions)}][${sorted(stored.interventions)}]`,
      );
    else verdict.foundOnce += 1;
  }
  for (const marker of byMarker.keys()) if (!seen.has(marker)) verdict.unexplained.push(marker);

  // one `create` audit entry per acknowledged intervention and group session
  const acknowledged = writes.filter((w) => !w.refusal && w.status >= 200 && w.status < 300);
  const expectedAudit = new Map<string, number>();
  for (const w of acknowledged) {
    for (const id of w.interventionIds ?? []) expectedAudit.set(`intervention:${id}`, 0);
    if (w.kind === "group_session") expectedAudit.set(`group_session:${w.sessionId}`, 0);
  }
  const ids = (entity: string) =>
    [...expectedAudit.keys()]
      .filter((k) => k.startsWith(`${entity}:`))
      .map((k) => k.slice(entity.length + 1));
  for (const entity of ["intervention", "group_session"]) {
    const wanted = ids(entity);
    for (let at = 0; at < wanted.length; at += 5000) {
      const rows = await db
        .selectFrom("audit_log")
        .select(["entity_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("entity", "=", entity)
        .where("action", "=", "create")
        .where("entity_id", "in", wanted.slice(at, at + 5000))
        .groupBy("entity_id")
        .execute();
      for (const r of rows) expectedAudit.set(`${entity}:${r.entity_id}`, Number(r.n));
    }
  }
  for (const [k, n] of expectedAudit) if (n !== 1) verdict.auditMismatches.push(`${k}: ${n} entries`);

  const chain = await verifyAuditChain(db);
  verdict.audit = chain.ok
    ? { ok: true, entries: chain.entries }
    : { ok: false, entries: chain.entries, detail: `broken at ${chain.brokenAt}: ${chain.reason}` };
  // the chain covers every entry up to now: the count of entries must equal the highest seq
  const { max } = await db
    .selectFrom("audit_log")
    .select(sql<number>`coalesce(max(seq), 0)`.as("max"))
    .executeTakeFirstOrThrow();
  if (chain.ok && Number(max) !== chain.entries) verdict.audit = { ...verdict.audit, ok: false };
  return verdict;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latency(samples: Sample[]): Latency {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: ms.length,
    p50: r(percentile(ms, 50)),
    p95: r(percentile(ms, 95)),
    p99: r(percentile(ms, 99)),
    max: r(ms[ms.length - 1] ?? Number.NaN),
  };
}

const fmt = (l: Latency) => `p50 ${l.p50} / p95 ${l.p95} / p99 ${l.p99} ms (max ${l.max}, n ${l.n})`;

/** The figures of a run, as lines `name: value` (the bench prints them; the test logs them). */
export function describeLoad(
  cast: Cast,
  result: RunResult,
  verdict: Verdict,
  servers: number,
): Record<string, string> {
  const { samples } = result;
  const sent = samples.filter((s) => s.kind !== "read");
  // latencies are those of the valid writes (the refusals the scenario makes are cheaper)
  const writes = sent.filter((s) => !s.refusal);
  const reads = samples.filter((s) => s.kind === "read");
  const statuses = (list: Sample[]) => {
    const counts = new Map<number, number>();
    for (const s of list) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
    return [...counts].map(([k, v]) => `${k === 0 ? "no answer" : k}×${v}`).join(", ");
  };
  const count = (kind: Sample["kind"]) => sent.filter((w) => w.kind === kind).length;
  const out: Record<string, string> = {
    scenario: `${cast.clinicians.length} clinicians at ${new Set(cast.clinicians.map((c) => c.siteId)).size} sites, ${cast.readers.length} readers, ${servers} servers, ${Math.round(result.seconds)} s`,
    "writes sent (interventions / day-form batches of 3 / group sessions)": `${sent.length} (${count("intervention")} / ${count("intervention_batch")} / ${count("group_session")})`,
    "… valid ones (statuses)": `${writes.length} (${statuses(writes)})`,
    "… made to be refused (statuses)": `${sent.length - writes.length} (${statuses(sent.filter((s) => s.refusal))})`,
    "writes acknowledged": String(verdict.acknowledged),
    "… found exactly once": String(verdict.foundOnce),
    "… missing": String(verdict.missing.length),
    "… duplicated": String(verdict.duplicates.length),
    "… without exactly one audit entry": String(verdict.auditMismatches.length),
    "writes not acknowledged (stored / absent)": `${verdict.notAcknowledged.length} (${verdict.notAcknowledged.filter((n) => n.stored).length} / ${verdict.notAcknowledged.filter((n) => !n.stored).length})`,
    "refused as they should be, nothing stored": `${verdict.refused}; otherwise: ${verdict.refusalProblems.length}`,
    "… of which stored in part or twice (not all or nothing)": String(verdict.partial.length),
    "rows with the run's marker no write accounts for": String(verdict.unexplained.length),
    "audit chain": verdict.audit.ok
      ? `intact (${verdict.audit.entries} entries)`
      : `BROKEN ${verdict.audit.detail ?? ""}`,
    "reads (statuses)": `${reads.length}; ${statuses(reads)}`,
    "write throughput": `${Math.round(sent.length / result.seconds)}/s`,
    "read throughput": `${Math.round(reads.length / result.seconds)}/s`,
    "valid writes, all servers": fmt(latency(writes)),
    "… interventions": fmt(latency(writes.filter((w) => w.kind === "intervention"))),
    "… day-form batches": fmt(latency(writes.filter((w) => w.kind === "intervention_batch"))),
    "… group sessions": fmt(latency(writes.filter((w) => w.kind === "group_session"))),
    "reads, all servers": fmt(latency(reads)),
  };
  for (let s = 0; s < servers; s++) {
    out[`valid writes, server ${s + 1}`] = fmt(latency(writes.filter((w) => w.server === s)));
    out[`reads, server ${s + 1}`] = fmt(latency(reads.filter((r) => r.server === s)));
  }
  for (const path of [...new Set(reads.map((r) => r.path))])
    out[`reads ${path}`] = fmt(latency(reads.filter((r) => r.path === path)));
  const la = result.loadAverages;
  out["load average (1 min) during the run"] =
    `${Math.min(...la).toFixed(1)}–${Math.max(...la).toFixed(1)} (start ${la[0]!.toFixed(1)}, end ${la[la.length - 1]!.toFixed(1)})`;
  return out;
}
