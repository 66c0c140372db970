import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { createUser } from "../../src/server/users/create-user.ts";
import { type Client, createWorld, login, PASSWORD, type Username, type World } from "../support/world.ts";

/**
 * Issue 13, part 2: the directory of services. Users of the region read it; administrators and
 * the region's regional coordinators write it; everyone else is refused and nothing changes.
 * Every write is audited; a stale version answers 409; the CSV import is all-or-nothing with
 * every problem as `file:line`, and an export imports back unchanged; the public page answers
 * only when switched on, and never with a private contact.
 */
let w: World;
let otherRegion: number;
let foreign: Client;

beforeAll(async () => {
  w = await createWorld();
  const admin = await w.as("admin");
  otherRegion = (await admin.post("/api/regions", { code: "EMR", name: "Emilia-Romagna" })).json().id;
  const foreignSite = (
    await admin.post("/api/sites", { regionId: otherRegion, code: "FE", name: "Ferrara" })
  ).json().id;
  await createUser(w.database.db, SYSTEM, {
    username: "foreign",
    password: PASSWORD,
    grants: [{ role: "site_coordinator", programmeId: null, siteId: foreignSite }],
  });
  foreign = await login(w.app, "foreign", PASSWORD);
}, 60_000);
afterAll(async () => {
  await w?.close();
});

let n = 0;
const body = (over: Record<string, unknown> = {}) => ({
  regionId: w.ids.region,
  code: `SVC-${++n}`,
  name: "Centro diurno Il Girasole",
  sector: "third_sector",
  description: "Attività diurne e laboratori per adulti",
  areaIds: [w.ids.areas.north],
  eligibility: "Adulti residenti",
  referralRoute: "both",
  referralHow: "Telefonare il lunedì",
  phone: "+39 02 1234567",
  phonePrivate: false,
  email: "referenti@example.org",
  emailPrivate: true,
  web: "https://example.org/girasole",
  webPrivate: false,
  openingHours: "Lun-Ven 9-17",
  languages: ["it", "en"],
  ...over,
});

async function tableState() {
  const { rows } = await sql<{ v: string }>`
    select (select count(*) from directory_services)::text || ':' ||
      coalesce((select sum(hashtext(x::text)::bigint) from directory_services x), 0)::text || ':' ||
      (select count(*) from directory_service_areas)::text || ':' ||
      (select count(*) from directory_settings)::text || ':' ||
      (select count(*) from audit_log)::text as v`.execute(w.database.db);
  return rows[0]!.v;
}

