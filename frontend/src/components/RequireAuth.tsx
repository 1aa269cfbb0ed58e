/** Guards the signed-in part of the app: others are sent to the sign-in page. */
import { Navigate, Outlet, useLocation } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { ErrorAlert } from "./ErrorAlert";
import { Loading } from "./Loading";

export function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  switch (state.status) {
    case "loading":
      return <Loading />;
    case "error":
      return <ErrorAlert error={state.error} />;
    case "signed-out":
      return <Navigate to="/login" replace state={{ from: location.pathname }} />;
    case "signed-in":
      return <Outlet />;
  }
}
