/** The submit button of an inline meeting form. */
export function SubmitButton({ label, testId }: { label: string; testId: string }) {
  return (
    <button type="submit" className="kit-button" data-testid={testId}>
      {label}
    </button>
  );
}
