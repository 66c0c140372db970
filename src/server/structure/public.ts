/** What other capabilities may use of structure (tests/architecture/server-imports.test.ts): finding a site; a region's area boundaries (the report's map). */

export type { BoundaryCollection } from "./boundaries.ts";
export { loadRegionBoundaries } from "./boundaries-store.ts";
export { findSite } from "./repository.ts";
