/** What keeps a FHIR export from being offered, or null when the server will answer with the file. */
export type FhirExportProblem = "programme" | "period" | "endBeforeStart";

export function fhirExportProblem(
  programmeId: number | null,
  from: string | null,
  to: string | null,
): FhirExportProblem | null {
  if (programmeId === null) return "programme";
  if (!from || !to) return "period";
  if (to < from) return "endBeforeStart";
  return null;
}

/** The API address of a programme's FHIR R4 export for a period (both days included). */
export function fhirExportUrl(programmeId: number, from: string, to: string): string {
  return `/api/programmes/${programmeId}/export/fhir?${new URLSearchParams({ from, to })}`;
}
