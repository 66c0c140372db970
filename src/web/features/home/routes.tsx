import type { ReactNode } from "react";
import { Route, useParams } from "react-router";
import { RequireRegistry } from "../../app/guards.tsx";
import { DataQualityPage } from "./data-quality-page.tsx";
import { SiteDataQualityPage } from "./site-data-quality-page.tsx";

function AtSite({ children }: { children: ReactNode }) {
  return <RequireRegistry siteId={Number(useParams().id)}>{children}</RequireRegistry>;
}

/** The data-quality worklist's pages (patient-level: viewers and other sites are told why not). */
export const dataQualityRoutes = (
  <>
    <Route
      path="data-quality"
      element={
        <RequireRegistry>
          <DataQualityPage />
        </RequireRegistry>
      }
    />
    <Route
      path="sites/:id/data-quality"
      element={
        <AtSite>
          <SiteDataQualityPage />
        </AtSite>
      }
    />
  </>
);
