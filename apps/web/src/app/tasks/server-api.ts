import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getServerEnv } from "@/env";
import { getAuth } from "@/lib/auth";
import { createTaskApi } from "@/tasks/api-client";
import type { FirstLists, FirstPage } from "@/tasks/first-paint";
import { apiQuery, parseOptions, type View } from "@/tasks/view";

/**
 * The first screen's data, fetched while the page is rendered (ADR 0137), so the rows are in the
 * HTML instead of waiting for the JavaScript, then a token, then the API. The token is the one
 * the browser would get from /api/auth/token (the same Better Auth endpoint, called with the
 * visitor's own cookie): the user id comes from the session and the API still verifies it.
 * Anything going wrong here only means the browser fetches as before.
 */
const WAIT_MS = 2_000;

const serverApi = cache(async (userId: string) => {
  const { token } = await getAuth().api.getToken({ headers: await headers() });
  return createTaskApi({
    apiUrl: getServerEnv().apiUrl,
    userId,
    // A refused token is not renewed here: the browser's own fetch takes over.
    tokens: { get: async () => token, invalidate: () => {} },
  });
});

async function inTime<T>(work: () => Promise<T>): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), WAIT_MS);
  });
  try {
    return await Promise.race([work(), late]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Where the change feed stood before any of the render's data was read (ADR 0153), once per
 * request for the layout and the page. The browser's live sync pulls every change after it, so a
 * change committed between this render and the sync's start is not missed.
 */
const firstCursor = cache(async (userId: string) => (await (await serverApi(userId)).changes(null)).cursor);

/** The sidebar's lists and labels, for every view, and the feed's position before them. */
export const firstLists = (userId: string): Promise<FirstLists | null> =>
  inTime(async () => {
    const cursor = await firstCursor(userId);
    const api = await serverApi(userId);
    const [lists, labels] = await Promise.all([api.lists(), api.labels()]);
    return { lists, labels, at: Date.now(), cursor };
  });

/**
 * The first page of a view. Only with the account's own time zone: without one the browser
 * counts "today" in its own zone, which the server cannot know, and the query would differ.
 */
export const firstPage = (
  userId: string,
  timeZone: string | null | undefined,
  view: View,
  search: URLSearchParams,
): Promise<FirstPage | null> => {
  if (!timeZone) return Promise.resolve(null);
  const query = apiQuery(view, parseOptions(view, search), timeZone).toString();
  return inTime(async () => {
    // Read after the feed's position the layout hands the browser (ADR 0153).
    await firstCursor(userId);
    const page = await (await serverApi(userId)).tasks(new URLSearchParams(query));
    return { query, page, at: Date.now() };
  });
};
