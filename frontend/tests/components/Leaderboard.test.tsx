import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { Leaderboard } from "../../src/components/Leaderboard";
import { I18nProvider } from "../../src/i18n/I18nProvider";
import { wireLeaderboardPage, wireLeaderboardRow } from "../support/leaderboardWire";
import { installFakeServer, type FakeServer } from "../support/fakeServer";
import { renderPage } from "../support/renderPage";

let server: FakeServer;

const PATH = "/api/v1/experiments/42/leaderboard/";

function show(url = "/experiments/42") {
  renderPage("/experiments/:id", url, <Leaderboard experimentId="42" metric="roc_auc" />);
}

beforeEach(() => {
  server = installFakeServer();
  server.on("GET", PATH, {
    json: wireLeaderboardPage(
      [
        wireLeaderboardRow(2, { is_best: true, score: 0.95 }),
        wireLeaderboardRow(1, { tied_with_best: false, score: 0.7, algorithm: "random_forest" }),
        wireLeaderboardRow(3, { state: "failed", score: null, tied_with_best: null, fold_mean: null, fold_std: null }),
      ],
      {
        ensemble: wireLeaderboardRow(0, {
          kind: "ensemble",
          number: null,
          metrics: { roc_auc: 0.96, log_loss: 0.3 },
          model_size_bytes: 2048,
          tied_with_best: null,
        }),
      },
    ),
  });
});

