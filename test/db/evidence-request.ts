/** Evidence upload requests for `app.inject`, encoded the way a browser's FormData is (fields first, then the file). */
export async function evidenceUpload(
  url: string,
  fields: Record<string, string | number>,
  file?: { name: string; content: Buffer },
): Promise<{ url: string; method: 'POST'; payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  if (file) form.append('file', new Blob([new Uint8Array(file.content)]), file.name);
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return { url, method: 'POST', payload: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type')! } };
}
