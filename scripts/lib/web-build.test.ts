import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceHash } from "./web-build.ts";

/** A tiny tree laid out like the checkout: what the fingerprint reads. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), "web-build-"));
  mkdirSync(join(root, "apps/web/src"), { recursive: true });
  mkdirSync(join(root, "packages/contract/src"), { recursive: true });
  writeFileSync(join(root, "apps/web/src/page.tsx"), "export default 1;\n");
  writeFileSync(join(root, "packages/contract/src/index.ts"), "export {};\n");
  writeFileSync(join(root, "package-lock.json"), "{}\n");
  return root;
}

describe("the web build fingerprint", () => {
  it("ignores what `next build` writes itself, so the second start reuses the build", () => {
    const root = tree();
    const before = sourceHash(root);
    writeFileSync(join(root, "apps/web/next-env.d.ts"), '/// <reference types="next" />\n');
    writeFileSync(join(root, "apps/web/tsconfig.tsbuildinfo"), "{}");
    mkdirSync(join(root, "apps/web/.next"));
    writeFileSync(join(root, "apps/web/.next/BUILD_ID"), "x");
    expect(sourceHash(root)).toBe(before);
  });

  it("changes when a source changes", () => {
    const root = tree();
    const before = sourceHash(root);
    const copy = mkdtempSync(join(tmpdir(), "web-build-copy-"));
    cpSync(root, copy, { recursive: true });
    expect(sourceHash(copy)).toBe(before); // the path of the checkout does not count
    writeFileSync(join(root, "apps/web/src/page.tsx"), "export default 2;\n");
    expect(sourceHash(root)).not.toBe(before);
  });
});
