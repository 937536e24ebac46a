import { validateXML } from 'xmllint-wasm';

/**
 * Validation against NCMEC's XSD with a real validator (libxml2 in WebAssembly), in batches of one
 * xmllint run each. The XSD is NCMEC's to publish, not this repository's: its text is given.
 */
export async function xsdFailures(
  docs: readonly { fileName: string; contents: string }[],
  xsd: string,
): Promise<string[]> {
  const schema = { fileName: 'cybertipline-report.xsd', contents: xsd };
  const failures: string[] = [];
  for (let start = 0; start < docs.length; start += 200) {
    const xml = docs.slice(start, start + 200).map(({ fileName, contents }) => ({
      fileName,
      contents,
    }));
    const { valid, errors } = await validateXML({ xml, schema, maxMemoryPages: 4096 });
    for (const error of errors)
      failures.push(`${error.loc?.fileName ?? '(no file)'}: ${error.message.trim()}`);
    if (!valid && errors.length === 0)
      failures.push(`batch from ${start}: invalid, no error given`);
  }
  return failures;
}
