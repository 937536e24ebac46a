import type { RefusedSourceValue } from '../../../api/schemas/refused-source-value';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { Section } from './fields';

const fieldLabels: Record<RefusedSourceValue['field'], string> = {
  web_page_url: 'Web page URL',
  location_of_file: 'Source URL of a file',
  original_file_name: 'Original file name',
  screen_name: 'Uploader’s screen name',
  profile_url: 'Uploader’s profile URL',
  ip_address: 'Uploader’s IP address',
  ip_capture_time: 'Time of the uploader’s IP address',
  uploaded_to_esp: 'Time the file reached the provider',
  incident_date: 'Crawl time',
};

/**
 * The values of the supplier's data that NCMEC's rules refuse: never put into a field, kept as
 * evidence and sent in the additional information (escaped, cut, with length and SHA-256).
 */
export function RefusedSourceValues({ values }: { values: readonly RefusedSourceValue[] }) {
  if (values.length === 0) return null;
  return (
    <Section title="Set aside: values NCMEC’s rules refuse">
      <p className="text-sm text-slate-700">
        The supplier’s data holds these, but NCMEC would refuse a report carrying them where they
        belong. They are sent in the additional information instead: escaped (every character
        outside printable ASCII as <code>\u{'{…}'}</code>), cut to 200 characters, with their length
        and SHA-256.
      </p>
      <ul className="flex flex-col gap-2 text-sm">
        {values.map((value) => (
          <li
            key={`${value.field}-${value.fileSha256 ?? ''}-${value.sha256}`}
            className="border-l-2 border-amber-300 pl-3"
          >
            <p>
              <strong>{fieldLabels[value.field]}</strong>, item {value.itemId}: {value.rule}.
            </p>
            <p className="text-xs break-all text-slate-700">
              {value.length} characters, SHA-256 {value.sha256}
            </p>
            <p className="font-mono text-xs break-all">
              <UntrustedText text={value.excerpt} />
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
