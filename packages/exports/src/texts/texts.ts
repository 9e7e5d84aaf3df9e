import type { ItemOutcome, RequestKind, RequestStatus } from '@contact-desk/shared';
import type { AttendanceStatus, Language } from '../types.js';

/** Every word an export writes, in one language. */
export interface Texts {
  readonly language: Language;
  readonly locale: string;
  readonly decimalSeparator: string;
  readonly fileNames: { readonly lateList: string; readonly figures: string; readonly minutes: string; readonly campaign: string };
  readonly meta: {
    readonly period: string;
    readonly timeZone: string;
    readonly generatedAt: string;
    readonly logPosition: string;
    readonly lastSeq: string;
    readonly headHash: string;
    readonly platforms: string;
    readonly allPlatforms: string;
    readonly rows: string;
    readonly sheetName: string;
    readonly field: string;
    readonly value: string;
    readonly to: string;
    /** Footer, e.g. `page 1 / 3`. */
    readonly page: (page: number, count: number) => string;
  };
  readonly late: {
    readonly sheetName: string;
    /** How to read the spreadsheet's times, for its "About" sheet. */
    readonly sheetNote: string;
    readonly empty: string;
    readonly columns: {
      readonly ref: string;
      readonly platform: string;
      readonly kind: string;
      readonly priority: string;
      readonly created: string;
      readonly ackDeadline: string;
      readonly ackAt: string;
      readonly ackDelay: string;
      readonly actionDeadline: string;
      /** Beside the action deadline in the spreadsheets, why it is empty (its column holds only dates). */
      readonly actionDeadlineNote: string;
      readonly answeredAt: string;
      readonly answerDelay: string;
      readonly status: string;
      readonly items: string;
      readonly outcomes: string;
      readonly locations: string;
    };
    readonly notReceived: string;
    /** Last line of a cell whose values do not all fit in the PDF, e.g. `… et 3 autres`. */
    readonly moreValues: (count: number) => string;
    /** The line closing the PDF's table: the number of rows and of each kind of lateness. */
    readonly total: (counts: { rows: number; ackLate: number; answerLate: number; unanswered: number }) => string;
  };
  readonly figures: {
    readonly table: string;
    readonly sheetName: string;
    readonly charts: string;
    readonly timeToAck: string;
    readonly timeToAnswer: string;
    readonly median: string;
    readonly p90: string;
    /** Legend of a bar whose p90 lies beyond the axis: the bar is cut and the value written. */
    readonly beyondAxis: string;
    readonly weeklyAck: string;
    readonly weeklyAnswer: string;
    readonly noData: string;
    readonly method: string;
  };
  readonly campaign: {
    /** Heading of the campaign's block, and its name's label. */
    readonly heading: string;
    readonly name: string;
    readonly status: string;
    readonly startedAt: string;
    /** The campaign's state: open, or closed on a date. */
    readonly open: string;
    readonly closedOn: (date: string) => string;
    readonly terms: string;
    /** One priority's tighter terms, durations written by `formatDuration`. */
    readonly term: (label: string, ack: string, action: string) => string;
    readonly noTerms: string;
    /** The relay time of the log position the figures are computed at. */
    readonly asOf: string;
    readonly requests: string;
    readonly receipt: string;
    readonly receiptSheet: string;
    /** Header of the received count, beside the shared figures' counted, acknowledged and answered. */
    readonly received: string;
    readonly receiptNote: string;
    readonly course: string;
    readonly courseSheet: string;
    /** What the chart and the course sheet count, and the zone of their times. */
    readonly courseNote: (timeZone: string) => string;
    readonly time: string;
    readonly sent: string;
    readonly acknowledged: string;
    readonly answered: string;
    readonly late: string;
    readonly noLate: string;
    /** Under a late table cut short in the PDF: how many of how many it lists, and where all are. */
    readonly lateCut: (shown: number, total: number) => string;
    /** The whole document when no request was sent under the campaign yet. */
    readonly noRequest: string;
    readonly sheetNote: string;
  };
  readonly minutes: {
    readonly regular: string;
    readonly emergency: string;
    readonly date: string;
    readonly place: string;
    readonly videoLink: string;
    readonly chair: string;
    readonly attendance: string;
    readonly party: string;
    readonly partyKind: string;
    readonly presence: string;
    readonly platform: string;
    readonly ministry: string;
    readonly attendanceStatus: Readonly<Record<AttendanceStatus, string>>;
    readonly agenda: string;
    readonly lateRequests: string;
    readonly decisions: string;
    readonly none: string;
    readonly actionItems: string;
    readonly action: string;
    readonly owner: string;
    readonly due: string;
    readonly actionStatus: Readonly<Record<'open' | 'done' | 'dropped', string>>;
    /** The record's standing: adopted (version, date, log position, hash) or a draft. */
    readonly standing: string;
    readonly draft: string;
    readonly adopted: (version: number, date: string, seq: number, hash: string) => string;
    readonly amendmentNote: string;
    readonly closedOn: (state: string, date: string) => string;
    readonly figures: string;
  };
  readonly kinds: Readonly<Record<RequestKind, string>>;
  readonly statuses: Readonly<Record<RequestStatus, string>>;
  readonly outcomes: Readonly<Record<ItemOutcome, string>>;
}
