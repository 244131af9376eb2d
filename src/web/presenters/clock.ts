import type { ApplicationClock } from '../../domain/application/clock.js'

/** The computed dates of a case as the JSON API shows them; `provisional: true` marks guessed years. */
export function presentClock(c: ApplicationClock) {
  return {
    receivedOn: c.receivedOn,
    supplementBy: c.supplementBy.day,
    periodStartsOn: c.periodStartsOn,
    dueBy: c.dueBy?.day ?? null,
    dueByExtended: c.dueByExtended?.day ?? null,
    deadline: c.deadline?.day ?? null,
    extension: c.extension,
    concludedOn: c.concludedOn,
    workingDaysLeft: c.workingDaysLeft,
    dueSoon: c.dueSoon,
    overdue: c.overdue,
    answeredLate: c.answeredLate,
    paused: c.paused,
    pauses: c.pauses,
    provisional: c.provisional,
  }
}
