import { Route } from "react-router";
import { DirectoryPage } from "./directory-page.tsx";
import { PublicDirectoryPage } from "./public-directory-page.tsx";

/** The directory page (every signed-in user; the page lists the regions they read). */
export const directoryRoutes = <Route path="directory" element={<DirectoryPage />} />;
/** The public page, outside the login. */
export const publicDirectoryRoutes = (
  <Route path="/public/directory/:regionCode" element={<PublicDirectoryPage />} />
);
