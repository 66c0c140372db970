import { Anchor } from "@mantine/core";
import { Link } from "react-router";
import { useCurrentUser } from "../../app/session.ts";
import { seesAcrossSites } from "./access.ts";
import { planningUrl } from "./scope.ts";

/**
 * Beside an artefact's editor, the link to its view across the programme's sites (SWOT common
 * factors, SANA comparison, roadmap compliance), for those who see every site.
 */
export function CrossSiteLink({
  programmeId,
  page,
  label,
}: {
  programmeId: number;
  page: string;
  label: string;
}) {
  const me = useCurrentUser();
  if (!seesAcrossSites(me, programmeId)) return null;
  return (
    <Anchor component={Link} to={planningUrl(programmeId, page)} pb={8}>
      {label}
    </Anchor>
  );
}
