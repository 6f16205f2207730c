// Internal to the package (not an entry point): what `cqc-assurance/timeline` exports, listed once
// for its node entry (timeline.node.js) and its browser entry (timeline.web.js), which load
// the timeline module (`cqc_assurance_timeline_bg.wasm`) and then re-export this.
export {
  timeline,
  timelineIcs,
  timelineText,
  timelineProfile,
  bankHolidays,
  bankHolidaysFromGovUk,
  easterSunday,
  isWorkingDay,
  nonWorkingReason,
  addWorkingDays,
  workingDaysBetween,
} from "./cqc_assurance_timeline.js";
