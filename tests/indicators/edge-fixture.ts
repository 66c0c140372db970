import type { Db } from "../../src/server/infra/db/database.ts";
import { Registry } from "./fixtures.ts";

/**
 * The hand-computed fixture of catalogue.test.ts. R = 2024-06-30, so R − 90 = 2024-04-01.
 *
 * Programme P (practice P adds `dbt_individual`, psychosocial, and `peer_support`, not),
 * targetEnrolmentPerSite 2. Sites: A (area N, registered, target 3), B (area N, registered),
 * C (no area, registered, target 0, no patients), D (area S, not registered: one enrolment),
 * E (area S, not registered: one enrolment after R), F (area S, no link to P: its group and
 * professional must not count). Programme Q (base taxonomy) at A, and B through an enrolment.
 *
 * | enrolment | site | date | end | sex, born | diagnosis | first contact | notes |
 * | a1 | A | 2024-01-01 | — | F 2000 | F60.3 | 2023-06-01 | case manager |
 * | a2 | A | 2024-04-01 (= R − 90) | — | M 1980 | F60.31 | — | |
 * | a3 | A | 2024-04-02 (= R − 89) | — | X 2010 | F60 | 2023-04-02 (366 days before) | |
 * | a4 | A | 2024-06-30 (= R) | — | U 1994 | — | 2024-07-15 (after) | |
 * | a5 | A | 2024-07-01 (after R) | — | | | | |
 * | b1 | B | 2023-01-10 | 2023-03-01 dropped_out | F 1999 | — | — | |
 * | b2 | B | 2024-03-01 | 2024-08-15 dropped_out | F 1990 | F60.30 | 2024-03-01 | case manager; also in Q at A |
 * | b3 | B | 2023-06-01 | 2023-06-30 completed (day 29) | M 2005 | F43.1 | — | |
 * | d1 | D | 2022-01-01 | — | M 1970 | F60.3 | 2021-01-01 (exactly 365) | case manager |
 * | e1 | E | 2025-01-01 | — | | | | |
 * | q1 (Q only) | B | 2024-02-01 | — | | | | |
 */
export const R = "2024-06-30";