describe("Leaderboard", () => {
  it("shows the server's rows in its order with the tied marker as text", async () => {
    show();
    const rows = await screen.findAllByTestId("trial-row");
    expect(rows.map((row) => row.getAttribute("data-trial-number"))).toEqual(["2", "1", "3"]);
    const tied = screen.getAllByTestId("tied-cell").map((cell) => cell.textContent);
    // The final model first (no test for it), then best, not tied, no test possible.
    expect(tied).toEqual(["–", "★ best", "no", "–"]);
    expect(screen.getByText("What does “tied” mean?")).toBeTruthy();
  });

  it("asks for the view written in the URL and marks the sorted column", async () => {
    show("/experiments/42?sort=fit_time&order=desc&page=2&algorithm=lightgbm");
    await screen.findAllByTestId("trial-row");
    const query = server.sentTo("GET", PATH)[0]!.url.searchParams;
    expect(query.get("sort")).toBe("fit_time");
    expect(query.get("order")).toBe("desc");
    expect(query.get("page")).toBe("2");
    expect(query.get("algorithm")).toBe("lightgbm");
    // The page answered "score, descending": the header says so.
    const header = screen.getByTestId("sort-score").closest("th")!;
    expect(header.getAttribute("aria-sort")).toBe("descending");
    expect(screen.getByTestId("sort-fit_time").closest("th")!.getAttribute("aria-sort")).toBe("none");
  });

  it("sorts by a header click and puts it in the URL", async () => {
    show();
    await screen.findAllByTestId("trial-row");
    fireEvent.click(screen.getByTestId("sort-number"));
    await waitFor(() => expect(server.sentTo("GET", PATH).length).toBe(2));
    expect(server.sentTo("GET", PATH)[1]!.url.searchParams.get("sort")).toBe("number");
  });

  it("exports with the same filters", async () => {
    show("/experiments/42?state=failed");
    await screen.findAllByTestId("trial-row");
    const csv = screen.getByTestId("export-csv").getAttribute("href")!;
    expect(csv).toBe("/api/v1/experiments/42/leaderboard/export/?sort=score&state=failed&file_format=csv");
    expect(screen.getByTestId("export-xlsx").getAttribute("href")).toContain("file_format=xlsx");
  });

  it("compares two selected rows", async () => {
    show();
    await screen.findAllByTestId("trial-row");
    const compare = screen.getByTestId("compare-selected") as HTMLButtonElement;
    expect(compare.disabled).toBe(true);
    const boxes = screen.getAllByTestId("trial-select");
    fireEvent.click(boxes[1]!);
    fireEvent.click(boxes[0]!);
    expect(compare.disabled).toBe(false);
    fireEvent.click(compare);
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/compare"));
  });

  it("fetches the page again when a live trial arrives", async () => {
    const board = (key: string) => (
      <I18nProvider language="en">
        <MemoryRouter initialEntries={["/experiments/42"]}>
          <Leaderboard experimentId="42" metric="roc_auc" refreshKey={key} live />
        </MemoryRouter>
      </I18nProvider>
    );
    const { rerender } = render(board("1"));
    await screen.findAllByTestId("trial-row");
    expect(screen.getByText("Updated live while the search runs.")).toBeTruthy();
    rerender(board("1"));
    rerender(board("2"));
    await waitFor(() => expect(server.sentTo("GET", PATH).length).toBe(2));
  });

  it("does not lose a live update that arrives while a page is being fetched", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    server.on("GET", PATH, async () => {
      calls += 1;
      if (calls === 1) {
        await held;
        return { json: wireLeaderboardPage([wireLeaderboardRow(1)]) };
      }
      return { json: wireLeaderboardPage([wireLeaderboardRow(1), wireLeaderboardRow(2)]) };
    });
    const board = (key: string) => (
      <I18nProvider language="en">
        <MemoryRouter initialEntries={["/experiments/42"]}>
          <Leaderboard experimentId="42" metric="roc_auc" refreshKey={key} live />
        </MemoryRouter>
      </I18nProvider>
    );
    const { rerender } = render(board("1"));
    await waitFor(() => expect(calls).toBe(1));
    rerender(board("2")); // a trial arrived while the first request is still on its way
    release();
    await waitFor(() => expect(screen.getAllByTestId("trial-row")).toHaveLength(2));
    expect(calls).toBe(2);
  });

  it("shows every other metric as a column, the model size readable, and a dash for old trials", async () => {
    server.on("GET", PATH, {
      json: wireLeaderboardPage(
        [
          wireLeaderboardRow(2, {
            is_best: true,
            metrics: { roc_auc: 0.9, accuracy: 0.81, log_loss: 0.35 },
            model_size_bytes: 3 * 1024 * 1024,
          }),
          // Stored before the other metrics were measured: the chosen one only, no size.
          wireLeaderboardRow(1, { metrics: { roc_auc: 0.8 }, model_size_bytes: null }),
        ],
        { ensemble: wireLeaderboardRow(0, { kind: "ensemble", number: null, metrics: { roc_auc: 0.95, log_loss: 0.3 } }) },
      ),
    });
    show();
    const [best, old] = await screen.findAllByTestId("trial-row");
    const headers = screen.getAllByTestId("metric-column");
    // The engine's order, the chosen metric (the score column) left out.
    expect(headers.map((header) => header.getAttribute("data-metric"))).toEqual(["log_loss", "accuracy"]);
    expect(headers[0]!.textContent).toContain("Log loss");
    expect(headers[0]!.getAttribute("title")).toBe("lower is better");
    const cell = (row: HTMLElement, metric: string) => row.querySelector(`td[data-metric="${metric}"]`)!.textContent;
    expect(cell(best!, "accuracy")).toBe("0.81");
    expect(cell(best!, "log_loss")).toBe("0.35");
    expect(cell(old!, "accuracy")).toBe("–");
    expect(cell(screen.getByTestId("ensemble-row"), "log_loss")).toBe("0.3");
    expect(within(best!).getByText("3 MB")).toBeTruthy();
  });

  it("names the metric columns in Korean", async () => {
    server.on("GET", PATH, {
      json: wireLeaderboardPage([wireLeaderboardRow(1, { metrics: { roc_auc: 0.9, balanced_accuracy: 0.7 } })]),
    });
    renderPage("/experiments/:id", "/experiments/42", <Leaderboard experimentId="42" metric="roc_auc" />, "ko");
    await screen.findAllByTestId("trial-row");
    const header = screen.getByTestId("metric-column");
    expect(header.textContent).toContain("균형 정확도");
    expect(header.getAttribute("title")).toBe("높을수록 좋음");
  });
});
