import { Route } from "react-router";
import { AdministrationPage } from "./administrations/administration-page.tsx";
import { FidelityComparisonPage } from "./fidelity/fidelity-comparison-page.tsx";
import { ReviewFormPage } from "./fidelity/review-form-page.tsx";
import { ReviewPage } from "./fidelity/review-page.tsx";
import { SiteFidelityPage } from "./fidelity/site-fidelity-page.tsx";
import { InstrumentPage } from "./instruments/instrument-page.tsx";
import { LibraryPage } from "./instruments/library-page.tsx";
import { ProgrammeOutcomesPage } from "./outcomes/programme-outcomes-page.tsx";
import { CoursePage } from "./workforce/course-page.tsx";
import { SiteWorkforcePage } from "./workforce/site-workforce-page.tsx";
import { TrainingPage } from "./workforce/training-page.tsx";

/** The measures pages, inside the signed-in shell (the server decides who sees what). */
export const measuresRoutes = (
  <>
    <Route path="patients/:id/measures/new" element={<AdministrationPage />} />
    <Route path="sites/:id/fidelity" element={<SiteFidelityPage />} />
    <Route path="sites/:id/fidelity/new" element={<ReviewFormPage />} />
    <Route path="sites/:id/workforce" element={<SiteWorkforcePage />} />
    <Route path="fidelity/reviews/:id" element={<ReviewPage />} />
    <Route path="programmes/:id/outcomes" element={<ProgrammeOutcomesPage />} />
    <Route path="programmes/:id/fidelity" element={<FidelityComparisonPage />} />
    <Route path="programmes/:id/training" element={<TrainingPage />} />
    <Route path="training/courses/:id" element={<CoursePage />} />
    <Route path="measures/library" element={<LibraryPage />} />
    <Route path="measures/library/:code" element={<InstrumentPage />} />
  </>
);
