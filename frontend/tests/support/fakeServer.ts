/**
 * A fake API behind `fetch`: tests register handlers per "METHOD /path" and read back the
 * requests the client actually sent (method, URL, headers, JSON body).
 */
import { vi } from "vitest";

export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export interface FakeReply {
  status?: number;
  json?: unknown;
  text?: string;
}

type Handler = (request: SentRequest) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  on: (method: string, path: string, handler: Handler | FakeReply) => void;
  requests: SentRequest[];
  /** Requests to one path (query string ignored), in the order sent. */
  sentTo: (method: string, path: string) => SentRequest[];
}

/** Replace `fetch` with a fake server; unknown routes answer 404 `{detail: "Not found."}`. */
export function installFakeServer(): FakeServer {
  const handlers = new Map<string, Handler>();
  const requests: SentRequest[] = [];

  const fake = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://daria.test");
    const method = (init.method ?? "GET").toUpperCase();
    const body = typeof init.body === "string" ? JSON.parse(init.body) : init.body;
    const request = { method, url, headers: new Headers(init.headers), body };
    requests.push(request);
    const handler = handlers.get(`${method} ${url.pathname}`);
    const reply = handler ? await handler(request) : { status: 404, json: { detail: "Not found." } };
    const text = reply.text ?? (reply.json === undefined ? "" : JSON.stringify(reply.json));
    return new Response(text === "" ? null : text, { status: reply.status ?? 200 });
  });
  vi.stubGlobal("fetch", fake);

  return {
    on: (method, path, handler) =>
      handlers.set(`${method} ${path}`, typeof handler === "function" ? handler : () => handler),
    requests,
    sentTo: (method, path) => requests.filter((r) => r.method === method && r.url.pathname === path),
  };
}

/** Remove the CSRF cookie so the next unsafe request must fetch it. */
export function clearCsrfCookie(): void {
  document.cookie = "csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
}
