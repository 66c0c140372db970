import type { World } from "./world.ts";

/**
 * Change some of a programme's parameters in the database, keeping the others; what it answers
 * puts the parameters back as they were.
 */
export async function setProgrammeParameters(w: World, programmeId: number, change: Record<string, unknown>) {
  const { db } = w.database;
  const row = await db
    .selectFrom("programmes")
    .select("parameters")
    .where("id", "=", programmeId)
    .executeTakeFirstOrThrow();
  const write = (parameters: object) =>
    db
      .updateTable("programmes")
      .set({ parameters: JSON.stringify(parameters) })
      .where("id", "=", programmeId)
      .execute();
  await write({ ...row.parameters, ...change });
  return async () => {
    await write(row.parameters);
  };
}
