import { IpEventName, type ReportedPerson } from '../../../api/schemas/report-person';
import { Button } from '../../../components/ui/button';
import { ipEventLabels } from '../../../domain/cybertipline-labels';
import { SelectField } from '../../../components/ui/select-field';
import { Section, TextField } from './fields';
import type { SectionProps } from './report-sections';

const emptyPerson: ReportedPerson = { screenName: null, profileUrl: null, ipCaptureEvents: [] };

/** `personOrUserReported`: the uploader the data holds; never the supplier. */
export function PersonSection({ fields, update, disabled }: SectionProps) {
  const person = fields.reportedPerson;
  const set = (change: Partial<ReportedPerson>) =>
    update((f) => ({ ...f, reportedPerson: { ...(f.reportedPerson ?? emptyPerson), ...change } }));
  return (
    <Section title="Reported user">
      <p className="text-sm text-slate-700">
        The uploader named in the dataset, reported as a third-party user. Never name the supplier
        as the suspect.
      </p>
      {person === null ? (
        !disabled && (
          <Button className="self-start" onClick={() => set({})}>
            Add the uploader
          </Button>
        )
      ) : (
        <>
          <TextField
            label="Screen name"
            untrusted
            value={person.screenName ?? ''}
            onChange={(value) => set({ screenName: value || null })}
            disabled={disabled}
          />
          <TextField
            label="Profile URL"
            untrusted
            value={person.profileUrl ?? ''}
            onChange={(value) => set({ profileUrl: value || null })}
            disabled={disabled}
          />
          {person.ipCaptureEvents.map((event, index) => (
            <fieldset key={index} className="flex flex-wrap items-end gap-2">
              <legend className="text-xs font-semibold text-slate-700">
                IP address {index + 1}
              </legend>
              <TextField
                label="IP address"
                untrusted
                value={event.ipAddress}
                onChange={(ipAddress) =>
                  set({
                    ipCaptureEvents: person.ipCaptureEvents.map((e, i) =>
                      i === index ? { ...e, ipAddress } : e,
                    ),
                  })
                }
                disabled={disabled}
              />
              <SelectField
                label="Event"
                value={event.eventName}
                options={IpEventName.options.map((name) => ({
                  value: name,
                  label: ipEventLabels[name],
                }))}
                onChange={(eventName) =>
                  set({
                    ipCaptureEvents: person.ipCaptureEvents.map((e, i) =>
                      i === index ? { ...e, eventName } : e,
                    ),
                  })
                }
                disabled={disabled}
              />
            </fieldset>
          ))}
          {!disabled && (
            <div className="flex gap-2">
              <Button
                onClick={() =>
                  set({
                    ipCaptureEvents: [
                      ...person.ipCaptureEvents,
                      { ipAddress: '', eventName: 'Upload', dateTime: null },
                    ],
                  })
                }
              >
                Add an IP address
              </Button>
              <Button
                variant="quiet"
                onClick={() => update((f) => ({ ...f, reportedPerson: null }))}
              >
                Remove the reported user
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
