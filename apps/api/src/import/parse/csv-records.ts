import type { FieldError } from "@todo/contract";
import { CsvError, parse } from "csv-parse/sync";

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/**
 * RFC 4180 records keyed by the header row (csv-parse), each with the line it ends on. A file
 * csv-parse cannot read (an unclosed quote, a row with the wrong number of cells) becomes one
 * error naming the line, never a 500.
 */
export function csvRecords(text: string): { header: string[]; records: CsvRecord[]; errors: FieldError[] } {
  try {
    let header: string[] = [];
    const rows = parse(text, {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim());
        return header;
      },
      skip_empty_lines: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return { header, records: rows.map((r) => ({ line: r.info.lines, values: r.record })), errors: [] };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    return { header: [], records: [], errors: [{ field: line ? `line ${line}` : "file", message: error.message }] };
  }
}
