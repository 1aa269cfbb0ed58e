import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { MemoryRouter } from "react-router";
import { AppRoutes } from "../src/App";
import { AuthProvider } from "../src/auth/AuthProvider";
import { en } from "../src/i18n/en";
import { I18nProvider } from "../src/i18n/I18nProvider";
import { ko } from "../src/i18n/ko";
import { installFakeServer, type FakeServer } from "./support/fakeServer";
import { wireUser } from "./support/wireFactories";

const ALICE = wireUser();
const NOT_SIGNED_IN = {
  status: 403,
  json: { detail: "Authentication credentials were not provided.", code: "not_authenticated" },
};

let server: FakeServer;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  server = installFakeServer();
  server.on("GET", "/api/v1/setup/", { json: { needs_setup: false } });
  server.on("GET", "/api/v1/projects/", { json: [] });
});

function renderApp(url: string) {
  render(
    <I18nProvider language="en">
      <AuthProvider>
        <MemoryRouter initialEntries={[url]}>
          <AppRoutes />
        </MemoryRouter>
      </AuthProvider>
    </I18nProvider>,
  );
}

describe("the app", () => {
  it("sends a signed-out visitor to the sign-in page and back after signing in", async () => {
    let signedIn = false;
    server.on("GET", "/api/v1/auth/me/", () => (signedIn ? { json: ALICE } : NOT_SIGNED_IN));
    server.on("POST", "/api/v1/auth/login/", () => {
      signedIn = true;
      return { json: ALICE };
    });
    server.on("GET", "/api/v1/projects/3/", { status: 404, json: { detail: "Not found." } });
    renderApp("/projects/3");

    fireEvent.change(await screen.findByTestId("login-username"), { target: { value: "alice" } });
    fireEvent.change(screen.getByTestId("login-password"), { target: { value: "secret" } });
    fireEvent.click(screen.getByTestId("login-submit"));

    expect((await screen.findByRole("alert")).textContent).toBe(en["guide.error.notFound"]);
    expect(screen.getByTestId("user-name").textContent).toBe("alice");
    expect(server.sentTo("POST", "/api/v1/auth/login/")[0]?.body).toEqual({
      username: "alice",
      password: "secret",
    });
  });

  it("shows why signing in failed", async () => {
    server.on("GET", "/api/v1/auth/me/", NOT_SIGNED_IN);
    server.on("POST", "/api/v1/auth/login/", {
      status: 400,
      json: { detail: "Wrong user name or password.", code: "invalid_credentials" },
    });
    renderApp("/login");

    fireEvent.change(await screen.findByTestId("login-username"), { target: { value: "alice" } });
    fireEvent.change(screen.getByTestId("login-password"), { target: { value: "wrong" } });
    fireEvent.click(screen.getByTestId("login-submit"));

    expect((await screen.findByRole("alert")).textContent).toBe("Wrong user name or password.");
  });

  it("opens the first-run page on a fresh installation", async () => {
    server.on("GET", "/api/v1/auth/me/", NOT_SIGNED_IN);
    server.on("GET", "/api/v1/setup/", { json: { needs_setup: true } });
    renderApp("/");

    expect(await screen.findByTestId("setup-username")).toBeTruthy();
  });

  it("switches the whole interface to Korean and remembers the choice", async () => {
    server.on("GET", "/api/v1/auth/me/", { json: ALICE });
    renderApp("/");
    await screen.findByTestId("project-name");

    fireEvent.change(screen.getByTestId("language-select"), { target: { value: "ko" } });

    expect(await screen.findByRole("heading", { level: 1, name: ko["guide.home.title"] })).toBeTruthy();
    expect(screen.getByTestId("logout").textContent).toBe("로그아웃");
    expect(localStorage.getItem("daria.language")).toBe("ko");
    expect(document.documentElement.lang).toBe("ko");
  });

  it("signs out and returns to the sign-in page", async () => {
    let signedIn = true;
    server.on("GET", "/api/v1/auth/me/", () => (signedIn ? { json: ALICE } : NOT_SIGNED_IN));
    server.on("POST", "/api/v1/auth/logout/", () => {
      signedIn = false;
      return { status: 204 };
    });
    renderApp("/");

    fireEvent.click(await screen.findByTestId("logout"));

    expect(await screen.findByTestId("login-username")).toBeTruthy();
    expect(screen.queryByTestId("logout")).toBeNull();
  });
});
