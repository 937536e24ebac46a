import { useEffect, useRef } from 'react';
import { FileAnnotation } from '../../../api/schemas/decision';
import { fileAnnotationLabels } from '../../../domain/cybertipline-labels';

/**
 * The optional CyberTipline file annotations a confirmation can carry, as checkboxes. Opening it
 * (by button or `a`) moves the focus to the first box; Space ticks, the decision keys still work.
 */
export function AnnotationPicker({
  value,
  onChange,
  disabled,
}: {
  value: readonly FileAnnotation[];
  onChange: (value: FileAnnotation[]) => void;
  disabled: boolean;
}) {
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm" disabled={disabled}>
      <legend className="text-xs text-slate-700">File annotations for the report (optional)</legend>
      {FileAnnotation.options.map((tag, index) => (
        <label key={tag} className="flex items-center gap-1">
          <input
            ref={index === 0 ? first : undefined}
            type="checkbox"
            checked={value.includes(tag)}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...value, tag] : value.filter((other) => other !== tag),
              )
            }
          />
          {fileAnnotationLabels[tag]}
        </label>
      ))}
    </fieldset>
  );
}
