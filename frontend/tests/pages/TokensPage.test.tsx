import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { TokensPage } from "../../src/pages/TokensPage";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";

const listed = {
  id: 7, name: "laptop", token_key: "daria_AbCdEf",
  created: "2026-12-01T08:00:00Z", expiry: "2027-03-01T08:00:00Z",
};
let server: FakeServer;

beforeEach(() => {
  document.cookie = "csrftoken=test-token; path=/";
  server = installFakeServer();
  server.on("GET", "/api/v1/auth/tokens/", { json: [listed] });
  server.on("POST", "/api/v1/auth/tokens/", {
    status: 201, json: { ...listed, id: 8, name: "ci", token: "daria_the-secret-shown-once" },
  });
});

describe("the API tokens page", () => {
  it("lists tokens by name and first characters, never a secret", async () => {
    renderPage("/tokens", "/tokens", <TokensPage />);
    const list = await screen.findByTestId("token-list");
    expect(list.textContent).toContain("laptop");
    expect(list.textContent).toContain("daria_AbCdEf");
    expect(screen.queryByTestId("token-secret")).toBeNull();
  });

  it("shows a new token's secret once, after creating it", async () => {
    renderPage("/tokens", "/tokens", <TokensPage />);
    fireEvent.change(await screen.findByTestId("token-name"), { target: { value: "ci" } });
    fireEvent.click(screen.getByTestId("token-create"));

    const secret = await screen.findByTestId("token-secret");
    expect((secret as HTMLInputElement).value).toBe("daria_the-secret-shown-once");
    await waitFor(() => expect(server.sentTo("POST", "/api/v1/auth/tokens/")).toHaveLength(1));
    expect(server.sentTo("POST", "/api/v1/auth/tokens/")[0]!.body).toEqual({
      name: "ci", expires_in_days: 90,
    });
  });
});
