import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EmbeddedStartError } from "./embedded-error.ts";
import { placeNativeBinaries } from "./native-binaries.ts";

/** A small stand-in for the platform package's native/ folder. */
function nativeTree(): string {
  const dir = mkdtempSync(join(tmpdir(), "native-src-"));
  mkdirSync(join(dir, "bin"));
  mkdirSync(join(dir, "lib"));
  writeFileSync(join(dir, "bin/postgres"), "#!/bin/sh\n", { mode: 0o755 });
  writeFileSync(join(dir, "lib/libpq.so.5.18"), "lib");
  symlinkSync("libpq.so.5.18", join(dir, "lib/libpq.so.5"));
  return dir;
}

describe("placing PostgreSQL's binaries where the postgres user can run them", () => {
  it("hardlinks the tree once per version, keeps its symlinks, and reuses it afterwards", () => {
    const source = nativeTree();
    const base = mkdtempSync(join(tmpdir(), "native-base-"));
    const placed = placeNativeBinaries(source, "18.4.0-linux-x64", base);
    expect(placed).toBe(join(base, "todo-pg-18.4.0-linux-x64"));
    expect(statSync(join(placed, "native/bin/postgres")).ino).toBe(statSync(join(source, "bin/postgres")).ino);
    expect(statSync(join(placed, "native/bin/postgres")).mode & 0o111).toBe(0o111);
    expect(readlinkSync(join(placed, "native/lib/libpq.so.5"))).toBe("libpq.so.5.18");
    expect(statSync(placed).mode & 0o777).toBe(0o755);

    writeFileSync(join(placed, "marker"), "kept");
    expect(placeNativeBinaries(source, "18.4.0-linux-x64", base)).toBe(placed);
    expect(existsSync(join(placed, "marker"))).toBe(true);
  });

  it("replaces an incomplete copy of its own (a start killed half-way)", () => {
    const source = nativeTree();
    const base = mkdtempSync(join(tmpdir(), "native-base-"));
    mkdirSync(join(base, "todo-pg-v1"), { mode: 0o755 });
    const placed = placeNativeBinaries(source, "v1", base);
    expect(existsSync(join(placed, "native/bin/postgres"))).toBe(true);
    expect(existsSync(join(placed, ".complete"))).toBe(true);
  });

  it("refuses a folder anyone could have written (a shared /var/tmp), saying how to fix it", () => {
    const source = nativeTree();
    const base = mkdtempSync(join(tmpdir(), "native-base-"));
    const planted = join(base, "todo-pg-v1");
    mkdirSync(planted);
    chmodSync(planted, 0o777);
    writeFileSync(join(planted, ".complete"), "");
    let error: unknown;
    try {
      placeNativeBinaries(source, "v1", base);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EmbeddedStartError);
    expect((error as EmbeddedStartError).message).toContain(planted);
    expect((error as EmbeddedStartError).fix).toBe(`remove it (rm -rf ${planted}) and run npm start again`);
  });
});
