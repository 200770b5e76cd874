package org.qualigraph.base;

import com.vaadin.flow.component.UI;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the counts of the side menu ("Waiting for my review", "Returned to me") current in every open UI without a
 * reload. A feature calls {@link #changed()} after a step on this instance, and every menu is refreshed at once
 * (pushed to the browser); steps taken on another instance sharing the database are noticed by reading the
 * {@link MenuStamp}s every {@code qualigraph.menu.poll} (5 s by default): one cheap read per instance, however many
 * users are signed in, and the counts themselves are read again only when a stamp moved.
 */
@Component
public class MenuCounts {

    private static final Logger log = LoggerFactory.getLogger(MenuCounts.class);

    private final ObjectProvider<MenuStamp> stamps;
    private final Map<UI, MainLayout> menus = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;
    private volatile List<Long> lastStamps;

    MenuCounts(ObjectProvider<MenuStamp> stamps, @Value("${qualigraph.menu.poll:5s}") Duration poll) {
        this.stamps = stamps;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "menu-counts");
            thread.setDaemon(true);
            return thread;
        });
        if (!poll.isZero() && !poll.isNegative()) {
            poller.scheduleWithFixedDelay(this::pollQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void register(UI ui, MainLayout menu) {
        menus.put(ui, menu);
    }

    void unregister(UI ui) {
        menus.remove(ui);
    }

    /** Something that the counts depend on changed on this instance: refresh every open menu now. */
    public void changed() {
        menus.forEach((ui, menu) -> {
            if (ui.isClosing() || ui.getSession() == null) {
                menus.remove(ui);
                return;
            }
            try {
                // runs at once where the UI's session is free, else when its current request ends; pushed either way
                ui.access(menu::refreshCounts);
            } catch (com.vaadin.flow.component.UIDetachedException gone) {
                menus.remove(ui);
            }
        });
    }

    /**
     * Reads the stamps and refreshes every open menu when one of them moved since the last check (a step taken on
     * another instance); returns whether it did. Called by the poll; public for tests and operations.
     */
    public boolean poll() {
        var now = stamps.orderedStream().map(MenuStamp::stamp).toList();
        var before = lastStamps;
        lastStamps = now;
        if (before == null || before.equals(now)) {
            return false;
        }
        changed();
        return true;
    }

    private void pollQuietly() {
        if (menus.isEmpty()) {
            return;
        }
        try {
            poll();
        } catch (RuntimeException e) {
            // a database that is briefly away must not end the schedule; the next poll tries again
            log.debug("Could not read the menu stamps", e);
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
