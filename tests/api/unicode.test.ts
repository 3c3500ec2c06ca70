import type { Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { call, taskPath, tasksPath } from "./helpers/http.ts";

const h = createHarness();
let user: SignedInUser;
let token: string;

beforeAll(async () => {
  user = await h.signIn();
  token = user.token;
});
afterAll(() => h.close());

const SAMPLES: [string, string][] = [
  ["emoji", "Party 🎉 time 😀"],
  ["ZWJ family sequence", "👨\u200d👩\u200d👧\u200d👦 family"],
  ["skin tones", "👋🏿 👍🏽 🧑🏻\u200d💻"],
  ["flags", "🇯🇵 🇧🇷 🏳️\u200d🌈"],
  ["CJK", "買い物リスト 牛乳を買う 中文 한국어"],
  ["Arabic (RTL, with harakat)", "اشترِ الحليبَ غداً"],
  ["Hebrew (RTL)", "לקנות חלב מחר"],
  ["mixed direction", "Buy חלב and حليب today"],
  ["combining acute (NFD e + U+0301)", "cafe\u0301 re\u0301sume\u0301"],
  ["precomposed é (NFC) stays precomposed", "caf\u00e9"],
  ["stacked combining marks", "a\u0300\u0301\u0302 Z\u0335\u0336"],
  ["decomposed Hangul jamo", "\u1112\u1161\u11ab\u1100\u1173\u11af"],
  ["astral plane math letters", "𝒯𝒪𝒟𝒪 𝟙𝟚𝟛"],
  ["zero-width and variation selectors", "a\u200bb\u200cc ✔\ufe0f ❤\ufe0e"],
];

/** The stored value's UTF-8 bytes as PostgreSQL holds them, in hex. */
async function storedBytes(id: string): Promise<{ title: string; description: string | null }> {
  const { rows } = await h.database.pool.query<{ title: string; description: string | null }>(
    `select encode(convert_to("title", 'UTF8'), 'hex') as "title",
            encode(convert_to("description", 'UTF8'), 'hex') as "description"
       from "task" where "id" = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new Error(`task ${id} is not in the database`);
  return row;
}
const hex = (s: string) => Buffer.from(s, "utf8").toString("hex");

describe("Unicode round-trips byte for byte", () => {
  it.each(SAMPLES)("%s: create -> get -> list -> database", async (_name, text) => {
    const description = `${text}\nsecond line: ${text}`;
    const created = await call(h.app, "POST", tasksPath(user.id), { token, body: { title: text, description } });
    expect(created.status).toBe(201);
    const task = (await created.json()) as Task;
    expect(task.title).toBe(text);
    expect(task.description).toBe(description);

    const got = (await (await call(h.app, "GET", taskPath(user.id, task.id), { token })).json()) as Task;
    expect(hex(got.title)).toBe(hex(text));
    expect(hex(got.description ?? "")).toBe(hex(description));

    const list = (await (await call(h.app, "GET", tasksPath(user.id), { token })).json()) as Task[];
    const listed = list.find((t) => t.id === task.id);
    expect(listed?.title).toBe(text);
    expect(listed?.description).toBe(description);

    const stored = await storedBytes(task.id);
    expect(stored.title).toBe(hex(text));
    expect(stored.description).toBe(hex(description));
  });

  it("keeps NFD and NFC spellings apart (no normalisation anywhere)", async () => {
    const nfd = "e\u0301";
    const nfc = "\u00e9";
    expect(nfd).not.toBe(nfc);
    const a = (await (await call(h.app, "POST", tasksPath(user.id), { token, body: { title: nfd } })).json()) as Task;
    const b = (await (await call(h.app, "POST", tasksPath(user.id), { token, body: { title: nfc } })).json()) as Task;
    expect([...a.title].map((c) => c.codePointAt(0))).toEqual([0x65, 0x301]);
    expect([...b.title].map((c) => c.codePointAt(0))).toEqual([0xe9]);
    expect((await storedBytes(a.id)).title).toBe("65cc81");
    expect((await storedBytes(b.id)).title).toBe("c3a9");
  });

  it("survives an update too", async () => {
    const created = await call(h.app, "POST", tasksPath(user.id), { token, body: { title: "plain" } });
    const task = (await created.json()) as Task;
    const title = "👩🏾\u200d🔬 تجربة 実験 e\u0301";
    const res = await call(h.app, "PUT", taskPath(user.id, task.id), { token, body: { title } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Task).title).toBe(title);
    expect((await storedBytes(task.id)).title).toBe(hex(title));
  });

  it("sends UTF-8 JSON that is not \\u-escaped", async () => {
    const title = "寿司 🍣";
    const res = await call(h.app, "POST", tasksPath(user.id), { token, body: { title } });
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const raw = Buffer.from(await res.arrayBuffer());
    expect(raw.includes(Buffer.from(title, "utf8"))).toBe(true);
  });
});

describe("text that is not valid Unicode", () => {
  // JSON can carry a lone surrogate ("\ud800"); stored, it would silently become U+FFFD.
  for (const [field, value] of [
    ["title", "broken \\ud800 title"],
    ["title", "\\udc00 reversed"],
    ["description", "note \\ud83d"],
  ] as const) {
    it(`refuses a lone surrogate in ${field} with 422 and writes nothing`, async () => {
      const before = (await call(h.app, "GET", tasksPath(user.id), { token }).then((r) => r.json())) as Task[];
      const body = field === "title" ? `{"title":"${value}"}` : `{"title":"ok","description":"${value}"}`;
      const res = await call(h.app, "POST", tasksPath(user.id), { token, body });
      expect(res.status).toBe(422);
      const problem = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(problem.errors).toEqual([{ field, message: "must be valid Unicode text" }]);
      const after = (await call(h.app, "GET", tasksPath(user.id), { token }).then((r) => r.json())) as Task[];
      expect(after.length).toBe(before.length);
    });
  }

  it("accepts a proper surrogate pair written as escapes", async () => {
    const res = await call(h.app, "POST", tasksPath(user.id), { token, body: '{"title":"\\ud83d\\ude00 grin"}' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Task).title).toBe("😀 grin");
  });
});
