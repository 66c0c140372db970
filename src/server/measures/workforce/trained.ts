import { type RawBuilder, sql } from "kysely";

/**
 * Who counts as trained for a programme, as one SQL condition on a professional `pr`: the
 * `trained` flag, or a completed course of this programme, of the professional's site, or open to
 * all. The programme's training funnel and the region funnel of site status count the same way.
 */
export function trainedForProgramme(programmeId: number): RawBuilder<boolean> {
  return sql<boolean>`(pr.trained or exists (
          select 1 from training_attendance ta join training_courses c on c.id = ta.course_id
          where ta.professional_id = pr.id and ta.completed
            and (c.programme_id = ${programmeId} or c.site_id = pr.site_id or (c.programme_id is null and c.site_id is null))
        ))`;
}
