import { Route } from "react-router";
import { SharedPlanPage } from "./shared-plan-page.tsx";
import { SharedPlansPage } from "./shared-plans-page.tsx";

/** Plans shared with the user's service (the server decides who reads what, on every read). */
export const careRoutes = (
  <>
    <Route path="care/shared" element={<SharedPlansPage />} />
    <Route path="care/shared/:id" element={<SharedPlanPage />} />
  </>
);
