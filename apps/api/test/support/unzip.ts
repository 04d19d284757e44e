import { buffer } from 'node:stream/consumers';
import { fromBufferPromise } from 'yauzl';

/** The entries of a zip, inflated (test helper; yauzl, the library uploads are read with). */
export async function unzip(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await fromBufferPromise(bytes, { strictFileNames: true });
  const out = new Map<string, string>();
  for await (const e of zip.eachEntry())
    out.set(e.fileName, (await buffer(await zip.openReadStreamPromise(e))).toString('utf8'));
  return out;
}

/** The paragraphs of a WordprocessingML part as text (runs joined, tabs and breaks as spaces). */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(?:br|tab)\/>/g)]
      .map((m) => m[1] ?? ' ')
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
