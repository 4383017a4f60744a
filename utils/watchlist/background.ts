// The watchlist's background side: roles (mine / competitor), the refresh on the alarm (resumed
// when the worker starts), tasks with their notifications and badge count, and the popup's list.
// Offers the other features its roles and tasks through kit.ports.watchlist.
import { browser } from 'wxt/browser';
import type { BackgroundFeature } from '../background-kit';
import { t } from '../i18n';
import { WATCH_ALARM } from '../kernel-handlers';
import { answer } from '../messaging';
import { createWatchlistService, TASKS_PER_KIND } from './service';

export const watchlist: BackgroundFeature = {
  name: 'watchlist',
  register(kit) {
    const { db, sources, settings, guard, from, badge } = kit;
    const service = createWatchlistService({
      db,
      sources,
      settings,
      onEvents: async (fresh) => {
        await badge.update();
        if (fresh.length === 0) return;
        await kit.notify(
          `lupa-${fresh[0]?.key ?? Date.now()}`,
          t('notifyTitle', fresh.length),
          fresh
            .slice(0, 3)
            .map((e) => `${e.name}: ${t(`task_${e.kind.replace(/-/g, '_')}` as 'task_price_move')}`)
            .join('\n'),
        );
      },
    });
    kit.ports.watchlist = {
      roleOf: (marketplace, id) => service.roleOf(marketplace, id),
      set: (marketplace, id, role) => service.set(marketplace, id, role),
      record: (events) => service.record(events),
      ownItems: () => service.mine(),
    };
    badge.add(() => service.openCount());

    answer('getWatch', from.anyTabOrPage, async ({ marketplace, id }) => ({ role: await service.roleOf(marketplace, id) }));
    answer('setWatch', from.anyTabOrPage, async ({ marketplace, id, role }) => ({
      role: await guard(() => service.set(marketplace, id, role)),
    }));
    // Nothing is computed per row here and, but for one stored time after a refresh, nothing written.
    answer('getWatchlist', from.extensionPage, async () => {
      const [{ tasks, counts }, watchlist, lastRefresh, alarm] = await Promise.all([
        service.taskGroups(TASKS_PER_KIND),
        service.list(),
        service.lastRefresh(),
        browser.alarms.get(WATCH_ALARM),
      ]);
      await service.markLooked();
      return { tasks, taskCounts: counts, watchlist, lastRefresh: lastRefresh ?? null, nextRefreshAt: alarm?.scheduledTime ?? null };
    });
    answer('markTasksRead', from.extensionPage, async ({ keys, kinds }) => ({ open: await service.markRead(keys, kinds) }));
    answer('runRefresh', from.extensionPage, () => guard(() => service.refresh()));
    kit.onAlarm(() => guard(() => service.refresh()));
    // A refresh the worker's stop interrupted goes on where it left off.
    kit.onStart(async () => ((await service.interrupted()) ? service.refresh() : undefined));
  },
};
