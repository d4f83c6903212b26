import type { RuleCatalogue } from './types';

export const totalsTexts: RuleCatalogue = {};
