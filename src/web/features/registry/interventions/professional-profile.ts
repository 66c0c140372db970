import type { InterventionDefaults } from "../../../app/data/registry-types.ts";
import type { Professional } from "../../../app/types.ts";

/**
 * The profile recorded with an intervention for the professional of this code: the site's list
 * says it, or — for me, when the list is not loaded — the server's defaults; none without a code.
 */
export const professionalProfileOf =
  (professionals: Professional[] | undefined, defaults: InterventionDefaults) => (code: string | null) =>
    code === null
      ? null
      : (professionals?.find((p) => p.code === code)?.profile ??
        (code === defaults.professionalCode ? defaults.professionalProfile : null));