async function create(over: Record<string, unknown> = {}) {
  const res = await (await w.as("admin")).post("/api/directory/services", body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("who may read and write the directory", () => {
  it.each<[Username | "foreign", boolean, boolean]>([
    ["admin", true, true],
    ["coordinator", true, true],
    ["sitecoord1", true, false],
    ["clinician1", true, false],
    ["clinician3", true, false],
    ["viewer", true, false],
    ["foreign", false, false],
  ])("%s: read %s, write %s", async (user, read, write) => {
    const client = user === "foreign" ? foreign : await w.as(user);
    const service = await create();
    const list = await client.get(`/api/directory/services?regionId=${w.ids.region}`);
    expect(list.statusCode).toBe(read ? 200 : 403);
    expect((await client.get(`/api/directory/services/${service.id}`)).statusCode).toBe(read ? 200 : 403);
    expect((await client.get(`/api/directory/regions/${w.ids.region}/export`)).statusCode).toBe(
      read ? 200 : 403,
    );

    const before = await tableState();
    const writes = [
      await client.post("/api/directory/services", body()),
      await client.patch(`/api/directory/services/${service.id}`, { baseVersion: 1, name: "Nuovo nome" }),
      await client.post(`/api/directory/services/${service.id}/deactivate`, { baseVersion: write ? 2 : 1 }),
      await client.post(`/api/directory/regions/${w.ids.region}/import`, {
        csv: (await (await w.as("admin")).get(`/api/directory/regions/${w.ids.region}/export`)).body,
      }),
    ];
    if (!write) {
      for (const res of writes) expect(res.statusCode, res.body).toBe(403);
      expect(await tableState()).toBe(before);
    } else {
      expect(writes.map((r) => r.statusCode)).toEqual([201, 200, 200, 200]);
      const audit = await w.audit({ entity: "directory_service", entityId: service.id });
      expect(audit.map((a) => a.action).slice(0, 2)).toEqual(["deactivate", "update"]);
      expect((audit[1]!.detail.after as { name: string }).name).toBe("Nuovo nome");
    }
  });

  it.each<[Username | "foreign", string[], boolean]>([
    ["admin", ["EMR", "LOM"], true],
    ["coordinator", ["LOM"], true],
    ["clinician1", ["LOM"], false],
    ["foreign", ["EMR"], false],
  ])("lists the regions %s reads: %j, writable %s", async (user, codes, canWrite) => {
    const client = user === "foreign" ? foreign : await w.as(user);
    const regions = (await client.get("/api/directory/regions")).json();
    expect(regions.map((r: { code: string }) => r.code).sort()).toEqual(codes);
    expect(regions.find((r: { code: string }) => r.code === codes[codes.length - 1]).canWrite).toBe(canWrite);
  });

  it("anonymous: 401 everywhere but the public page", async () => {
    expect((await w.anonymous.get(`/api/directory/services?regionId=${w.ids.region}`)).statusCode).toBe(401);
    expect((await w.anonymous.post("/api/directory/services", body())).statusCode).toBe(401);
  });

  it("only administrators switch the public page", async () => {
    for (const u of ["coordinator", "clinician1", "viewer"] as const) {
      const before = await tableState();
      const res = await (await w.as(u)).put(`/api/directory/regions/${w.ids.region}/settings`, {
        publicEnabled: true,
      });
      expect(res.statusCode).toBe(403);
      expect(await tableState()).toBe(before);
    }
    expect((await foreign.get(`/api/directory/regions/${w.ids.region}/settings`)).statusCode).toBe(403);
  });

  it("answers 404 for an unknown service and an unknown region", async () => {
    const admin = await w.as("admin");
    expect((await admin.get("/api/directory/services/999999")).statusCode).toBe(404);
    expect((await admin.get("/api/directory/services?regionId=999999")).statusCode).toBe(404);
  });
});

describe("services", () => {
  it("creates a service with its areas and audits it", async () => {
    const s = await create({ code: "CREATED" });
    expect(s).toMatchObject({ code: "CREATED", version: 1, active: true, languages: ["it", "en"] });
    expect(s.areas.map((a: { code: string }) => a.code)).toEqual(["ATS-N"]);
    const audit = await w.audit({ entity: "directory_service", entityId: s.id });
    expect(audit[0]).toMatchObject({ action: "create", actor: "admin" });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["an unknown sector", { sector: "spa" }, "body.sector", "invalid_value"],
    ["a bad e-mail", { email: "nobody" }, "body.email", "invalid_format"],
    ["a web address without scheme", { web: "example.org" }, "body.web", "invalid_format"],
    ["a language in capitals", { languages: ["IT"] }, "body.languages.0", "invalid_format"],
    ["a bad code", { code: "a b" }, "body.code", "invalid_format"],
    ["no name", { name: "" }, "body.name", "required"],
    ["an unknown referral route", { referralRoute: "any" }, "body.referralRoute", "invalid_value"],
  ])("refuses %s naming the field, and stores nothing", async (_what, over, field, rule) => {
    const before = await tableState();
    const res = await (await w.as("admin")).post("/api/directory/services", body(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toContainEqual(expect.objectContaining({ field, rule }));
    expect(await tableState()).toBe(before);
  });

  it("refuses a duplicate code and an area of another region", async () => {
    await create({ code: "DUP" });
    const admin = await w.as("admin");
    const otherArea = (
      await admin.post("/api/areas", { regionId: otherRegion, code: "EMR-A", name: "A" })
    ).json().id;
    const before = await tableState();
    const res = await admin.post(
      "/api/directory/services",
      body({ code: "DUP", areaIds: [w.ids.areas.south, otherArea] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string; rule: string }) => `${i.field} ${i.rule}`)).toEqual([
      "body.areaIds.1 same_region",
      "body.code unique",
    ]);
    expect(await tableState()).toBe(before);
  });

  it("refuses a coordinator another region", async () => {
    const before = await tableState();
    const res = await (await w.as("coordinator")).post(
      "/api/directory/services",
      body({ regionId: otherRegion, areaIds: [] }),
    );
    expect(res.statusCode).toBe(403);
    expect(await tableState()).toBe(before);
  });

  it("answers a stale version with 409 and stores nothing", async () => {
    const s = await create();
    const admin = await w.as("admin");
    expect(
      (await admin.patch(`/api/directory/services/${s.id}`, { baseVersion: 1, name: "Primo" })).statusCode,
    ).toBe(200);
    const before = await tableState();
    const res = await admin.patch(`/api/directory/services/${s.id}`, { baseVersion: 1, name: "Secondo" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe("stale_version");
    expect(res.json().issues[0].field).toBe("body.baseVersion");
    expect(await tableState()).toBe(before);
  });

  it("filters by sector, area, language and full text; deactivated services leave the list", async () => {
    const admin = await w.as("admin");
    const a = await create({
      code: "F-A",
      name: "Sportello lavoro Bergamo",
      sector: "employment",
      description: "Orientamento e inserimento lavorativo",
      areaIds: [w.ids.areas.south],
      languages: ["it", "ar"],
    });
    const b = await create({
      code: "F-B",
      name: "Casa accoglienza",
      sector: "housing",
      description: "Housing first",
      areaIds: [w.ids.areas.north],
      languages: ["it"],
    });
    const codes = async (q: string) =>
      (
        (await admin.get(`/api/directory/services?regionId=${w.ids.region}&${q}`)).json() as Array<{
          code: string;
        }>
      )
        .map((s) => s.code)
        .filter((c) => c.startsWith("F-"));
    expect(await codes("sector=employment")).toEqual(["F-A"]);
    expect(await codes(`areaId=${w.ids.areas.north}`)).toEqual(["F-B"]);
    expect(await codes("language=ar")).toEqual(["F-A"]);
    expect(await codes("q=inserimento")).toEqual(["F-A"]);
    expect(await codes("q=lavor%20berg")).toEqual(["F-A"]);
    expect(await codes("q=housing")).toEqual(["F-B"]);
    // punctuation only is no search (no tsquery syntax reaches the database): both, by name
    expect(await codes("q=%27%26%21%3A*")).toEqual(["F-B", "F-A"]);
    await admin.post(`/api/directory/services/${b.id}/deactivate`, { baseVersion: 1 });
    expect(await codes("q=housing")).toEqual([]);
    expect(await codes("q=housing&includeInactive=true")).toEqual(["F-B"]);
    expect(a.areas.map((x: { code: string }) => x.code)).toEqual(["ATS-S"]);
  });
});

describe("the public page", () => {
  it("answers 404 while off, and the active services without private contacts when on", async () => {
    await create({
      code: "PUB",
      name: "Pubblico",
      phone: "+39 030 111222",
      phonePrivate: true,
      email: "privato@example.org",
      emailPrivate: true,
    });
    expect((await w.anonymous.get("/api/public/directory/LOM")).statusCode).toBe(404);
    expect((await w.anonymous.get("/api/public/directory/NOPE")).statusCode).toBe(404);
    const admin = await w.as("admin");
    const on = await admin.put(`/api/directory/regions/${w.ids.region}/settings`, { publicEnabled: true });
    expect(on.json()).toEqual({ regionId: w.ids.region, publicEnabled: true });
    expect((await w.audit({ entity: "directory_settings" }))[0]).toMatchObject({ action: "update" });
    const res = await w.anonymous.get("/api/public/directory/LOM");
    expect(res.statusCode).toBe(200);
    const pub = res.json().services.find((s: { code: string }) => s.code === "PUB");
    expect(pub).toMatchObject({
      name: "Pubblico",
      phone: null,
      email: null,
      web: "https://example.org/girasole",
    });
    expect(res.body).not.toContain("privato@example.org");
    expect(res.body).not.toContain("030 111222");
    expect(res.body).not.toContain("referenti@example.org");
    expect(JSON.stringify(Object.keys(pub).sort())).not.toMatch(/id|version|Private/);
    await admin.put(`/api/directory/regions/${w.ids.region}/settings`, { publicEnabled: false });
    expect((await w.anonymous.get("/api/public/directory/LOM")).statusCode).toBe(404);
  });
});

const HEADER =
  "service_code,service_name,sector,description,area_codes,eligibility,referral_route,referral_how,phone,phone_private,email,email_private,web,web_private,opening_hours,languages,active";

describe("CSV import and export", () => {
  it("exports a file that imports back unchanged", async () => {
    await create({ code: "RT-1", description: 'Testo con "virgolette", virgole\ne a capo' });
    await create({ code: "RT-2", phone: null, email: null, web: null, languages: [], areaIds: [] });
    const admin = await w.as("admin");
    const csv = (await admin.get(`/api/directory/regions/${w.ids.region}/export`)).body;
    expect(csv.split("\n")[0]).toBe(HEADER);
    const before = await tableState();
    const res = await admin.post(`/api/directory/regions/${w.ids.region}/import`, {
      fileName: "services.csv",
      csv,
    });
    expect(res.json()).toMatchObject({ status: "done", inserted: 0, updated: 0 });
    expect(res.json().unchanged).toBe(res.json().rows);
    // Only the import's audit entry was added.
    expect((await tableState()).split(":").slice(0, 4)).toEqual(before.split(":").slice(0, 4));
    expect((await admin.get(`/api/directory/regions/${w.ids.region}/export`)).body).toBe(csv);
  });

  it("adds new codes, replaces changed ones, and audits the import", async () => {
    const admin = await w.as("admin");
    const csv = [
      HEADER,
      "IMP-1,Consultorio familiare,health,,ATS-N;ATS-S,,professional,Invio del medico,,N,,N,,N,,it,Y",
      "IMP-2,Gruppo auto-mutuo aiuto,peer_support,Incontri settimanali,,,self,,,N,info@example.org,Y,,N,Gio 18-20,it;en,Y",
    ].join("\n");
    const res = await admin.post(`/api/directory/regions/${w.ids.region}/import`, {
      fileName: "services.csv",
      csv,
    });
    expect(res.json()).toMatchObject({ status: "done", rows: 2, inserted: 2, updated: 0, unchanged: 0 });
    const again = await admin.post(`/api/directory/regions/${w.ids.region}/import`, {
      csv: csv.replace("Incontri settimanali", "Incontri ogni martedì"),
    });
    expect(again.json()).toMatchObject({ status: "done", inserted: 0, updated: 1, unchanged: 1 });
    const audit = await w.audit({ entity: "directory_service", action: "import" });
    expect(audit[0]!.detail).toMatchObject({ inserted: [], updated: ["IMP-2"] });
  });

  it("rejects a file with problems, lists every one as file:line, and writes nothing", async () => {
    const admin = await w.as("admin");
    const csv = [
      HEADER,
      "BAD-1,Ok,health,,,,self,,,N,,N,,N,,it,Y",
      "BAD-2,,spa,,ATS-X,,any,,12,maybe,not-an-email,N,example.org,N,,IT,Y",
      "BAD-1,Doppio,health,,,,self,,,N,,N,,N,,it,Y",
      '"BAD-4",Spazi ,health,,,,self,,,N,,N,,N,,it,Y',
      "BAD-5,short",
    ].join("\n");
    const before = await tableState();
    const res = await admin.post(`/api/directory/regions/${w.ids.region}/import`, {
      fileName: "mine.csv",
      csv,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("rejected");
    const lines = res
      .json()
      .problems.map(
        (p: { file: string; line: number; column: string }) => `${p.file}:${p.line}: ${p.column}`,
      );
    expect(lines).toEqual(
      [
        "mine.csv:3: service_name",
        "mine.csv:3: sector",
        "mine.csv:3: area_codes",
        "mine.csv:3: referral_route",
        "mine.csv:3: phone",
        "mine.csv:3: phone_private",
        "mine.csv:3: email",
        "mine.csv:3: web",
        "mine.csv:3: languages",
        "mine.csv:4: service_code",
        "mine.csv:5: service_name",
        "mine.csv:6: -",
      ].sort((a, b) => Number(a.split(":")[1]) - Number(b.split(":")[1])),
    );
    expect(await tableState()).toBe(before);
  });

  it("reports a header without a column, with an unknown one or a duplicate at line 1", async () => {
    const admin = await w.as("admin");
    const header = HEADER.replace(",active", ",extra,extra");
    const res = await admin.post(`/api/directory/regions/${w.ids.region}/import`, { csv: `${header}\n` });
    expect(res.json().problems.map((p: { line: number; column: string }) => `${p.line} ${p.column}`)).toEqual(
      ["1 extra", "1 extra", "1 active"],
    );
  });

  it("never writes anything for a file with a bad row (property)", async () => {
    const admin = await w.as("admin");
    const good = "GOOD-%,Servizio,health,,ATS-N,,self,,,N,,N,,N,,it,Y";
    const badCells: Array<[number, string[]]> = [
      [0, ["", "a b", "x".repeat(65)]],
      [1, [""]],
      [2, ["spa", "Health", ""]],
      [4, ["ATS-Z", "ATS-N;ATS-N", ";"]],
      [6, ["", "any"]],
      [8, ["abc", "12"]],
      [9, ["y", "yes", "1"]],
      [10, ["x@", "@x.it"]],
      [12, ["ftp://x", "www.x.it"]],
      [15, ["IT", "it;it", "italiano"]],
      [16, ["S", "0"]],
    ];
    const badRow = fc
      .constantFrom(...badCells)
      .chain(([col, values]) => fc.tuple(fc.constant(col), fc.constantFrom(...values)));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(20), { maxLength: 4 }),
        badRow,
        fc.nat(4),
        async (goods, [col, value], at) => {
          const rows = goods.map((g, i) => good.replace("%", `${g}-${i}`));
          const cells = good.replace("%", "BADROW").split(",");
          cells[col] = value;
          rows.splice(Math.min(at, rows.length), 0, cells.join(","));
          const before = await tableState();
          const res = await admin.post(`/api/directory/regions/${w.ids.region}/import`, {
            csv: [HEADER, ...rows].join("\n"),
          });
          expect(res.json().status, `${value} in column ${col}`).toBe("rejected");
          expect(res.json().problems.length).toBeGreaterThan(0);
          expect(await tableState()).toBe(before);
        },
      ),
      { numRuns: 40 },
    );
  });
});
