/** The web paths of the protocol pages. */
export const dimensionPath = (protocolId: number, dimensionId: string) =>
  `/protocols/${protocolId}/dimensions/${encodeURIComponent(dimensionId)}`;
export const assessmentPath = (protocolId: number, siteId: number) =>
  `/protocols/${protocolId}/sites/${siteId}/assessment`;
