import { integrationTexts } from '../features/admin/integration-texts';
import { adminTexts } from '../features/admin/texts';
import { alertsTexts } from '../features/alerts/texts';
import { campaignsTexts } from '../features/campaigns/texts';
import { commonTexts } from '../features/common/texts';
import { createTexts } from '../features/create/texts';
import { enrollTexts } from '../features/enroll/texts';
import { exportsTexts } from '../features/exports/texts';
import { figuresTexts } from '../features/figures/texts';
import { meetingsTexts } from '../features/meetings/texts';
import { outcomesTexts } from '../features/outcomes/texts';
import { queueTexts } from '../features/queue/texts';
import { requestTexts } from '../features/request/texts';
import { shellTexts } from '../features/shell/texts';
import type { FeatureTexts } from '../i18n/i18n';

/** The texts of every feature, registered with i18next at start. */
export const FEATURE_TEXTS = [
  commonTexts,
  shellTexts,
  enrollTexts,
  queueTexts,
  requestTexts,
  createTexts,
  campaignsTexts,
  adminTexts,
  integrationTexts,
  alertsTexts,
  exportsTexts,
  figuresTexts,
  meetingsTexts,
  outcomesTexts,
] as const satisfies readonly FeatureTexts[];
