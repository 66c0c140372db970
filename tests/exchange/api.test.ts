import { randomBytes } from "node:crypto";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { type Client, createWorld, type Username, worldOfFile } from "../support/world.ts";
import { BASE, csv } from "./support.ts";

/**
 * The web import and export: who may, what a coordinator may touch, the job's progress and
 * report, zip uploads, the size limit. World: BPD-LOM at S1 and S2 (the coordinator's), IMR-LOM at S3.
 */
const w = worldOfFile();

const header = (file: string) => BASE[file]![0]!;
type Files = Record<string, string>;

/** An extract for the world: patients enrolled in `programme` at `site`, with an intervention each. */
function worldExtract(prefix: string, programme: string, site: string): Files {
  return {
    "sites.csv": csv([header("sites.csv")]),
    "patients.csv": csv([
      header("patients.csv"),
      [`${prefix}P1`, "1999", "F", "", ""],
      [`${prefix}P2`, "2000", "M", "", ""],
    ]),
    "enrolments.csv": csv([
      header("enrolments.csv"),
      [`${prefix}E1`, `${prefix}P1`, programme, site, "2024-01-10", "", "", "F60.3", "", "", ""],
      [`${prefix}E2`, `${prefix}P2`, programme, site, "2024-02-10", "", "", "", "", "", ""],
    ]),
    "interventions.csv": csv([
      header("interventions.csv"),
      [
        `${prefix}I1`,
        `${prefix}P1`,
        site,
        "2024-01-12",
        "assessment",
        "individual",
        "patient",
        "",
        "",
        "30",
        "",
        "",
      ],
      [
        `${prefix}I2`,
        `${prefix}P2`,
        site,
        "2024-02-12",
        "psychoeducation",
        "individual",
        "family",
        "",
        "",
        "",
        "",
        "",
      ],
    ]),
  };
}

/** A multipart/form-data body with files (field `files`) and text fields. */
function multipart(files: Record<string, string | Uint8Array>, fields: Record<string, string> = {}) {
  const boundary = `----praxis${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const [name, content] of Object.entries(files)) {
    const type = name.endsWith(".zip") ? "application/zip" : "text/csv";
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(
  client: Client,
  files: Record<string, string | Uint8Array>,
  fields: Record<string, string> = {},
) {
  const body = multipart(files, fields);
  return client.inject({ method: "POST", url: "/api/imports", payload: body.payload, headers: body.headers });
}

/** Poll a job until it is done or rejected. */
async function finished(client: Client, id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await client.get(`/api/imports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json();
    if (job.status === "done" || job.status === "rejected") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the import job did not finish");
}

