import type { ReactNode } from "react";
import { Route, useParams } from "react-router";
import { RequireRegistry } from "../../app/guards.tsx";
import { DisengagementPage } from "./disengagement-page.tsx";

function AtSite({ children }: { children: ReactNode }) {
  const siteId = Number(useParams().id);
  return <RequireRegistry siteId={siteId}>{children}</RequireRegistry>;
}

/** The care pathways' pages: a site's disengagement worklists (registry users of that site). */
export const pathwayRoutes = (
  <Route
    path="sites/:id/disengagement"
    element={
      <AtSite>
        <DisengagementPage />
      </AtSite>
    }
  />
);
