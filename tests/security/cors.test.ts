import { describe, expect, inject, it } from "vitest";

const apiUrl = inject("apiUrl");
const webUrl = inject("webUrl");

const preflight = (origin: string) =>
  fetch(`${apiUrl}/api/someone/tasks`, {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": "PUT",
      "Access-Control-Request-Headers": "authorization,content-type",
    },
  });

describe("CORS on the running API", () => {
  it("answers the web's origin by name", async () => {
    const response = await preflight(webUrl);
    expect(response.headers.get("access-control-allow-origin")).toBe(webUrl);
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
  });

  for (const origin of [
    "https://evil.example",
    "null",
    `${webUrl}.evil.example`,
    webUrl.replace("127.0.0.1", "localhost"),
  ]) {
    it(`refuses ${origin}`, async () => {
      const response = await preflight(origin);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      const simple = await fetch(`${apiUrl}/health`, { headers: { Origin: origin } });
      expect(simple.headers.get("access-control-allow-origin")).toBeNull();
    });
  }
});
