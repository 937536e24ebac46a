import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import type { ReportEditable } from '../../../api/schemas/report';
import type { ReportFile } from '../../../api/schemas/report-file';
import { FileAnnotation, IndustryClassification } from '../../../api/schemas/decision';
import { DefangedUrl } from '../../../components/ui/defanged-url';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { fileAnnotationLabels } from '../../../domain/cybertipline-labels';
import { utcMinute } from '../model/report-labels';
import { SelectField } from '../../../components/ui/select-field';
import { TagsField, TextField, fromBoolean, toBoolean, yesNoUnknown } from './fields';
import type { Update } from './report-sections';
import { ViewedByEsp } from './viewed-by-esp';

type EditableFile = ReportEditable['files'][number];

export function FileSection({
  reportId,
  index,
  file,
  fields,
  update,
  disabled,
  move,
}: {
  reportId: string;
  index: number;
  file: ReportFile;
  fields: EditableFile;
  update: Update;
  disabled: boolean;
  move: ReactNode;
}) {
  const set = (change: Partial<EditableFile>) =>
    update((f) => ({
      ...f,
      files: f.files.map((each) => (each.sha256 === file.sha256 ? { ...each, ...change } : each)),
    }));
  return (
    <section
      aria-label={`File ${index + 1}`}
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4"
    >
      <h3 className="font-semibold">
        File {index + 1} <code className="text-xs font-normal break-all">{file.fileName}</code>
      </h3>
      <p className="text-sm text-slate-700">
        {file.itemIds.length === 1 ? 'Item' : `${file.itemIds.length} items with these bytes`}:{' '}
        {file.itemIds.map((itemId, i) => (
          <span key={itemId}>
            {i > 0 && ', '}
            <Link to="/items/$itemId" params={{ itemId }} className="text-sky-800 underline">
              {itemId}
            </Link>
          </span>
        ))}
      </p>
      <TextField
        label="Original file name"
        untrusted
        value={fields.originalFileName ?? ''}
        onChange={(value) => set({ originalFileName: value || null })}
        disabled={disabled}
      />
      <TextField
        label="Location of file (primary source URL)"
        untrusted
        value={fields.locationOfFile ?? ''}
        onChange={(value) => set({ locationOfFile: value || null })}
        disabled={disabled}
        hint="Untrusted text: never opened by the console."
      />
      {file.otherLocations.length > 0 && (
        <div className="text-sm">
          <p className="text-xs font-medium text-slate-700">Also found at (reported as well)</p>
          <ul className="flex flex-col gap-1">
            {file.otherLocations.map((url) => (
              <li key={url}>
                <DefangedUrl url={url} subject={{ type: 'report', id: reportId }} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-700">Hash as obtained</dt>
        <dd className="break-all">
          {file.originalFileHash ? (
            <>
              {file.originalFileHash.hashType} <UntrustedText text={file.originalFileHash.value} />
            </>
          ) : (
            'Missing'
          )}
        </dd>
        <dt className="text-slate-700">Reached the provider</dt>
        <dd>{file.uploadedToEspTimestamp ? utcMinute(file.uploadedToEspTimestamp) : 'Unknown'}</dd>
        {file.hashDetails.map((detail) => (
          <div key={`${detail.name}=${detail.value}`} className="contents">
            <dt className="text-slate-700">{detail.name}</dt>
            <dd className="break-all">{detail.value}</dd>
          </div>
        ))}
      </dl>
      <ViewedByEsp viewed={file.fileViewedByEsp} />
      <div className="flex flex-wrap gap-4">
        <SelectField
          label="Publicly available"
          value={fromBoolean(fields.publiclyAvailable)}
          options={yesNoUnknown}
          onChange={(value) => set({ publiclyAvailable: toBoolean(value) })}
          disabled={disabled}
        />
        <SelectField
          label="Industry classification"
          value={fields.industryClassification ?? ''}
          options={[
            { value: '', label: 'Unknown' },
            ...IndustryClassification.options.map((c) => ({ value: c, label: c })),
          ]}
          onChange={(value) =>
            set({ industryClassification: IndustryClassification.safeParse(value).data ?? null })
          }
          disabled={disabled}
        />
        <label className="flex items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            checked={fields.exifViewedByEsp}
            disabled={disabled}
            onChange={(event) => set({ exifViewedByEsp: event.target.checked })}
          />
          EXIF viewed by the provider
        </label>
      </div>
      <TagsField
        legend="File annotations"
        value={fields.fileAnnotations}
        options={FileAnnotation.options}
        labels={fileAnnotationLabels}
        onChange={(fileAnnotations) => set({ fileAnnotations })}
        disabled={disabled}
      />
      {move}
    </section>
  );
}
