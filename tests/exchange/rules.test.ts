import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/infra/db/database.ts";
import { today as regionToday, yearOf } from "../../src/server/infra/time/civil-date.ts";
import { openTestDatabase } from "../support/test-db.ts";
import { BASE, csv, type Extract, extract, importFiles, snapshot, withCell, withRows } from "./support.ts";

/**
 * One test per rule of EXCHANGE-FORMAT.md, each with a file that breaks it: the import is
 * rejected with exactly the expected `file:line: column: message` lines. The database already
 * holds the base extract, so references and enrolment rules are checked against it too.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  const first = await importFiles(database, extract(), { createProgrammes: true });
  if (first.status !== "done") throw new Error(first.problems.join("\n"));
});
afterAll(async () => {
  await database?.close();
});

const rejected = async (files: Extract, options = {}) => {
  const r = await importFiles(database, files, options);
  expect(r.status).toBe("rejected");
  return r.problems;
};
const accepted = async (files: Extract, options = {}) => {
  const r = await importFiles(database, files, { dryRun: true, ...options });
  expect(r.problems).toEqual([]);
  return r.counts;
};

const year = yearOf(regionToday());
const header = (file: string) => BASE[file]![0]!;

describe("exchange rules: values", () => {
  it.each<[string, string, number, string, string, string]>([
    [
      "a date not written YYYY-MM-DD",
      "interventions.csv",
      1,
      "date",
      "2024-1-12",
      'interventions.csv:2: date: not a date: "2024-1-12" (write YYYY-MM-DD)',
    ],
    [
      "a date that is not on the calendar",
      "enrolments.csv",
      1,
      "enrolment_date",
      "2023-02-29",
      "enrolments.csv:2: enrolment_date: 2023-02-29 is not a date on the calendar",
    ],
    [
      "an intervention type outside the taxonomy",
      "interventions.csv",
      1,
      "type",
      "yoga",
      'interventions.csv:2: type: unknown intervention type "yoga": not in the base taxonomy nor a practice\'s own types',
    ],
    [
      "an instrument outside the library",
      "assessments.csv",
      1,
      "instrument",
      "XYZ-1",
      'assessments.csv:2: instrument: unknown instrument "XYZ-1": not in the instrument library',
    ],
    [
      "a value outside its list",
      "patients.csv",
      1,
      "sex",
      "female",
      'patients.csv:2: sex: "female" is not one of F, M, X, U',
    ],
    [
      "a lower-case boolean",
      "treatment_plans.csv",
      1,
      "signed_by_patient",
      "y",
      'treatment_plans.csv:2: signed_by_patient: must be Y or N, not "y"',
    ],
    [
      "a decimal where a whole number goes",
      "interventions.csv",
      1,
      "duration_min",
      "1.5",
      'interventions.csv:2: duration_min: not a whole number: "1.5" (plain digits only)',
    ],
    [
      "a duration out of range",
      "interventions.csv",
      1,
      "duration_min",
      "601",
      "interventions.csv:2: duration_min: 601 is out of range 1–600",
    ],
    [
      "a birth year before 1900",
      "patients.csv",
      1,
      "birth_year",
      "1899",
      `patients.csv:2: birth_year: 1899 is out of range 1900–${year}`,
    ],
    [
      "a birth year in the future",
      "patients.csv",
      1,
      "birth_year",
      String(year + 1),
      `patients.csv:2: birth_year: ${year + 1} is out of range 1900–${year}`,
    ],
    [
      "a decimal comma",
      "assessments.csv",
      1,
      "total_score",
      '"12,5"',
      'assessments.csv:2: total_score: not a number: "12,5" (use . as the decimal mark, no thousands separator)',
    ],
    [
      "an exponent",
      "professionals.csv",
      1,
      "training_hours",
      "1e3",
      'professionals.csv:2: training_hours: not a number: "1e3" (digits with an optional . decimal part, no exponent)',
    ],
    [
      "negative training hours",
      "professionals.csv",
      1,
      "training_hours",
      "-1",
      "professionals.csv:2: training_hours: -1 is out of range ≥ 0",
    ],
    [
      "a total score out of the instrument's range",
      "assessments.csv",
      1,
      "total_score",
      "37",
      "assessments.csv:2: total_score: 37 is out of range 0–36",
    ],
    [
      "a total score for an instrument without a total",
      "assessments.csv",
      3,
      "total_score",
      "4",
      "assessments.csv:4: total_score: must be empty: SCID-5-PD has no total score",
    ],
    [
      "a leading space",
      "patients.csv",
      1,
      "residence_area",
      " MI-01",
      "patients.csv:2: residence_area: leading or trailing spaces",
    ],
    [
      "a trailing space in a code",
      "interventions.csv",
      2,
      "module",
      "DBT-1 ",
      "interventions.csv:3: module: leading or trailing spaces",
    ],
    [
      "a code with a space",
      "professionals.csv",
      2,
      "professional_code",
      '"PR 2"',
      "professionals.csv:3: professional_code: not a valid code: 1–64 letters, digits, '.', '_' or '-': \"PR 2\"",
    ],
    [
      "a code longer than 64 characters",
      "groups.csv",
      2,
      "group_code",
      "G".repeat(65),
      `groups.csv:3: group_code: not a valid code: 1–64 letters, digits, '.', '_' or '-': "${"G".repeat(40)}…"`,
    ],
    [
      "a missing required value",
      "interventions.csv",
      3,
      "recipient",
      "",
      "interventions.csv:4: recipient: a value is required",
    ],
    [
      "a diagnosis that is not ICD-10",
      "enrolments.csv",
      1,
      "primary_diagnosis",
      "F60.3x",
      'enrolments.csv:2: primary_diagnosis: "F60.3x" is not an ICD-10 code such as F60.3',
    ],
    [
      "a secondary diagnosis without the dot",
      "enrolments.csv",
      1,
      "secondary_diagnosis",
      "F321",
      'enrolments.csv:2: secondary_diagnosis: "F321" is not an ICD-10 code such as F60.3',
    ],
    [
      "a group of size zero",
      "groups.csv",
      1,
      "max_size",
      "0",
      "groups.csv:2: max_size: 0 is out of range 1–2147483647",
    ],
    [
      "a control character in a name",
      "sites.csv",
      1,
      "site_name",
      "Site\u0007One",
      "sites.csv:2: site_name: control characters are not allowed",
    ],
  ])("refuses %s", async (_what, file, row, column, value, problem) => {
    expect(await rejected(extract({ [file]: withCell(file, row, column, value) }))).toEqual([problem]);
  });
});

describe("exchange rules: dates and pairs of columns", () => {
  it("refuses an enrolment that ends before it starts, and a group too", async () => {
    const problems = await rejected(
      extract({
        "enrolments.csv": withCell("enrolments.csv", 2, "end_date", "2024-01-31"),
        "groups.csv": withCell("groups.csv", 1, "end_date", "2024-01-01"),
      }),
    );
    expect(problems).toEqual([
      "enrolments.csv:3: end_date: 2024-01-31 is before enrolment_date 2024-02-01",
      "groups.csv:2: end_date: 2024-01-01 is before start_date 2024-02-01",
    ]);
  });

  it("accepts an enrolment that ends the day it starts", async () => {
    await accepted(extract({ "enrolments.csv": withCell("enrolments.csv", 2, "end_date", "2024-02-01") }));
  });

  it("wants an end_reason exactly when there is an end_date", async () => {
    const rows = BASE["enrolments.csv"]!.map((r) => [...r]);
    rows[1]![6] = "dropped_out"; // E1: reason, no end date
    rows[2]![6] = ""; // E2: end date, no reason
    expect(await rejected(extract({ "enrolments.csv": rows }))).toEqual([
      "enrolments.csv:2: end_reason: an end_reason needs an end_date",
      "enrolments.csv:3: end_reason: required when end_date is set",
    ]);
  });

  it("wants a case_manager_code when a case_manager_profile is given", async () => {
    expect(
      await rejected(
        extract({ "enrolments.csv": withCell("enrolments.csv", 2, "case_manager_profile", "nurse") }),
      ),
    ).toEqual(["enrolments.csv:3: case_manager_profile: a case_manager_profile needs a case_manager_code"]);
  });

  it("wants a group intervention's group at the same site, and its setting group", async () => {
    const rows = BASE["interventions.csv"]!.map((r) => [...r]);
    rows[2]![10] = "G2"; // I2 at X1, G2 is at X2
    rows[1]![10] = "G1"; // I1 is individual
    expect(await rejected(extract({ "interventions.csv": rows }))).toEqual([
      "interventions.csv:2: setting: must be group when a group_code is given",
      "interventions.csv:3: group_code: group G2 is at site X2, not X1",
    ]);
  });
});

describe("exchange rules: codes and references", () => {
  it("reports every row after the first with a duplicate code", async () => {
    const rows = withRows(
      "interventions.csv",
      BASE["interventions.csv"]![1]!,
      BASE["interventions.csv"]![3]!,
      BASE["interventions.csv"]![1]!,
    );
    expect(await rejected(extract({ "interventions.csv": rows }))).toEqual([
      "interventions.csv:6: intervention_code: duplicate intervention_code I1 (first at line 2)",
      "interventions.csv:7: intervention_code: duplicate intervention_code I3 (first at line 4)",
      "interventions.csv:8: intervention_code: duplicate intervention_code I1 (first at line 2)",
    ]);
  });

  it("reports codes that resolve neither in the import nor in the database", async () => {
    const problems = await rejected(
      extract({
        "interventions.csv": withCell("interventions.csv", 1, "patient_code", "P9"),
        "enrolments.csv": withCell("enrolments.csv", 3, "site_code", "X9"),
        "groups.csv": withCell("groups.csv", 1, "programme_code", "NOPE"),
        "treatment_plans.csv": withCell("treatment_plans.csv", 2, "patient_code", "P8"),
        "professionals.csv": withCell("professionals.csv", 1, "site_code", "X7"),
        "assessments.csv": withCell("assessments.csv", 3, "patient_code", "P7"),
      }),
    );
    expect(problems).toEqual([
      "assessments.csv:4: patient_code: unknown patient P7: not in patients.csv nor in the database",
      "enrolments.csv:4: site_code: unknown site X9: not in sites.csv nor in the database",
      "groups.csv:2: programme_code: unknown programme NOPE: not in the database (an administrator may create it with --create-programmes)",
      "interventions.csv:2: patient_code: unknown patient P9: not in patients.csv nor in the database",
      "professionals.csv:2: site_code: unknown site X7: not in sites.csv nor in the database",
      "treatment_plans.csv:3: patient_code: unknown patient P8: not in patients.csv nor in the database",
    ]);
  });

  it("reports a group that does not exist", async () => {
    expect(
      await rejected(extract({ "interventions.csv": withCell("interventions.csv", 2, "group_code", "G9") })),
    ).toEqual(["interventions.csv:3: group_code: unknown group G9: not in groups.csv nor in the database"]);
  });

  it("resolves references against the database when the referenced file holds only its header", async () => {
    const counts = await accepted({
      "sites.csv": csv([header("sites.csv")]),
      "patients.csv": csv([header("patients.csv")]),
      "enrolments.csv": csv([header("enrolments.csv")]),
      "interventions.csv": csv(
        withRows("interventions.csv", [
          "I9",
          "P2",
          "X2",
          "2024-05-02",
          "nursing",
          "group",
          "family",
          "",
          "",
          "",
          "G2",
          "",
        ]),
      ),
    });
    expect(counts["sites.csv"]).toEqual({ rows: 0, inserted: 0, updated: 0, unchanged: 0 });
    expect(counts["interventions.csv"]).toEqual({ rows: 5, inserted: 1, updated: 0, unchanged: 4 });
  });

  it("allows one enrolment per patient and programme, in the file", async () => {
    const rows = withRows(
      "enrolments.csv",
      ["E4", "P1", "PRG", "X2", "2024-05-01", "", "", "", "", "", ""],
      ["E5", "P1", "PRG", "X1", "2024-06-01", "", "", "", "", "", ""],
    );
    expect(await rejected(extract({ "enrolments.csv": rows }))).toEqual([
      "enrolments.csv:5: patient_code: patient P1 already has an enrolment in PRG at line 2",
      "enrolments.csv:6: patient_code: patient P1 already has an enrolment in PRG at line 2",
    ]);
  });

  it("allows one enrolment per patient and programme, against the database", async () => {
    const rows = [header("enrolments.csv"), ["E6", "P3", "PRG", "X2", "2024-05-01", "", "", "", "", "", ""]];
    expect(await rejected(extract({ "enrolments.csv": rows }))).toEqual([
      "enrolments.csv:2: patient_code: patient P3 already has enrolment E3 in PRG in the database",
    ]);
  });

  it("refuses to move a stored enrolment to another patient or programme", async () => {
    const rows = [
      header("enrolments.csv"),
      ["E3", "P2", "OTHER", "X1", "2024-03-05", "", "", "", "", "", ""],
    ];
    expect(await rejected(extract({ "enrolments.csv": rows }), { createProgrammes: true })).toEqual([
      "enrolments.csv:2: patient_code: enrolment E3 is of patient P3: the patient of an enrolment cannot change",
      "enrolments.csv:2: programme_code: enrolment E3 is in programme PRG: the programme of an enrolment cannot change",
    ]);
  });
});

describe("exchange rules: files and headers", () => {
  it("requires sites, patients and enrolments", async () => {
    expect(await rejected(extract({ "sites.csv": null, "enrolments.csv": null }))).toEqual([
      "enrolments.csv:1: -: required file is missing",
      "sites.csv:1: -: required file is missing",
    ]);
  });

  it("refuses a file the format does not define", async () => {
    expect(await rejected({ ...extract(), "intervention.csv": "x\n" })).toEqual([
      "intervention.csv:1: -: unknown file: the format's files are sites.csv, patients.csv, professionals.csv, groups.csv, enrolments.csv, interventions.csv, assessments.csv, treatment_plans.csv",
    ]);
  });

  it("reports a missing column at line 1 with its name (and does not check the rows)", async () => {
    const rows = BASE["interventions.csv"]!.map((r) => r.slice(0, -1));
    expect(await rejected(extract({ "interventions.csv": rows }))).toEqual([
      "interventions.csv:1: module: column is missing",
    ]);
  });

  it("reports a duplicate column", async () => {
    const rows = BASE["patients.csv"]!.map((r, i) => [...r, i === 0 ? "sex" : r[2]!]);
    expect(await rejected(extract({ "patients.csv": rows }))).toEqual([
      "patients.csv:1: sex: duplicate column (columns 3 and 6)",
    ]);
  });

  it("refuses an unknown column, unless told to ignore it", async () => {
    const rows = BASE["sites.csv"]!.map((r, i) => [...r, i === 0 ? "notes" : "anything"]);
    expect(await rejected(extract({ "sites.csv": rows }))).toEqual([
      "sites.csv:1: notes: unknown column (--ignore-unknown-columns ignores it)",
    ]);
    await accepted(extract({ "sites.csv": rows }), { ignoreUnknownColumns: true });
  });

  it("accepts the columns in any order", async () => {
    const order = [3, 0, 2, 1];
    const rows = BASE["sites.csv"]!.map((r) => order.map((i) => r[i]!));
    const counts = await accepted(extract({ "sites.csv": rows }));
    expect(counts["sites.csv"]).toEqual({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
  });

  it("refuses a row with more or fewer values than the header", async () => {
    const rows = withRows("sites.csv", ["X3", "Three"], ["X4", "Four", "", "", "extra"]);
    expect(await rejected(extract({ "sites.csv": rows }))).toEqual([
      "sites.csv:4: -: expected 4 values as in the header, found 2",
      "sites.csv:5: -: expected 4 values as in the header, found 5",
    ]);
  });

  it("refuses an empty file", async () => {
    expect(await rejected(extract({ "interventions.csv": "" }))).toEqual([
      "interventions.csv:1: -: the file is empty: the header line is missing",
    ]);
  });

  it("accepts files holding only their header", async () => {
    const files: Extract = {};
    for (const name of Object.keys(BASE)) files[name] = csv([header(name)]);
    const counts = await accepted(files);
    expect(Object.values(counts).every((c) => c.rows === 0)).toBe(true);
  });

  it("names the physical line of every invalid UTF-8 sequence", async () => {
    const bytes = Buffer.concat([
      Buffer.from("site_code,site_name,area_code,area_name\nX1,Site One,AR1,Area One\nX2,Caf"),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(",AR1,Area One\nX3,Ok,AR1,Area One\nX4,Bad "),
      Buffer.from([0xff]),
      Buffer.from(" name,AR1,Area One\n"),
    ]);
    expect(await rejected(extract({ "sites.csv": bytes }))).toEqual([
      "sites.csv:3: -: not UTF-8: invalid byte 0xC3",
      "sites.csv:5: -: not UTF-8: invalid byte 0xFF",
    ]);
  });

  it("accepts a BOM, CRLF line ends and no final line break", async () => {
    const files: Extract = {};
    for (const [name, rows] of Object.entries(BASE)) files[name] = `\uFEFF${csv(rows, "\r\n").slice(0, -2)}`;
    const counts = await accepted(files);
    expect(counts["interventions.csv"]).toEqual({ rows: 4, inserted: 0, updated: 0, unchanged: 4 });
  });

  it("counts lines physically: a value over several lines moves the lines after it", async () => {
    const text = [
      "site_code,site_name,area_code,area_name",
      'X1,"Site One",AR1,Area One',
      'X2,"Site Two,',
      'East",AR1,Area One',
      "X3,Three,A 1,Area One",
      'X4,"Four',
      '""quoted""",AR1,Area One',
      'X5,"unclosed,AR1,Area One',
      "X6,Six,AR1,Area One",
    ].join("\n");
    expect(await rejected(extract({ "sites.csv": text }))).toEqual([
      `sites.csv:5: area_code: not a valid code: 1–64 letters, digits, '.', '_' or '-': "A 1"`,
      'sites.csv:8: -: a quoted value is never closed (missing ")',
    ]);
  });
});

describe("exchange rules: the report", () => {
  it("lists every problem of every file, sorted by file then line, and writes nothing", async () => {
    const before = await snapshot(database);
    const problems = await rejected(
      extract({
        "treatment_plans.csv": withCell("treatment_plans.csv", 2, "created_date", "2024-02-30"),
        "interventions.csv": withRows(
          "interventions.csv",
          ["I5", "P1", "X1", "2024-13-01", "nursing", "individual", "patient", "", "", "", "", ""],
          ["I6", "P1", "X1", "2024-04-01", "nursing", "alone", "patient", "", "", "0", "", ""],
        ),
        "patients.csv": withRows("patients.csv", ["P4", "2000", "Z", "", ""]),
        "sites.csv": withRows("sites.csv", ["X3", "", "AR1", ""]),
      }),
    );
    expect(problems).toEqual([
      "interventions.csv:6: date: 2024-13-01 is not a date on the calendar",
      'interventions.csv:7: setting: "alone" is not one of individual, group',
      "interventions.csv:7: duration_min: 0 is out of range 1–600",
      'patients.csv:5: sex: "Z" is not one of F, M, X, U',
      "sites.csv:4: site_name: a value is required",
      "treatment_plans.csv:3: created_date: 2024-02-30 is not a date on the calendar",
    ]);
    expect(await snapshot(database)).toEqual(before);
  });
});
