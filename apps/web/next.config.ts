import type { NextConfig } from "next";

// Headers that never vary. The Content-Security-Policy of pages carries a
// per-request nonce and the runtime API origin, so proxy.ts sets that one.
const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
];

const nextConfig: NextConfig = {
  // @todo/contract and @todo/db are TypeScript source shared with the API.
  transpilePackages: ["@todo/contract", "@todo/db", "@todo/recurrence", "@todo/quick-add"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      // JSON endpoints render nothing: the strictest policy fits them.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
