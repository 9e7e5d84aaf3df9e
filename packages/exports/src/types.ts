import type {
  CampaignPoint,
  CampaignStatus,
  CampaignTerm,
  ItemOutcome,
  PlatformFigures,
  RequestKind,
  RequestStatus,
  StepState,
} from '@contact-desk/shared';

/** Language of an export's texts. */
export type Language = 'fr' | 'en';

/** A period of time: `from` inclusive, `to` exclusive, both in ms since the epoch. */
export interface ExportPeriod {
  readonly from: number;
  readonly to: number;
}

/**
 * What every export states about itself, so that anyone can check it against the relay's log:
 * the period, the time zone the times are written in, when it was generated and the log
 * position (last sequence number, optionally the head hash) it was computed from.
 */
export interface ExportMeta {
  readonly title: string;
  readonly period: ExportPeriod;
  /** IANA time zone, e.g. `Europe/Paris`. Every time in the export is written in this zone. */
  readonly timeZone: string;
  /** When the export was generated, ms since the epoch. */
  readonly generatedAt: number;
  /** Sequence number of the last event of the log the export was computed from. */
  readonly lastSeq: number;
  /** Hash of the log's head, if the relay gives one. */
  readonly headHash?: string;
  /** Names of the platforms covered (empty: all). */
  readonly platforms: readonly string[];
  readonly language: Language;
}

/** Lets a long export report its progress (`done` out of `total` rows). */
export interface ProgressOptions {
  readonly onProgress?: (done: number, total: number) => void;
}

/** A platform as the exports need it. */
export interface PlatformRef {
  readonly name: string;
}

/** One line of the late-response list. Times are ms since the epoch, delays are ms. */
export interface LateRow {
  readonly ref: string;
  readonly platformId: string;
  /** Platform name (the id when the platform is unknown). */
  readonly platform: string;
  readonly kind: RequestKind;
  /** Priority label, e.g. `P0`. */
  readonly priority: string;
  /** Relay time at which the request was recorded. */
  readonly createdAt: number;
  readonly ackDeadline: number;
  readonly ackAt: number | null;
  /**
   * How late the acknowledgement was: `ackAt − ackDeadline` when done late, time from the
   * deadline to `now` (or to the withdrawal / contest) when still missing; null when on time.
   */
  readonly ackDelayMs: number | null;
  readonly ackState: StepState;
  /** Null while no device of the platform has received the request. */
  readonly actionDeadline: number | null;
  readonly answeredAt: number | null;
  /** How late the answer was, as `ackDelayMs`; null when on time or not applicable. */
  readonly answerDelayMs: number | null;
  readonly actionState: StepState;
  readonly status: RequestStatus;
  /** No answer and the time for one has run out. */
  readonly unanswered: boolean;
  readonly itemCount: number;
  /** Items answered per outcome. */
  readonly outcomes: Readonly<Partial<Record<ItemOutcome, number>>>;
  /** Language-neutral summary of `outcomes`, e.g. `removed ×2, refused ×1`. */
  readonly outcomesSummary: string;
  /** What the ministry pasted for each item (URLs, handles, content ids). */
  readonly locations: readonly string[];
}

/** Input of the late-response list exports. */
export interface LateListInput {
  readonly rows: readonly LateRow[];
  readonly meta: ExportMeta;
}

/** One point of the weekly trend: medians in ms, undefined when nothing to measure. */
export interface WeeklyPoint {
  /** ISO week label, e.g. `2026-W45`. */
  readonly week: string;
  readonly platformId: string;
  readonly medianAck: number | undefined;
  readonly medianAnswer: number | undefined;
}

/** Input of the figures export. */
export interface FiguresInput {
  readonly figures: readonly PlatformFigures[];
  readonly weekly: readonly WeeklyPoint[];
  readonly platforms: ReadonlyMap<string, PlatformRef>;
  readonly meta: ExportMeta;
}

/** A campaign as its report states it (the fields of the shared `Campaign` record it needs). */
export interface CampaignSummary {
  readonly name: string;
  readonly status: CampaignStatus;
  /** Relay time the ministry started it, ms since the epoch. */
  readonly startedAt: number;
  /** Relay time it was closed; null while open. */
  readonly closedAt: number | null;
  /** Tighter terms per priority; empty: the policy's own. */
  readonly terms: readonly CampaignTerm[];
}

/**
 * Input of the campaign report (`campaignReportPdf`, `campaignReportXlsx`); `campaignReportInput`
 * builds it from the read model's requests, so that every number is the shared definitions'.
 */
export interface CampaignReportInput {
  /**
   * The report's metadata: `period` from the campaign's start to the relay time of the log
   * position cited (`to`, the instant the figures are computed at), `lastSeq` and `headHash` of
   * that position.
   */
  readonly meta: ExportMeta;
  readonly campaign: CampaignSummary;
  /** `campaignFigures(requests, campaignId, at)`: per platform, then all platforms. Empty: no request yet. */
  readonly figures: readonly PlatformFigures[];
  /** `campaignCourse(campaignRequests(requests, campaignId), at)`: cumulative counts over time. */
  readonly course: readonly CampaignPoint[];
  /** The campaign's late rows (`campaignLateRows`): exactly the requests behind the figures' `late`. */
  readonly late: readonly LateRow[];
  /** Platform names by id (an unknown id is written as is). */
  readonly platforms: ReadonlyMap<string, PlatformRef>;
}

export type AttendanceStatus = 'present' | 'excused' | 'absent';

/** Adopted minutes, as the relay recorded them; a document without it is a draft. */
export interface MinutesAdoption {
  readonly version: number;
  /** Relay time of the adoption, ms since the epoch. */
  readonly adoptedAt: number;
  /** The log position the content is frozen at. */
  readonly upToSeq: number;
  /** SHA-256 of the canonical JSON of the adopted content. */
  readonly contentHash: string;
  /** What an amendment changed (null for the first version). */
  readonly note: string | null;
}

export interface MinutesInput {
  readonly meta: ExportMeta;
  /** Absent: a draft, marked as such on every page that says what the document is. */
  readonly adoption?: MinutesAdoption;
  readonly meeting: {
    readonly title: string;
    readonly kind: 'regular' | 'emergency';
    /** ms since the epoch. */
    readonly startsAt: number;
    readonly place: string;
    readonly videoLink?: string;
    readonly chair: string;
  };
  readonly attendance: readonly {
    readonly party: string;
    readonly kind: 'platform' | 'ministry';
    readonly status: AttendanceStatus;
    /** Names of the people who attended for this party. */
    readonly attendees?: readonly string[];
  }[];
  readonly agenda: readonly {
    readonly title: string;
    readonly platformName?: string;
    readonly notes: string;
    /** Refs of late requests discussed under this item. */
    readonly lateRequests?: readonly string[];
  }[];
  readonly decisions: readonly { readonly text: string; readonly platformName?: string }[];
  readonly actionItems: readonly {
    readonly text: string;
    readonly owner: string;
    /** ms since the epoch. */
    readonly dueDate?: number;
    readonly status: 'open' | 'done' | 'dropped';
    /** When it was closed (done or dropped), ms since the epoch. */
    readonly closedAt?: number;
  }[];
  /** Figures of the period, one row per platform (`platformName` or `platformId` shown). */
  readonly figures: readonly (PlatformFigures & { readonly platformName?: string })[];
}
