import { channelLabel, platformLabel } from './channels.js'
import { onTimeRate, percent, ratioOf, satisfactionRate } from './rates.js'
import type { InteractionFacts } from './yearFacts.js'

/**
 * The sentences the annual report's draft states from the interaction records (the 2021 format asks for them
 * in 一、总体情况): responses and consultations under 主动公开, letters, other channels and 政务新媒体 under 平台建设.
 * '' where the records hold nothing.
 */
export function interactionSentences(f: InteractionFacts): { proactive: string; platforms: string } {
  const r = f.responses
  const proactive: string[] = []
  if (f.responseEvents > 0) {
    const press = r['response.pressConferences'] ?? 0
    const leader = r['response.pressConferencesLeader'] ?? 0
    const interviews = r['response.interviews'] ?? 0
    const parts = [
      press ? `举办或参加新闻发布会${press}次${leader ? `（主要负责同志参加${leader}次）` : ''}` : '',
      interviews ? `在线访谈${interviews}次` : '',
      `其他方式回应${f.responseEvents - press - interviews}次`,
    ].filter(Boolean)
    proactive.push(`回应公众关注热点${r['response.hotspots'] ?? 0}个，${parts.join('，')}。`)
  }
  if (f.consultations.held > 0) {
    const c = f.consultations
    proactive.push(
      `就${c.held}件政策文件草案公开征求意见，收到意见建议${c.comments}条，采纳${c.adopted}条，并公布采纳情况。`,
    )
  }
  if (f.surveys.held > 0) proactive.push(`开展在线调查${f.surveys.held}次，收到答卷${f.surveys.answers}份。`)

  const platforms: string[] = []
  const l = f.letters
  if (l.received > 0 || l.answered > 0) {
    const rated = satisfactionRate(l)
    const onTime = onTimeRate(l)
    platforms.push(
      `通过政民互动渠道收到群众咨询、建议、投诉、举报${l.received}件，答复${l.answered}件` +
        (onTime === null ? '' : `，按时办结率${percent(onTime)}`) +
        (rated === null ? '。' : `，满意率${percent(rated)}。`),
    )
  }
  for (const c of f.channels) {
    const extra = [
      c.resolved !== null ? `问题解决率${percent(ratioOf(c.resolved, c.received))}` : '',
      c.onTime !== null ? `按期处置率${percent(ratioOf(c.onTime, c.received))}` : '',
    ].filter(Boolean)
    platforms.push(`受理${channelLabel(c.channel)}件${c.received}件${extra.length ? `，${extra.join('，')}` : ''}。`)
  }
  for (const a of f.accounts) {
    const posts = f.accountPosts[a.platform] ?? 0
    platforms.push(`${platformLabel(a.platform)}“${a.name}”${posts ? `发布信息${posts}条` : '持续运行'}。`)
  }
  return { proactive: proactive.join(''), platforms: platforms.join('') }
}
