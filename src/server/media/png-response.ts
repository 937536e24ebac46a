/** Media as served: a PNG that no cache keeps (a reveal's original, a blurred derivative). */
export const pngResponse = (bytes: Uint8Array<ArrayBuffer>) =>
  new Response(bytes, { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' } });
