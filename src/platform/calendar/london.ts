/**
 * Kept for the callers that imported `londonDateOf` from here before the calendar
 * had an index. New code imports `todayInLondon` from './index.js'.
 */
export { todayInLondon as londonDateOf } from './dates.js';
