import { canReadRegion, coordinatesRegion } from "../core/access/regions.ts";

/**
 * Who may use a region's directory — the region-scoped rules of `core/access/regions.ts`:
 * - read: administrators and global viewers (every region); anyone else in the regions of their
 *   grants' sites and programmes;
 * - write (create, update, deactivate, import): administrators (every region) and regional
 *   coordinators in the regions of the programmes they coordinate;
 * - the public page switch: administrators only.
 */
export const canReadDirectory = canReadRegion;
export const canWriteDirectory = coordinatesRegion;

export const WHY = {
  read: "only users of this region may read its directory of services",
  write: "only administrators and the region's regional coordinators may change its directory of services",
} as const;
