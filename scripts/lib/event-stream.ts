/**
 * A minimal text/event-stream reader over fetch (EventSource cannot send a bearer token),
 * shared by `npm run verify` and the API tests.
 */
/** One server-sent event as received (comments are kept as `comment`). */
export interface ReceivedEvent {
  at: number;
  event?: string;
  data?: string;
  comment?: string;
}

/**
 * Opens `GET {url}` as a text/event-stream with a bearer token (as the web does, with
 * fetch) and collects what arrives; `next` waits for the first event after a given count
 * that matches. `ended` resolves when the server closes the stream.
 */
export async function openEventStream(url: string, token: string) {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    signal: abort.signal,
  });
  const events: ReceivedEvent[] = [];
  let buffer = "";
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    if (!reader) return;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          events.push(parse(buffer.slice(0, cut)));
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  const next = async (from: number, match: (e: ReceivedEvent) => boolean, timeoutMs: number) => {
    const limit = Date.now() + timeoutMs;
    for (;;) {
      const found = events.slice(from).find(match);
      if (found) return found;
      if (Date.now() > limit) return undefined;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { res, events, ended, next, close: () => abort.abort() };
}

function parse(block: string): ReceivedEvent {
  const e: ReceivedEvent = { at: Date.now() };
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) e.comment = line.slice(1).trim();
    else if (line.startsWith("event:")) e.event = line.slice(6).trim();
    else if (line.startsWith("data:")) e.data = (e.data ? `${e.data}\n` : "") + line.slice(5).trim();
  }
  return e;
}

export const isChange = (e: ReceivedEvent) => e.event === "change";
