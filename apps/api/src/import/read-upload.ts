import { AppError } from "../errors/app-error.ts";

export interface Upload {
  text: string;
  /** The file's name without its extension, when it came as a multipart file. */
  name: string | null;
}

const unsupported = () =>
  new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    "Send the file as application/json, text/csv, or the `file` field of multipart/form-data.",
  );

/** The file of an import request, as UTF-8 text (a byte-order mark dropped). */
export async function readUpload(req: Request): Promise<Upload> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  let bytes: ArrayBuffer;
  let name: string | null = null;
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError("BAD_REQUEST", "The multipart body cannot be read.");
    }
    const file = form.get("file");
    if (!(file instanceof File))
      throw new AppError("BAD_REQUEST", "The multipart body has no `file` field with a file.");
    bytes = await file.arrayBuffer();
    name = file.name.replace(/\.[^.]*$/, "").trim() || null;
  } else if (/^(application\/json|text\/csv|text\/plain|application\/csv)\s*(;|$)/.test(type)) {
    bytes = await req.arrayBuffer();
  } else {
    throw unsupported();
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), name };
  } catch {
    throw new AppError("BAD_REQUEST", "The file is not UTF-8 text.");
  }
}
