export interface FormFieldProps {
  /** The input's id; the hint and the errors get ids made from it. */
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** Problems the API reported for this field; the field is marked invalid when there are any. */
  errors?: string[];
  value: string;
  onChange(value: string): void;
  /** A textarea (one entry per line) instead of a one-line input. */
  multiline?: boolean;
}

/** A labelled text field with its hint and the API's messages about it, linked for screen readers. */
export function FormField({
  id,
  name,
  label,
  hint,
  errors,
  value,
  onChange,
  multiline = false,
}: FormFieldProps) {
  const describedBy = `${hint ? `${id}-hint ` : ''}${errors ? `${id}-err` : ''}`.trim() || undefined;
  const common = {
    id,
    name,
    value,
    'aria-invalid': errors ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={`field${errors ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {errors && (
        <ul id={`${id}-err`} className="field-error">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
