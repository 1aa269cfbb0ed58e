/** The routes of the single-page app. */
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { RequireAuth } from "./components/RequireAuth";
import { ComparePage } from "./pages/ComparePage";
import { DatasetPage } from "./pages/DatasetPage";
import { ExperimentPage } from "./pages/ExperimentPage";
import { LoginPage } from "./pages/LoginPage";
import { MembersPage } from "./pages/MembersPage";
import { ModelPage } from "./pages/ModelPage";
import { StrategiesPage } from "./pages/StrategiesPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ProjectPage } from "./pages/ProjectPage";
import { ProjectsPage } from "./pages/ProjectsPage";
import { SetupPage } from "./pages/SetupPage";
import { TokensPage } from "./pages/TokensPage";

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<ProjectsPage />} />
          <Route path="/projects/:id" element={<ProjectPage />} />
          <Route path="/projects/:id/members" element={<MembersPage />} />
          <Route path="/tokens" element={<TokensPage />} />
          <Route path="/datasets/:id" element={<DatasetPage />} />
          <Route path="/experiments/:id" element={<ExperimentPage />} />
          <Route path="/models/:id" element={<ModelPage />} />
          <Route path="/compare" element={<ComparePage />} />
          <Route path="/strategies" element={<StrategiesPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
