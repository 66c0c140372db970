import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "../../src/server/infra/time/civil-date.ts";
import { checkSectionText, placeholdersOf, TEXT_MAX } from "../../src/server/report/text-sections.ts";
import { createWorld, type Username, type World } from "../support/world.ts";

let w: World;
let otherRegionProgramme: number;
const texts = (programme: number, lang = "it") => `/api/programmes/${programme}/report/texts?lang=${lang}`;
const section = (programme: number, lang: string, key: string) =>
  `/api/programmes/${programme}/report/texts/${lang}/${key}`;

type View = {
  lang: string;
  sections: Array<{
    section: string;
    text: string;
    defaultText: string;
    overridden: boolean;
    version: number;
    placeholders: string[];
    updatedBy: string | null;
  }>;
};
const sectionOf = (body: unknown, key: string) => (body as View).sections.find((s) => s.section === key)!;

beforeAll(async () => {
  w = await createWorld();
  const { db } = w.database;
  const region = await db
    .insertInto("regions")
    .values({ code: "VEN", name: "Veneto" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const p = await db
    .insertInto("programmes")
    .values({
      code: "BPD-VEN",
      name: "BPD Veneto",
      practice_id: w.ids.practices.bpd,
      practice_version: 1,
      region_id: region.id,
      parameters: JSON.stringify({}),
      updated_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  otherRegionProgramme = p.id;
}, 120_000);
afterAll(async () => {
  await w?.close();
});

describe("checkSectionText", () => {
  it.each([
    ["programmeIntro", "{programme} ({code}) lavora in {sites} sedi.", []],
    ["programmeIntro", "Nessun segnaposto.", []],
    ["programmeIntro", "{programme} e {region}", [["unknown_placeholder", "region"]]],
    ["programmeIntro", "{ programme }", [["unknown_placeholder", " programme "]]],
    [
      "programmeIntro",
      "{x} {x} {y}",
      [
        ["unknown_placeholder", "x"],
        ["unknown_placeholder", "y"],
      ],
    ],
    ["caseText", "{programme}", [["unknown_placeholder", "programme"]]],
    ["caseText", "   ", [["blank", undefined]]],
    ["caseText", "a".repeat(TEXT_MAX + 1), [["too_big", undefined]]],
    ["noData", "Nothing up to {to}.", []],
  ] as const)("%s %j", (key, text, expected) => {
    const issues = checkSectionText(key, text);
    expect(issues.map((i) => [i.rule, i.params?.placeholder])).toEqual(expected);
    for (const i of issues) expect(i.field).toBe("body.text");
  });

  it("names the placeholders a section has, from its default template", () => {
    expect(placeholdersOf("programmeIntro").sort()).toEqual(["code", "programme", "sites"]);
    expect(placeholdersOf("caseText")).toEqual(["value"]);
  });
});

describe("report texts API", () => {
  it.each([
    ["admin", 200],
    ["coordinator", 200],
    ["sitecoord1", 403],
    ["clinician1", 403],
    ["viewer", 403],
  ] as const)("GET: %s → %i", async (who: Username, status) => {
    const res = await (await w.as(who)).get(texts(w.ids.programmes.bpd));
    expect(res.statusCode, res.body).toBe(status);
    if (status === 200) {
      const intro = sectionOf(res.json(), "programmeIntro");
      expect(intro).toMatchObject({ overridden: false, version: 0 });
      expect(intro.text).toBe(intro.defaultText);
      expect(intro.text).toContain("si svolge in");
    }
  });

  it("refuses anonymous callers (401) and a coordinator of another region (403)", async () => {
    expect((await w.anonymous.get(texts(w.ids.programmes.bpd))).statusCode).toBe(401);
    const c = await w.as("coordinator");
    expect((await c.get(texts(otherRegionProgramme))).statusCode).toBe(403);
    const put = await c.put(section(otherRegionProgramme, "it", "programmeIntro"), {
      text: "x",
      baseVersion: 0,
    });
    expect(put.statusCode).toBe(403);
    // a programme of the coordinator's region that they do not hold a grant for: allowed
    expect((await c.get(texts(w.ids.programmes.imr))).statusCode).toBe(200);
  });

  it.each(["sitecoord1", "clinician1", "viewer"] as const)(
    "refuses a save and a reset by %s, storing nothing",
    async (who) => {
      const client = await w.as(who);
      const put = await client.put(section(w.ids.programmes.imr, "en", "caseText"), {
        text: "{value} mine.",
        baseVersion: 0,
      });
      expect(put.statusCode, put.body).toBe(403);
      const del = await client.delete(`${section(w.ids.programmes.imr, "en", "caseText")}?baseVersion=0`);
      expect(del.statusCode, del.body).toBe(403);
      const rows = await w.database.db
        .selectFrom("report_texts")
        .selectAll()
        .where("programme_id", "=", w.ids.programmes.imr)
        .execute();
      expect(rows).toEqual([]);
    },
  );

  it("saves, refuses a stale version, resets to the default; audits every write; the report uses it", async () => {
    const c = await w.as("coordinator");
    const bpd = w.ids.programmes.bpd;
    const text = "Introduzione nostra: {programme} ({code}) in {sites} sedi lombarde.";
    const saved = await c.put(section(bpd, "it", "programmeIntro"), { text, baseVersion: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(sectionOf(saved.json(), "programmeIntro")).toMatchObject({
      text,
      overridden: true,
      version: 1,
      updatedBy: "coordinator",
    });

    // the English text is untouched
    const en = await c.get(texts(bpd, "en"));
    expect(sectionOf(en.json(), "programmeIntro")).toMatchObject({ overridden: false, version: 0 });

    // someone still on version 0 is refused, nothing changes
    const stale = await (await w.as("admin")).put(section(bpd, "it", "programmeIntro"), {
      text: "Altro {programme}",
      baseVersion: 0,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().issues[0]).toMatchObject({ field: "body.baseVersion", rule: "stale_version" });

    const html = await c.get(
      `/api/programmes/${bpd}/report?from=2025-01-01&to=${today()}&format=html&lang=it`,
    );
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain("Introduzione nostra: BPD pilot (BPD-LOM) in 2 sedi lombarde.");
    const htmlEn = await c.get(
      `/api/programmes/${bpd}/report?from=2025-01-01&to=${today()}&format=html&lang=en`,
    );
    expect(htmlEn.body).toContain("BPD pilot (BPD-LOM) runs at 2 sites.");

    const [entry] = await w.audit({ entity: "report_text", action: "update" });
    expect(entry).toMatchObject({
      actor: "coordinator",
      programmeId: bpd,
      entityId: `${bpd}/it/programmeIntro`,
      detail: { before: { text: null, version: 0 }, after: { text, version: 1 } },
    });

    // reset with a stale version: refused; with the current one: back to the default, version 2
    expect((await c.delete(`${section(bpd, "it", "programmeIntro")}?baseVersion=0`)).statusCode).toBe(409);
    const reset = await c.delete(`${section(bpd, "it", "programmeIntro")}?baseVersion=1`);
    expect(reset.statusCode, reset.body).toBe(200);
    const after = sectionOf(reset.json(), "programmeIntro");
    expect(after).toMatchObject({ overridden: false, version: 2 });
    expect(after.text).toBe(after.defaultText);
    const [resetEntry] = await w.audit({ entity: "report_text", action: "reset" });
    expect(resetEntry).toMatchObject({
      detail: { before: { text, version: 1 }, after: { text: null, version: 2 } },
    });
    const again = await c.get(
      `/api/programmes/${bpd}/report?from=2025-01-01&to=${today()}&format=html&lang=it`,
    );
    expect(again.body).not.toContain("Introduzione nostra");
  });

  it("refuses an unknown placeholder naming the field and the placeholder, and an over-long text, storing nothing", async () => {
    const admin = await w.as("admin");
    const imr = w.ids.programmes.imr;
    const bad = await admin.put(section(imr, "en", "programmeIntro"), {
      text: "{programme} in {region}",
      baseVersion: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([
      expect.objectContaining({
        field: "body.text",
        rule: "unknown_placeholder",
        params: { placeholder: "region", values: ["programme", "code", "sites"] },
      }),
    ]);
    expect(bad.json().issues[0].message).toContain("{region}");
    const long = await admin.put(section(imr, "en", "programmeIntro"), {
      text: "a".repeat(TEXT_MAX + 1),
      baseVersion: 0,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().issues[0]).toMatchObject({ field: "body.text", rule: "too_big" });
    const unknownSection = await admin.put(section(imr, "en", "title"), { text: "x", baseVersion: 0 });
    expect(unknownSection.statusCode).toBe(400);
    const rows = await w.database.db
      .selectFrom("report_texts")
      .selectAll()
      .where("programme_id", "=", imr)
      .execute();
    expect(rows).toEqual([]);
  });
});
