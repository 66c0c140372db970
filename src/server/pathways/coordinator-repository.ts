import type { z } from "zod";
import type { Executor } from "../infra/db/executor.ts";
import { enrolmentsWithCodes } from "../registry/public.ts";
import { type RecordSelection, selectedRecords } from "./record-selection.ts";
import type { EnrolmentCoordinator } from "./schemas.ts";

type Out = z.infer<typeof EnrolmentCoordinator>;
type Profile = NonNullable<Out["caseManagerProfile"]>;

/** Enrolments with their named coordinator: by id, or a patient's at the given sites (newest first). */
export async function loadEnrolmentCoordinators(db: Executor, where: RecordSelection): Promise<Out[]> {
  const q = enrolmentsWithCodes(db)
    .leftJoin("professionals as c", "c.id", "e.coordinator_professional_id")
    .select([
      "e.id",
      "e.code",
      "e.site_id",
      "e.end_date",
      "c.id as coordinator_id",
      "c.code as coordinator_code",
      "c.profile as coordinator_profile",
      "e.case_manager_code",
      "e.case_manager_profile",
    ])
    .where(selectedRecords("e", where))
    .orderBy("e.enrolment_date", "desc")
    .orderBy("e.id", "desc");
  return (await q.execute()).map((r) => ({
    enrolmentId: r.id,
    enrolmentCode: r.code,
    programmeCode: r.programme_code,
    siteId: r.site_id,
    siteCode: r.site_code,
    endDate: r.end_date,
    coordinator:
      r.coordinator_id === null
        ? null
        : { id: r.coordinator_id, code: r.coordinator_code!, profile: r.coordinator_profile as Profile },
    caseManagerCode: r.case_manager_code,
    caseManagerProfile: r.case_manager_profile as Profile | null,
  }));
}