export async function buildEdgeFixture(db: Db): Promise<Registry> {
  const r = new Registry(db);
  await r.area("N");
  await r.area("S");
  // Inserted out of order on purpose: rows come back in code byte order.
  await r.site("E", "S");
  await r.site("B", "N");
  await r.site("A", "N");
  await r.site("D", "S");
  await r.site("C");
  await r.site("F", "S");
  await r.practice("P", [
    { code: "dbt_individual", psychosocial: true },
    { code: "peer_support", psychosocial: false },
  ]);
  await r.programme("P", {
    parameters: { targetEnrolmentPerSite: 2 },
    sites: [["A", 3], "B", ["C", 0]],
  });
  await r.programme("Q", { sites: ["A"] });

  await r.patient("a1", { sex: "F", birthYear: 2000, firstContact: "2023-06-01" });
  await r.patient("a2", { sex: "M", birthYear: 1980 });
  await r.patient("a3", { sex: "X", birthYear: 2010, firstContact: "2023-04-02" });
  await r.patient("a4", { sex: "U", birthYear: 1994, firstContact: "2024-07-15" });
  await r.patient("b1", { sex: "F", birthYear: 1999 });
  await r.patient("b2", { sex: "F", birthYear: 1990, firstContact: "2024-03-01" });
  await r.patient("b3", { sex: "M", birthYear: 2005 });
  await r.patient("d1", { sex: "M", birthYear: 1970, firstContact: "2021-01-01" });

  await r.enrol("a1", "A", "2024-01-01", { programme: "P", diagnosis: "F60.3", caseManager: "cm1" });
  await r.enrol("a2", "A", "2024-04-01", { programme: "P", diagnosis: "F60.31" });
  await r.enrol("a3", "A", "2024-04-02", { programme: "P", diagnosis: "F60" });
  await r.enrol("a4", "A", "2024-06-30", { programme: "P" });
  await r.enrol("a5", "A", "2024-07-01", { programme: "P" });
  await r.enrol("b1", "B", "2023-01-10", { programme: "P", end: "2023-03-01", reason: "dropped_out" });
  await r.enrol("b2", "B", "2024-03-01", {
    programme: "P",
    end: "2024-08-15",
    reason: "dropped_out",
    diagnosis: "F60.30",
    caseManager: "cm2",
  });
  await r.enrol("b3", "B", "2023-06-01", { programme: "P", end: "2023-06-30", diagnosis: "F43.1" });
  await r.enrol("d1", "D", "2022-01-01", { programme: "P", diagnosis: "F60.3", caseManager: "cm3" });
  await r.enrol("e1", "E", "2025-01-01", { programme: "P" });
  await r.enrol("b2", "A", "2024-01-01", { programme: "Q" });
  await r.enrol("q1", "B", "2024-02-01", { programme: "Q" });

  // a1: five psychotherapy sessions in days 0–40, a psychiatric visit on day 5, psychotherapy on day 100.
  await r.interventions("a1", "psychotherapy", [
    "2024-01-01",
    "2024-01-11",
    "2024-01-21",
    "2024-01-31",
    "2024-02-10",
  ]);
  await r.interventions("a1", "psychiatric_visit", ["2024-01-06"]);
  await r.interventions("a1", "psychotherapy", ["2024-04-10"]);
  // a2: assessment on day 89, family intervention (to the family) on day 90 = R, psychoeducation the day before enrolment.
  await r.interventions("a2", "assessment", ["2024-06-29"]);
  await r.interventions("a2", "family_intervention", ["2024-06-30"], { recipient: "family" });
  await r.interventions("a2", "psychoeducation", ["2024-03-31"]);
  // a3: psychoeducation on day 0 (not observed early).
  await r.interventions("a3", "psychoeducation", ["2024-04-02"]);
  // a4: nursing on R (day 0); psychotherapy the day after R.
  await r.interventions("a4", "nursing", ["2024-06-30"]);
  await r.interventions("a4", "psychotherapy", ["2024-07-01"]);
  // b1: skills training days 0–4 recorded at site A (attributed to B), after the end to the family, before enrolment.
  await r.interventions(
    "b1",
    "skills_training",
    ["2023-01-10", "2023-01-11", "2023-01-12", "2023-01-13", "2023-01-14"],
    {
      site: "A",
    },
  );
  await r.interventions("b1", "skills_training", ["2023-03-11"], { recipient: "family" });
  await r.interventions("b1", "psychotherapy", ["2023-01-05"]);
  // b2: job placement on day 89, social support (patient and family) on day 90.
  await r.interventions("b2", "job_placement", ["2024-05-29"]);
  await r.interventions("b2", "social_support", ["2024-05-30"], { recipient: "patient_and_family" });
  // b3: psychotherapy on day 29 (the end date) and day 30 (after the end).
  await r.interventions("b3", "psychotherapy", ["2023-06-30", "2023-07-01"]);
  // d1: the practice's own types, and a type the practice does not know.
  await r.interventions("d1", "dbt_individual", ["2022-01-02", "2022-01-03"]);
  await r.interventions("d1", "peer_support", ["2022-01-04"]);
  await r.interventions("d1", "mystery", ["2022-01-05"]);
  // q1 (programme Q only).
  await r.interventions("q1", "psychotherapy", ["2024-02-10"]);

  // Assessment records: day −90 (a1), day 90 (a2), day −91 (b2), day 60 after the end (b3), day 89 (d1).
  await r.assessment("a1", "2023-10-03");
  await r.assessment("a2", "2024-06-30");
  await r.assessment("b2", "2023-12-01");
  await r.assessment("b3", "2023-07-31");
  await r.assessment("d1", "2022-03-31");

  // Plans.
  await r.plan("a1", "2023-12-01", { signed: true });
  await r.plan("a1", "2024-03-01", { social: true });
  await r.plan("a3", "2024-07-01", { signed: true });
  await r.plan("a4", "2024-06-30", { integrated: true });
  await r.plan("b1", "2023-01-20", { code: "PL-a", work: true, site: "B" });
  await r.plan("b1", "2023-01-20", { code: "PL-B", signed: true, site: "B" });
  await r.plan("b1", "2023-04-01", { signed: true, site: "B" });
  await r.plan("b3", "2023-03-03", { signed: true, site: "B" });
  await r.plan("b3", "2023-03-02", { social: true, site: "B" });
  await r.plan("d1", "2021-10-02", { signed: true, site: "D" });

  // Groups.
  await r.group("G1", "A", "dbt_skills", "2024-01-01", { programme: "P" });
  await r.group("G2", "A", "dbt_skills", "2024-06-30");
  await r.group("G3", "A", "dbt_skills", "2024-01-01", { programme: "Q" });
  await r.group("G4", "B", "dbt_skills", "2024-07-01");
  await r.group("G5", "B", "family_connections", "2023-01-01", { end: "2023-06-01" });
  await r.group("G6", "F", "dbt_skills", "2024-01-01", { programme: "P" });

  // Professionals.
  await r.professional("x1", "A", { team: true, trained: true });
  await r.professional("x2", "A", { team: true, trained: false });
  await r.professional("x3", "A", { team: false, trained: true });
  await r.professional("x4", "A", { team: false, trained: false });
  await r.professional("y1", "B", { team: true, trained: true });
  await r.professional("z1", "D", { team: false, trained: true });
  await r.professional("w1", "F", { team: true, trained: true });
  return r;
}