const count = async (table: "patients" | "enrolments" | "interventions", prefix: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)} where code like ${`${prefix}%`}`.execute(
      w.database.db,
    )
  ).rows[0]!.n;

describe("exchange API: importing", () => {
  it("lets an administrator upload CSV files and follow the job to its report", async () => {
    const admin = await w.as("admin");
    const res = await upload(admin, worldExtract("AD", "IMR-LOM", "S3"));
    expect(res.statusCode, res.body).toBe(202);
    const created = res.json();
    expect(["queued", "validating"]).toContain(created.status);
    expect(created.files.map((f: { name: string }) => f.name)).toEqual([
      "enrolments.csv",
      "interventions.csv",
      "patients.csv",
      "sites.csv",
    ]);
    const job = await finished(admin, created.id);
    expect(job.status).toBe("done");
    expect(job.report.problems).toEqual([]);
    expect(job.report.counts["interventions.csv"]).toEqual({
      rows: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(job.progress.bytesRead).toBe(job.progress.totalBytes);
    expect(job.progress.rowsRead).toBe(6);
    expect(await count("interventions", "AD")).toBe(2);
    const audit = await sql<{ actor: string; entity_id: string }>`
      select actor, entity_id from audit_log where action = 'import' order by seq desc limit 1`.execute(
      w.database.db,
    );
    expect(audit.rows[0]).toEqual({ actor: "admin", entity_id: created.id });
  });

  it("accepts one zip holding the files (in a folder or not)", async () => {
    const admin = await w.as("admin");
    const files = worldExtract("ZP", "BPD-LOM", "S2");
    const zip = zipSync(
      Object.fromEntries(
        Object.entries(files).map(([name, text], i) => [i % 2 ? `extract/${name}` : name, strToU8(text)]),
      ),
    );
    const res = await upload(admin, { "extract.zip": zip });
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(admin, res.json().id);
    expect(job.status).toBe("done");
    expect(await count("enrolments", "ZP")).toBe(2);
  });

  it("lets a regional coordinator import rows of their programme's sites", async () => {
    const coordinator = await w.as("coordinator");
    const res = await upload(coordinator, worldExtract("CO", "BPD-LOM", "S1"));
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(coordinator, res.json().id);
    expect(job.report.problems).toEqual([]);
    expect(job.status).toBe("done");
    expect(await count("patients", "CO")).toBe(2);
  });

  it("rejects a coordinator's rows outside their programmes, and writes nothing", async () => {
    const coordinator = await w.as("coordinator");
    const files = worldExtract("OUT", "IMR-LOM", "S3");
    files["patients.csv"] = csv([
      header("patients.csv"),
      ["OUTP1", "1999", "F", "", ""],
      ["OUTP2", "2000", "M", "", ""],
      ["ADP1", "1999", "F", "", ""],
    ]);
    const res = await upload(coordinator, files);
    const job = await finished(coordinator, res.json().id);
    expect(job.status).toBe("rejected");
    expect(job.report.problems.map((p: { text: string }) => p.text)).toEqual([
      "enrolments.csv:2: programme_code: programme IMR-LOM is not one of your programmes",
      "enrolments.csv:2: site_code: site S3 is not a site of your programmes",
      "enrolments.csv:3: programme_code: programme IMR-LOM is not one of your programmes",
      "enrolments.csv:3: site_code: site S3 is not a site of your programmes",
      "interventions.csv:2: site_code: site S3 is not a site of your programmes",
      "interventions.csv:3: site_code: site S3 is not a site of your programmes",
      "patients.csv:4: patient_code: patient ADP1 is not a patient of your programmes' sites",
    ]);
    expect(job.report.totalProblems).toBe(7);
    expect(await count("patients", "OUT")).toBe(0);
  });

  it("refuses a coordinator who would overwrite an intervention recorded outside their programmes", async () => {
    const coordinator = await w.as("coordinator");
    const files = worldExtract("CO", "BPD-LOM", "S1");
    files["interventions.csv"] = csv([
      header("interventions.csv"),
      ["ADI1", "COP1", "S1", "2024-01-12", "assessment", "individual", "patient", "", "", "30", "", ""],
    ]);
    const job = await finished(coordinator, (await upload(coordinator, files)).json().id);
    expect(job.report.problems.map((p: { text: string }) => p.text)).toEqual([
      "interventions.csv:2: intervention_code: intervention ADI1 is recorded at a site outside your programmes",
    ]);
  });

  it("lets only an administrator create programmes", async () => {
    const res = await upload(await w.as("coordinator"), worldExtract("CP", "NEW-PROG", "S1"), {
      createProgrammes: "true",
    });
    expect(res.statusCode).toBe(403);
    const admin = await w.as("admin");
    const ok = await upload(admin, worldExtract("CP", "NEW-PROG", "S1"), { createProgrammes: "true" });
    expect((await finished(admin, ok.json().id)).status).toBe("done");
  });

  it.each<Username>(["sitecoord1", "clinician1", "viewer"])("refuses %s (403)", async (u) => {
    const res = await upload(await w.as(u), worldExtract("NO", "BPD-LOM", "S1"));
    expect(res.statusCode).toBe(403);
    expect(await count("patients", "NO")).toBe(0);
  });

  it("refuses an anonymous upload (401)", async () => {
    const body = multipart(worldExtract("AN", "BPD-LOM", "S1"));
    const res = await w.anonymous.inject({
      method: "POST",
      url: "/api/imports",
      payload: body.payload,
      headers: body.headers,
    });
    expect(res.statusCode).toBe(401);
  });

  it("refuses files that are not CSV, and an upload without files", async () => {
    const admin = await w.as("admin");
    const res = await upload(admin, { "notes.txt": "hello" });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("upload .csv files, or one .zip of them");
    const empty = await upload(admin, {}, { createProgrammes: "false" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe("no CSV file in the upload");
  });

  it("shows a job to its author and administrators only", async () => {
    const coordinator = await w.as("coordinator");
    const res = await upload(coordinator, worldExtract("CO", "BPD-LOM", "S1"));
    const id = res.json().id;
    await finished(coordinator, id);
    expect((await (await w.as("admin")).get(`/api/imports/${id}`)).statusCode).toBe(200);
    for (const u of ["viewer", "clinician1", "sitecoord1"] as const) {
      expect((await (await w.as(u)).get(`/api/imports/${id}`)).statusCode, u).toBe(403);
    }
    const adminJob = (await upload(await w.as("admin"), worldExtract("AD", "IMR-LOM", "S3"))).json().id;
    expect((await coordinator.get(`/api/imports/${adminJob}`)).statusCode).toBe(403);
    await finished(await w.as("admin"), adminJob);
    expect(
      (await coordinator.get(`/api/imports/${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}`)).statusCode,
    ).toBe(404);
    expect((await coordinator.get("/api/imports/not-a-job")).statusCode).toBe(400);
  });
});

describe("exchange API: interrupted jobs", () => {
  it("reports a job whose server stopped as rejected, nothing written", async () => {
    const admin = await w.as("admin");
    const user = await sql<{ id: number }>`select id from users where username = 'admin'`.execute(
      w.database.db,
    );
    const id = "00000000-0000-4000-8000-000000000001";
    await sql`insert into import_jobs (id, user_id, actor, status, options, files, progress, updated_at)
      values (${id}, ${user.rows[0]!.id}, 'admin', 'writing', '{}', '[]',
        ${JSON.stringify({ file: null, rowsRead: 10, totalBytes: 100, bytesRead: 100 })}, now() - interval '11 minutes')`.execute(
      w.database.db,
    );
    const job = (await admin.get(`/api/imports/${id}`)).json();
    expect(job.status).toBe("rejected");
    expect(job.report.problems[0].message).toBe(
      "the import was interrupted (its server stopped); nothing was written",
    );
  });
});

describe("exchange API: exporting", () => {
  it("gives an administrator and the programme's coordinator a zip of the eight files", async () => {
    for (const u of ["admin", "coordinator"] as const) {
      const res = await (await w.as(u)).get(`/api/programmes/${w.ids.programmes.bpd}/export`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-type"]).toBe("application/zip");
      expect(res.headers["content-disposition"]).toBe('attachment; filename="BPD-LOM-export.zip"');
      const files = unzipSync(res.rawPayload);
      expect(Object.keys(files).sort()).toEqual(Object.keys(BASE).sort());
      const enrolments = strFromU8(files["enrolments.csv"]!);
      expect(enrolments).toContain("COE1,COP1,BPD-LOM,S1,2024-01-10");
      expect(enrolments).not.toContain("IMR-LOM");
    }
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'export'`.execute(w.database.db);
    expect(audit.rows[0]!.n).toBe(2);
  });

  it.each<Username>(["sitecoord1", "clinician1", "viewer"])("refuses %s (403)", async (u) => {
    expect((await (await w.as(u)).get(`/api/programmes/${w.ids.programmes.bpd}/export`)).statusCode).toBe(
      403,
    );
  });

  it("refuses a coordinator another programme's export, and answers 404 for an unknown one", async () => {
    const coordinator = await w.as("coordinator");
    expect((await coordinator.get(`/api/programmes/${w.ids.programmes.imr}/export`)).statusCode).toBe(403);
    expect((await coordinator.get("/api/programmes/999999/export")).statusCode).toBe(404);
    expect((await w.anonymous.get(`/api/programmes/${w.ids.programmes.bpd}/export`)).statusCode).toBe(401);
  });
});

describe("exchange API: size limit", () => {
  it("refuses an upload over PRAXIS_IMPORT_MAX_BYTES (413), counting a zip unpacked", async () => {
    const previous = process.env.PRAXIS_IMPORT_MAX_BYTES;
    process.env.PRAXIS_IMPORT_MAX_BYTES = "400";
    const small = await createWorld();
    if (previous === undefined) delete process.env.PRAXIS_IMPORT_MAX_BYTES;
    else process.env.PRAXIS_IMPORT_MAX_BYTES = previous;
    try {
      const admin = await small.as("admin");
      const files = worldExtract("BIG", "BPD-LOM", "S1");
      const res = await upload(admin, files);
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toBe("payload_too_large");
      const zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
      expect(zip.length).toBeLessThan(1000);
      expect((await upload(admin, { "x.zip": zip })).statusCode).toBe(413);
    } finally {
      await small.close();
    }
  });
});
