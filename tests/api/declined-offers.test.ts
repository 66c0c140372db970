import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../../src/server/infra/time/civil-date.ts";
import { createPatient, daysAgo, enrol, issuesOf } from "../support/registry-world.ts";
import { createWorld, type Username, type World } from "../support/world.ts";

let w: World;
const ids = { s1a: 0, s1b: 0, s1enrolled: 0, s3: 0 };
beforeAll(async () => {
  w = await createWorld();
  ids.s1a = (await createPatient(w, w.ids.sites.s1)).id;
  ids.s1b = (await createPatient(w, w.ids.sites.s1)).id;
  ids.s1enrolled = (await createPatient(w, w.ids.sites.s1)).id;
  ids.s3 = (await createPatient(w, w.ids.sites.s3)).id;
  await enrol(w, {
    patientId: ids.s1enrolled,
    programmeId: w.ids.programmes.bpd,
    siteId: w.ids.sites.s1,
    enrolmentDate: daysAgo(20),
  });
});
afterAll(async () => {
  await w?.close();
});

const offer = (patientId: number, extra: Record<string, unknown> = {}) => ({
  patientId,
  programmeId: w.ids.programmes.bpd,
  siteId: w.ids.sites.s1,
  offerDate: daysAgo(10),
  reason: "practical_barriers",
  ...extra,
});
const uptakeOfS1 = async (user: Username = "coordinator") => {
  const res = await (await w.as(user)).get(`/api/programmes/${w.ids.programmes.bpd}/uptake`);
  expect(res.statusCode).toBe(200);
  return res.json().sites.find((s: { siteId: number }) => s.siteId === w.ids.sites.s1);
};
const count = async () =>
  (
    await w.database.db
      .selectFrom("declined_offers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
  ).n;

describe("declined offers: recording", () => {
  it.each<[Username, () => Record<string, unknown>]>([
    ["viewer", () => offer(ids.s1a)],
    ["clinician2", () => offer(ids.s1a)],
    ["clinician3", () => offer(ids.s1a)],
    ["clinician1", () => offer(ids.s3, { siteId: w.ids.sites.s3, programmeId: w.ids.programmes.imr })],
  ])("refuses %s out of scope with 403 and stores nothing", async (u, body) => {
    const before = Number(await count());
    const res = await (await w.as(u)).post("/api/declined-offers", body());
    expect(res.statusCode).toBe(403);
    expect(Number(await count())).toBe(before);
  });

  it("lets a clinician of the site record one, audited, and the site's uptake falls", async () => {
    expect(await uptakeOfS1()).toMatchObject({ enrolled: 1, declined: 0, uptake: 1 });
    const res = await (await w.as("clinician1")).post("/api/declined-offers", offer(ids.s1a));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      programmeCode: "BPD-LOM",
      siteCode: "S1",
      reason: "practical_barriers",
    });
    const [entry] = await w.audit({ entity: "declined_offer" });
    expect(entry).toMatchObject({ action: "create", actor: "clinician1", siteId: w.ids.sites.s1 });
    expect(await uptakeOfS1()).toMatchObject({ enrolled: 1, declined: 1, uptake: 0.5 });
  });

  it.each<[string, () => Record<string, unknown>, string[]]>([
    [
      "a date in the future",
      () => offer(ids.s1b, { offerDate: addDays(today(), 1) }),
      ["body.offerDate:future"],
    ],
    [
      "a site not of the programme",
      () => offer(ids.s1b, { programmeId: w.ids.programmes.imr }),
      ["body.siteId:programme_site"],
    ],
    ["an unknown reason", () => offer(ids.s1b, { reason: "weather" }), ["body.reason:invalid_value"]],
    ["a patient enrolled in it then", () => offer(ids.s1enrolled), ["body.programmeId:already_enrolled"]],
    ["an unknown patient", () => offer(999_999), ["body.patientId:reference"]],
  ])("refuses %s with 400 naming the field, storing nothing", async (_, body, expected) => {
    const before = Number(await count());
    const res = await (await w.as("clinician1")).post("/api/declined-offers", body());
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    expect(Number(await count())).toBe(before);
  });
});

describe("declined offers: reading", () => {
  it.each<Username>(["admin", "coordinator", "sitecoord1", "clinician1"])(
    "lets %s read a patient's, audited",
    async (u) => {
      const res = await (await w.as(u)).get(`/api/patients/${ids.s1a}/declined-offers`);
      expect(res.statusCode).toBe(200);
      expect(res.json().map((o: { reason: string }) => o.reason)).toEqual(["practical_barriers"]);
      const [entry] = await w.audit({ entity: "declined_offers" });
      expect(entry).toMatchObject({ action: "read", actor: u, entityId: String(ids.s1a) });
    },
  );

  it.each<Username>(["viewer", "clinician2", "clinician3"])("refuses %s with 403", async (u) => {
    const res = await (await w.as(u)).get(`/api/patients/${ids.s1a}/declined-offers`);
    expect(res.statusCode).toBe(403);
  });

  it("hides small counts of uptake from users who see suppressed aggregates", async () => {
    expect(await uptakeOfS1("clinician1")).toMatchObject({
      enrolled: null,
      declined: null,
      uptake: null,
      suppressed: true,
    });
    const res = await (await w.as("clinician3")).get(`/api/programmes/${w.ids.programmes.bpd}/uptake`);
    expect(res.statusCode).toBe(403);
  });
});
