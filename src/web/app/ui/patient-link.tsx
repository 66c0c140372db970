import { Anchor } from "@mantine/core";
import { Link } from "react-router";

/** A patient's pseudonym as the link to their page, as every list of patients shows it. */
export function PatientLink({ id, code }: { id: number; code: string }) {
  return (
    <Anchor component={Link} to={`/patients/${id}`} ff="monospace" fw={600}>
      {code}
    </Anchor>
  );
}
