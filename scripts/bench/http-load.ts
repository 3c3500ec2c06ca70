import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Responses that were not the expected status, and socket errors: a bench of errors measures nothing. */
  bad: number;
  /** API side only: CPU time of the API's processes per request served, in ms. */
  cpuMsPerRequest?: number;
}

export interface LoadSpec {
  url: string;
  method: "GET" | "POST" | "PATCH";
  headers: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  expectStatus: number;
}

/** One autocannon run; latency percentiles in milliseconds. */
export async function httpLoad(spec: LoadSpec): Promise<LoadResult> {
  let bad = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: spec.method,
        headers: spec.headers,
        ...(spec.body !== undefined ? { body: spec.body } : {}),
        connections: spec.connections,
        duration: spec.seconds,
        pipelining: 1,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status) => {
      if (status !== spec.expectStatus) bad++;
    });
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    bad: bad + result.errors + result.timeouts,
  };
}
