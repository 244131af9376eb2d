import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { channelsPage } from './channelCounts.js'
import { actingAgency, agenciesOf, pickableAgencies } from './common.js'
import { concernResponses } from './concernResponses.js'
import { consultationsForStaff } from './consultations.js'
import { interactionPanel } from './interactionFigures.js'
import { letterDesk } from './letterDesk.js'
import { deadlinesOf } from './letterDeadlineSettings.js'
import { surveysForStaff } from './surveys.js'

// What each console page of 政民互动 reads, in one call per page (the routes stay one service call each).

export async function deskPage(p: { store: Store; actor: Actor; today: CalendarDay; all: boolean }) {
  return {
    letters: await letterDesk({ ...p, open: !p.all }),
    panel: await interactionPanel(p),
  }
}

export async function consultationsPage(p: { store: Store; actor: Actor }) {
  authorize(p.actor, 'interaction.read')
  return { items: await consultationsForStaff(p), agencies: await pickableAgencies(p.store.db, p.actor) }
}

export async function surveysPage(p: { store: Store; actor: Actor }) {
  authorize(p.actor, 'interaction.read')
  return { items: await surveysForStaff(p), agencies: await pickableAgencies(p.store.db, p.actor) }
}

export async function responsesPage(p: { store: Store; actor: Actor }) {
  return {
    responses: await concernResponses(p.store, agenciesOf(p.actor, 'interaction.read')),
    agencies: await pickableAgencies(p.store.db, p.actor),
  }
}

export async function channelsAndAccountsPage(p: { store: Store; actor: Actor; today: CalendarDay }) {
  const year = Number(p.today.slice(0, 4))
  return { year, ...(await channelsPage({ ...p, year })), agencies: await pickableAgencies(p.store.db, p.actor) }
}

export async function settingsPage(p: { store: Store; actor: Actor; agencyId: number | null }) {
  const agencies = await pickableAgencies(p.store.db, p.actor)
  const agencyId = actingAgency(p.actor, p.agencyId ?? agencies[0]?.id ?? null)
  return { agencies, agencyId, deadlines: await deadlinesOf(p.store, p.actor, agencyId) }
}
