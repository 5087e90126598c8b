/** A `multipart/form-data` import request for `app.inject`, encoded the way a browser's FormData is. */
export async function importRequest(
  fileName: string,
  content: Buffer | string,
  note?: string,
): Promise<{ url: string; method: 'POST'; payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), fileName);
  if (note !== undefined) form.append('note', note);
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    url: '/api/sets/import',
    method: 'POST',
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}

/** The JSON text of a value, as an import file. */
export const jsonFile = (value: unknown): string => JSON.stringify(value);
