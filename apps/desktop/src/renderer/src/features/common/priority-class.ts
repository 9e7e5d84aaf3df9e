/** Short lowercase class for a priority label: P0 → p0; unknown labels share a neutral look. */
export function priorityClass(label: string): string {
  return /^P[0-2]$/.test(label) ? `kit-prio kit-prio-${label.toLowerCase()}` : 'kit-prio';
}
