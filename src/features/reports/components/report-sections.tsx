import { Timestamp } from '../../../api/schemas/common';
import { useState } from 'react';
import type { ReportEditable } from '../../../api/schemas/report';
import { IncidentType, ReportAnnotation } from '../../../api/schemas/report-incident';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { reportAnnotationLabels } from '../../../domain/cybertipline-labels';
import { Section, TagsField, TextField, fromBoolean, toBoolean, yesNoUnknown } from './fields';

export type Update = (change: (fields: ReportEditable) => ReportEditable) => void;
export interface SectionProps {
  fields: ReportEditable;
  update: Update;
  disabled: boolean;
}

/**
 * An instant typed as ISO 8601 in UTC. The text is kept as typed; the field holds it only once it
 * is a valid instant (until then it counts as missing).
 */
function InstantField({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  disabled: boolean;
}) {
  const [text, setText] = useState(value ?? '');
  const valid = Timestamp.safeParse(text.trim()).success;
  return (
    <TextField
      label={label}
      value={text}
      onChange={(typed) => {
        setText(typed);
        onChange(Timestamp.safeParse(typed.trim()).success ? typed.trim() : null);
      }}
      disabled={disabled}
      invalid={!valid && text !== ''}
      hint={
        valid || text === ''
          ? 'For example 2025-08-14T02:11:00Z.'
          : 'Not a valid UTC time (for example 2025-08-14T02:11:00Z): it counts as missing.'
      }
    />
  );
}

/** `incidentSummary`: type, time and what that time is, priority, annotations. */
export function IncidentSection({ fields, update, disabled }: SectionProps) {
  const summary = fields.incidentSummary;
  const set = (change: Partial<ReportEditable['incidentSummary']>) =>
    update((f) => ({ ...f, incidentSummary: { ...f.incidentSummary, ...change } }));
  return (
    <Section title="Incident summary">
      <SelectField
        label="Incident type"
        value={summary.incidentType ?? ''}
        options={[
          { value: '', label: 'Not chosen' },
          ...IncidentType.options.map((t) => ({ value: t, label: t })),
        ]}
        onChange={(value) => set({ incidentType: IncidentType.safeParse(value).data ?? null })}
        disabled={disabled}
      />
      <InstantField
        label="Incident date and time (UTC, ISO 8601)"
        value={summary.incidentDateTime}
        onChange={(incidentDateTime) => set({ incidentDateTime })}
        disabled={disabled}
      />
      <TextField
        label="What that time is"
        value={summary.incidentDateTimeDescription ?? ''}
        onChange={(value) => set({ incidentDateTimeDescription: value || null })}
        disabled={disabled}
        maxLength={500}
        hint="Crawl time, supplier delivery or ingestion."
      />
      <TextField
        label="Escalate to high priority: why (leave empty if not)"
        value={summary.escalateToHighPriority ?? ''}
        onChange={(value) => set({ escalateToHighPriority: value || null })}
        disabled={disabled}
        multiline
        maxLength={2000}
      />
      <TagsField
        legend="Report annotations"
        value={summary.reportAnnotations}
        options={ReportAnnotation.options}
        labels={reportAnnotationLabels}
        onChange={(reportAnnotations) => set({ reportAnnotations })}
        disabled={disabled}
      />
    </Section>
  );
}

/** `internetDetails`: one web page incident per page the files were found on. */
export function InternetSection({ fields, update, disabled }: SectionProps) {
  const setPage = (index: number, change: Partial<ReportEditable['webPages'][number]>) =>
    update((f) => ({
      ...f,
      webPages: f.webPages.map((page, i) => (i === index ? { ...page, ...change } : page)),
    }));
  return (
    <Section title="Internet details">
      {fields.webPages.length === 0 && (
        <p className="text-sm text-slate-700">No web page URL in the supplier’s data.</p>
      )}
      {fields.webPages.map((page, index) => (
        <fieldset key={index} className="flex flex-col gap-2 border-l-2 border-slate-200 pl-3">
          <legend className="text-xs font-semibold text-slate-700">Web page {index + 1}</legend>
          <TextField
            label="URL"
            untrusted
            value={page.url}
            onChange={(url) => setPage(index, { url })}
            disabled={disabled}
            hint="Untrusted text: never opened by the console."
          />
          <SelectField
            label="Third-party hosted content"
            value={fromBoolean(page.thirdPartyHostedContent)}
            options={yesNoUnknown}
            onChange={(value) => setPage(index, { thirdPartyHostedContent: toBoolean(value) })}
            disabled={disabled}
          />
          <TextField
            label="Additional information (at most 100 characters)"
            value={page.additionalInfo}
            onChange={(additionalInfo) => setPage(index, { additionalInfo })}
            disabled={disabled}
            maxLength={100}
          />
          {!disabled && (
            <Button
              variant="quiet"
              className="self-start"
              onClick={() =>
                update((f) => ({ ...f, webPages: f.webPages.filter((_, i) => i !== index) }))
              }
            >
              Remove web page {index + 1}
            </Button>
          )}
        </fieldset>
      ))}
      {!disabled && (
        <Button
          className="self-start"
          onClick={() =>
            update((f) => ({
              ...f,
              webPages: [
                ...f.webPages,
                { url: '', thirdPartyHostedContent: null, additionalInfo: '' },
              ],
            }))
          }
        >
          Add a web page
        </Button>
      )}
    </Section>
  );
}

export function AdditionalInfoSection({ fields, update, disabled }: SectionProps) {
  return (
    <Section title="Additional information">
      <TextField
        label="How it was found, what was done, what is still unknown"
        value={fields.additionalInfo}
        onChange={(additionalInfo) => update((f) => ({ ...f, additionalInfo }))}
        disabled={disabled}
        multiline
        maxLength={20_000}
      />
      <SelectField
        label="Were the files kept out of training?"
        value={fromBoolean(fields.excludedFromTraining)}
        options={yesNoUnknown}
        onChange={(value) => update((f) => ({ ...f, excludedFromTraining: toBoolean(value) }))}
        disabled={disabled}
      />
      <p className="text-xs text-slate-700">
        Only a person can say: the records show the quarantine, not what training used. Answered,
        the report says so; unknown, it says nothing about it.
      </p>
    </Section>
  );
}
