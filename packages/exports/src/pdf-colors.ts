/** Colours shared by the PDF exports and the charts. */
export const COLORS = {
  ink: '#1b1b1b',
  muted: '#5c5c5c',
  header: '#1f3864',
  zebra: '#f2f5fa',
  rule: '#c9d1de',
  ack: '#4472c4',
  answer: '#ed7d31',
} as const;
